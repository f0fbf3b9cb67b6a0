import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	asNodeError,
	billogetApiError,
	billogetNetworkError,
	errorChain,
	isOutcomeUnknown,
	parseErrorBody,
	requiredScope,
} from '../../nodes/Billoget/transport/errors';

const NODE: INode = {
	id: 'n1',
	name: 'Billoget',
	type: 'n8n-nodes-billoget.billoget',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('parseErrorBody: both of Billoget error shapes', () => {
	it('reads the documented body', () => {
		expect(
			parseErrorBody({
				error: 'insufficient_scope',
				message: 'This API key lacks the required scope: WRITE_BUDGETS',
				details: { requiredScope: 'WRITE_BUDGETS' },
				requestId: 'req_1',
			}),
		).toEqual({
			code: 'insufficient_scope',
			message: 'This API key lacks the required scope: WRITE_BUDGETS',
			details: { requiredScope: 'WRITE_BUDGETS' },
			requestId: 'req_1',
		});
	});

	it('reads the SDK-era body, whose error is a reason phrase and not a code', () => {
		expect(parseErrorBody({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' })).toEqual({
			code: undefined,
			message: 'Forbidden resource',
			details: undefined,
			requestId: undefined,
		});
	});

	it('joins a list of validation messages', () => {
		expect(parseErrorBody({ message: ['email must be an email', 'firstName should not be empty'] }).message).toBe(
			'email must be an email; firstName should not be empty',
		);
	});

	it('reads JSON text, keeps other text short, and ignores what is no object', () => {
		expect(parseErrorBody('{"error":"invalid_api_key"}').code).toBe('invalid_api_key');
		expect(parseErrorBody('x'.repeat(400)).message).toHaveLength(300);
		expect(parseErrorBody('<html>Bad Gateway</html>')).toEqual({ message: '<html>Bad Gateway</html>' });
		expect(parseErrorBody(null)).toEqual({});
		expect(parseErrorBody([{ error: 'x' }])).toEqual({});
		expect(parseErrorBody(42)).toEqual({});
		expect(parseErrorBody({ error: 'x', details: null, requestId: 7, message: 3 })).toEqual({
			code: 'x',
			message: undefined,
			details: undefined,
			requestId: undefined,
		});
	});
});

describe('requiredScope', () => {
	it('takes the scope from the details, else from the message', () => {
		expect(requiredScope({ details: { requiredScope: 'READ_PRODUCTS' }, message: 'scope: WRITE_BUDGETS' })).toBe('READ_PRODUCTS');
		expect(requiredScope({ details: { required_scope: 'WEBHOOKS' } })).toBe('WEBHOOKS');
		expect(requiredScope({ message: 'This API key lacks the required scope: WRITE_BUDGETS' })).toBe('WRITE_BUDGETS');
		expect(requiredScope({ message: 'missing scope WRITE_CUSTOMERS' })).toBe('WRITE_CUSTOMERS');
		expect(requiredScope({ message: 'no scope named' })).toBeUndefined();
		expect(requiredScope({})).toBeUndefined();
	});
});

describe('billogetApiError: what happened and how to fix it', () => {
	const error = (status: number, body: unknown, context = {}) => billogetApiError(NODE, status, body, context);

	it.each([
		[401, { error: 'invalid_api_key', message: 'Invalid key' }, 'Billoget did not accept the API key', 'Copy the key again'],
		[401, { error: 'api_key_expired' }, 'The Billoget API key has expired', 'Create a new key'],
		[401, { error: 'unauthorized' }, 'Billoget received no valid API key', 'fill in the API Key field'],
		[403, { error: 'ip_not_allowed' }, "This n8n's IP address is not allowed to use the Billoget API key", 'Allowed IPs'],
		[403, { error: 'insufficient_scope', message: 'required scope: WRITE_BUDGETS' }, 'The Billoget API key lacks the WRITE_BUDGETS scope', 'add WRITE_BUDGETS'],
		[403, { error: 'insufficient_scope' }, 'The Billoget API key lacks a scope this operation needs', 'add the scope named above'],
		[422, { error: 'validation_error', details: { field: 'email' } }, 'Billoget rejected the field "email"', 'Correct the value'],
		[422, { error: 'validation_error' }, 'Billoget rejected the data sent', 'Correct the value'],
		[404, {}, 'The requested Billoget record does not exist', 'Check the ID'],
		[401, { statusCode: 401, message: 'Unauthorized', error: 'Unauthorized' }, 'Billoget did not accept the API key', 'Copy the key again'],
		[403, { statusCode: 403, error: 'Forbidden' }, 'Billoget refused this operation for the API key', "Check the key's scopes"],
		[403, { statusCode: 403, message: 'This API key lacks the required scope: WRITE_BUDGETS', error: 'Forbidden' }, 'The Billoget API key lacks the WRITE_BUDGETS scope', 'add WRITE_BUDGETS'],
		[400, { message: 'required scope: WRITE_BUDGETS' }, 'Billoget rejected the request: required scope: WRITE_BUDGETS', 'Correct the parameters'],
		[409, { error: 'conflict' }, 'Billoget reported a conflict', 'already exists'],
		[400, { message: 'limit must not be greater than 100' }, 'Billoget rejected the request: limit must not be greater than 100', 'Correct the parameters'],
		[422, {}, 'Billoget rejected the request', 'Correct the parameters'],
		[503, {}, 'Billoget is not available right now (HTTP 503)', 'Try again later'],
		[500, {}, 'Billoget is not available right now (HTTP 500)', 'Try again later'],
		[418, { message: 'I am a teapot' }, 'I am a teapot', 'Billoget said: "I am a teapot".'],
		[418, {}, 'Billoget answered HTTP 418', 'Check the parameters and the credential.'],
	] as Array<[number, unknown, string, string]>)('HTTP %p %p', (status, body, message, fix) => {
		const result = error(status, body);
		expect(result).toBeInstanceOf(NodeApiError);
		expect(result.message).toBe(message);
		expect(result.description).toContain(fix);
		expect(result.httpCode).toBe(String(status));
	});

	it('quotes what Billoget said in the description', () => {
		expect(error(401, { error: 'invalid_api_key', message: 'Invalid key' }).description).toMatch(/^Billoget said: "Invalid key"\. Copy/);
		expect(error(409, {}).description).toMatch(/^ The record changed/);
	});

	it('uses the operation\'s message for a 404', () => {
		expect(error(404, {}, { notFoundMessage: 'No customer with ID 42 exists in Billoget' }).message).toBe(
			'No customer with ID 42 exists in Billoget',
		);
	});

	it('says when a rate limit resets, also for a 429 without a code', () => {
		const resetAt = new Date('2026-11-25T13:00:00.000Z');
		const limited = error(429, {}, { resetAt });
		expect(limited.message).toBe('Billoget rate limit reached for this API key');
		expect(limited.description).toContain('It resets at 2026-11-25T13:00:00.000Z.');
		expect(error(429, { error: 'rate_limit_exceeded' }).description).not.toContain('resets at');
	});

	it('keeps the item index and the parsed body, nothing of the request', () => {
		const result = error(403, { error: 'insufficient_scope', message: 'm', details: { requiredScope: 'WEBHOOKS' }, requestId: 'req_9' }, { itemIndex: 2 });
		expect(result.context.itemIndex).toBe(2);
		expect(result.errorResponse).toEqual({
			httpCode: '403',
			code: 'insufficient_scope',
			message: 'm',
			requestId: 'req_9',
			details: { requiredScope: 'WEBHOOKS' },
		});
		expect(error(500, {}).errorResponse).toEqual({
			httpCode: '500',
			code: null,
			message: 'Billoget is not available right now (HTTP 500)',
			requestId: null,
		});
	});
});

describe('billogetNetworkError', () => {
	it('says the connection failed and that nothing was applied', () => {
		const result = billogetNetworkError(NODE, 'ECONNREFUSED', { itemIndex: 1 });
		expect(result.message).toBe('The connection to Billoget failed (connection refused)');
		expect(result.description).toContain('Check the Base URL');
		expect(result.context).toMatchObject({ itemIndex: 1, outcome: 'notApplied' });
		expect(isOutcomeUnknown(result)).toBe(false);
	});

	it.each([
		['ECONNRESET', 'connection reset'],
		['ETIMEDOUT', 'connection timed out'],
		['ECONNABORTED', 'connection aborted'],
		['ENOTFOUND', 'host not found'],
		['EAI_AGAIN', 'host name lookup failed'],
		['EPIPE', 'connection closed while sending'],
		['UND_ERR_SOCKET', 'UND_ERR_SOCKET'],
	])('keeps its own message for %s (n8n would replace a message naming the code)', (code, words) => {
		const result = billogetNetworkError(NODE, code, {});
		expect(result.message).toBe(`The connection to Billoget failed (${words})`);
		expect(result.errorResponse).toMatchObject({ networkError: code });
	});

	it('names a timeout, and an unknown outcome where Billoget may have acted', () => {
		const result = billogetNetworkError(NODE, 'ECONNABORTED', { timeoutMs: 5000, outcomeUnknown: true });
		expect(result.message).toBe('Billoget did not answer within 5000 ms');
		expect(result.description).toContain('Check in Billoget whether the record exists');
		expect(isOutcomeUnknown(result)).toBe(true);
		expect(isOutcomeUnknown(new Error('x'))).toBe(false);
	});
});

describe('asNodeError', () => {
	it('keeps n8n errors and wraps others, adding the item index where missing', () => {
		const api = billogetApiError(NODE, 500, {});
		expect(asNodeError(NODE, api, 3)).toBe(api);
		expect(api.context.itemIndex).toBe(3);
		const indexed = billogetApiError(NODE, 500, {}, { itemIndex: 1 });
		expect(asNodeError(NODE, indexed, 4).context.itemIndex).toBe(1);
		const wrapped = asNodeError(NODE, new Error('boom'), 0);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('boom');
		expect(wrapped.context.itemIndex).toBe(0);
		expect(asNodeError(NODE, 'text').message).toBe('text');
		expect(asNodeError(NODE, 'text').context.itemIndex).toBeUndefined();
	});
});

describe('errorChain: the error and what it wraps', () => {
	it('follows cause and errorResponse, nearest first', () => {
		const socket = { code: 'ECONNRESET' };
		const client = { message: 'client', cause: socket };
		const wrapper = { message: 'wrapper', errorResponse: client, cause: 'text, not an error' };
		expect(errorChain(wrapper)).toEqual([wrapper, client, socket]);
	});

	it('skips what is not an object and ends on a cycle', () => {
		const looped: Record<string, unknown> = { message: 'loop' };
		looped.cause = looped;
		expect(errorChain(looped, 3)).toEqual([looped, looped, looped]);
		expect(errorChain('boom')).toEqual([]);
		expect(errorChain(null)).toEqual([]);
	});
});
