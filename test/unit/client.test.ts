import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { unitPrices } from '../../nodes/Billoget/actions/budget/lines';
import type { Line } from '../../nodes/Billoget/shared/budgetLines';
import { walkList } from '../../nodes/Billoget/poll/fetch';
import { createClient } from '../../nodes/Billoget/transport/client';
import { findLostCreate } from '../../nodes/Billoget/transport/recovery';
import { failure, fakeHttp } from '../harness/fakeHttp';
import type { Answer } from '../harness/fakeHttp';

/**
 * The per-run client (transport/client.ts) and the one paginator behind it, with a scripted stand-in
 * for n8n's request helper. Two clients built on the same n8n context are two runs: nothing is shared.
 */

const page = (ids: Array<number | unknown>, hasMore: boolean, total?: number): Answer => ({
	status: 200,
	body: {
		data: ids.map((id) => (typeof id === 'number' ? { id } : id)),
		pagination: { hasMore, ...(total === undefined ? {} : { total }) },
	},
});

describe('one client per run', () => {
	it('keeps rate-limit state and the request count per run, not per n8n context', async () => {
		const resetAt = Math.floor(Date.UTC(2030, 0, 1) / 1000);
		const { ctx, sent } = fakeHttp([
			{ status: 200, body: {}, headers: { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetAt) } },
			{ status: 200, body: { ok: true } },
		]);
		const first = createClient(ctx, { maxRateLimitWaitMs: 1000 });
		const second = createClient(ctx, { maxRateLimitWaitMs: 1000 });
		await first.request({ method: 'GET', path: '/a' });
		expect(first.rate.remaining).toBe(0);

		// The first run knows the key has nothing left until the reset and does not send.
		const error = await failure(first.request({ method: 'GET', path: '/b' }));
		expect(error.message).toBe('Billoget rate limit reached for this API key');
		expect(sent).toHaveLength(1);

		// Another run on the same context starts from nothing known.
		expect(second.rate.remaining).toBeUndefined();
		expect((await second.request({ method: 'GET', path: '/b' })).body).toEqual({ ok: true });
		expect(sent).toHaveLength(2);
		expect([first.rate.requests, second.rate.requests]).toEqual([1, 1]);
	});

	it('keeps claimed ids per run: a run never recovers a record it already took, another run may', async () => {
		const listed = page([{ id: 7, email: 'ana@example.com' }], false);
		const { ctx } = fakeHttp([listed, listed, listed]);
		const lookup = { kind: '/customers', startedAt: Date.now(), matches: (record: IDataObject) => record.email === 'ana@example.com' };
		const first = createClient(ctx);
		expect(await findLostCreate(first, lookup)).toEqual({ id: 7, email: 'ana@example.com' });
		expect([...first.claimed.of('/customers')]).toEqual(['7']);
		expect(await findLostCreate(first, lookup)).toBeUndefined();

		const second = createClient(ctx);
		expect([...second.claimed.of('/customers')]).toEqual([]);
		expect(await findLostCreate(second, lookup)).toEqual({ id: 7, email: 'ana@example.com' });
	});

	it('reads each product price once per run', async () => {
		const product: Answer = { status: 200, body: { data: { id: 12, price: '10.50' } } };
		const { ctx, sent } = fakeHttp([product, product]);
		const lines = [{ productId: 12, quantity: 1 }, { productId: 12, quantity: 2 }] as Line[];
		const first = createClient(ctx);
		expect(await unitPrices(ctx, first, 0, lines)).toEqual([10.5, 10.5]);
		expect(await unitPrices(ctx, first, 1, lines)).toEqual([10.5, 10.5]);
		expect(sent).toHaveLength(1);
		expect(await unitPrices(ctx, createClient(ctx), 0, lines)).toEqual([10.5, 10.5]);
		expect(sent).toHaveLength(2);
	});
});

describe('the paginator', () => {
	it('reads both envelopes and drops entries that are not records', async () => {
		const sdk: Answer = {
			status: 200,
			body: { data: { data: [{ id: 1 }, 'x', null, [2]], meta: { totalItems: 3, totalPages: 2, currentPage: 1 } } },
		};
		const { ctx, sent } = fakeHttp([sdk, page([3], false)]);
		const result = await createClient(ctx).list({ path: '/p', returnAll: true });
		expect(result).toEqual({ items: [{ id: 1 }, { id: 3 }], pages: 2, read: 2, total: 3, stoppedEarly: false });
		expect(sent.map((options) => options.qs)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
	});

	it('with a node-side filter, reads 100 a page and counts only kept records towards the Limit', async () => {
		const { ctx, sent } = fakeHttp([page([1, 2, 3], true), page([4, 5, 6], true)]);
		const result = await createClient(ctx).list({ path: '/p', returnAll: false, limit: 2, keep: (record) => Number(record.id) % 2 === 0 });
		expect(result.items).toEqual([{ id: 2 }, { id: 4 }]);
		expect(result.read).toBe(6);
		expect(sent.map((options) => options.qs)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
	});

	it('ends early where stopAfter says so, and says that it did', async () => {
		const { ctx, sent } = fakeHttp([page([1], true), page([2], true), page([3], false)]);
		const result = await createClient(ctx).list({ path: '/p', returnAll: true, stopAfter: (records) => records[0].id === 2 });
		expect(result).toMatchObject({ items: [{ id: 1 }, { id: 2 }], pages: 2, stoppedEarly: true });
		expect(sent).toHaveLength(2);
	});

	it("fails a poll whose list is longer than Max Pages, after reading them, with the poll's message", async () => {
		const { ctx, sent } = fakeHttp([page([1], true), page([2], true), page([3], true)]);
		const error = await failure(walkList(createClient(ctx), { path: '/customers', maxPages: 2, what: 'customers' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The Billoget customers list is longer than 2 pages (200 records)');
		expect(error.description).toContain('Nothing was emitted or stored');
		expect(sent).toHaveLength(2);

		// A list of exactly Max Pages pages is read whole.
		const exact = fakeHttp([page([1], true), page([2], false)]);
		expect((await walkList(createClient(exact.ctx), { path: '/customers', maxPages: 2, what: 'customers' })).items).toEqual([
			{ id: 1 },
			{ id: 2 },
		]);
	});

	it('reads one page for a picker, and a plain list without page or limit', async () => {
		const { ctx, sent } = fakeHttp([page([1, 2], true, 5), { status: 200, body: { data: [{ id: 9 }, 3] } }]);
		const client = createClient(ctx);
		expect(await client.page({ path: '/p', qs: { search: 'an' }, page: 2, pageSize: 50 })).toEqual({
			items: [{ id: 1 }, { id: 2 }],
			hasMore: true,
			total: 5,
		});
		expect(await client.plainList({ path: '/approvals/pending', qs: { userId: 3 } })).toEqual([{ id: 9 }]);
		expect(sent.map((options) => options.qs)).toEqual([{ search: 'an', page: 2, limit: 50 }, { userId: 3 }]);
	});

	it('explains an answer that is not a list, for the item that asked', async () => {
		const { ctx } = fakeHttp([{ status: 200, body: { message: 'hello' } }]);
		const error = await failure(createClient(ctx).list({ path: '/p', returnAll: true, itemIndex: 2 }));
		expect(error.message).toBe('Billoget answered a list request without a "data" list');
		expect(error.description).toContain('Base URL');
		expect(error.context.itemIndex).toBe(2);
	});
});
