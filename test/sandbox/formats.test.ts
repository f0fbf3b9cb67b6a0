import { call, dataOf, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

describe('sandbox · envelopes, error formats and pagination', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ envelope: 'docs', errorFormat: 'docs' });
	});

	it('docs envelope: flat data, pagination and meta', async () => {
		const r = await call(sb, 'GET', '/api/public/products?page=2&limit=5');
		expect(r.status).toBe(200);
		expect(r.json).toEqual({
			data: expect.any(Array),
			pagination: { page: 2, limit: 5, total: 12, hasMore: true },
			meta: { requestId: r.headers.get('x-request-id'), timestamp: expect.any(String) },
		});
		expect(dataOf<Array<{ id: number }>>(r).map((p) => p.id)).toEqual([6, 7, 8, 9, 10]);

		const last = await call(sb, 'GET', '/api/public/products?page=3&limit=5');
		expect(last.json.pagination).toEqual({ page: 3, limit: 5, total: 12, hasMore: false });
		expect(dataOf<unknown[]>(last)).toHaveLength(2);
	});

	it('sdk envelope: data.data and data.meta', async () => {
		sb.configure({ envelope: 'sdk' });
		const r = await call(sb, 'GET', '/api/public/customers?page=1&limit=3');
		expect(r.json).toEqual({
			data: {
				data: expect.any(Array),
				meta: { totalItems: 8, itemCount: 3, itemsPerPage: 3, totalPages: 3, currentPage: 1 },
			},
		});
		// Single objects are { data } in both modes.
		const one = await call(sb, 'GET', '/api/public/customers/1');
		expect(one.json).toEqual({ data: expect.objectContaining({ id: 1, firstName: 'María' }) });
	});

	it('defaults to page 1 and limit 10', async () => {
		const r = await call(sb, 'GET', '/api/public/products');
		expect(r.json.pagination).toEqual({ page: 1, limit: 10, total: 12, hasMore: true });
	});

	it.each([
		['limit=101', 'limit'],
		['limit=0', 'limit'],
		['limit=abc', 'limit'],
		['page=0', 'page'],
		['page=-1', 'page'],
		['page=1.5', 'page'],
	])('answers 400 bad_request for %s', async (query, field) => {
		const r = await call(sb, 'GET', `/api/public/customers?${query}`);
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({ error: 'bad_request', details: { field } });
		expect(r.json.message).toContain(field);
	});

	it('answers 400 for unknown filter values', async () => {
		expect((await call(sb, 'GET', '/api/public/budgets?state=7')).json).toMatchObject({
			error: 'bad_request',
			details: { field: 'state' },
		});
		expect((await call(sb, 'GET', '/api/public/products?type=bundle')).status).toBe(400);
		expect((await call(sb, 'GET', '/api/public/products?isActive=yes')).status).toBe(400);
		expect((await call(sb, 'GET', '/api/public/budgets?startDate=yesterday')).status).toBe(400);
		expect((await call(sb, 'GET', '/api/public/budget-approvals?status=done')).status).toBe(400);
	});

	it('docs error format: error, message, details, timestamp, requestId', async () => {
		const r = await call(sb, 'GET', '/api/public/customers/999');
		expect(r.status).toBe(404);
		expect(r.json).toEqual({
			error: 'not_found',
			message: 'Customer 999 not found',
			details: { resource: 'customer', id: 999 },
			timestamp: expect.any(String),
			requestId: r.headers.get('x-request-id'),
		});
	});

	it('sdk error format: statusCode, message, error (reason phrase)', async () => {
		sb.configure({ errorFormat: 'sdk' });
		expect((await call(sb, 'GET', '/api/public/customers/999')).json).toEqual({
			statusCode: 404,
			message: 'Customer 999 not found',
			error: 'Not Found',
		});
		expect(
			(await call(sb, 'POST', '/api/public/customers', { body: { firstName: 'A' } })).json,
		).toEqual({
			statusCode: 422,
			message: 'lastName is required',
			error: 'Unprocessable Entity',
		});
		expect((await call(sb, 'GET', '/api/public/customers', { key: null })).json).toEqual({
			statusCode: 401,
			message: expect.any(String),
			error: 'Unauthorized',
		});
	});

	it('answers 404 for unknown paths, 405 with Allow for a wrong method, 400 for a non-numeric id', async () => {
		expect((await call(sb, 'GET', '/api/public/invoices')).status).toBe(404);
		const wrong = await call(sb, 'PATCH', '/api/public/customers/1', { body: {} });
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET, PUT, DELETE');
		expect((await call(sb, 'GET', '/api/public/customers/abc')).json).toMatchObject({
			error: 'bad_request',
			details: { field: 'id' },
		});
		expect((await call(sb, 'GET', `${sb.url}/api/public/customers`)).status).toBe(404);
	});

	it('answers 400 for a body that is not JSON', async () => {
		const r = await call(sb, 'POST', '/api/public/customers', { body: '{"firstName": ' });
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({ error: 'bad_request', details: { field: 'body' } });
	});

	it('answers 204 with no body on DELETE and 201 on create', async () => {
		const created = await call(sb, 'POST', '/api/public/products', {
			body: { productCode: 'X-1', description: 'X', category: 'Otros', price: 1 },
		});
		expect(created.status).toBe(201);
		const del = await call(
			sb,
			'DELETE',
			`/api/public/products/${dataOf<{ id: number }>(created).id}`,
		);
		expect(del.status).toBe(204);
		expect(del.text).toBe('');
	});

	it('logs every API request with method, full path, query, parsed body and status', async () => {
		const mark = sb.requests.length;
		await call(sb, 'GET', '/api/public/customers?search=ana&limit=5');
		await call(sb, 'POST', '/api/public/customers', {
			body: { firstName: 'Eva', lastName: 'Luna' },
		});
		expect(sb.requests.slice(mark)).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/v1/api/public/customers',
				query: { search: 'ana', limit: '5' },
				body: null,
				status: 200,
				keyPrefix: 'bk_test_5a1e',
				time: expect.any(String),
			}),
			expect.objectContaining({
				method: 'POST',
				path: '/v1/api/public/customers',
				query: {},
				body: { firstName: 'Eva', lastName: 'Luna' },
				status: 201,
			}),
		]);
	});
});
