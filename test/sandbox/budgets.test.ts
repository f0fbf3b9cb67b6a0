import { sleep } from 'n8n-workflow';
import { startReceiver } from '../../sandbox/testReceiver';
import { call, dataOf, fakeClock, startSandbox, validBudget } from './helpers';
import type { Sandbox } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
interface Item {
	id: number;
	productId: number | null;
	packageId: number | null;
	quantity: number;
	unitPrice: number;
	subtotal: number;
	budgetId: number;
}
interface Budget {
	id: number;
	currency: string;
	state: number;
	subtotal: number;
	iva: number;
	total: number;
	publicToken: string;
	items: Item[];
	customer: { id: number; firstName: string; lastName: string; email: string | null } | null;
	[k: string]: unknown;
}
interface Approval {
	id: number;
	budgetId: number;
	status: string;
	action: string;
	[k: string]: unknown;
}

const cents = (n: number) => Math.round(n * 100);

describe('sandbox · budgets and approvals', () => {
	const clock = fakeClock('2026-05-10T15:00:00.000Z');
	let sb: Sandbox;
	let receiver: Receiver;
	const events = () => receiver.requests.map((r) => (r.body as { event: string }).event).sort();

	beforeAll(async () => {
		receiver = await startReceiver();
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(async () => {
		await sb.stop();
		await receiver.close();
	});
	beforeEach(() => {
		clock.set('2026-05-10T15:00:00.000Z');
		sb.reset();
		sb.addKey({ name: 'events', scopes: ['READ_BUDGETS'], webhookUrl: receiver.url });
		receiver.requests.length = 0;
	});

	describe('demo data', () => {
		it('has 6 budgets in each state, in ARS and USD, with items, subtotal, 21% IVA and total consistent', async () => {
			const list = dataOf<Budget[]>(await call(sb, 'GET', '/api/public/budgets?limit=100'));
			expect(list).toHaveLength(18);
			for (const state of [0, 1, 2]) {
				const inState = list.filter((b) => b.state === state);
				expect(inState).toHaveLength(6);
				expect(new Set(inState.map((b) => b.currency))).toEqual(new Set(['ARS', 'USD']));
			}
			for (const b of list) {
				expect(b.items.length).toBeGreaterThan(0);
				const itemSum = b.items.reduce((acc, it) => acc + cents(it.subtotal), 0);
				for (const it of b.items)
					expect(cents(it.subtotal)).toBe(Math.round(it.quantity * cents(it.unitPrice)));
				expect(cents(b.subtotal)).toBe(itemSum);
				expect(cents(b.iva)).toBe(Math.round(itemSum * 0.21));
				expect(cents(b.total)).toBe(cents(b.subtotal) + cents(b.iva));
				expect(b.customer).toMatchObject({ id: expect.any(Number), firstName: expect.any(String) });
				expect(b.publicToken).toMatch(/^[0-9a-f]{32}$/);
			}
		});

		it('is deterministic across restarts', async () => {
			const other = await startSandbox();
			try {
				const a = dataOf<Budget[]>(await call(sb, 'GET', '/api/public/budgets?limit=100'));
				const b = dataOf<Budget[]>(await call(other, 'GET', '/api/public/budgets?limit=100'));
				expect(b).toEqual(a);
			} finally {
				await other.stop();
			}
		});

		it('has approvals in every status and consistent stats', async () => {
			const stats = await call(sb, 'GET', '/api/public/budget-approvals/stats');
			expect(stats.json).toEqual({
				data: { pending: 2, approved: 2, rejected: 1, cancelled: 1, total: 6 },
			});
		});
	});

	describe('listing', () => {
		const ids = async (query: string) =>
			dataOf<Budget[]>(await call(sb, 'GET', `/api/public/budgets?limit=100&${query}`)).map(
				(b) => b.id,
			);

		it('filters by state or status (numbers or names), customer, seller and currency', async () => {
			expect(await ids('state=1')).toEqual([2, 5, 8, 11, 14, 17]);
			expect(await ids('status=1')).toEqual([2, 5, 8, 11, 14, 17]);
			expect(await ids('status=APPROVED')).toEqual([2, 5, 8, 11, 14, 17]);
			expect(await ids('state=pending')).toEqual([1, 4, 7, 10, 13, 16]);
			expect(await ids('state=2&currency=usd')).toEqual([6, 12, 18]);
			expect(await ids('customerId=1')).toEqual([1, 9, 17]);
			expect(await ids('sellerId=2&state=0')).toEqual([4, 7, 16]);
		});

		it('filters issueDate with startDate/endDate and createdAt with createdAfter/createdBefore', async () => {
			expect(await ids('startDate=2026-01-10&endDate=2026-01-23')).toEqual([2, 3, 4]);
			expect(await ids('endDate=2026-01-05')).toEqual([1]);
			expect(await ids('createdAfter=2026-04-10T00:00:00Z')).toEqual([17, 18]);
			expect(await ids('createdBefore=2026-01-11')).toEqual([1, 2]);
		});

		it('searches customer names, comments and ids', async () => {
			expect(await ids('search=gonzález')).toEqual([1, 9, 17]);
			expect(await ids('search=INSTALACIÓN')).toEqual([1, 7, 13]);
			expect(await ids('search=18')).toEqual([18]);
		});
	});

	describe('public create', () => {
		it('creates a budget and answers the documented flat body with the public URL', async () => {
			const r = await call(sb, 'POST', '/api/budgets/public', { body: validBudget() });
			expect(r.status).toBe(201);
			expect(r.json).toEqual({
				success: true,
				message: expect.any(String),
				publicUrl: `https://app.billoget.com/budget/${r.json.publicToken}`,
				budgetId: 19,
				publicToken: expect.stringMatching(/^[0-9a-f]{32}$/),
			});
			const b = dataOf<Budget>(await call(sb, 'GET', '/api/public/budgets/19'));
			expect(b).toMatchObject({
				id: 19,
				currency: 'ARS',
				issueDate: '2026-03-01',
				expirationDate: '2026-03-31',
				customerId: 1,
				sellerId: 1,
				businessId: 1,
				minimumPaymentToConfirm: 3630,
				state: 0,
				subtotal: 10000,
				iva: 2100,
				total: 12100,
				comments: 'Test budget',
				publicToken: r.json.publicToken,
				customer: {
					id: 1,
					firstName: 'María',
					lastName: 'González',
					email: 'maria.gonzalez@example.com',
				},
				createdAt: '2026-05-10T15:00:00.000Z',
			});
			expect(b.items).toEqual([
				{
					id: expect.any(Number),
					productId: 4,
					packageId: null,
					quantity: 2,
					unitPrice: 3000,
					subtotal: 6000,
					budgetId: 19,
				},
				{
					id: expect.any(Number),
					productId: 11,
					packageId: null,
					quantity: 1,
					unitPrice: 4000,
					subtotal: 4000,
					budgetId: 19,
				},
			]);
			await receiver.waitFor(1);
			expect(events()).toEqual(['budget.created']);
		});

		it('uses publicBaseUrl for the public URL', async () => {
			sb.configure({ publicBaseUrl: 'https://billoget.example/' });
			const r = await call(sb, 'POST', '/api/budgets/public', { body: validBudget() });
			expect(r.json.publicUrl).toBe(`https://billoget.example/budget/${r.json.publicToken}`);
			sb.configure({ publicBaseUrl: 'https://app.billoget.com' });
		});

		it('stores the amounts the client sends (no server-side recomputation)', async () => {
			const r = await call(sb, 'POST', '/api/budgets/public', {
				body: validBudget({
					subtotal: 1,
					iva: 0,
					total: 1,
					items: [{ packageId: 3, quantity: 1.5, unitPrice: 0.1 }],
				}),
			});
			const b = dataOf<Budget>(await call(sb, 'GET', `/api/public/budgets/${r.json.budgetId}`));
			expect(b).toMatchObject({ subtotal: 1, iva: 0, total: 1 });
			expect(b.items[0]).toMatchObject({ productId: null, packageId: 3, subtotal: 0.15 });
		});

		it.each([
			[{ currency: undefined }, 'currency'],
			[{ issueDate: 'next week' }, 'issueDate'],
			[{ expirationDate: '2026-02-01' }, 'expirationDate'],
			[{ customerId: 999 }, 'customerId'],
			[{ customerId: '1' }, 'customerId'],
			[{ sellerId: undefined }, 'sellerId'],
			[{ minimumPaymentToConfirm: -1 }, 'minimumPaymentToConfirm'],
			[{ total: undefined }, 'total'],
			[{ iva: 'x' }, 'iva'],
			[{ items: [] }, 'items'],
			[{ items: 'none' }, 'items'],
			[{ items: [{ quantity: 1, unitPrice: 1 }] }, 'items[0]'],
			[{ items: [{ productId: 1, packageId: 2, quantity: 1, unitPrice: 1 }] }, 'items[0]'],
			[{ items: [{ productId: 1, quantity: 0, unitPrice: 1 }] }, 'items[0].quantity'],
			[
				{
					items: [
						{ productId: 1, quantity: 1, unitPrice: 1 },
						{ productId: 1, quantity: 1, unitPrice: -5 },
					],
				},
				'items[1].unitPrice',
			],
		])('answers 422 for %j naming %s', async (override, field) => {
			const r = await call(sb, 'POST', '/api/budgets/public', { body: validBudget(override) });
			expect(r.status).toBe(422);
			expect(r.json).toMatchObject({ error: 'validation_error', details: { field } });
			expect(String(r.json.message)).toContain(field);
			expect(sb.store.budgets.size).toBe(18);
		});
	});

	describe('update and delete (documented by the docs only)', () => {
		it('updates partially, replaces items, emits budget.updated only on change, deletes with budget.deleted', async () => {
			clock.advance(10);
			const up = await call(sb, 'PUT', '/api/public/budgets/1', {
				body: {
					comments: 'Nuevo comentario',
					items: [{ productId: 2, quantity: 1, unitPrice: 210000 }],
				},
			});
			expect(dataOf<Budget>(up)).toMatchObject({
				comments: 'Nuevo comentario',
				subtotal: 850000,
				items: [{ productId: 2, quantity: 1, unitPrice: 210000, subtotal: 210000, budgetId: 1 }],
				updatedAt: '2026-05-10T15:00:10.000Z',
			});
			await call(sb, 'PUT', '/api/public/budgets/1', { body: { comments: 'Nuevo comentario' } });
			expect(
				(await call(sb, 'PUT', '/api/public/budgets/1', { body: { customerId: 99 } })).json,
			).toMatchObject({
				details: { field: 'customerId' },
			});
			expect((await call(sb, 'DELETE', '/api/public/budgets/1')).status).toBe(204);
			expect((await call(sb, 'GET', '/api/public/budgets/1')).status).toBe(404);
			await receiver.waitFor(2);
			await sleep(50);
			expect(events()).toEqual(['budget.deleted', 'budget.updated']);
		});
	});

	describe('token (UBS) endpoints', () => {
		it('gets the public view by token and 404s for an unknown token', async () => {
			const token = sb.store.budgets.get(1)?.publicToken ?? '';
			const r = await call(sb, 'GET', `/api/public/budgets/token/${token}`);
			expect(r.status).toBe(200);
			const view = dataOf<Record<string, unknown>>(r);
			expect(view).toMatchObject({
				id: 1,
				publicToken: token,
				state: 0,
				customer: { firstName: 'María', lastName: 'González', email: 'maria.gonzalez@example.com' },
				seller: { id: 1, displayName: expect.any(String) },
				business: { id: 1, name: expect.any(String) },
				items: [
					expect.objectContaining({
						product: expect.objectContaining({ productCode: expect.any(String) }),
					}),
				],
			});
			expect(view).not.toHaveProperty('customerId');
			expect(view).not.toHaveProperty('sellerId');
			expect((await call(sb, 'GET', '/api/public/budgets/token/nope')).json).toMatchObject({
				error: 'not_found',
			});
		});

		it('confirms (state 1, budget.approved only) and refuses to decide twice', async () => {
			const token = sb.store.budgets.get(4)?.publicToken ?? '';
			const r = await call(sb, 'POST', `/api/public/budgets/token/${token}/confirm`);
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({
				data: { message: 'Budget confirmed', budget: { id: 4, state: 1 } },
			});
			expect(sb.store.budgets.get(4)?.state).toBe(1);
			expect(sb.store.budgets.get(4)?.updatedAt).toBe('2026-05-10T15:00:00.000Z');
			const again = await call(sb, 'POST', `/api/public/budgets/token/${token}/reject`);
			expect(again.status).toBe(409);
			expect(again.json).toMatchObject({ error: 'conflict' });
			await receiver.waitFor(1);
			await sleep(50);
			expect(events()).toEqual(['budget.approved']);
		});

		it('rejects (state 2, budget.rejected)', async () => {
			const token = sb.store.budgets.get(7)?.publicToken ?? '';
			const r = await call(sb, 'POST', `/api/public/budgets/token/${token}/reject`);
			expect(r.json).toMatchObject({
				data: { message: 'Budget rejected', budget: { id: 7, state: 2 } },
			});
			await receiver.waitFor(1);
			expect(events()).toEqual(['budget.rejected']);
			expect((receiver.requests[0].body as { data: Budget }).data).toMatchObject({
				id: 7,
				state: 2,
			});
		});
	});

	describe('approvals', () => {
		it('submits, lists pending, approves (budget state 1, budget.approved) and updates stats', async () => {
			const submitted = await call(sb, 'POST', '/api/public/budget-approvals/submit', {
				body: { budgetId: 10, requestNotes: 'Por favor revisar' },
			});
			expect(submitted.status).toBe(201);
			const a = dataOf<Approval>(submitted);
			expect(a).toEqual({
				id: 7,
				budgetId: 10,
				requestedBy: 1,
				approvedBy: null,
				status: 'pending',
				action: 'submitted',
				comments: null,
				requestNotes: 'Por favor revisar',
				reviewedAt: null,
				approvedAt: null,
				rejectedAt: null,
				createdAt: '2026-05-10T15:00:00.000Z',
				updatedAt: '2026-05-10T15:00:00.000Z',
			});

			const pending = await call(sb, 'GET', '/api/public/budget-approvals/pending');
			expect(dataOf<Approval[]>(pending).map((p) => p.budgetId)).toEqual([1, 4, 10]);

			// Only one pending approval per budget.
			expect(
				(await call(sb, 'POST', '/api/public/budget-approvals/submit', { body: { budgetId: 10 } }))
					.status,
			).toBe(409);

			clock.advance(3600);
			const processed = await call(sb, 'POST', `/api/public/budget-approvals/${a.id}/process`, {
				body: { action: 'approve', comments: 'OK' },
			});
			expect(processed.status).toBe(200);
			expect(dataOf<Approval>(processed)).toMatchObject({
				status: 'approved',
				action: 'approved',
				approvedBy: 1,
				comments: 'OK',
				reviewedAt: '2026-05-10T16:00:00.000Z',
				approvedAt: '2026-05-10T16:00:00.000Z',
				rejectedAt: null,
				updatedAt: '2026-05-10T16:00:00.000Z',
			});
			expect(sb.store.budgets.get(10)).toMatchObject({
				state: 1,
				updatedAt: '2026-05-10T16:00:00.000Z',
			});

			const stats = await call(sb, 'GET', '/api/public/budget-approvals/stats');
			expect(stats.json).toEqual({
				data: { pending: 2, approved: 3, rejected: 1, cancelled: 1, total: 7 },
			});

			await receiver.waitFor(1);
			await sleep(50);
			expect(events()).toEqual(['budget.approved']);
		});

		it('rejects an approval (budget state 2) and answers 409 when processing it again', async () => {
			const r = await call(sb, 'POST', '/api/public/budget-approvals/4/process', {
				body: { action: 'reject', comments: 'No' },
			});
			expect(dataOf<Approval>(r)).toMatchObject({
				id: 4,
				status: 'rejected',
				rejectedAt: expect.any(String),
				approvedAt: null,
			});
			expect(sb.store.budgets.get(1)?.state).toBe(2);
			const again = await call(sb, 'POST', '/api/public/budget-approvals/4/process', {
				body: { action: 'approve' },
			});
			expect(again.status).toBe(409);
			expect(again.json).toMatchObject({ error: 'conflict', details: { status: 'rejected' } });
			await receiver.waitFor(1);
			expect(events()).toEqual(['budget.rejected']);
		});

		it('validates submit and process bodies', async () => {
			expect(
				(await call(sb, 'POST', '/api/public/budget-approvals/submit', { body: {} })).json,
			).toMatchObject({
				details: { field: 'budgetId' },
			});
			expect(
				(await call(sb, 'POST', '/api/public/budget-approvals/submit', { body: { budgetId: 999 } }))
					.json,
			).toMatchObject({
				error: 'validation_error',
				details: { field: 'budgetId' },
			});
			expect(
				(
					await call(sb, 'POST', '/api/public/budget-approvals/5/process', {
						body: { action: 'maybe' },
					})
				).json,
			).toMatchObject({
				details: { field: 'action' },
			});
			expect(
				(
					await call(sb, 'POST', '/api/public/budget-approvals/99/process', {
						body: { action: 'approve' },
					})
				).status,
			).toBe(404);
		});

		it('marks a second submission for the same budget as resubmitted', async () => {
			const r = await call(sb, 'POST', '/api/public/budget-approvals/submit', {
				body: { budgetId: 3 },
			});
			expect(dataOf<Approval>(r)).toMatchObject({
				budgetId: 3,
				action: 'resubmitted',
				status: 'pending',
			});
		});

		it('lists with pagination and filters, and the history per budget', async () => {
			const list = await call(sb, 'GET', '/api/public/budget-approvals?status=pending');
			expect(list.json.pagination).toMatchObject({ total: 2 });
			expect(
				(await call(sb, 'GET', '/api/public/budget-approvals?budgetId=3')).json.pagination,
			).toMatchObject({ total: 1 });
			sb.configure({ envelope: 'sdk' });
			const sdk = await call(sb, 'GET', '/api/public/budget-approvals?limit=4');
			expect(sdk.json).toMatchObject({ data: { meta: { totalItems: 6, totalPages: 2 } } });
			// pending and history stay plain arrays in both envelopes
			const history = await call(sb, 'GET', '/api/public/budget-approvals/history?budgetId=2');
			expect(dataOf<Approval[]>(history)).toEqual([
				expect.objectContaining({ budgetId: 2, status: 'approved' }),
			]);
			expect(
				dataOf<Approval[]>(await call(sb, 'GET', '/api/public/budget-approvals/history')),
			).toHaveLength(6);
			sb.configure({ envelope: 'docs' });
		});
	});
});
