import productCreateSchema from '../../nodes/Billoget/__schema__/v1.0.0/product/create.json';
import variantCreateSchema from '../../nodes/Billoget/__schema__/v1.0.0/productVariant/create.json';
import variantDeleteSchema from '../../nodes/Billoget/__schema__/v1.0.0/productVariant/delete.json';
import variantGetSchema from '../../nodes/Billoget/__schema__/v1.0.0/productVariant/get.json';
import variantGetManySchema from '../../nodes/Billoget/__schema__/v1.0.0/productVariant/getMany.json';
import variantUpdateSchema from '../../nodes/Billoget/__schema__/v1.0.0/productVariant/update.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { searchListWith } from '../harness/listSearchWith';
import { credentialsFor, DIALECTS, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { schemaProblems } from '../harness/schema';
import type { Schema } from '../harness/schema';
import { createVariantRecord } from '../../sandbox/variants';

const VARIANTS = '/v1/api/public/product-variants';
const PRODUCTS = '/v1/api/public/products';

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const SIMPLIFIED = ['attributes', 'id', 'isActive', 'name', 'price', 'productId', 'sku', 'sortOrder', 'stock'];

/**
 * Demo seed variants: 1 and 2 of product 2 (the monitor, black and white), 3 and 4 of product 7 (the
 * cable, 100 m and 50 m; 4 is inactive).
 */
describe.each(DIALECTS)('Billoget node · product variants, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo', dialect });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo', dialect });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'productVariant', ...parameters }, credentials: credentialsFor(sb), ...extra });

	it('creates a variant of a product with fields from expressions', async () => {
		const mark = sb.requests.length;
		const result = await run(
			{
				operation: 'create',
				productId: byId('={{ $json.product }}'),
				name: '={{ $json.name }}',
				price: '={{ $json.price }}',
				additionalFields: { sku: 'NB-14-I7', attributes: '{"cpu": "i7"}', stock: 2 },
			},
			{ items: [{ product: 1, name: 'Notebook 14" Core i7', price: 990000 }] },
		);
		expect(result.status).toBe('success');
		expect(requestsSince(sb, mark)).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: VARIANTS,
				body: { name: 'Notebook 14" Core i7', price: 990000, sku: 'NB-14-I7', attributes: { cpu: 'i7' }, stock: 2, productId: 1 },
			}),
		]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ id: 5, productId: 1, name: 'Notebook 14" Core i7', isActive: true })]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('after a lost answer to a create, finds the variant instead of creating it twice', async () => {
		sb.configure({ faults: { dropRate: 1, seed: 1 } });
		const original = sb.store.variants.set.bind(sb.store.variants);
		sb.store.variants.set = (key, value) => {
			sb.configure({ faults: null });
			return original(key, value);
		};
		try {
			const mark = sb.requests.length;
			const result = await run({ operation: 'create', productId: byId(7), name: 'Cable UTP Cat6 · 20 m', price: 7500 });
			expect(result.status).toBe('success');
			expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${VARIANTS}`, `GET ${PRODUCTS}/7/variants`]);
			expect([...sb.store.variants.values()].filter((v) => v.name === 'Cable UTP Cat6 · 20 m')).toHaveLength(1);
			expect(jsonOf(result.items)[0]).toMatchObject({ id: 5, name: 'Cable UTP Cat6 · 20 m' });
		} finally {
			sb.store.variants.set = original;
		}
	});

	it('gets a variant by ID, simplified by default and in full on request', async () => {
		const mark = sb.requests.length;
		const simple = await run({ operation: 'get', variantId: byId(2) });
		expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${VARIANTS}/2`]);
		expect(Object.keys(jsonOf(simple.items)[0]).sort()).toEqual(SIMPLIFIED);
		expect(jsonOf(simple.items)[0]).toMatchObject({ id: 2, productId: 2, attributes: { color: 'blanco' } });
		const full = await run({ operation: 'get', productId: byId(2), variantId: byId(2), simplify: false });
		expect(jsonOf(full.items)[0]).toMatchObject({ id: 2, createdAt: expect.any(String), barcode: null });
	});

	it('names a missing variant; with Continue On Fail it is an error item paired to its input', async () => {
		const missing = await run({ operation: 'get', variantId: byId(99) });
		expect(missing.error).toMatchObject({ message: 'No variant with ID 99 exists in Billoget', httpCode: '404' });
		const result = await run({ operation: 'get', variantId: byId('={{ $json.id }}') }, { items: [{ id: 99 }, { id: 1 }], continueOnFail: true });
		expect(jsonOf(result.items)[0]).toMatchObject({ error: 'No variant with ID 99 exists in Billoget', httpCode: '404' });
		expect(jsonOf(result.items)[1]).toMatchObject({ id: 1 });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('lists the variants of a product, Active Only sending isActive=true', async () => {
		const mark = sb.requests.length;
		const all = await run({ operation: 'getMany', productId: byId(7), returnAll: true });
		expect(jsonOf(all.items).map((v) => v.id)).toEqual([3, 4]);
		const active = await run({ operation: 'getMany', productId: byId(7), returnAll: true, activeOnly: true });
		expect(jsonOf(active.items).map((v) => [v.id, v.isActive])).toEqual([[3, true]]);
		const sent = requestsSince(sb, mark);
		expect(requestLines(sent)).toEqual([`GET ${PRODUCTS}/7/variants`, `GET ${PRODUCTS}/7/variants`]);
		expect(sent.map((r) => r.query)).toEqual([
			{ page: '1', limit: '100' },
			{ page: '1', limit: '100', isActive: 'true' },
		]);
	});

	it('returns all of 230 variants across pages, or up to the Limit', async () => {
		for (let n = 1; n <= 230; n++) createVariantRecord(sb.store, 3, { name: `Switch ${n}`, price: n, sortOrder: n, isActive: n % 10 !== 0 });
		const mark = sb.requests.length;
		const all = await run({ operation: 'getMany', productId: byId(3), returnAll: true, simplify: false });
		expect(all.items).toHaveLength(230);
		expect(requestsSince(sb, mark).map((r) => r.query.page)).toEqual(['1', '2', '3']);
		const some = await run({ operation: 'getMany', productId: byId(3), limit: 25, activeOnly: true });
		expect(jsonOf(some.items).map((v) => v.name)).toEqual(
			Array.from({ length: 28 }, (_, i) => `Switch ${i + 1}`).filter((_, i) => (i + 1) % 10 !== 0).slice(0, 25),
		);
	});

	it('refuses a Get Many without a product before sending anything', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'getMany', productId: byId('={{ $json.none }}'), returnAll: true });
		expect(result.error).toMatchObject({ message: 'Product must be a Billoget ID (a positive whole number)' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('updates only the fields given, and refuses an update with none', async () => {
		const mark = sb.requests.length;
		const updated = await run({ operation: 'update', variantId: byId(3), updateFields: { price: 34500.5, isActive: false } });
		expect(requestsSince(sb, mark)).toEqual([
			expect.objectContaining({ method: 'PUT', path: `${VARIANTS}/3`, body: { price: 34500.5, isActive: false } }),
		]);
		expect(jsonOf(updated.items)[0]).toMatchObject({ id: 3, price: 34500.5, isActive: false });
		const empty = await run({ operation: 'update', variantId: byId(3), updateFields: {} });
		expect(empty.error).toMatchObject({ message: 'No fields to update' });
		expect(requestsSince(sb, mark)).toHaveLength(1);
	});

	it('deletes a variant', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'delete', productId: byId(7), variantId: byId(4) });
		expect(requestLines(requestsSince(sb, mark))).toEqual([`DELETE ${VARIANTS}/4`]);
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 4 }]);
		expect(sb.store.variants.has(4)).toBe(false);
	});

	it('Product › Create with variants from the fields uses the with-variants call', async () => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'product',
				operation: 'create',
				productCode: 'REM-001',
				description: 'Remera',
				category: 'Indumentaria',
				price: 9000,
				variantsMode: 'fields',
				variants: {
					variant: [
						{ name: 'Talle S', price: 9000, sku: 'REM-S', stock: 4, attributes: '{"size": "S"}', isActive: true },
						{ name: 'Talle XL', price: 9500, sku: '', stock: 0, attributes: '{}', isActive: false },
					],
				},
			},
			credentials: credentialsFor(sb),
		});
		expect(result.status).toBe('success');
		const sent = requestsSince(sb, mark);
		expect(requestLines(sent)).toEqual([`POST ${PRODUCTS}/with-variants`]);
		expect(sent[0].body).toEqual({
			productCode: 'REM-001',
			description: 'Remera',
			category: 'Indumentaria',
			price: 9000,
			variants: [
				{ name: 'Talle S', price: 9000, sku: 'REM-S', stock: 4, attributes: { size: 'S' }, isActive: true },
				{ name: 'Talle XL', price: 9500, stock: 0, isActive: false },
			],
		});
		const out = jsonOf(result.items)[0];
		expect(out).toMatchObject({ productCode: 'REM-001', variants: [{ name: 'Talle S' }, { name: 'Talle XL', isActive: false }] });
		expect(schemaProblems(out, productCreateSchema as Schema)).toEqual([]);
	});

	it('Product › Create with variants mapped as JSON from an earlier node; an empty list creates the product alone', async () => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'product',
				operation: 'create',
				productCode: '={{ $json.code }}',
				description: 'Yerba',
				category: 'Almacén',
				price: 3000,
				variantsMode: 'json',
				variantsJson: '={{ $json.presentations }}',
			},
			items: [
				{ code: 'YER-1', presentations: [{ name: '500 g', price: 3000 }, { name: '1 kg', price: 5600, attributes: { weight: '1 kg' } }] },
				{ code: 'YER-2', presentations: [] },
			],
			credentials: credentialsFor(sb),
		});
		expect(result.status).toBe('success');
		const sent = requestsSince(sb, mark);
		expect(requestLines(sent)).toEqual([`POST ${PRODUCTS}/with-variants`, `POST ${PRODUCTS}`]);
		expect(sent[0].body).toMatchObject({ productCode: 'YER-1', variants: [{ name: '500 g', price: 3000 }, { name: '1 kg', price: 5600, attributes: { weight: '1 kg' } }] });
		expect(sent[1].body).not.toHaveProperty('variants');
		const productId = jsonOf(result.items)[0].id as number;
		expect([...sb.store.variants.values()].filter((v) => v.productId === productId).map((v) => v.name)).toEqual(['500 g', '1 kg']);
	});

	it('Product › Create refuses a wrong variant before sending anything, naming it', async () => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'product',
				operation: 'create',
				productCode: 'X-1',
				description: 'X',
				category: 'X',
				price: 1,
				variantsMode: 'json',
				variantsJson: '[{"name": "A", "price": 1}, {"name": "B", "price": -1}]',
			},
			credentials: credentialsFor(sb),
		});
		expect(result.error).toMatchObject({ message: 'Variant 2: Price must be at least 0' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('lists the variants of the product chosen in the node (From List), filtered by the search text', async () => {
		const credentials = credentialsFor(sb);
		const mark = sb.requests.length;
		const cable = await searchListWith('searchProductVariants', credentials, {
			resource: 'productVariant',
			operation: 'get',
			productId: { __rl: true, mode: 'list', value: '7' },
		});
		expect(cable.results).toEqual([
			{ name: 'Cable UTP Cat6 · 100 m · UTP-C6-100 · 33000', value: '3' },
			{ name: 'Cable UTP Cat6 · 50 m · UTP-C6-50 · 17500 · inactive', value: '4' },
		]);
		expect(requestsSince(sb, mark).map((r) => [r.path, r.query])).toEqual([[`${PRODUCTS}/7/variants`, { page: '1', limit: '50' }]]);
		const white = await searchListWith('searchProductVariants', credentials, { productId: { __rl: true, mode: 'id', value: '2' } }, 'blanco');
		expect(white.results.map((r) => r.value)).toEqual(['2']);
		const none = await searchListWith('searchProductVariants', credentials, { productId: { __rl: true, mode: 'list', value: '' } });
		expect(none.results).toEqual([]);
		expect(requestsSince(sb, mark)).toHaveLength(2);
	});

	it('every operation’s output matches its published output schema', async () => {
		const cases: Array<[Schema, Record<string, unknown>]> = [
			[variantCreateSchema, { operation: 'create', productId: byId(1), name: 'N', price: 1, additionalFields: { attributes: '{"a": 1}', description: 'd' } }],
			[variantGetSchema, { operation: 'get', variantId: byId(1), simplify: false }],
			[variantGetSchema, { operation: 'get', variantId: byId(1) }],
			[variantGetManySchema, { operation: 'getMany', productId: byId(2), returnAll: true, simplify: false }],
			[variantGetManySchema, { operation: 'getMany', productId: byId(2), returnAll: true }],
			[variantUpdateSchema, { operation: 'update', variantId: byId(1), updateFields: { sku: 'X' } }],
			[variantDeleteSchema, { operation: 'delete', variantId: byId(2) }],
		];
		for (const [schema, parameters] of cases) {
			const result = await run(parameters);
			expect(result.status).toBe('success');
			expect(result.items.length).toBeGreaterThan(0);
			for (const item of result.items) expect([parameters.operation, schemaProblems(item.json, schema)]).toEqual([parameters.operation, []]);
		}
	});
});
