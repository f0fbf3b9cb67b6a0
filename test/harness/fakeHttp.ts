import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One scripted answer of the stand-in for n8n's request helper: a response, or a thrown error. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, unknown> } | { error: unknown };

/**
 * A node context whose request helper answers from a script and records each request sent, for unit
 * tests of the transport without n8n or the sandbox.
 */
export function fakeHttp(
	answers: Answer[],
	credentials: IDataObject = { apiKey: 'bk_test_key', baseUrl: 'https://api.example.test/v1/' },
): { ctx: IExecuteFunctions; sent: IHttpRequestOptions[] } {
	const sent: IHttpRequestOptions[] = [];
	const queue = [...answers];
	const ctx = {
		getCredentials: async () => credentials,
		getNode: () => ({ id: 'n1', name: 'Billoget', type: 'n8n-nodes-billoget.billoget', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(JSON.parse(JSON.stringify(options)) as IHttpRequestOptions);
				const next = queue.shift();
				if (!next) throw new Error('no more scripted answers');
				if ('error' in next) throw next.error;
				return { statusCode: next.status, headers: next.headers ?? {}, body: next.body };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent };
}

/** The error a promise is expected to reject with (the test fails when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<NodeApiError | NodeOperationError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a failure');
}
