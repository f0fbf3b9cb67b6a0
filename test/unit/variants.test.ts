import { shapeVariant, shapeVariantList, variantsFromJson } from '../../nodes/Billoget/shared/variants';

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
