import { simplifyBudget } from '../../nodes/Billoget/shared/budget';
import { checkLine, checkLines, lineBody, linesFingerprint, linesFromJson } from '../../nodes/Billoget/shared/budgetLines';
import { locatorValue } from '../../nodes/Billoget/shared/locator';
import { extractToken } from '../../nodes/Billoget/shared/publicToken';

describe('simplified budget', () => {
	const budget = {
		id: 9,
		currency: 'ARS',
		issueDate: '2026-01-01',
		expirationDate: '2026-01-31',
		customerId: 3,
		sellerId: 1,
		businessId: 1,
		minimumPaymentToConfirm: 0,
		state: 0,
		stateName: 'generated',
		subtotal: 100,
		iva: 21,
		total: 121,
		comments: 'x',
		publicToken: 'tok',
		items: [{ id: 1 }],
		customer: { id: 3, firstName: 'Lucía', lastName: 'Fernández', email: 'l@x.test' },
		createdAt: '2026-01-01',
		updatedAt: '2026-01-01',
	};

	it('keeps the main fields and adds the customer name', () => {
		expect(simplifyBudget(budget)).toEqual({
			id: 9,
			state: 0,
			stateName: 'generated',
			currency: 'ARS',
			subtotal: 100,
			iva: 21,
			total: 121,
			issueDate: '2026-01-01',
			expirationDate: '2026-01-31',
			customerId: 3,
			customerName: 'Lucía Fernández',
			publicToken: 'tok',
		});
		expect(simplifyBudget({ ...budget, publicUrl: 'https://x/budget/tok' }, ['publicUrl'])).toHaveProperty('publicUrl', 'https://x/budget/tok');
	});

	it('takes a legacy customer name and leaves customerName out without a customer', () => {
		expect(simplifyBudget({ id: 1, customer: { name: 'Acme S.A.' } })).toEqual({ id: 1, customerName: 'Acme S.A.' });
		expect(simplifyBudget({ id: 2, customer: null })).toEqual({ id: 2 });
	});
});

describe('public tokens', () => {
	it.each([
		['abc_DEF-123', 'abc_DEF-123'],
		['  3f9a2c1d8b7e4f60a1b2c3d4e5f60718  ', '3f9a2c1d8b7e4f60a1b2c3d4e5f60718'],
		['https://app.billoget.com/budget/3f9a2c1d', '3f9a2c1d'],
		['https://billoget.com/budget/3f9a2c1d/?utm_source=mail#top', '3f9a2c1d'],
		['http://localhost:4010/v1/api/public/budgets/token/tok-1', 'tok-1'],
		['https://app.billoget.com/es/presupuesto/tok_2', 'tok_2'],
		['HTTPS://app.billoget.com/p/tok3?x=1', 'tok3'],
		['https://app.billoget.com/p/tok3#top', 'tok3'],
		['https://app.billoget.com/tok4/', 'tok4'],
		['https://app.billoget.com/budget/tok5/pdf', 'tok5'],
		['https://app.billoget.com/x/token/tok6/view', 'tok6'],
		['https://budget.example.com/tok7', 'tok7'],
		['https://app.billoget.com/budget/ab%2Dc', 'ab-c'],
	])('extracts the token from %p', (raw, token) => {
		expect(extractToken(raw)).toBe(token);
	});

	it.each([
		'',
		'abc$',
		'with space',
		'a'.repeat(101),
		'https://app.billoget.com/',
		'https://app.billoget.com/budget/%E0%A4%A',
		'http://localhost',
		'https://localhost?tok=1',
		'https://app.billoget.com/budget',
		'https://app.billoget.com/es/token/',
		'see https://app.billoget.com/budget/tok1',
	])('refuses %p', (raw) => {
		expect(extractToken(raw)).toBeUndefined();
	});

	it('accepts exactly 100 characters', () => {
		expect(extractToken('a'.repeat(100))).toBe('a'.repeat(100));
	});
});

describe('line items', () => {
	it('reads product and package lines, with or without a unit price', () => {
		expect(checkLine({ itemType: 'product', productId: { __rl: true, mode: 'list', value: '12' }, quantity: 3, unitPrice: '0.335' }, 1)).toEqual({
			ok: true,
			value: { productId: 12, quantity: 3, unitPrice: 0.335 },
		});
		expect(checkLine({ itemType: 'product', productId: 12, quantity: '1,5', unitPrice: '' }, 1)).toEqual({
			ok: true,
			value: { productId: 12, quantity: 1.5 },
		});
		expect(checkLine({ packageId: '3', quantity: 1, unitPrice: 0 }, 1)).toEqual({ ok: true, value: { packageId: 3, quantity: 1, unitPrice: 0 } });
	});

	it.each([
		[{ itemType: 'product', quantity: 1 }, 'Product', 'Line item 4: Product is missing'],
		[{ itemType: 'product', productId: 'abc', quantity: 1 }, 'Product', 'Line item 4: Product "abc" is not a product ID'],
		[{ itemType: 'product', productId: 1, packageId: 2, quantity: 1 }, 'Package ID', 'Line item 4: has both a product and a package'],
		[{ itemType: 'package', quantity: 1, unitPrice: 1 }, 'Package ID', 'Line item 4: Package ID is missing'],
		[{ itemType: 'bundle', productId: 1, quantity: 1 }, 'Item Type', 'Line item 4: Item Type "bundle" is not known'],
		[{ productId: 1 }, 'Quantity', 'Line item 4: Quantity is missing'],
		[{ productId: 1, quantity: 'two' }, 'Quantity', 'Line item 4: Quantity "two" is not a number'],
		[{ productId: 1, quantity: 0 }, 'Quantity', 'Line item 4: Quantity must be greater than 0 (got 0)'],
		[{ productId: 1, quantity: -2 }, 'Quantity', 'Line item 4: Quantity must be greater than 0 (got -2)'],
		[{ productId: 1, quantity: 1, unitPrice: '-0.01' }, 'Unit Price', 'Line item 4: Unit Price must not be negative (got -0.01)'],
		[{ productId: 1, quantity: 1, unitPrice: '12abc' }, 'Unit Price', 'Line item 4: Unit Price "12abc" is not a number'],
		[{ packageId: 1, quantity: 1 }, 'Unit Price', 'Line item 4: Unit Price is required for a package'],
	])('reports %p as a problem with %s', (raw, field, message) => {
		const checked = checkLine(raw, 4);
		expect(checked.ok).toBe(false);
		if (!checked.ok) {
			expect(checked.problem).toMatchObject({ line: 4, field, message });
			expect(checked.problem.hint.length).toBeGreaterThan(10);
		}
	});

	it('needs at least one line and reports the first bad one', () => {
		expect(checkLines([])).toMatchObject({ ok: false, problem: { field: 'Line Items', message: 'The budget has no line items' } });
		expect(checkLines([{ productId: 1, quantity: 1 }, { productId: 1, quantity: 0 }, { quantity: 1 }])).toMatchObject({
			ok: false,
			problem: { line: 2, field: 'Quantity' },
		});
	});

	it('reads Items (JSON) from text, an array or an object with items', () => {
		const lines = [{ productId: 1, quantity: 2, unitPrice: 3 }];
		expect(linesFromJson(JSON.stringify(lines))).toEqual({ ok: true, value: [{ itemType: undefined, packageId: undefined, ...lines[0] }] });
		expect(linesFromJson(lines)).toMatchObject({ ok: true, value: [{ productId: 1 }] });
		expect(linesFromJson({ items: lines })).toMatchObject({ ok: true, value: [{ productId: 1 }] });
		expect(linesFromJson('')).toEqual({ ok: true, value: [] });
	});

	it.each([
		['{not json', 'Items (JSON) is not valid JSON'],
		['{"productId": 1}', 'Items (JSON) must be an array of line items'],
		[42, 'Items (JSON) must be an array of line items'],
		['[{"productId": 1, "quantity": 1}, 7]', 'Line item 2: is not an object'],
	])('refuses Items (JSON) %p', (raw, message) => {
		expect(linesFromJson(raw)).toMatchObject({ ok: false, problem: { message } });
	});

	it('shapes a line for Billoget and unwraps locators', () => {
		expect(lineBody({ productId: 4, quantity: 3 }, 18500)).toEqual({ productId: 4, quantity: 3, unitPrice: 18500 });
		expect(lineBody({ packageId: 2, quantity: 1, unitPrice: 5 }, 5)).toEqual({ packageId: 2, quantity: 1, unitPrice: 5 });
		expect(locatorValue({ __rl: true, mode: 'id', value: '7' })).toBe('7');
		expect(locatorValue('7')).toBe('7');
	});

	it('fingerprints lines independently of order and of extra fields', () => {
		const sent = [
			{ productId: 4, quantity: 3, unitPrice: 0.335 },
			{ packageId: 2, quantity: 1, unitPrice: 10 },
		];
		const stored = [
			{ id: 90, packageId: 2, productId: null, quantity: 1, unitPrice: 10, subtotal: 10, budgetId: 5 },
			{ id: 91, productId: 4, packageId: null, quantity: '3', unitPrice: 0.335, subtotal: 1.01, budgetId: 5 },
		];
		expect(linesFingerprint(stored)).toBe(linesFingerprint(sent));
		expect(linesFingerprint([{ productId: 4, quantity: 2, unitPrice: 0.335 }, sent[1]])).not.toBe(linesFingerprint(sent));
		expect(linesFingerprint(undefined)).toBeUndefined();
	});
});

describe('line items: numbers, IDs and item types', () => {
	const quantityOf = (quantity: unknown) => {
		const checked = checkLine({ productId: 12, quantity }, 1);
		return checked.ok ? checked.value.quantity : checked.problem.message;
	};

	it('reads quantities written as numbers or text, with a decimal comma or an exponent', () => {
		expect([2, ' 2 ', '1,5', '.5', '5.', '+3', '1e2', '10E+2', '25e-1'].map(quantityOf)).toEqual([2, 2, 1.5, 0.5, 5, 3, 100, 1000, 2.5]);
	});

	it.each(['abc', '1.2.3', '2x', 'x2', '1e', 'e5', '1e+', '.', '1 2', Number.NaN])('refuses the quantity %p', (quantity) => {
		expect(quantityOf(quantity)).toBe(`Line item 1: Quantity ${JSON.stringify(quantity)} is not a number`);
	});

	it('asks for a missing quantity, also when it is only spaces', () => {
		expect(quantityOf('   ')).toBe('Line item 1: Quantity is missing');
		expect(quantityOf(null)).toBe('Line item 1: Quantity is missing');
	});

	it('takes a product ID that is a positive whole number, as a number, text or a picked item', () => {
		for (const productId of [12, '12', ' 12 ', { __rl: true, mode: 'list', value: '12' }]) {
			expect(checkLine({ productId, quantity: 1 }, 1)).toEqual({ ok: true, value: { productId: 12, quantity: 1 } });
		}
		for (const productId of [0, '0', '-1', '1.5', '12a', 'a12', true]) {
			const checked = checkLine({ productId, quantity: 1 }, 2);
			expect(checked.ok).toBe(false);
			if (!checked.ok) expect(checked.problem).toMatchObject({ line: 2, field: 'Product', message: `Line item 2: Product ${JSON.stringify(productId)} is not a product ID` });
		}
	});

	it('tells the item type from what is given when Item Type is empty', () => {
		expect(checkLine({ packageId: '7', quantity: 1, unitPrice: 5 }, 1)).toEqual({ ok: true, value: { packageId: 7, quantity: 1, unitPrice: 5 } });
		expect(checkLine({ itemType: '  ', packageId: 7, quantity: 1, unitPrice: 5 }, 1)).toMatchObject({ ok: true, value: { packageId: 7 } });
		expect(checkLine({ itemType: ' Package ', packageId: 7, quantity: 1, unitPrice: 5 }, 1)).toMatchObject({ ok: true, value: { packageId: 7 } });
		const both = checkLine({ productId: 12, packageId: 7, quantity: 1 }, 3);
		expect(both.ok ? both.value : both.problem).toMatchObject({ field: 'Package ID', message: 'Line item 3: has both a product and a package' });
		const neither = checkLine({ quantity: 1 }, 1);
		expect(neither.ok ? neither.value : neither.problem.message).toBe('Line item 1: Product is missing');
		const badPackage = checkLine({ itemType: 'package', packageId: 'x', quantity: 1, unitPrice: 1 }, 1);
		expect(badPackage.ok ? badPackage.value : badPackage.problem.message).toBe('Line item 1: Package ID "x" is not an ID');
	});

	it('checkLines keeps every line in order, and names the first bad one', () => {
		const lines = checkLines([
			{ productId: 12, quantity: 1 },
			{ packageId: 3, quantity: '2', unitPrice: '4,5' },
		]);
		expect(lines).toEqual({ ok: true, value: [{ productId: 12, quantity: 1 }, { packageId: 3, quantity: 2, unitPrice: 4.5 }] });
		const bad = checkLines([{ productId: 12, quantity: 1 }, { productId: 12, quantity: 0 }]);
		expect(bad.ok ? bad.value : bad.problem.line).toBe(2);
		const none = checkLines([]);
		expect(none.ok ? none.value : none.problem).toEqual({
			line: 0,
			field: 'Line Items',
			message: 'The budget has no line items',
			hint: 'Add at least one line (a product or package with a quantity).',
		});
	});
});

describe('Items (JSON)', () => {
	it('reads an array, its JSON text, or an object with an items array; only the line fields are kept', () => {
		const entry = { productId: 12, quantity: 3, unitPrice: 10.5, note: 'dropped' };
		const kept = { itemType: undefined, productId: 12, packageId: undefined, quantity: 3, unitPrice: 10.5 };
		expect(linesFromJson([entry])).toStrictEqual({ ok: true, value: [kept] });
		expect(linesFromJson(JSON.stringify([entry]))).toStrictEqual({ ok: true, value: [kept] });
		expect(linesFromJson({ items: [entry] })).toStrictEqual({ ok: true, value: [kept] });
		expect(linesFromJson('  ')).toEqual({ ok: true, value: [] });
	});

	it('says what is wrong with anything else', () => {
		expect(linesFromJson('[{"productId": 12,')).toEqual({
			ok: false,
			problem: {
				line: 0,
				field: 'Items (JSON)',
				message: 'Items (JSON) is not valid JSON',
				hint: 'Use an array such as [{"productId": 12, "quantity": 3, "unitPrice": 10.5}], or map an array with an expression.',
			},
		});
		for (const value of [{ items: 'x' }, { lines: [] }, null, 5, 'true']) {
			expect(linesFromJson(value)).toEqual({
				ok: false,
				problem: {
					line: 0,
					field: 'Items (JSON)',
					message: 'Items (JSON) must be an array of line items',
					hint: 'Use an array such as [{"productId": 12, "quantity": 3}]; each entry has productId or packageId, quantity and optionally unitPrice.',
				},
			});
		}
		for (const entry of [1, null, [1], 'x']) {
			expect(linesFromJson([{ productId: 1, quantity: 1 }, entry])).toEqual({
				ok: false,
				problem: {
					line: 2,
					field: 'Items (JSON)',
					message: 'Line item 2: is not an object',
					hint: 'Each entry looks like {"productId": 12, "quantity": 3, "unitPrice": 10.5}.',
				},
			});
		}
	});
});

describe('linesFingerprint: how a budget created by a lost attempt is recognised', () => {
	const a = { productId: 1, quantity: 2, unitPrice: 10 };
	const b = { packageId: 3, quantity: '1', unitPrice: '5,5' };

	it('is the same for the same lines in any order, numbers as text or not', () => {
		expect(linesFingerprint([a, b])).toBe('k3x1@5.5|p1x2@10');
		expect(linesFingerprint([b, a])).toBe('k3x1@5.5|p1x2@10');
		expect(linesFingerprint([{ productId: 1, quantity: '2', unitPrice: '10.0' }, { packageId: 3, quantity: 1, unitPrice: 5.5 }])).toBe('k3x1@5.5|p1x2@10');
		expect(linesFingerprint([{ productId: null, packageId: 3, quantity: 1, unitPrice: 5.5 }])).toBe('k3x1@5.5');
		expect(linesFingerprint([])).toBe('');
	});

	it('differs when a quantity, price or product differs', () => {
		const base = linesFingerprint([a]);
		expect(linesFingerprint([{ ...a, quantity: 3 }])).not.toBe(base);
		expect(linesFingerprint([{ ...a, unitPrice: 11 }])).not.toBe(base);
		expect(linesFingerprint([{ ...a, productId: 2 }])).not.toBe(base);
		expect(linesFingerprint([a, a])).not.toBe(base);
	});

	it('is unknown when the lines cannot be read', () => {
		for (const items of [undefined, 'p1x2@10', { 0: a }]) expect(linesFingerprint(items)).toBeUndefined();
		for (const item of [null, 'a', 5]) expect(linesFingerprint([a, item])).toBeUndefined();
		expect(linesFingerprint([{ productId: 1, unitPrice: 10 }])).toBeUndefined();
		expect(linesFingerprint([{ productId: 1, quantity: 2 }])).toBeUndefined();
		expect(linesFingerprint([{ productId: 1, quantity: 'two', unitPrice: 10 }])).toBeUndefined();
	});
});
