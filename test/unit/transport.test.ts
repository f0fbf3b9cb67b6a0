import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createClient } from '../../nodes/Billoget/transport/client';
import type { BillogetClient } from '../../nodes/Billoget/transport/client';
import { noteRateLimitHeaders, RateLimitState, waitForRateLimitReset } from '../../nodes/Billoget/transport/rateLimit';
import { backoffMs, compact, unwrapData } from '../../nodes/Billoget/transport/request';
import type { BillogetRequest } from '../../nodes/Billoget/transport/request';
import { DEFAULT_SETTINGS } from '../../nodes/Billoget/transport/settings';
import { failure, fakeHttp } from '../harness/fakeHttp';
import type { Answer } from '../harness/fakeHttp';

/**
 * The transport with a stand-in for n8n's request helper: each answer is scripted, each request is
 * recorded. Waits are kept short (Retry-After 0, one retry of 250 ms) so that the rules, not the
 * clock, are what is tested. The same transport runs against the sandbox in the engine suites.
 */

function fake(answers: Answer[], credentials?: IDataObject): Fake {
	const { ctx, sent } = fakeHttp(answers, credentials);
	const client = createClient(ctx, { maxRetries: 1, maxRateLimitRetries: 2, maxRateLimitWaitMs: 1000, timeoutMs: 1234 });
	return { ctx, client, sent };
}

interface Fake {
	ctx: IExecuteFunctions;
	client: BillogetClient;
	sent: IHttpRequestOptions[];
}

/** The clock of the rate-limit tests. */
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

/** The context the rate-limit wait needs: only the node, for its errors. */
const NODE_ONLY = { getNode: () => ({ name: 'Billoget' }) } as unknown as IExecuteFunctions;

const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

async function call(f: Fake, request: Partial<BillogetRequest> = {}) {
	return await f.client.request({ method: 'GET', path: '/api/public/customers', ...request });
}

describe('client.request: the request sent', () => {
	it('joins the Base URL and path, drops empty query values and asks for JSON', async () => {
		const f = fake([{ status: 200, body: { data: [] }, headers: { 'X-RateLimit-Remaining': '9', 'Set-Cookie': ['a', 'b'] } }]);
		const response = await call(f, { path: 'api/public/customers', qs: { page: 1, search: '', email: undefined, dni: null, active: false } });
		expect(f.sent).toEqual([
			{
				method: 'GET',
				url: 'https://api.example.test/v1/api/public/customers',
				headers: { Accept: 'application/json' },
				qs: { page: 1, active: false },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 1234,
			},
		]);
		expect(response).toEqual({ status: 200, headers: { 'x-ratelimit-remaining': '9', 'set-cookie': 'a, b' }, body: { data: [] } });
	});

	it('sends the body and keeps a path that starts with a slash', async () => {
		const f = fake([{ status: 201, body: { id: 1 } }]);
		await call(f, { method: 'POST', path: '/api/public/customers', body: { firstName: 'Ana' } });
		expect(f.sent[0]).toMatchObject({ url: 'https://api.example.test/v1/api/public/customers', body: { firstName: 'Ana' } });
		expect(f.sent[0].qs).toBeUndefined();
	});

	it.each([
		[{ apiKey: 'sk_live_x', baseUrl: 'https://api.billoget.com/v1' }, 'The API key in the Billoget credential is not a Billoget key'],
		[{ apiKey: 42, baseUrl: 'https://api.billoget.com/v1' }, 'The API key in the Billoget credential is not a Billoget key'],
		[{ apiKey: 'bk_live_x', baseUrl: 'api.billoget.com' }, 'The Base URL in the Billoget credential is not a URL'],
		[{ apiKey: 'bk_live_x', baseUrl: 'https://api billoget.com' }, 'The Base URL in the Billoget credential is not a URL'],
		[{ apiKey: 'bk_live_x' }, 'The Base URL in the Billoget credential is not a URL'],
	])('refuses the credential %p before sending anything', async (credentials, message) => {
		const f = fake([], credentials);
		const error = await failure(call(f, { itemIndex: 3 }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.description).toEqual(expect.stringMatching(/\w/));
		expect(error.context.itemIndex).toBe(3);
		expect(f.sent).toEqual([]);
	});

	it('accepts a key and URL with surrounding spaces', async () => {
		const f = fake([{ status: 200, body: {} }], { apiKey: '  bk_test_key ', baseUrl: ' http://127.0.0.1:4010// ' });
		await call(f, { path: '/x' });
		expect(f.sent[0].url).toBe('http://127.0.0.1:4010/x');
	});
});

describe('client.request: answers and retries', () => {
	it('turns an error answer into a NodeApiError with the operation\'s 404 message', async () => {
		const f = fake([{ status: 404, body: { error: 'not_found' } }]);
		const error = await failure(call(f, { notFoundMessage: 'No customer with ID 9 exists in Billoget', itemIndex: 1 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('No customer with ID 9 exists in Billoget');
		expect(error.context.itemIndex).toBe(1);
		expect(f.sent).toHaveLength(1);
	});

	it('waits out a 429 (Retry-After) and retries, a bounded number of times', async () => {
		const limited = { status: 429, headers: { 'Retry-After': '0' }, body: { error: 'rate_limit_exceeded' } };
		const ok = fake([limited, limited, { status: 200, body: { ok: true } }]);
		expect((await call(ok)).body).toEqual({ ok: true });
		expect(ok.sent).toHaveLength(3);
		expect(ok.client.rate.requests).toBe(3);

		const tooMany = fake([limited, limited, limited]);
		const error = await failure(call(tooMany));
		expect(error.message).toBe('Billoget rate limit reached for this API key');
		expect(tooMany.sent).toHaveLength(3);
	});

	it('does not wait longer than the maximum wait, and says when the limit resets', async () => {
		const f = fake([{ status: 429, headers: { 'retry-after': '3600' }, body: {} }]);
		f.client.settings.now = () => Date.UTC(2026, 10, 25, 12, 0, 0);
		const error = await failure(call(f));
		expect(error.description).toContain('It resets at 2026-11-25T13:00:00.000Z.');
		expect(f.sent).toHaveLength(1);
	});

	it('retries a 5xx for a GET up to Max Retries, then fails', async () => {
		const ok = fake([{ status: 503 }, { status: 200, body: 'fine' }]);
		expect((await call(ok)).body).toBe('fine');
		const down = fake([{ status: 503 }, { status: 502, body: { message: 'bad gateway' } }]);
		const error = await failure(call(down));
		expect(error.message).toBe('Billoget is not available right now (HTTP 502)');
		expect(down.sent).toHaveLength(2);
	});

	it('does not retry other error answers', async () => {
		const f = fake([{ status: 400, body: { message: 'bad' } }]);
		expect((await failure(call(f))).message).toBe('Billoget rejected the request: bad');
		expect(f.sent).toHaveLength(1);
	});

	it('never re-posts a create whose answer was a 5xx, and says the outcome is unknown', async () => {
		const f = fake([{ status: 503 }]);
		const error = await failure(call(f, { method: 'POST', body: {} }));
		expect(error.context.outcome).toBe('unknown');
		expect(f.sent).toHaveLength(1);
	});

	it('after a lost create, returns what the first attempt created, or retries when it created nothing', async () => {
		const found = fake([{ status: 504 }]);
		const recovered = await call(found, { method: 'POST', body: {}, findCreated: async () => ({ id: 5 }) });
		expect(recovered).toEqual({ status: 201, headers: {}, body: { id: 5 }, recovered: true });
		expect(found.sent).toHaveLength(1);

		const reset = fake([{ error: networkError('ECONNRESET') }]);
		expect(await call(reset, { method: 'POST', body: {}, findCreated: async () => ({ id: 6 }) })).toEqual({
			status: 201,
			headers: {},
			body: { id: 6 },
			recovered: true,
		});

		const nothing = fake([{ status: 500 }, { status: 201, body: { id: 7 } }]);
		expect((await call(nothing, { method: 'POST', body: {}, findCreated: async () => undefined })).body).toEqual({ id: 7 });
		expect(nothing.sent).toHaveLength(2);
	});

	it('reports an unknown outcome when even the look-up after a lost create fails', async () => {
		const f = fake([{ error: networkError('ECONNRESET') }]);
		const error = await failure(
			call(f, {
				method: 'POST',
				body: {},
				findCreated: async () => {
					throw new Error('list failed');
				},
			}),
		);
		expect(error.context.outcome).toBe('unknown');
		expect(error.description).toContain('checking whether Billoget created the record failed too (list failed)');
	});

	it('re-posts where Billoget cannot have acted (connection refused)', async () => {
		const f = fake([{ error: networkError('ECONNREFUSED') }, { status: 201, body: { id: 1 } }]);
		expect((await call(f, { method: 'POST', body: {} })).body).toEqual({ id: 1 });
		expect(f.sent).toHaveLength(2);
	});

	it('does not re-post after a reset without a way to check, and says so', async () => {
		const f = fake([{ error: networkError('ECONNRESET') }]);
		const error = await failure(call(f, { method: 'POST', body: {} }));
		expect(error.message).toBe('The connection to Billoget failed (connection reset)');
		expect(error.context.outcome).toBe('unknown');
		expect(f.sent).toHaveLength(1);
	});

	it('retries a lost connection for a GET, then names it', async () => {
		const ok = fake([{ error: networkError('ECONNRESET') }, { status: 200, body: 1 }]);
		expect((await call(ok)).body).toBe(1);
		const wrapped = { message: 'wrapped', cause: { errorResponse: { message: 'socket hang up' } } };
		const down = fake([{ error: networkError('EPIPE') }, { error: wrapped }]);
		const error = await failure(call(down));
		expect(error.message).toBe('The connection to Billoget failed (connection reset)');
		expect(error.context.outcome).toBe('notApplied');
		expect(down.sent).toHaveLength(2);
	});

	it('ends at the first timeout of a GET instead of multiplying it', async () => {
		const f = fake([{ error: { message: 'timeout of 1234ms exceeded' } }]);
		const error = await failure(call(f));
		expect(error.message).toBe('Billoget did not answer within 1234 ms');
		expect(f.sent).toHaveLength(1);
	});

	it('takes a 404 on a DELETE retried after a lost answer as deleted', async () => {
		const f = fake([{ error: networkError('ECONNRESET') }, { status: 404, body: {} }]);
		expect(await call(f, { method: 'DELETE', path: '/api/public/customers/4' })).toEqual({ status: 204, headers: {}, body: undefined });
		const plain = fake([{ status: 404, body: {} }]);
		expect((await failure(call(plain, { method: 'DELETE' }))).message).toBe('The requested Billoget record does not exist');
	});

	it('passes on an error that is not a network failure, as a node error', async () => {
		const f = fake([{ error: new Error('credential decryption failed') }]);
		const error = await failure(call(f, { itemIndex: 2 }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('credential decryption failed');
		expect(error.context.itemIndex).toBe(2);
		expect(f.sent).toHaveLength(1);
	});
});

describe('rate-limit state', () => {

	it('reads the X-RateLimit headers: Unix seconds, milliseconds, or seconds from now', () => {
		const state = new RateLimitState();
		noteRateLimitHeaders(state, { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(NOW / 1000 + 60) }, NOW);
		expect(state).toMatchObject({ limit: 1000, remaining: 3, resetAtMs: NOW + 60_000 });
		noteRateLimitHeaders(state, { 'x-ratelimit-reset': String(NOW + 5000) }, NOW);
		expect(state.resetAtMs).toBe(NOW + 5000);
		noteRateLimitHeaders(state, { 'x-ratelimit-reset': '30' }, NOW);
		expect(state.resetAtMs).toBe(NOW + 30_000);
		noteRateLimitHeaders(state, { 'x-ratelimit-reset': '1000000000' }, NOW);
		expect(state.resetAtMs).toBe(NOW + 1e12);
		noteRateLimitHeaders(state, { 'x-ratelimit-reset': '1000000001' }, NOW);
		expect(state.resetAtMs).toBe(1000000001000);
		noteRateLimitHeaders(state, { 'x-ratelimit-remaining': 'lots' }, NOW);
		expect(state).toMatchObject({ limit: 1000, remaining: 3 });
	});

	it('knows how many requests are left, and that a passed reset frees the whole limit', () => {
		const state = new RateLimitState();
		expect(state.available(NOW)).toBe(Number.POSITIVE_INFINITY);
		state.remaining = 0;
		state.limit = 1000;
		state.resetAtMs = NOW + 1;
		expect(state.available(NOW)).toBe(0);
		expect(state.available(NOW + 1)).toBe(1000);
		state.limit = undefined;
		expect(state.available(NOW + 1)).toBe(Number.POSITIVE_INFINITY);
		state.resetAtMs = undefined;
		expect(state.available(NOW + 1)).toBe(0);
	});

	it('takes the wait of a 429 from Retry-After (seconds or a date), else the reset, else one second', () => {
		const state = new RateLimitState();
		expect(state.retryAfterMs({ 'retry-after': '7' }, NOW)).toBe(7000);
		expect(state.retryAfterMs({ 'retry-after': '-3' }, NOW)).toBe(0);
		expect(state.retryAfterMs({ 'retry-after': 'Wed, 25 Nov 2026 12:00:05 GMT' }, NOW)).toBe(5000);
		expect(state.retryAfterMs({ 'retry-after': 'Wed, 25 Nov 2026 11:00:00 GMT' }, NOW)).toBe(0);
		expect(state.retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBe(1000);
		state.resetAtMs = NOW + 2500;
		expect(state.retryAfterMs({}, NOW)).toBe(2500);
		expect(state.retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBe(2500);
		state.resetAtMs = NOW - 1;
		expect(state.retryAfterMs({}, NOW)).toBe(0);
	});

	it('before a request with nothing left, waits for a near reset and fails on a far one without sending', async () => {
		const settings = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 1000, now: () => NOW };
		const near = new RateLimitState();
		Object.assign(near, { remaining: 0, limit: 10, resetAtMs: NOW + 10 });
		await waitForRateLimitReset(NODE_ONLY, near, settings);
		expect(near.remaining).toBeUndefined();

		const far = new RateLimitState();
		Object.assign(far, { remaining: 0, limit: 10, resetAtMs: NOW + 60_000 });
		const error = await failure(waitForRateLimitReset(NODE_ONLY, far, settings, 4));
		expect(error.message).toBe('Billoget rate limit reached for this API key');
		expect(error.description).toContain('Billoget said: "No requests left in the current rate-limit window". It resets at 2026-11-25T12:01:00.000Z.');
		expect(error.context.itemIndex).toBe(4);

		const edge = new RateLimitState();
		Object.assign(edge, { remaining: 0, resetAtMs: NOW + 1000 });
		await waitForRateLimitReset(NODE_ONLY, edge, settings);
		expect(edge.remaining).toBeUndefined();

		const unknownReset = new RateLimitState();
		Object.assign(unknownReset, { remaining: 0 });
		await waitForRateLimitReset(NODE_ONLY, unknownReset, settings);
		expect(unknownReset.remaining).toBe(0);
	});

	it('gives each run its settings over the defaults', () => {
		const ctx = fake([]).ctx;
		expect(createClient(ctx).settings).toEqual(DEFAULT_SETTINGS);
		const run = createClient(ctx, { maxRetries: 0, timeoutMs: 5 });
		expect(run.settings).toMatchObject({ maxRetries: 0, timeoutMs: 5, maxRateLimitRetries: DEFAULT_SETTINGS.maxRateLimitRetries });
		expect(createClient(ctx).settings.maxRetries).toBe(DEFAULT_SETTINGS.maxRetries);
		expect(DEFAULT_SETTINGS).toMatchObject({ timeoutMs: 30_000, maxRetries: 3, maxRateLimitRetries: 5, maxRateLimitWaitMs: 60_000 });
		expect(Math.abs(DEFAULT_SETTINGS.now() - Date.now())).toBeLessThan(1000);
	});
});

describe('client.list', () => {
	const page = (ids: number[], hasMore: boolean, total?: number) => ({
		status: 200,
		body: { data: ids.map((id) => ({ id })), pagination: { hasMore, ...(total === undefined ? {} : { total }) } },
	});

	it('walks every page with Return All, 100 at a time', async () => {
		const f = fake([page([1, 2], true, 3), page([3], false)]);
		const result = await f.client.list({ path: '/p', qs: { state: 1 }, returnAll: true });
		expect(result).toEqual({ items: [{ id: 1 }, { id: 2 }, { id: 3 }], pages: 2, read: 3, total: 3, stoppedEarly: false });
		expect(f.sent.map((options) => options.qs)).toEqual([
			{ state: 1, page: 1, limit: 100 },
			{ state: 1, page: 2, limit: 100 },
		]);
	});

	it('stops at the Limit, and at the page cap of a list that never ends', async () => {
		const limited = fake([page([1, 2, 3], true)]);
		const result = await limited.client.list({ path: '/p', returnAll: false, limit: 2, itemIndex: 0 });
		expect(result.items).toEqual([{ id: 1 }, { id: 2 }]);
		expect(limited.sent[0].qs).toEqual({ page: 1, limit: 2 });

		const endless = fake([page([1], true), page([2], true), page([3], true)]);
		expect((await endless.client.list({ path: '/p', returnAll: true, maxPages: 2 })).pages).toBe(2);
		expect(endless.sent).toHaveLength(2);
	});

	it('reads no page for a Limit of 0, and defaults to 50', async () => {
		const none = fake([]);
		expect(await none.client.list({ path: '/p', returnAll: false, limit: 0 })).toEqual({ items: [], pages: 0, read: 0, total: undefined, stoppedEarly: false });
		const fifty = fake([page([1], false)]);
		await fifty.client.list({ path: '/p', returnAll: false });
		expect(fifty.sent[0].qs).toEqual({ page: 1, limit: 50 });
	});
});

describe('single records', () => {
	it('unwraps { data: {...} } but not lists or other bodies', () => {
		expect(unwrapData({ data: { id: 1 } })).toEqual({ id: 1 });
		expect(unwrapData({ data: { id: 1 }, pagination: {} })).toEqual({ data: { id: 1 }, pagination: {} });
		expect(unwrapData({ data: [1] })).toEqual({ data: [1] });
		expect(unwrapData({ data: null })).toEqual({ data: null });
		expect(unwrapData({ id: 2 })).toEqual({ id: 2 });
		expect(unwrapData([1])).toEqual({});
		expect(unwrapData('text')).toEqual({});
		expect(unwrapData(null)).toEqual({});
		expect(unwrapData({ data: 'text' })).toEqual({ data: 'text' });
		expect(unwrapData({ data: 5, id: 1 })).toEqual({ data: 5, id: 1 });
	});

	it('client.requestRecord returns the record', async () => {
		const f = fake([{ status: 200, body: { data: { id: 3 } } }]);
		expect(await f.client.requestRecord({ method: 'GET', path: '/x/3' })).toEqual({ id: 3 });
	});

	it('compact drops only undefined, null and empty text', () => {
		expect(compact({ a: 0, b: false, c: '', d: null, e: undefined, f: 'x', g: [] })).toStrictEqual({ a: 0, b: false, f: 'x', g: [] });
	});
});

describe('client.request: which failures are retried', () => {
	// Per network code: is a GET retried, and is a POST without a look-up sent again? Codes where the
	// request cannot have reached Billoget re-post; a timeout ends a GET at once; the rest retry a GET
	// and never re-post blindly.
	it.each([
		['ECONNREFUSED', 'retried', 'sent again'],
		['ENOTFOUND', 'retried', 'sent again'],
		['EAI_AGAIN', 'retried', 'sent again'],
		['ETIMEDOUT', 'ended', 'not sent again'],
		['ECONNABORTED', 'ended', 'not sent again'],
		['ECONNRESET', 'retried', 'not sent again'],
		['EPIPE', 'retried', 'not sent again'],
		['ERR_SOCKET_CONNECTION_TIMEOUT', 'ended', 'not sent again'],
		['UND_ERR_SOCKET', 'retried', 'not sent again'],
	])('%s: a GET is %s, a POST is %s', async (code, get, post) => {
		const read = fake([{ error: networkError(code) }, { status: 200, body: 'read' }]);
		if (get === 'retried') {
			expect((await call(read)).body).toBe('read');
			expect(read.sent).toHaveLength(2);
		} else {
			expect((await failure(call(read))).message).toBe('Billoget did not answer within 1234 ms');
			expect(read.sent).toHaveLength(1);
		}
		const create = fake([{ error: networkError(code) }, { status: 201, body: 'created' }]);
		if (post === 'sent again') {
			expect((await call(create, { method: 'POST', body: {} })).body).toBe('created');
			expect(create.sent).toHaveLength(2);
		} else {
			expect((await failure(call(create, { method: 'POST', body: {} }))).context.outcome).toBe('unknown');
			expect(create.sent).toHaveLength(1);
		}
	});

	it('an error code that is not a network failure is passed on, not retried', async () => {
		const f = fake([{ error: networkError('EACCES') }, { status: 200, body: 'read' }]);
		const error = await failure(call(f));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).not.toMatch(/Billoget/);
		expect(f.sent).toHaveLength(1);
	});

	it('reads a failure without a code from its message', async () => {
		const hangUp = fake([{ error: { message: 'socket hang up' } }, { error: { message: 'socket hang up' } }]);
		expect((await failure(call(hangUp))).message).toBe('The connection to Billoget failed (connection reset)');
		expect(hangUp.sent).toHaveLength(2);
		const timedOut = fake([{ error: { code: 'ECONNRESET', message: 'timeout of 1234ms exceeded' } }]);
		expect((await failure(call(timedOut))).message).toBe('Billoget did not answer within 1234 ms');
		expect(timedOut.sent).toHaveLength(1);
	});

	it('after a lost create that created nothing, posts again', async () => {
		const f = fake([{ error: networkError('ECONNRESET') }, { status: 201, body: { id: 8 } }]);
		expect((await call(f, { method: 'POST', body: {}, findCreated: async () => undefined })).body).toEqual({ id: 8 });
		expect(f.sent).toHaveLength(2);
	});

	it('names the item when it gives up', async () => {
		const lost = fake([{ error: networkError('ECONNRESET') }, { error: networkError('ECONNRESET') }]);
		const error = await failure(call(lost, { itemIndex: 4 }));
		expect(error.message).toBe('The connection to Billoget failed (connection reset)');
		expect(error.context.itemIndex).toBe(4);
		const gateway = fake([{ status: 502 }]);
		expect((await failure(call(gateway, { method: 'POST', body: {}, itemIndex: 6 }))).context.itemIndex).toBe(6);
	});

	it('takes a 404 as deleted only for a DELETE whose earlier attempt may have reached Billoget', async () => {
		const refused = fake([{ error: networkError('ECONNREFUSED') }, { status: 404, body: {} }]);
		expect((await failure(call(refused, { method: 'DELETE' }))).message).toBe('The requested Billoget record does not exist');
		const read = fake([{ error: networkError('ECONNRESET') }, { status: 404, body: {} }]);
		expect((await failure(call(read))).message).toBe('The requested Billoget record does not exist');
		const conflict = fake([{ error: networkError('ECONNRESET') }, { status: 409, body: { message: 'in use' } }]);
		expect((await failure(call(conflict, { method: 'DELETE' }))).message).toBe('Billoget reported a conflict');
	});

	it('takes only 2xx answers as success', async () => {
		for (const status of [100, 199, 300, 304]) {
			const f = fake([{ status, body: { message: 'odd' } }]);
			expect(await failure(call(f))).toBeInstanceOf(NodeApiError);
		}
		expect((await call(fake([{ status: 299, body: 'fine' }]))).body).toBe('fine');
	});

	it('reads headers that are not an object as none', async () => {
		const f = fake([{ status: 200, body: 1, headers: 'x-ratelimit-remaining: 3' as unknown as Record<string, unknown> }]);
		expect((await call(f)).headers).toEqual({});
		expect(f.client.rate.remaining).toBeUndefined();
	});

	it('backs off 250 ms, then doubling, to at most 8 s', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 10].map(backoffMs)).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
	});
});

describe('waiting for the rate limit (fake clock)', () => {

	beforeEach(() => jest.useFakeTimers({ now: NOW }));
	afterEach(() => jest.useRealTimers());

	/** Whether the promise has settled once `ms` of fake time have passed. */
	async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
		let settled = false;
		void promise.then(
			() => (settled = true),
			() => (settled = true),
		);
		await jest.advanceTimersByTimeAsync(ms);
		return settled;
	}

	it('waits the whole Retry-After of a 429, also when it is exactly the maximum wait', async () => {
		const f = fake([{ status: 429, headers: { 'retry-after': '1' }, body: {} }, { status: 200, body: 'after' }]);
		f.client.settings.now = () => NOW;
		const answer = call(f);
		expect(await settledAfter(answer, 999)).toBe(false);
		expect(f.sent).toHaveLength(1);
		expect(await settledAfter(answer, 1)).toBe(true);
		expect((await answer).body).toBe('after');
		expect(f.sent).toHaveLength(2);
	});

	it('before a request with nothing left, waits until the reset', async () => {
		const settings = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 1000, now: () => NOW };
		const state = new RateLimitState();
		Object.assign(state, { remaining: 0, limit: 10, resetAtMs: NOW + 500 });
		const waited = waitForRateLimitReset(NODE_ONLY, state, settings);
		expect(await settledAfter(waited, 499)).toBe(false);
		expect(await settledAfter(waited, 1)).toBe(true);
		expect(state.remaining).toBeUndefined();
	});

	it('with requests left, does not wait and keeps the count', async () => {
		const settings = { ...DEFAULT_SETTINGS, now: () => NOW };
		const state = new RateLimitState();
		Object.assign(state, { remaining: 5, limit: 10, resetAtMs: NOW + 500 });
		expect(await settledAfter(waitForRateLimitReset(NODE_ONLY, state, settings), 0)).toBe(true);
		expect(state.remaining).toBe(5);
	});
});
