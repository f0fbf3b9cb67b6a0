import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import {
	apiKeyProblem,
	baseUrlProblem,
	CONNECTION_TEST_PATH,
	connectionAnswer,
	normaliseBaseUrl,
	unreachableMessage,
} from '../shared/credential';
import { errorChain } from '../transport/errors';

const TEST_TIMEOUT_MS = 15_000;

function failure(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}

/** The error code of a failed connection (the HTTP client's, or that of the error it wraps). */
function errorCodeOf(error: unknown): string | undefined {
	const code = errorChain(error)
		.map((record) => record.code)
		.find((value) => typeof value === 'string' && value !== '');
	return code as string | undefined;
}

/**
 * The credential's Test button (referenced by `testedBy` in each node). A key or Base URL of the wrong
 * form is refused before anything is sent; otherwise one customer is listed and the answer, or the
 * connection failure, becomes what to change. A credential test's context offers only n8n's legacy
 * `helpers.request` (the `httpRequest` that n8n's lint prefers does not exist there); with `simple: false`
 * every HTTP status is an answer, not a throw.
 */
export async function billogetApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const keyProblem = apiKeyProblem(data.apiKey);
	if (keyProblem) return failure(`${keyProblem.message}. ${keyProblem.fix}`);
	const urlProblem = baseUrlProblem(data.baseUrl);
	if (urlProblem) return failure(`${urlProblem.message}. ${urlProblem.fix}`);

	const baseUrl = normaliseBaseUrl(data.baseUrl as string);
	const helpers = this.helpers;
	let answer: { statusCode: number; body: unknown };
	try {
		answer = (await helpers.request({
			method: 'GET',
			uri: `${baseUrl}${CONNECTION_TEST_PATH}`,
			qs: { page: 1, limit: 1 },
			headers: { Authorization: `Bearer ${(data.apiKey as string).trim()}`, Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return failure(unreachableMessage(errorCodeOf(error), baseUrl));
	}
	const result = connectionAnswer(answer.statusCode, answer.body);
	return result.ok ? { status: 'OK', message: 'Connection successful!' } : failure(result.message);
}
