import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/**
 * Billoget errors come in two shapes:
 *  - documented: { error: 'insufficient_scope', message, details, timestamp, requestId }
 *  - SDK era:    { statusCode: 403, message, error: 'Forbidden' }
 * Both become one NodeApiError whose message says what happened and whose description says what to change.
 */
export interface BillogetErrorBody {
	code?: string;
	message?: string;
	details?: Record<string, unknown>;
	requestId?: string;
}

const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

export function parseErrorBody(body: unknown): BillogetErrorBody {
	if (typeof body === 'string') {
		try {
			return parseErrorBody(JSON.parse(body));
		} catch {
			return { message: body.slice(0, 300) };
		}
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return {};
	}
	const record = body as Record<string, unknown>;
	const error = typeof record.error === 'string' ? record.error : undefined;
	const message = Array.isArray(record.message)
		? record.message.map(String).join('; ')
		: typeof record.message === 'string'
			? record.message
			: undefined;
	return {
		// SDK-era bodies carry the reason phrase ("Forbidden") in `error`; only snake_case is a code.
		code: error && CODE_PATTERN.test(error) ? error : undefined,
		message,
		details:
			typeof record.details === 'object' && record.details !== null
				? (record.details as Record<string, unknown>)
				: undefined,
		requestId: typeof record.requestId === 'string' ? record.requestId : undefined,
	};
}

/** The scope named in an insufficient_scope message ("… required scope: WRITE_BUDGETS"). */
export function requiredScope(parsed: BillogetErrorBody): string | undefined {
	const fromDetails = parsed.details?.requiredScope ?? parsed.details?.required_scope;
	if (typeof fromDetails === 'string') return fromDetails;
	const match = /scope:?\s*([A-Z_]+)/.exec(parsed.message ?? '');
	return match?.[1];
}

export interface ErrorContext {
	itemIndex?: number;
	/** Message for a 404, e.g. 'No customer with ID 42 exists in Billoget'. */
	notFoundMessage?: string;
	/** When the limit resets, for 429s the transport gave up on. */
	resetAt?: Date;
}

interface Explanation {
	message: string;
	description: string;
}

function explain(status: number, parsed: BillogetErrorBody, context: ErrorContext): Explanation {
	const said = parsed.message ? `Billoget said: "${parsed.message}".` : '';
	switch (parsed.code) {
		case 'invalid_api_key':
			return {
				message: 'Billoget did not accept the API key',
				description: `${said} Copy the key again from Billoget → Settings → API Keys into the Billoget credential (it starts with bk_live_ or bk_test_), and check that the credential's Base URL points at the Billoget environment the key belongs to.`,
			};
		case 'api_key_expired':
			return {
				message: 'The Billoget API key has expired',
				description: `${said} Create a new key in Billoget → Settings → API Keys (or extend the expiry of this one) and paste it into the Billoget credential.`,
			};
		case 'unauthorized':
			return {
				message: 'Billoget received no valid API key',
				description: `${said} Open the Billoget credential and fill in the API Key field.`,
			};
		case 'ip_not_allowed':
			return {
				message: "This n8n's IP address is not allowed to use the Billoget API key",
				description: `${said} Add the outgoing IP address of your n8n instance to the key's Allowed IPs in Billoget → Settings → API Keys, or use a key without an IP restriction.`,
			};
		case 'insufficient_scope': {
			const scope = requiredScope(parsed);
			return {
				message: scope
					? `The Billoget API key lacks the ${scope} scope`
					: 'The Billoget API key lacks a scope this operation needs',
				description: `${said} Edit the key in Billoget → Settings → API Keys and add ${scope ?? 'the scope named above'}, or switch the credential to a key that has it.`,
			};
		}
		case 'rate_limit_exceeded': {
			const when = context.resetAt ? ` It resets at ${context.resetAt.toISOString()}.` : '';
			return {
				message: 'Billoget rate limit reached for this API key',
				description: `${said}${when} Wait for the reset, raise the node's "Max Rate Limit Wait" option, lower how often the workflow runs, or ask Billoget for a higher rateLimitPerHour on the key.`,
			};
		}
		case 'validation_error': {
			const field = parsed.details?.field;
			return {
				message: field
					? `Billoget rejected the field "${String(field)}"`
					: 'Billoget rejected the data sent',
				description: `${said} Correct the value in the node's parameters (or in the incoming item) and run it again.`,
			};
		}
		default:
			break;
	}
	if (status === 404) {
		return {
			message: context.notFoundMessage ?? 'The requested Billoget record does not exist',
			description: `${said} Check the ID (or the resource locator) you passed; the record may have been deleted.`,
		};
	}
	if (status === 429) {
		return explain(status, { ...parsed, code: 'rate_limit_exceeded' }, context);
	}
	if (status === 401) {
		return explain(status, { ...parsed, code: 'invalid_api_key' }, context);
	}
	if (status === 403 && /required scope/i.test(parsed.message ?? '')) {
		// The SDK-style body has no machine code; the message still names the scope.
		return explain(status, { ...parsed, code: 'insufficient_scope' }, context);
	}
	if (status === 403) {
		return {
			message: 'Billoget refused this operation for the API key',
			description: `${said} Check the key's scopes and allowed IPs in Billoget → Settings → API Keys.`,
		};
	}
	if (status === 409) {
		return {
			message: 'Billoget reported a conflict',
			description: `${said} The record changed or already exists; fetch it again and retry with its current state.`,
		};
	}
	if (status === 400 || status === 422) {
		return {
			message: parsed.message ? `Billoget rejected the request: ${parsed.message}` : 'Billoget rejected the request',
			description: 'Correct the parameters named in the message and run it again.',
		};
	}
	if (status >= 500) {
		return {
			message: `Billoget is not available right now (HTTP ${status})`,
			description: `${said} The request was retried where that was safe. Try again later; the node's Settings tab also offers Retry On Fail.`,
		};
	}
	return {
		message: parsed.message ?? `Billoget answered HTTP ${status}`,
		description: said || 'Check the parameters and the credential.',
	};
}

/** Turns a Billoget error answer into a NodeApiError; nothing from the request (headers, key) is included. */
export function billogetApiError(
	node: INode,
	status: number,
	body: unknown,
	context: ErrorContext = {},
): NodeApiError {
	const parsed = parseErrorBody(body);
	const { message, description } = explain(status, parsed, context);
	const errorResponse: JsonObject = {
		httpCode: String(status),
		code: parsed.code ?? null,
		message: parsed.message ?? message,
		requestId: parsed.requestId ?? null,
	};
	if (parsed.details) {
		errorResponse.details = parsed.details as JsonObject;
	}
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

/**
 * Network error codes in words. A message that contains the code itself (ECONNREFUSED …) would be
 * replaced by NodeApiError with n8n's generic text for that code, losing what this node says.
 */
const NETWORK_CAUSES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'connection timed out',
	ECONNABORTED: 'connection aborted',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EPIPE: 'connection closed while sending',
};

/** A request whose answer never arrived; `outcomeUnknown` when Billoget may have applied it. */
export function billogetNetworkError(
	node: INode,
	cause: string,
	context: ErrorContext & { outcomeUnknown?: boolean; timeoutMs?: number },
): NodeApiError {
	const message = context.timeoutMs
		? `Billoget did not answer within ${context.timeoutMs} ms`
		: `The connection to Billoget failed (${NETWORK_CAUSES[cause] ?? cause})`;
	const description = context.outcomeUnknown
		? 'The request may have reached Billoget before the connection was lost, so it was not sent again automatically (that could create a duplicate). Check in Billoget whether the record exists before running this item again.'
		: 'Check the Base URL in the Billoget credential and the network between n8n and Billoget, or raise the node\'s Timeout option.';
	const error = new NodeApiError(
		node,
		// Not `code`: NodeApiError would replace our message with its generic one for that code.
		{ message: cause, networkError: cause },
		{ message, description, itemIndex: context.itemIndex },
	);
	error.context.outcome = context.outcomeUnknown ? 'unknown' : 'notApplied';
	return error;
}

/**
 * The error and what it wraps, nearest first: its `cause`, and the `errorResponse` in which n8n-core
 * wraps the HTTP client's error. Bounded, so that a cyclic chain cannot hold a run.
 */
export function errorChain(error: unknown, max = 8): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	const pending: unknown[] = [error];
	while (pending.length > 0 && chain.length < max) {
		const current = pending.shift();
		if (typeof current !== 'object' || current === null) continue;
		const record = current as Record<string, unknown>;
		chain.push(record);
		pending.push(record.cause, record.errorResponse);
	}
	return chain;
}

export function isOutcomeUnknown(error: unknown): boolean {
	return (
		error instanceof NodeApiError && (error.context as Record<string, unknown>).outcome === 'unknown'
	);
}

/** The error as a NodeApiError/NodeOperationError (kept as it is when it already is one). */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
	if (itemIndex !== undefined && nodeError.context.itemIndex === undefined) {
		nodeError.context.itemIndex = itemIndex;
	}
	return nodeError;
}
