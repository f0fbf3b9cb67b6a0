import { VARIANT_FIELDS, shapeVariant, shapeVariantList, variantsFromJson } from '../../nodes/Billoget/shared/variants';

describe('product variants · fields checked before any request', () => {
	it('shapes a variant: text trimmed, numbers from text (decimal comma too), attributes from JSON text', () => {
		expect(
			shapeVariant(
				{ name: ' Talle L ', price: '1500,50', stock: '3', attributes: '{"size":"L"}', isActive: 'false', sortOrder: 2, sku: '' },
				{ required: true },
			),
		).toEqual({ ok: true, value: { name: 'Talle L', price: 1500.5, stock: 3, attributes: { size: 'L' }, isActive: false, sortOrder: 2 } });
	});

	it('requires Name and Price only when creating', () => {
		expect(shapeVariant({ price: 1 }, { required: true })).toMatchObject({ ok: false, problem: { message: 'Name is required' } });
		expect(shapeVariant({ name: 'L' }, { required: true })).toMatchObject({ ok: false, problem: { message: 'Price is required' } });
		expect(shapeVariant({ stock: 4 }, { required: false })).toEqual({ ok: true, value: { stock: 4 } });
	});

	it.each([
		[{ name: 'L', price: -1 }, 'Price must be at least 0'],
		[{ name: 'L', price: 'cheap' }, 'Price must be a number'],
		[{ name: 'L', price: 1, stock: 1.5 }, 'Stock must be a whole number'],
		[{ name: 'L', price: 1, sortOrder: -1 }, 'Sort Order must be at least 0'],
		[{ name: ['L'], price: 1 }, 'Name must be text'],
		[{ name: 'L', price: 1, attributes: '[1,2]' }, 'Attributes must be a JSON object'],
		[{ name: 'L', price: 1, attributes: '{size: L}' }, 'Attributes is not valid JSON'],
		[{ name: 'L', price: 1, isActive: 'yes' }, 'Is Active must be true or false'],
	])('refuses %j: %s', (fields, message) => {
		const result = shapeVariant(fields as Record<string, unknown>, { required: true });
		expect(result).toMatchObject({ ok: false, problem: { message } });
		if (!result.ok) expect(result.problem.hint).toMatch(/\w/);
	});

	it('reads a JSON list (text, array or {variants}) and names the variant that is wrong', () => {
		expect(variantsFromJson('[{"name":"S","price":1},{"name":"M","price":2}]')).toEqual({
			ok: true,
			value: [
				{ name: 'S', price: 1 },
				{ name: 'M', price: 2 },
			],
		});
		expect(variantsFromJson({ variants: [{ name: 'S', price: 1 }] })).toEqual({ ok: true, value: [{ name: 'S', price: 1 }] });
		expect(variantsFromJson('')).toEqual({ ok: true, value: [] });
		expect(variantsFromJson('[{"name":')).toMatchObject({ ok: false, problem: { message: 'Variants (JSON) is not valid JSON' } });
		expect(variantsFromJson({ name: 'S' })).toMatchObject({ ok: false, problem: { message: 'Variants (JSON) must be an array of variants' } });
		expect(shapeVariantList([{ name: 'S', price: 1 }, { name: 'M', price: -2 }])).toMatchObject({
			ok: false,
			problem: { message: 'Variant 2: Price must be at least 0' },
		});
		expect(shapeVariantList([{ name: 'S', price: 1, productId: 4 }])).toMatchObject({
			ok: false,
			problem: { message: 'Variant 1: unknown field "productId"' },
		});
		expect(shapeVariantList(['S'])).toMatchObject({ ok: false, problem: { message: 'Variant 1: must be an object' } });
	});
});

describe('product variants · each refusal says what is wrong and how to fix it', () => {
	const OBJECT_HINT = 'Use an object such as {"size": "L", "color": "red"}.';
	const TEXT_HINT = (got: string) => `Got ${got}. Map a single text value instead of an object or list.`;

	it.each([
		[{ price: 1 }, 'Name is required', 'Give every variant a name, e.g. "Talle L" or "500 g".'],
		[{ name: '   ', price: 1 }, 'Name is required', 'Give every variant a name, e.g. "Talle L" or "500 g".'],
		[{ name: 'L' }, 'Price is required', "Give the variant's price as a number, e.g. 1500.50."],
		[{ name: 'L', price: null }, 'Price is required', "Give the variant's price as a number, e.g. 1500.50."],
		[{ name: ['L'], price: 1 }, 'Name must be text', TEXT_HINT('["L"]')],
		[{ name: 'L', price: 1, description: { text: 'x' } }, 'Description must be text', TEXT_HINT('{"text":"x"}')],
		[{ name: 'L', price: 1, sku: ['A'] }, 'SKU must be text', TEXT_HINT('["A"]')],
		[{ name: 'L', price: 1, barcode: [1] }, 'Barcode must be text', TEXT_HINT('[1]')],
		[{ name: 'L', price: 1, imageUrl: {} }, 'Image URL must be text', TEXT_HINT('{}')],
		[{ name: 'L', price: 'cheap' }, 'Price must be a number', 'Got "cheap". Use a number such as 10 or 10.5.'],
		[{ name: 'L', price: true }, 'Price must be a number', 'Got true. Use a number such as 10 or 10.5.'],
		[{ name: 'L', price: 1, stock: 'many' }, 'Stock must be a number', 'Got "many". Use a number such as 10 or 10.5.'],
		[{ name: 'L', price: 1, stock: 1.5 }, 'Stock must be a whole number', 'Got 1.5.'],
		[{ name: 'L', price: 1, sortOrder: '2,5' }, 'Sort Order must be a whole number', 'Got 2.5.'],
		[{ name: 'L', price: -0.01 }, 'Price must be at least 0', 'Got -0.01.'],
		[{ name: 'L', price: 1, stock: -1 }, 'Stock must be at least 0', 'Got -1.'],
		[{ name: 'L', price: 1, attributes: '[1,2]' }, 'Attributes must be a JSON object', OBJECT_HINT],
		[{ name: 'L', price: 1, attributes: 5 }, 'Attributes must be a JSON object', OBJECT_HINT],
		[{ name: 'L', price: 1, attributes: ['L'] }, 'Attributes must be a JSON object', OBJECT_HINT],
		[{ name: 'L', price: 1, attributes: 'null' }, 'Attributes must be a JSON object', OBJECT_HINT],
		[{ name: 'L', price: 1, attributes: '{size: L}' }, 'Attributes is not valid JSON', OBJECT_HINT],
		[{ name: 'L', price: 1, description: ['x'.repeat(100)] }, 'Description must be text', TEXT_HINT(`["${'x'.repeat(78)}`)],
		[{ name: 'L', price: 1, isActive: 'yes' }, 'Is Active must be true or false', 'Got "yes".'],
		[{ name: 'L', price: 1, isActive: 1 }, 'Is Active must be true or false', 'Got 1.'],
	])('%j: %s', (fields, message, hint) => {
		expect(shapeVariant(fields as Record<string, unknown>, { required: true })).toEqual({ ok: false, problem: { message, hint } });
		expect(shapeVariant(fields as Record<string, unknown>, { required: true, prefix: 'Variant 3: ' })).toEqual({
			ok: false,
			problem: { message: `Variant 3: ${message}`, hint },
		});
	});

	it('accepts the edges: zero, whole numbers as text, flags as text, an attributes object as it is', () => {
		expect(
			shapeVariant({ name: 5, price: 0, stock: ' 0 ', sortOrder: '3', attributes: { color: 'red' }, isActive: 'true' }, { required: true }),
		).toEqual({ ok: true, value: { name: '5', price: 0, stock: 0, sortOrder: 3, attributes: { color: 'red' }, isActive: true } });
		expect(shapeVariant({ isActive: true, description: ' Large ', barcode: 779, imageUrl: ' https://x.test/l.png ' }, { required: false })).toEqual({
			ok: true,
			value: { isActive: true, description: 'Large', barcode: '779', imageUrl: 'https://x.test/l.png' },
		});
		expect(shapeVariant({ isActive: false, attributes: '  ', stock: null }, { required: false })).toEqual({ ok: true, value: { isActive: false } });
		expect(shapeVariant({}, { required: false })).toEqual({ ok: true, value: {} });
	});

	it('names the JSON field in its messages and refuses what is no list', () => {
		const ARRAY_HINT = 'Use an array such as [{"name": "Talle L", "price": 1500}]; each entry has a name and a price.';
		expect(variantsFromJson('  ')).toEqual({ ok: true, value: [] });
		expect(variantsFromJson([{ name: 'S', price: 1 }])).toEqual({ ok: true, value: [{ name: 'S', price: 1 }] });
		expect(variantsFromJson('{"variants":[{"name":"S","price":"2"}]}')).toEqual({ ok: true, value: [{ name: 'S', price: 2 }] });
		expect(variantsFromJson('nope', 'Variants')).toEqual({
			ok: false,
			problem: {
				message: 'Variants is not valid JSON',
				hint: 'Use an array such as [{"name": "Talle L", "price": 1500}], or map an array with an expression.',
			},
		});
		for (const notAList of [{ variants: 'S' }, 42, null, { name: 'S' }]) {
			expect(variantsFromJson(notAList, 'Variants')).toEqual({ ok: false, problem: { message: 'Variants must be an array of variants', hint: ARRAY_HINT } });
		}
	});

	it('refuses an entry that is no object, or has a field a variant does not have', () => {
		const OBJECT_ENTRY_HINT = 'Each variant is an object such as {"name": "Talle L", "price": 1500}.';
		for (const entry of [null, ['S', 1], 'S']) {
			expect(shapeVariantList([{ name: 'S', price: 1 }, entry])).toEqual({
				ok: false,
				problem: { message: 'Variant 2: must be an object', hint: OBJECT_ENTRY_HINT },
			});
		}
		expect(shapeVariantList([{ name: 'S', price: 1, colour: 'red', productId: 4 }])).toEqual({
			ok: false,
			problem: {
				message: 'Variant 1: unknown field "colour"',
				hint: 'A variant has name, price, description, stock, sku, barcode, imageUrl, attributes, isActive, sortOrder; the product is the one being created, so productId is not given.',
			},
		});
		expect(VARIANT_FIELDS).toEqual(['name', 'price', 'description', 'stock', 'sku', 'barcode', 'imageUrl', 'attributes', 'isActive', 'sortOrder']);
		const every = { name: 'S', price: 1, description: 'd', stock: 1, sku: 'K', barcode: 'B', imageUrl: 'u', attributes: {}, isActive: true, sortOrder: 1 };
		expect(shapeVariantList([every])).toEqual({ ok: true, value: [every] });
		expect(shapeVariantList([])).toEqual({ ok: true, value: [] });
		// Every entry of a new product's list is a new variant: Name and Price are required.
		expect(shapeVariantList([{ name: 'S', price: 1 }, { price: 2 }])).toMatchObject({ ok: false, problem: { message: 'Variant 2: Name is required' } });
		expect(shapeVariantList([{ name: 'S' }])).toMatchObject({ ok: false, problem: { message: 'Variant 1: Price is required' } });
	});
});
