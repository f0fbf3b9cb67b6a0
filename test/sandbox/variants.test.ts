import { call, dataOf, DEMO_KEYS, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

type Rec = Record<string, unknown> & { id: number };

describe('sandbox · product variants (served in both dialects)', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({});
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset();
	});

	it('lists the variants of a product in sort order, filtered by isActive, in both list envelopes', async () => {
		const all = await call(sb, 'GET', '/api/public/products/7/variants');
		expect(all.status).toBe(200);
		expect(dataOf<Rec[]>(all).map((v) => [v.id, v.name, v.isActive])).toEqual([
			[3, 'Cable UTP Cat6 · 100 m', true],
			[4, 'Cable UTP Cat6 · 50 m', false],
		]);
		expect(all.json.pagination).toEqual({ page: 1, limit: 10, total: 2, hasMore: false });
		const active = await call(sb, 'GET', '/api/public/products/7/variants?isActive=true');
		expect(dataOf<Rec[]>(active).map((v) => v.id)).toEqual([3]);
		sb.configure({ dialect: 'sdk' });
		const sdk = await call(sb, 'GET', '/api/public/products/2/variants?limit=1&page=2&isActive=true');
		expect(sdk.json.data).toEqual({
			data: [expect.objectContaining({ id: 2, productId: 2, attributes: { color: 'blanco' } })],
			meta: { totalItems: 2, itemCount: 1, itemsPerPage: 1, totalPages: 2, currentPage: 2 },
		});
		const sdkMissing = await call(sb, 'GET', '/api/public/product-variants/999');
		expect(sdkMissing.json).toEqual({ statusCode: 404, message: expect.stringContaining('999'), error: 'Not Found' });
		sb.configure({ dialect: 'docs' });
		expect((await call(sb, 'GET', '/api/public/products/999/variants')).status).toBe(404);
		expect((await call(sb, 'GET', '/api/public/products/7/variants?isActive=yes')).status).toBe(400);
	});

	it('creates, reads, partially updates and deletes a variant', async () => {
		const created = await call(sb, 'POST', '/api/public/product-variants', {
			body: { productId: 1, name: 'Core i7', price: 990000, attributes: { cpu: 'i7' } },
		});
		expect(created.status).toBe(201);
		const v = dataOf<Rec>(created);
		expect(v).toMatchObject({ id: 5, productId: 1, name: 'Core i7', price: 990000, stock: 0, isActive: true, sortOrder: 0, sku: null, attributes: { cpu: 'i7' } });
		expect(dataOf<Rec>(await call(sb, 'GET', '/api/public/product-variants/5'))).toEqual(v);
		const updated = await call(sb, 'PUT', '/api/public/product-variants/5', { body: { stock: 3, isActive: false } });
		expect(dataOf<Rec>(updated)).toMatchObject({ stock: 3, isActive: false, name: 'Core i7' });
		expect((await call(sb, 'DELETE', '/api/public/product-variants/5')).status).toBe(204);
		expect((await call(sb, 'GET', '/api/public/product-variants/5')).status).toBe(404);
	});

	it('refuses a variant without name or price, of a product that does not exist, or with non-object attributes', async () => {
		const noName = await call(sb, 'POST', '/api/public/product-variants', { body: { productId: 1, price: 1 } });
		expect(noName.status).toBe(422);
		expect(noName.json.details).toMatchObject({ field: 'name' });
		const noProduct = await call(sb, 'POST', '/api/public/product-variants', { body: { productId: 999, name: 'X', price: 1 } });
		expect(noProduct.json.details).toMatchObject({ field: 'productId' });
		const attributes = await call(sb, 'PUT', '/api/public/product-variants/1', { body: { attributes: ['L'] } });
		expect(attributes.json.details).toMatchObject({ field: 'attributes' });
		expect((await call(sb, 'POST', '/api/public/product-variants', { body: { productId: 1, name: 'X', price: 1 }, key: DEMO_KEYS.readOnly })).status).toBe(403);
	});

	it('creates a product with its variants in one call', async () => {
		const r = await call(sb, 'POST', '/api/public/products/with-variants', {
			body: { productCode: 'REM-1', description: 'Remera', category: 'Ropa', price: 9000, variants: [{ name: 'S', price: 9000 }, { name: 'M', price: 9100, sortOrder: 1 }] },
		});
		expect(r.status).toBe(201);
		const product = dataOf<Rec & { variants: Rec[] }>(r);
		expect(product).toMatchObject({ productCode: 'REM-1', variants: [{ name: 'S', productId: product.id }, { name: 'M', sortOrder: 1 }] });
		expect(sb.store.products.get(product.id)).toBeDefined();
		const bad = await call(sb, 'POST', '/api/public/products/with-variants', {
			body: { productCode: 'REM-2', description: 'Remera', category: 'Ropa', price: 9000, variants: [{ name: 'S' }] },
		});
		expect(bad.status).toBe(422);
		expect(bad.json.details).toMatchObject({ field: 'variants[0].price' });
		expect([...sb.store.products.values()].some((p) => p.productCode === 'REM-2')).toBe(false);
	});
});
