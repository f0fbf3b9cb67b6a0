import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { apiKeyProblem, baseUrlProblem, normaliseBaseUrl } from '../shared/credential';
import type { BillogetClient } from './client';
import { asNodeError, billogetApiError, billogetNetworkError, errorChain } from './errors';
import { noteRateLimitHeaders, waitForRateLimitReset } from './rateLimit';

export type BillogetContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE = 'billogetApi';

export interface BillogetRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's Base URL, e.g. '/api/public/customers/42'. */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	itemIndex?: number;
	/** Message for a 404 answer, e.g. 'No customer with ID 42 exists in Billoget'. */
	notFoundMessage?: string;
	/**
	 * For POSTs that create a record: looks for the record a lost attempt may have created. When the
	 * answer to a POST is lost (reset, timeout, 5xx), the transport asks this before trying again; without
	 * it such a POST is never repeated and the error says the outcome is unknown.
	 */
	findCreated?: () => Promise<IDataObject | undefined>;
}

export interface BillogetResponse {
	status: number;
	headers: Record<string, string>;
	body: unknown;
	/** True when a lost POST was found to have been applied (body is then what findCreated returned). */
	recovered?: boolean;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

interface NetworkFailure {
	code: string;
	timedOut: boolean;
	/** True only where the request cannot have reached Billoget. */
	notSent: boolean;
}

function networkFailureOf(error: unknown): NetworkFailure | undefined {
	for (const candidate of errorChain(error)) {
		const code = typeof candidate.code === 'string' ? candidate.code : undefined;
		const message = typeof candidate.message === 'string' ? candidate.message : '';
		if ((code && NETWORK_CODES.has(code)) || /socket hang up|timeout of \d+ms exceeded/i.test(message)) {
			const resolved = code ?? (/timeout/i.test(message) ? 'ECONNABORTED' : 'ECONNRESET');
			return {
				code: resolved,
				timedOut: resolved === 'ECONNABORTED' || resolved === 'ETIMEDOUT' || /timeout/i.test(message),
				notSent: resolved === 'ECONNREFUSED' || resolved === 'ENOTFOUND' || resolved === 'EAI_AGAIN',
			};
		}
	}
	return undefined;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (typeof headers === 'object' && headers !== null) {
		for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
			result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
	}
	return result;
}

/** The wait before retry number `attempt` (1, 2, …): doubling from a quarter second, at most 8 s. */
export function backoffMs(attempt: number): number {
	return Math.min(8000, 250 * 2 ** (attempt - 1));
}

/** Reads the credential's Base URL and checks the key's form before anything is sent. */
async function baseUrlOf(ctx: BillogetContext, itemIndex?: number): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const problem = apiKeyProblem(credentials.apiKey) ?? baseUrlProblem(credentials.baseUrl);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.fix, itemIndex });
	}
	return normaliseBaseUrl(credentials.baseUrl as string);
}

/** Drops undefined, null and '' values so that empty optional parameters are not sent. */
export function compact(data: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(data)) {
		if (value !== undefined && value !== null && value !== '') {
			result[key] = value;
		}
	}
	return result;
}

/**
 * The one door to Billoget, behind BillogetClient.request (./client.ts). Authenticates through n8n's credential helper, joins the Base URL, and
 * applies the retry policy of docs/design.md ("Rate limits and retries"):
 *  - 429: wait Retry-After when it is within the node's maximum wait, then retry (bounded);
 *  - 5xx and lost connections: retry with backoff for GET/PUT/DELETE; a POST only where Billoget cannot
 *    have acted (429, connection refused) or after `findCreated` shows the first attempt created nothing.
 */
export async function sendRequest(client: BillogetClient, request: BillogetRequest): Promise<BillogetResponse> {
	const { ctx, settings, rate } = client;
	const baseUrl = await baseUrlOf(ctx, request.itemIndex);
	const isPost = request.method === 'POST';
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path.startsWith('/') ? '' : '/'}${request.path}`,
		headers: { Accept: 'application/json' },
		qs: request.qs ? compact(request.qs) : undefined,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
	};

	let rateLimitRetries = 0;
	let failureRetries = 0;
	let ambiguousFailure = false;
	for (;;) {
		await waitForRateLimitReset(ctx, rate, settings, request.itemIndex);
		let status: number;
		let headers: Record<string, string>;
		let body: unknown;
		try {
			rate.requests++;
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_TYPE,
				options,
			)) as { statusCode: number; headers: unknown; body: unknown };
			status = response.statusCode;
			headers = lowerCaseHeaders(response.headers);
			body = response.body;
		} catch (error) {
			const failure = networkFailureOf(error);
			if (!failure) {
				throw asNodeError(ctx.getNode(), error, request.itemIndex);
			}
			const mayHaveApplied = !failure.notSent;
			if (isPost && mayHaveApplied) {
				const created = await recoverPost(ctx, request);
				if (created) {
					return { status: 201, headers: {}, body: created, recovered: true };
				}
				if (!request.findCreated) {
					throw billogetNetworkError(ctx.getNode(), failure.code, {
						itemIndex: request.itemIndex,
						outcomeUnknown: true,
						timeoutMs: failure.timedOut ? settings.timeoutMs : undefined,
					});
				}
			}
			if (failure.timedOut && !isPost) {
				// A Billoget that hangs once usually hangs again: end at the timeout instead of multiplying it.
				throw billogetNetworkError(ctx.getNode(), failure.code, {
					itemIndex: request.itemIndex,
					timeoutMs: settings.timeoutMs,
				});
			}
			if (failureRetries >= settings.maxRetries) {
				throw billogetNetworkError(ctx.getNode(), failure.code, {
					itemIndex: request.itemIndex,
					timeoutMs: failure.timedOut ? settings.timeoutMs : undefined,
				});
			}
			ambiguousFailure = ambiguousFailure || mayHaveApplied;
			failureRetries++;
			await sleep(backoffMs(failureRetries));
			continue;
		}

		noteRateLimitHeaders(rate, headers, settings.now());

		if (status >= 200 && status < 300) {
			return { status, headers, body };
		}
		if (status === 429) {
			const waitMs = rate.retryAfterMs(headers, settings.now());
			if (rateLimitRetries < settings.maxRateLimitRetries && waitMs <= settings.maxRateLimitWaitMs) {
				rateLimitRetries++;
				await sleep(Math.max(waitMs, 50));
				continue;
			}
			throw billogetApiError(ctx.getNode(), status, body, {
				itemIndex: request.itemIndex,
				resetAt: new Date(settings.now() + waitMs),
			});
		}
		if (status === 404 && request.method === 'DELETE' && ambiguousFailure) {
			// The earlier attempt whose answer was lost did delete it.
			return { status: 204, headers, body: undefined };
		}
		if (RETRYABLE_STATUS.has(status)) {
			if (isPost) {
				const created = await recoverPost(ctx, request);
				if (created) {
					return { status: 201, headers, body: created, recovered: true };
				}
				if (!request.findCreated) {
					const error = billogetApiError(ctx.getNode(), status, body, { itemIndex: request.itemIndex });
					// A gateway may answer 5xx after the write was applied: never re-post blindly.
					error.context.outcome = 'unknown';
					throw error;
				}
			}
			if (failureRetries < settings.maxRetries) {
				failureRetries++;
				await sleep(backoffMs(failureRetries));
				continue;
			}
		}
		throw billogetApiError(ctx.getNode(), status, body, {
			itemIndex: request.itemIndex,
			notFoundMessage: request.notFoundMessage,
		});
	}
}

/** Looks for what a lost POST created; when even that fails, the outcome is unknown. */
async function recoverPost(ctx: BillogetContext, request: BillogetRequest): Promise<IDataObject | undefined> {
	if (!request.findCreated) return undefined;
	try {
		return await request.findCreated();
	} catch (error) {
		const unknown = asNodeError(ctx.getNode(), error, request.itemIndex);
		unknown.context.outcome = 'unknown';
		unknown.description = `The answer to the create was lost, and checking whether Billoget created the record failed too (${unknown.message}). Check in Billoget before running this item again.`;
		throw unknown;
	}
}

/** Unwraps `{ data: {...} }` single-object answers; other bodies are returned as they are. */
export function unwrapData(body: unknown): IDataObject {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
		const record = body as IDataObject;
		if (
			'data' in record &&
			typeof record.data === 'object' &&
			record.data !== null &&
			!Array.isArray(record.data) &&
			!('pagination' in record)
		) {
			return record.data as IDataObject;
		}
		return record;
	}
	return {};
}
