import { DIALECTS } from '../../sandbox/server';
import { runCli } from '../../sandbox/testUtils';
import { call, dataOf, startSandbox } from './helpers';
import type { CallResult, Sandbox } from './helpers';

type Listed = Array<{ id: number }>;

/** The records of a list answer in either envelope. */
function listed(r: CallResult): Listed {
	const data = r.json.data as unknown;
	if (Array.isArray(data)) return data as Listed;
	return (data as { data: Listed }).data;
}

const ids = (r: CallResult) => listed(r).map((x) => x.id);

describe('sandbox · dialects (docs and sdk readings of the API)', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ dialect: 'docs' });
	});

	it('lists the two dialects, docs first (the default)', () => {
		expect(DIALECTS).toEqual(['docs', 'sdk']);
		expect(sb.configure({})).toMatchObject({ dialect: 'docs', envelope: 'docs', errorFormat: 'docs' });
	});

	it('choosing a dialect sets its envelope and error format unless the same call gives them', () => {
		expect(sb.configure({ dialect: 'sdk' })).toMatchObject({ dialect: 'sdk', envelope: 'sdk', errorFormat: 'sdk' });
		expect(sb.configure({ dialect: 'docs', envelope: 'sdk' })).toMatchObject({
			dialect: 'docs',
			envelope: 'sdk',
			errorFormat: 'docs',
		});
		// An envelope alone leaves the dialect as it is.
		expect(sb.configure({ envelope: 'docs' })).toMatchObject({ dialect: 'docs', envelope: 'docs' });
		expect(() => sb.configure({ dialect: 'legacy' as never })).toThrow("dialect must be 'docs' or 'sdk'");
	});

	it('startSandbox({dialect}) applies the dialect defaults; explicit envelope/errorFormat win', async () => {
		const sdk = await startSandbox({ dialect: 'sdk' });
		const mixed = await startSandbox({ dialect: 'sdk', errorFormat: 'docs' });
		try {
			expect(sdk.configure({})).toMatchObject({ dialect: 'sdk', envelope: 'sdk', errorFormat: 'sdk' });
			expect(mixed.configure({})).toMatchObject({ dialect: 'sdk', envelope: 'sdk', errorFormat: 'docs' });
			const missing = await call(sdk, 'GET', '/api/public/customers/999');
			expect(missing.json).toEqual({ statusCode: 404, message: 'Customer 999 not found', error: 'Not Found' });
			const page = await call(sdk, 'GET', '/api/public/customers?limit=3');
			expect(page.json.data).toMatchObject({ meta: { totalItems: 8, itemsPerPage: 3, totalPages: 3, currentPage: 1 } });
		} finally {
			await sdk.stop();
			await mixed.stop();
		}
	});

	describe('budgets', () => {
		it('docs honours state, sellerId and currency; sdk ignores them and honours numeric status', async () => {
			const docs = {
				state: ids(await call(sb, 'GET', '/api/public/budgets?limit=100&state=1')),
				seller: ids(await call(sb, 'GET', '/api/public/budgets?limit=100&sellerId=2')),
				currency: ids(await call(sb, 'GET', '/api/public/budgets?limit=100&currency=USD')),
			};
			expect(docs.state).toHaveLength(6);
			expect(docs.seller).toHaveLength(8);
			expect(docs.currency).toHaveLength(9);

			sb.configure({ dialect: 'sdk' });
			expect(ids(await call(sb, 'GET', '/api/public/budgets?limit=100&state=1'))).toHaveLength(18);
			expect(ids(await call(sb, 'GET', '/api/public/budgets?limit=100&sellerId=2'))).toHaveLength(18);
			expect(ids(await call(sb, 'GET', '/api/public/budgets?limit=100&currency=USD'))).toHaveLength(18);
			expect(ids(await call(sb, 'GET', '/api/public/budgets?limit=100&status=1'))).toEqual(docs.state);
			expect(ids(await call(sb, 'GET', '/api/public/budgets?limit=100&customerId=1'))).toEqual(
				[...sb.store.budgets.values()].filter((b) => b.customerId === 1).map((b) => b.id),
			);
			// A status name is not the SDK's reading: 400.
			const named = await call(sb, 'GET', '/api/public/budgets?status=APPROVED');
			expect(named.status).toBe(400);
			expect(named.json).toEqual({ statusCode: 400, message: expect.stringContaining('status must be 0'), error: 'Bad Request' });
		});

		it('createdAfter, createdBefore, minTotal and maxTotal are ignored by sdk', async () => {
			const query = 'limit=100&createdAfter=2026-03-01&createdBefore=2026-03-10&minTotal=1&maxTotal=2';
			expect(ids(await call(sb, 'GET', `/api/public/budgets?${query}`))).toHaveLength(0);
			sb.configure({ dialect: 'sdk' });
			expect(ids(await call(sb, 'GET', `/api/public/budgets?${query}`))).toHaveLength(18);
		});

		it('startDate/endDate filter the issue date in docs and the creation date in sdk', async () => {
			// A budget issued in January but recorded in May.
			const late = sb.store.createBudget({
				...[...sb.store.budgets.values()][0],
				issueDate: '2026-01-02',
				expirationDate: '2026-02-01',
				createdAt: '2026-05-20T10:00:00.000Z',
			} as never);
			const january = '/api/public/budgets?limit=100&startDate=2026-01-01&endDate=2026-01-03';
			const may = '/api/public/budgets?limit=100&startDate=2026-05-20&endDate=2026-05-20';
			expect(ids(await call(sb, 'GET', january))).toEqual([late.id]);
			expect(ids(await call(sb, 'GET', may))).toEqual([]);
			sb.configure({ dialect: 'sdk' });
			expect(ids(await call(sb, 'GET', january))).toEqual([]);
			expect(ids(await call(sb, 'GET', may))).toEqual([late.id]);
		});

		it('the public create answers flat in docs and wrapped in {data: …} in sdk', async () => {
			const body = {
				currency: 'ARS',
				issueDate: '2026-03-01',
				expirationDate: '2026-03-31',
				customerId: 1,
				sellerId: 1,
				minimumPaymentToConfirm: 0,
				subtotal: 10,
				iva: 2.1,
				total: 12.1,
				items: [{ productId: 1, quantity: 1, unitPrice: 10 }],
			};
			const flat = await call(sb, 'POST', '/api/budgets/public', { body });
			expect(flat.status).toBe(201);
			expect(flat.json).toMatchObject({ success: true, budgetId: 19, publicToken: expect.any(String) });
			sb.configure({ dialect: 'sdk' });
			const wrapped = await call(sb, 'POST', '/api/budgets/public', { body });
			expect(wrapped.status).toBe(201);
			expect(Object.keys(wrapped.json)).toEqual(['data']);
			expect(wrapped.json.data).toMatchObject({ success: true, budgetId: 20, publicUrl: expect.stringContaining('/budget/') });
		});
	});

	describe('customers and products', () => {
		it('customer search covers DNI and CUIT in docs only; the exact email/dni/cuit filters are docs-only too', async () => {
			const withDni = [...sb.store.customers.values()].find((c) => c.dni !== null)!;
			const withCuit = [...sb.store.customers.values()].find((c) => c.cuit !== null)!;
			const withEmail = [...sb.store.customers.values()].find((c) => c.email !== null)!;
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${withDni.dni}`))).toContain(withDni.id);
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${withCuit.cuit}`))).toContain(withCuit.id);
			expect(ids(await call(sb, 'GET', `/api/public/customers?dni=${withDni.dni}`))).toEqual([withDni.id]);

			sb.configure({ dialect: 'sdk' });
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${withDni.dni}`))).toEqual([]);
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${withCuit.cuit}`))).toEqual([]);
			expect(ids(await call(sb, 'GET', `/api/public/customers?dni=${withDni.dni}`))).toHaveLength(8);
			expect(ids(await call(sb, 'GET', `/api/public/customers?email=${withEmail.email}`))).toHaveLength(8);
			// Name, email and phone are searched in both.
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${encodeURIComponent(withEmail.email!)}`))).toContain(withEmail.id);
			expect(ids(await call(sb, 'GET', `/api/public/customers?search=${encodeURIComponent(withEmail.lastName)}`))).toContain(withEmail.id);
		});

		it('product search covers the product code in docs only; the exact productCode/sku filters are docs-only', async () => {
			const product = [...sb.store.products.values()].find((p) => p.sku !== null)!;
			const code = encodeURIComponent(product.productCode);
			expect(ids(await call(sb, 'GET', `/api/public/products?search=${code}`))).toContain(product.id);
			expect(ids(await call(sb, 'GET', `/api/public/products?productCode=${code}`))).toEqual([product.id]);

			sb.configure({ dialect: 'sdk' });
			expect(ids(await call(sb, 'GET', `/api/public/products?search=${code}`))).not.toContain(product.id);
			expect(ids(await call(sb, 'GET', `/api/public/products?limit=100&productCode=${code}`))).toHaveLength(12);
			expect(ids(await call(sb, 'GET', `/api/public/products?search=${encodeURIComponent(product.sku!)}`))).toContain(product.id);
			// category, type and isActive are the SDK's own filters.
			const services = ids(await call(sb, 'GET', '/api/public/products?limit=100&type=service'));
			expect(services).toEqual([...sb.store.products.values()].filter((p) => p.type === 'service').map((p) => p.id));
			expect(ids(await call(sb, 'GET', '/api/public/products?limit=100&isActive=false'))).toEqual(
				[...sb.store.products.values()].filter((p) => !p.isActive).map((p) => p.id),
			);
		});
	});

	it('approval list filters (status, budgetId) are the same in both dialects', async () => {
		for (const dialect of DIALECTS) {
			sb.configure({ dialect });
			expect(ids(await call(sb, 'GET', '/api/public/budget-approvals?status=pending'))).toEqual([1, 4].map(
				(budgetId) => [...sb.store.approvals.values()].find((a) => a.budgetId === budgetId)!.id,
			));
			expect(listed(await call(sb, 'GET', '/api/public/budget-approvals?budgetId=2')).map((a) => (a as unknown as { budgetId: number }).budgetId)).toEqual([2]);
		}
	});

	it('sdk has no webhook subscription endpoints (404); the test endpoint stays', async () => {
		sb.configure({ dialect: 'sdk' });
		const list = await call(sb, 'GET', '/api/public/webhooks');
		expect(list.status).toBe(404);
		expect(list.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
		expect((await call(sb, 'POST', '/api/public/webhooks', { body: { url: 'https://x.test', events: ['*'] } })).status).toBe(404);
		expect((await call(sb, 'DELETE', '/api/public/webhooks/1')).status).toBe(404);
		const test = await call(sb, 'POST', '/api/public/webhooks/test', { body: { event: 'sdk.demo' } });
		expect(test.status).toBe(200);
		expect(dataOf<{ apiKey: string }>(test).apiKey).toBe('bk_test_5a1e');
		sb.configure({ dialect: 'docs' });
		expect((await call(sb, 'GET', '/api/public/webhooks')).status).toBe(200);
	});

	it('the CLI takes --dialect and refuses an unknown one', async () => {
		const run = runCli;
		const ok = await run(['--dialect', 'sdk']);
		expect(ok.out).toContain('dialect: sdk');
		expect(ok.out).toContain('SIGTERM received');
		expect([ok.code, ok.signal]).toEqual([0, null]);
		const bad = await run(['--dialect', 'legacy']);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain("--dialect must be 'docs' or 'sdk'");
	});
});
