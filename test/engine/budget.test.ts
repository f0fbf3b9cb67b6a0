import budgetConfirmSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/confirm.json';
import budgetCreateSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/create.json';
import budgetDeleteSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/delete.json';
import budgetGetSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/get.json';
import budgetGetByTokenSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/getByToken.json';
import budgetGetManySchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/getMany.json';
import budgetRejectSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/reject.json';
import budgetUpdateSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/update.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { schemaProblems } from '../harness/schema';
import type { Schema } from '../harness/schema';
import { credentialsFor, DIALECTS, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

const BUDGETS = '/v1/api/public/budgets';
const CREATE = '/v1/api/budgets/public';
const PRODUCTS = '/v1/api/public/products';

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });


describe.each(DIALECTS)('Billoget node · budgets, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo' });
		sb.configure({ dialect, faults: null });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'budget', ...parameters }, credentials: credentialsFor(sb), ...extra });

	const line = (productId: number | string, quantity: unknown, unitPrice: unknown = '') => ({
		itemType: 'product',
		productId: byId(productId),
		quantity,
		unitPrice,
	});

	const createParameters = (overrides: Record<string, unknown> = {}) => ({
		operation: 'create',
		customerId: byId(1),
		sellerId: '1',
		currency: 'ARS',
		issueDate: '2026-03-01',
		expirationDate: '2026-03-31',
		minimumPaymentToConfirm: 100,
		items: {
			item: [
				line(4, 3, '0.335'),
				line(5, 1, '1.005'),
				line(2, 2), // no unit price: the product's price (210000)
				{ itemType: 'package', packageId: '3', quantity: 1, unitPrice: '0.1' },
			],
		},
		...overrides,
	});

	describe('Create', () => {
		it('computes subtotal, IVA and total to the cent, posts them, and returns the full budget with its public link', async () => {
			const mark = sb.requests.length;
			const result = await run(createParameters({ additionalFields: { comments: 'Entrega en 10 días' } }));
			expect(result.status).toBe('success');
			const sent = requestsSince(sb, mark);
			expect(requestLines(sent)).toEqual([`GET ${PRODUCTS}/2`, `POST ${CREATE}`, expect.stringMatching(new RegExp(`^GET ${BUDGETS}/\\d+$`))]);
			// Lines: 3 × 0.335 = 1.005 → 1.01; 1 × 1.005 → 1.01 (a float sum gives 1.00); 2 × 210000; 1 × 0.10.
			// Subtotal 420002.12; IVA 21 % = 88200.4452 → 88200.45; total 508202.57.
			expect(sent[1].body).toEqual({
				currency: 'ARS',
				issueDate: '2026-03-01T00:00:00.000Z',
				expirationDate: '2026-03-31T00:00:00.000Z',
				customerId: 1,
				sellerId: 1,
				minimumPaymentToConfirm: 100,
				subtotal: 420002.12,
				iva: 88200.45,
				total: 508202.57,
				comments: 'Entrega en 10 días',
				items: [
					{ productId: 4, quantity: 3, unitPrice: 0.335 },
					{ productId: 5, quantity: 1, unitPrice: 1.005 },
					{ productId: 2, quantity: 2, unitPrice: 210000 },
					{ packageId: 3, quantity: 1, unitPrice: 0.1 },
				],
			});
			const stored = [...sb.store.budgets.values()].pop()!;
			const out = jsonOf(result.items)[0];
			expect(out).toMatchObject({
				id: stored.id,
				state: 0,
				stateName: 'generated',
				subtotal: 420002.12,
				iva: 88200.45,
				total: 508202.57,
				publicToken: stored.publicToken,
				publicUrl: `https://app.billoget.com/budget/${stored.publicToken}`,
				customer: { id: 1, firstName: 'María' },
			});
			expect(out.items).toHaveLength(4);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		it('reads expressions per item and fetches each product price once per execution', async () => {
			const mark = sb.requests.length;
			const result = await run(
				createParameters({
					customerId: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
					currency: '={{ $json.currency }}',
					items: { item: [line(2, '={{ $json.qty }}'), line(9, 1)] },
				}),
				{ items: [{ customer: 2, currency: 'usd', qty: 1 }, { customer: 3, currency: 'ARS', qty: 3 }] },
			);
			expect(result.status).toBe('success');
			const sent = requestsSince(sb, mark);
			expect(sent.filter((r) => r.path.startsWith(PRODUCTS)).map((r) => r.path)).toEqual([`${PRODUCTS}/2`, `${PRODUCTS}/9`]);
			const posts = sent.filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>);
			expect(posts).toEqual([
				expect.objectContaining({ customerId: 2, currency: 'USD', subtotal: 255000, iva: 53550, total: 308550 }),
				expect.objectContaining({ customerId: 3, currency: 'ARS', subtotal: 675000, iva: 141750, total: 816750 }),
			]);
			expect(jsonOf(result.items).map((b) => b.customerId)).toEqual([2, 3]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('takes the lines from Items (JSON) mapped from the previous node', async () => {
			const mark = sb.requests.length;
			const parameters: Record<string, unknown> = {
				...createParameters(),
				itemsMode: 'json',
				itemsJson: '={{ $json.lines }}',
				taxRate: 10.5,
			};
			delete parameters.items;
			const result = await run(parameters, {
				items: [{ lines: [{ productId: 4, quantity: 3, unitPrice: 0.335 }, { packageId: 7, quantity: '2', unitPrice: '19,99' }] }],
			});
			expect(result.status).toBe('success');
			const post = requestsSince(sb, mark).find((r) => r.method === 'POST')!;
			// 1.01 + 39.98 = 40.99; 10.5 % = 4.30395 → 4.30; total 45.29.
			expect(post.body).toMatchObject({
				subtotal: 40.99,
				iva: 4.3,
				total: 45.29,
				items: [
					{ productId: 4, quantity: 3, unitPrice: 0.335 },
					{ packageId: 7, quantity: 2, unitPrice: 19.99 },
				],
			});
		});

		it('sends the overrides instead of the computed amounts', async () => {
			const mark = sb.requests.length;
			await run(
				createParameters({
					items: { item: [line(4, 3, '0.335')] },
					options: { ivaOverride: 0 },
				}),
			);
			expect(requestsSince(sb, mark).find((r) => r.method === 'POST')!.body).toMatchObject({ subtotal: 1.01, iva: 0, total: 1.01 });
			const mark2 = sb.requests.length;
			await run(createParameters({ items: { item: [line(4, 3, '0.335')] }, options: { subtotalOverride: 100, totalOverride: 150 } }));
			expect(requestsSince(sb, mark2).find((r) => r.method === 'POST')!.body).toMatchObject({ subtotal: 100, iva: 21, total: 150 });
		});

		it.each([
			['a zero quantity', { items: { item: [line(4, 1, '1'), line(4, 0, '1')] } }, 'Line item 2: Quantity must be greater than 0 (got 0)'],
			['a negative unit price', { items: { item: [line(4, 1, '-5')] } }, 'Line item 1: Unit Price must not be negative (got -5)'],
			['a package without a price', { items: { item: [{ itemType: 'package', packageId: '2', quantity: 1 }] } }, 'Line item 1: Unit Price is required for a package'],
			['no line items', { items: {} }, 'The budget has no line items'],
			['an expiration before the issue date', { expirationDate: '2026-02-01' }, 'Expiration Date (2026-02-01) is before Issue Date (2026-03-01)'],
			['a bad currency', { currency: 'pesos' }, 'Currency "pesos" is not a currency code'],
			['a seller that resolves to nothing', { sellerId: '={{ $json.seller }}' }, 'Seller ID must be a Billoget ID (a positive whole number)'],
			['a negative override', { options: { totalOverride: -1 } }, 'Total Override must be at least 0'],
		])('rejects %s before sending any request', async (_case, overrides, message) => {
			const mark = sb.requests.length;
			const result = await run(createParameters(overrides));
			expect(result.status).toBe('error');
			expect(result.error).toMatchObject({ message });
			expect(requestsSince(sb, mark)).toEqual([]);
			expect(sb.store.budgets.size).toBe(18);
		});

		it('rejects a malformed Items (JSON) entry naming the line, with no request', async () => {
			const mark = sb.requests.length;
			const result = await run({
				...createParameters(),
				itemsMode: 'json',
				itemsJson: '[{"productId": 4, "quantity": 1}, {"quantity": 2}]',
			});
			expect(result.error).toMatchObject({ message: 'Line item 2: Product is missing' });
			expect(requestsSince(sb, mark)).toEqual([]);
		});

		it('with Continue On Fail, an invalid item becomes an error item paired to its input and the others go on', async () => {
			const mark = sb.requests.length;
			const result = await run(createParameters({ items: { item: [line(4, '={{ $json.qty }}', '2')] } }), {
				items: [{ qty: 0 }, { qty: 2 }],
				continueOnFail: true,
			});
			expect(result.status).toBe('success');
			const out = jsonOf(result.items);
			expect(out[0]).toMatchObject({ error: 'Line item 1: Quantity must be greater than 0 (got 0)' });
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(out[1]).toMatchObject({ subtotal: 4, iva: 0.84, total: 4.84, stateName: 'generated' });
			expect(result.items[1].pairedItem).toEqual({ item: 1 });
			expect(requestsSince(sb, mark).filter((r) => r.method === 'POST')).toHaveLength(1);
		});

		it('names the product when a product without a unit price does not exist', async () => {
			const result = await run(createParameters({ items: { item: [line(999, 1)] } }));
			expect(result.error).toMatchObject({ message: 'No product with ID 999 exists in Billoget (line item 1)', httpCode: '404' });
			expect(sb.store.budgets.size).toBe(18);
		});

		it('after a lost answer finds the budget the first attempt created instead of posting it again', async () => {
			const original = sb.store.createBudget.bind(sb.store);
			sb.configure({ faults: { dropRate: 1, seed: 1 } });
			sb.store.createBudget = (fields: Parameters<typeof original>[0]) => {
				const created = original(fields);
				sb.configure({ faults: null });
				return created;
			};
			try {
				const mark = sb.requests.length;
				const result = await run(createParameters({ items: { item: [line(4, 3, '0.335')] } }));
				expect(result.status).toBe('success');
				expect(sb.store.budgets.size).toBe(19);
				const created = [...sb.store.budgets.values()].pop()!;
				const sent = requestsSince(sb, mark);
				expect(requestLines(sent)).toEqual([`POST ${CREATE}`, `GET ${BUDGETS}`, `GET ${BUDGETS}/${created.id}`]);
				expect(sent[1].query).toMatchObject({ customerId: '1', createdAfter: expect.any(String) });
				expect(jsonOf(result.items)[0]).toMatchObject({ id: created.id, publicToken: created.publicToken, total: 1.22 });
			} finally {
				sb.store.createBudget = original;
			}
		});

		it('after a 503, does not take an identical budget made by an earlier run (other comments) for its own', async () => {
			const lines = { item: [line(4, 3, '0.335')] }; // a given price: the POST is the first request
			const earlier = await run(createParameters({ items: lines, additionalFields: { comments: 'earlier run' } }));
			expect(earlier.status).toBe('success');
			const earlierId = jsonOf(earlier.items)[0].id;
			// The next request (the POST) is answered 503 without being applied; then Billoget is healthy.
			sb.configure({ faults: { errorRate: 1, seed: 1 } });
			const log = sb.requests;
			const push = log.push.bind(log);
			log.push = (...entries) => {
				sb.configure({ faults: null });
				return push(...entries);
			};
			try {
				const mark = sb.requests.length;
				const result = await run(createParameters({ items: lines, additionalFields: { comments: 'this run' } }));
				expect(result.status).toBe('success');
				const created = [...sb.store.budgets.values()].pop()!;
				expect(created.id).not.toBe(earlierId);
				expect(created.comments).toBe('this run');
				expect(jsonOf(result.items)[0]).toMatchObject({ id: created.id, comments: 'this run' });
				const sent = requestsSince(sb, mark);
				expect(requestLines(sent)).toEqual([`POST ${CREATE}`, `GET ${BUDGETS}`, `POST ${CREATE}`, `GET ${BUDGETS}/${created.id}`]);
				expect(sent.map((r) => r.status)).toEqual([503, 200, 201, 200]);
			} finally {
				Reflect.deleteProperty(log, 'push');
			}
		});

		it('keeps the created budget when reading it back is refused, saying why, instead of failing the item', async () => {
			const key = sb.addKey({ scopes: ['WRITE_BUDGETS'] });
			const result = await runBillogetNode({
				parameters: { resource: 'budget', ...createParameters({ items: { item: [line(4, 3, '0.335')] } }) },
				credentials: credentialsFor(sb, key),
			});
			expect(result.status).toBe('success');
			const created = [...sb.store.budgets.values()].pop()!;
			expect(jsonOf(result.items)[0]).toMatchObject({
				id: created.id,
				state: 0,
				stateName: 'generated',
				total: 1.22,
				publicToken: created.publicToken,
				publicUrl: expect.stringContaining(created.publicToken),
				readBackError: expect.stringContaining('READ_BUDGETS'),
			});
		});
	});

	describe('Get, Get by Token', () => {
		it('gets a budget simplified by default, in full on request', async () => {
			const simple = await run({ operation: 'get', budgetId: byId(2) });
			expect(jsonOf(simple.items)).toEqual([
				{
					id: 2,
					state: 1,
					stateName: 'approved',
					currency: 'USD',
					subtotal: expect.any(Number),
					iva: expect.any(Number),
					total: expect.any(Number),
					issueDate: '2026-01-11T13:00:00.000Z',
					expirationDate: '2026-02-10T13:00:00.000Z',
					customerId: 2,
					customerName: 'Juan Pérez',
					publicToken: sb.store.budgets.get(2)!.publicToken,
				},
			]);
			const full = await run({ operation: 'get', budgetId: byId(2), simplify: false });
			expect(jsonOf(full.items)[0]).toMatchObject({ id: 2, sellerId: 1, stateName: 'approved', items: expect.any(Array) });
		});

		it('turns a 404 into an error naming the ID', async () => {
			const result = await run({ operation: 'get', budgetId: byId(999) });
			expect(result.status).toBe('error');
			expect(result.error).toMatchObject({ message: 'No budget with ID 999 exists in Billoget', httpCode: '404' });
		});

		it('gets a budget by its public link', async () => {
			const token = sb.store.budgets.get(3)!.publicToken;
			const mark = sb.requests.length;
			const result = await run({ operation: 'getByToken', publicLink: `https://app.billoget.com/budget/${token}?utm=mail`, simplify: false });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${BUDGETS}/token/${token}`]);
			expect(jsonOf(result.items)[0]).toMatchObject({ id: 3, state: 2, stateName: 'rejected', publicToken: token, business: expect.any(Object) });
		});

		it('rejects a malformed token without a request, and names an unknown one', async () => {
			const mark = sb.requests.length;
			const bad = await run({ operation: 'getByToken', publicLink: 'abc$%&' });
			expect(bad.error).toMatchObject({ message: 'Public Token or URL "abc$%&" is not a Billoget public token or budget link' });
			const tooLong = await run({ operation: 'getByToken', publicLink: 'a'.repeat(101) });
			expect(tooLong.status).toBe('error');
			expect(requestsSince(sb, mark)).toEqual([]);
			const unknown = await run({ operation: 'getByToken', publicLink: 'no-such-token' });
			expect(unknown.error).toMatchObject({ message: 'No budget with public token "no-such-token" exists in Billoget', httpCode: '404' });
		});
	});

	describe('Get Many', () => {
		const seedBudgets = (count: number) => {
			for (let n = 0; n < count; n++) {
				sb.store.createBudget({
					currency: 'EUR',
					issueDate: '2027-01-01T00:00:00.000Z',
					expirationDate: '2027-02-01T00:00:00.000Z',
					customerId: 5,
					sellerId: 2,
					minimumPaymentToConfirm: 0,
					subtotal: n,
					iva: 0,
					total: n,
					state: n % 3,
					items: [{ productId: 1, quantity: 1, unitPrice: n }],
				});
			}
		};

		it.each(['docs', 'sdk'] as const)('returns all budgets across pages in the %s envelope', async (envelope) => {
			seedBudgets(230);
			sb.configure({ envelope });
			const mark = sb.requests.length;
			const result = await run({ operation: 'getMany', returnAll: true, filters: { currency: 'eur' }, simplify: false });
			expect(result.items).toHaveLength(230);
			expect(new Set(jsonOf(result.items).map((b) => b.id)).size).toBe(230);
			expect(jsonOf(result.items).every((b) => ['generated', 'approved', 'rejected'][b.state as number] === b.stateName)).toBe(true);
			expect(requestsSince(sb, mark).map((r) => r.query)).toEqual([
				{ page: '1', limit: '100', currency: 'EUR' },
				{ page: '2', limit: '100', currency: 'EUR' },
				{ page: '3', limit: '100', currency: 'EUR' },
			]);
		});

		it('sends the filters (state as a number) and stops at the limit', async () => {
			const mark = sb.requests.length;
			const result = await run({
				operation: 'getMany',
				limit: 2,
				filters: {
					state: 'approved',
					customerId: byId(2),
					sellerId: '1',
					search: 'Pérez',
					issueDateFrom: '2026-01-01',
					issueDateTo: '2026-12-31',
				},
			});
			expect(result.status).toBe('success');
			// The state under both documented names; the issue dates are checked on the node's side only
			// (neither reading has a parameter said to filter the issue date); 100 a page, since records an
			// API did not filter do not count towards the limit.
			expect(requestsSince(sb, mark).map((r) => r.query)).toEqual([
				{
					page: '1',
					limit: '100',
					state: '1',
					status: '1',
					customerId: '2',
					sellerId: '1',
					search: 'Pérez',
				},
			]);
			const out = jsonOf(result.items);
			expect(out.length).toBeGreaterThan(0);
			expect(out.length).toBeLessThanOrEqual(2);
			expect(out.every((b) => b.state === 1 && b.stateName === 'approved' && b.customerId === 2 && b.customerName === 'Juan Pérez')).toBe(true);
		});

		// Found by running the node against an API that knows only the SDK's parameters: state, seller and
		// currency were ignored there and every budget came back (6, 8 and 9 → 18).
		it.each([
			['State = Approved', { state: 'approved' }, 6, (b: Record<string, unknown>) => b.state === 1],
			['Seller ID = 2', { sellerId: '2' }, 8, (b: Record<string, unknown>) => b.sellerId === 2],
			['Currency = USD', { currency: 'usd' }, 9, (b: Record<string, unknown>) => b.currency === 'USD'],
			['Customer = 2', { customerId: byId(2) }, 3, (b: Record<string, unknown>) => b.customerId === 2],
		])('%s returns only the matching budgets', async (_label, filters, expected, holds) => {
			const want = [...sb.store.budgets.values()].filter((b) => holds(b as unknown as Record<string, unknown>)).map((b) => b.id);
			expect(want).toHaveLength(expected);
			const result = await run({ operation: 'getMany', returnAll: true, filters, simplify: false });
			expect(result.status).toBe('success');
			expect(jsonOf(result.items).map((b) => b.id)).toEqual(want);
		});

		it('Limit counts matching budgets, and Return All and Limit stay exact across pages', async () => {
			seedBudgets(230); // EUR, states 0, 1, 2 in turn: 77 generated in EUR
			const generatedEur = [...sb.store.budgets.values()].filter((b) => b.currency === 'EUR' && b.state === 0).map((b) => b.id);
			expect(generatedEur).toHaveLength(77);

			const few = await run({ operation: 'getMany', limit: 4, filters: { state: 'generated', currency: 'EUR' }, simplify: false });
			expect(jsonOf(few.items).map((b) => b.id)).toEqual(generatedEur.slice(0, 4));

			const many = await run({ operation: 'getMany', limit: 70, filters: { state: 'generated', currency: 'EUR' }, simplify: false });
			expect(jsonOf(many.items).map((b) => b.id)).toEqual(generatedEur.slice(0, 70));

			// Where the API filters the currency, its first page holds 90 EUR budgets; where it does not, the
			// first page holds only 82 (after the 18 demo budgets) and a second page is read.
			const eur = [...sb.store.budgets.values()].filter((b) => b.currency === 'EUR').map((b) => b.id);
			const mark = sb.requests.length;
			const ninety = await run({ operation: 'getMany', limit: 90, filters: { currency: 'EUR' }, simplify: false });
			expect(jsonOf(ninety.items).map((b) => b.id)).toEqual(eur.slice(0, 90));
			expect(requestsSince(sb, mark).map((r) => r.query.page)).toEqual(dialect === 'docs' ? ['1'] : ['1', '2']);

			const all = await run({ operation: 'getMany', returnAll: true, filters: { state: 'generated', currency: 'EUR' }, simplify: false });
			expect(jsonOf(all.items).map((b) => b.id)).toEqual(generatedEur);
		});

		it('the issue-date filters apply to the issue date, whatever date the API filters', async () => {
			// Issued in January, recorded in May (e.g. entered late).
			const late = sb.store.createBudget({
				currency: 'ARS',
				issueDate: '2026-01-02T00:00:00.000Z',
				expirationDate: '2026-02-01T00:00:00.000Z',
				createdAt: '2026-05-20T10:00:00.000Z',
				customerId: 5,
				sellerId: 2,
				minimumPaymentToConfirm: 0,
				subtotal: 1,
				iva: 0,
				total: 1,
				state: 0,
				items: [{ productId: 1, quantity: 1, unitPrice: 1 }],
			});
			const january = await run({ operation: 'getMany', returnAll: true, filters: { issueDateFrom: '2026-01-01', issueDateTo: '2026-01-04' }, simplify: false });
			expect(jsonOf(january.items).map((b) => b.id)).toEqual([late.id]);
			const may = await run({ operation: 'getMany', returnAll: true, filters: { issueDateFrom: '2026-05-20', issueDateTo: '2026-05-20' }, simplify: false });
			expect(jsonOf(may.items)).toEqual([]);
		});

		it('accepts a legacy state name from an expression, and normalises a legacy status in the answer', async () => {
			const legacy = sb.store.budgets.get(6)! as unknown as Record<string, unknown>;
			delete legacy.state;
			legacy.status = 'REJECTED';
			const mark = sb.requests.length;
			const result = await run({ operation: 'getMany', returnAll: true, filters: { state: '={{ "PENDING" }}' } });
			expect(requestsSince(sb, mark)[0].query).toMatchObject({ state: '0' });
			expect(jsonOf(result.items).every((b) => b.stateName === 'generated')).toBe(true);
			const all = await run({ operation: 'getMany', returnAll: true, simplify: false });
			expect(jsonOf(all.items).find((b) => b.id === 6)).toMatchObject({ state: 2, stateName: 'rejected', status: 'REJECTED' });
		});

		it('refuses an unknown state before sending anything', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'getMany', filters: { state: '={{ "EXPIRED" }}' } });
			expect(result.error).toMatchObject({ message: 'State "EXPIRED" is not a budget state' });
			expect(requestsSince(sb, mark)).toEqual([]);
		});
	});

	describe('Update, Delete', () => {
		it('updates only the given fields', async () => {
			const mark = sb.requests.length;
			const result = await run({
				operation: 'update',
				budgetId: byId(1),
				updateFields: { comments: 'Nuevo plazo', expirationDate: '2026-06-30', currency: 'usd', minimumPaymentToConfirm: 50.5 },
			});
			const sent = requestsSince(sb, mark);
			expect(sent).toEqual([
				expect.objectContaining({
					method: 'PUT',
					path: `${BUDGETS}/1`,
					body: { comments: 'Nuevo plazo', currency: 'USD', expirationDate: '2026-06-30T00:00:00.000Z', minimumPaymentToConfirm: 50.5 },
				}),
			]);
			expect(jsonOf(result.items)[0]).toMatchObject({ id: 1, comments: 'Nuevo plazo', currency: 'USD', stateName: 'generated' });
		});

		it('refuses an update without fields, and names a missing budget', async () => {
			const mark = sb.requests.length;
			const empty = await run({ operation: 'update', budgetId: byId(1), updateFields: {} });
			expect(empty.error).toMatchObject({ message: 'No fields to update' });
			expect(requestsSince(sb, mark)).toEqual([]);
			const missing = await run({ operation: 'update', budgetId: byId(999), updateFields: { comments: 'x' } });
			expect(missing.error).toMatchObject({ message: 'No budget with ID 999 exists in Billoget' });
		});

		it('deletes a budget', async () => {
			const result = await run({ operation: 'delete', budgetId: byId(4) });
			expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 4 }]);
			expect(sb.store.budgets.has(4)).toBe(false);
		});
	});

	describe('Confirm, Reject', () => {
		it('confirms a budget by token and returns its new state', async () => {
			const token = sb.store.budgets.get(1)!.publicToken;
			const mark = sb.requests.length;
			const result = await run({ operation: 'confirm', publicLink: token });
			expect(requestsSince(sb, mark)).toEqual([expect.objectContaining({ method: 'POST', path: `${BUDGETS}/token/${token}/confirm` })]);
			expect(sb.store.budgets.get(1)!.state).toBe(1);
			expect(jsonOf(result.items)[0]).toMatchObject({ id: 1, state: 1, stateName: 'approved', message: 'Budget confirmed', publicToken: token });
		});

		it('rejects a budget by its public link, simplified on request', async () => {
			const token = sb.store.budgets.get(4)!.publicToken;
			const result = await run({ operation: 'reject', publicLink: `https://app.billoget.com/budget/${token}`, options: { simplify: true } });
			expect(sb.store.budgets.get(4)!.state).toBe(2);
			expect(jsonOf(result.items)[0]).toEqual({
				id: 4,
				state: 2,
				stateName: 'rejected',
				currency: 'USD',
				subtotal: expect.any(Number),
				iva: expect.any(Number),
				total: expect.any(Number),
				issueDate: expect.any(String),
				expirationDate: expect.any(String),
				customerName: expect.any(String),
				publicToken: token,
				message: 'Budget rejected',
			});
		});

		it('after a lost answer to a confirm, checks the budget’s state instead of confirming again', async () => {
			const token = sb.store.budgets.get(10)!.publicToken;
			const original = sb.store.setBudgetState.bind(sb.store);
			sb.configure({ faults: { dropRate: 1, seed: 1 } });
			sb.store.setBudgetState = (budget: Parameters<typeof original>[0], state: number) => {
				original(budget, state);
				sb.configure({ faults: null });
			};
			try {
				const mark = sb.requests.length;
				const result = await run({ operation: 'confirm', publicLink: token });
				expect(result.status).toBe('success');
				expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${BUDGETS}/token/${token}/confirm`, `GET ${BUDGETS}/token/${token}`]);
				expect(jsonOf(result.items)[0]).toMatchObject({ id: 10, state: 1, stateName: 'approved', message: 'Budget confirmed' });
			} finally {
				sb.store.setBudgetState = original;
			}
		});

		it('reports Billoget’s refusal to confirm a decided budget, per item with Continue On Fail', async () => {
			const decided = sb.store.budgets.get(2)!.publicToken;
			const open = sb.store.budgets.get(7)!.publicToken;
			const result = await run({ operation: 'confirm', publicLink: '={{ $json.token }}' }, {
				items: [{ token: decided }, { token: open }],
				continueOnFail: true,
			});
			const out = jsonOf(result.items);
			expect(out[0]).toMatchObject({ error: 'Billoget reported a conflict', httpCode: '409' });
			expect(String(out[0].description)).toContain('already approved');
			expect(out[1]).toMatchObject({ id: 7, stateName: 'approved' });
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});
	});

	it('every operation’s output matches its published output schema', async () => {
		const token = (id: number) => sb.store.budgets.get(id)!.publicToken;
		const cases: Array<[Schema, Record<string, unknown>]> = [
			[budgetCreateSchema, createParameters()],
			[budgetCreateSchema, createParameters({ options: { simplify: true } })],
			[budgetGetSchema, { operation: 'get', budgetId: byId(1) }],
			[budgetGetSchema, { operation: 'get', budgetId: byId(1), simplify: false }],
			[budgetGetManySchema, { operation: 'getMany', returnAll: true, simplify: false }],
			[budgetGetManySchema, { operation: 'getMany', returnAll: true }],
			[budgetGetByTokenSchema, { operation: 'getByToken', publicLink: token(2), simplify: false }],
			[budgetUpdateSchema, { operation: 'update', budgetId: byId(1), updateFields: { comments: 'x' } }],
			[budgetConfirmSchema, { operation: 'confirm', publicLink: token(1) }],
			[budgetRejectSchema, { operation: 'reject', publicLink: token(4) }],
			[budgetDeleteSchema, { operation: 'delete', budgetId: byId(5) }],
		];
		for (const [schema, parameters] of cases) {
			const result = await run(parameters);
			expect(result.status).toBe('success');
			expect(result.items.length).toBeGreaterThan(0);
			for (const item of result.items) expect([parameters.operation, schemaProblems(item.json, schema)]).toEqual([parameters.operation, []]);
		}
	});
});
