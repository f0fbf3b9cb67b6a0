import {
	SEARCHABLE_KEYS,
	changedFields,
	changes,
	groupByKey,
	holdsFields,
	indexByKey,
	isSearchableKey,
	normaliseKey,
} from '../../nodes/Billoget/shared/matching';

describe('upsert matching', () => {
	it('normalises keys: email trimmed and case-insensitive, DNI/CUIT by digits', () => {
		expect(normaliseKey('email', '  Ana@Example.COM ')).toBe('ana@example.com');
		expect(normaliseKey('dni', '30.123.456')).toBe('30123456');
		expect(normaliseKey('dni', 30123456)).toBe('30123456');
		expect(normaliseKey('cuit', '20-12345678-9')).toBe('20123456789');
		expect(normaliseKey('productCode', ' HW-001 ')).toBe('HW-001');
		expect(normaliseKey('email', '  ')).toBeUndefined();
		expect(normaliseKey('sku', null)).toBeUndefined();
	});

	it('indexes records by key, keeping every record that shares one', () => {
		const index = indexByKey(
			[
				{ id: 1, email: 'a@x.com' },
				{ id: 2, email: 'A@X.com' },
				{ id: 3, email: 'b@x.com' },
				{ id: 4 },
			],
			'email',
		);
		expect(index.get('a@x.com')?.map((r) => r.id)).toEqual([1, 2]);
		expect(index.get('b@x.com')?.map((r) => r.id)).toEqual([3]);
		expect(index.size).toBe(2);
	});

	it('reports only fields that would change', () => {
		const current = { id: 1, firstName: 'Ana', email: 'ana@x.com', dni: 30123456, cuit: '20-12345678-9' };
		expect(changedFields(current, { firstName: 'Ana', email: 'ANA@x.com', dni: '30123456', cuit: '20123456789' })).toEqual([]);
		expect(changedFields(current, { firstName: 'Anna', phoneNumber: '+54 11' })).toEqual(['firstName', 'phoneNumber']);
		expect(changes({ price: 10, isActive: true }, { price: 10.5, isActive: true })).toEqual({ price: 10.5 });
	});

	it('merges items with the same key in input order', () => {
		const groups = groupByKey([
			{ itemIndex: 0, key: 'a', fields: { email: 'a', firstName: 'A1' } },
			{ itemIndex: 1, key: 'b', fields: { email: 'b' } },
			{ itemIndex: 2, key: 'a', fields: { firstName: 'A2', lastName: 'L' } },
		]);
		expect(groups).toEqual([
			{ key: 'a', itemIndexes: [0, 2], desired: { email: 'a', firstName: 'A2', lastName: 'L' } },
			{ key: 'b', itemIndexes: [1], desired: { email: 'b' } },
		]);
	});
});

describe('key normalisation, edge by edge', () => {
	it.each([
		['email', undefined, undefined],
		['email', '', undefined],
		['email', ' Ana@X.Test ', 'ana@x.test'],
		['dni', '0030.123.456', '30123456'],
		['dni', '00', undefined],
		['dni', 'n/a', undefined],
		['dni', ' 7 ', '7'],
		['cuit', '20-01234567-9', '20012345679'],
		['cuit', '--', undefined],
		['sku', ' Sku-1 ', 'Sku-1'],
		['productCode', 0, '0'],
		['productCode', false, 'false'],
	] as Array<[Parameters<typeof normaliseKey>[0], unknown, string | undefined]>)('%s %p reads as %p', (key, value, normalised) => {
		expect(normaliseKey(key, value)).toBe(normalised);
	});

	it('leaves records without a usable key out of the index', () => {
		const index = indexByKey([{ id: 1, dni: '000' }, { id: 2, dni: null }, { id: 3 }, { id: 4, dni: '0042' }], 'dni');
		expect([...index.entries()]).toEqual([['42', [{ id: 4, dni: '0042' }]]]);
	});
});

describe('which fields would change', () => {
	it.each([
		['a field not given', { name: 'Ana' }, {}, []],
		['a field given as undefined', { name: 'Ana' }, { name: undefined }, []],
		['an empty field sent as null or empty text', { phone: null, city: undefined }, { phone: '', city: null }, []],
		['an empty field given a value', { phone: null }, { phone: '1' }, ['phone']],
		['an empty field given 0', { stock: undefined }, { stock: 0 }, ['stock']],
		['a number written as text', { price: '10.50' }, { price: 10.5 }, []],
		['a number against text', { price: 10 }, { price: '10.5' }, ['price']],
		['a number against the same number as text', { price: 10 }, { price: '10.0' }, []],
		['a flag written as text', { isActive: 'true' }, { isActive: true }, []],
		['a flag turned off', { isActive: true }, { isActive: 'false' }, ['isActive']],
		['a flag against padded text', { isActive: 'true ' }, { isActive: true }, ['isActive']],
		['an email in other case and spacing', { email: ' Ana@X.test' }, { email: ' ana@x.TEST ' }, []],
		['another email', { email: 'ana@x.test' }, { email: 'ana@y.test' }, ['email']],
		['a CUIT with other punctuation', { cuit: '20-30123456-7' }, { cuit: '20.30123456.7' }, []],
		['another CUIT', { cuit: '20-30123456-7' }, { cuit: '20-30123456-8' }, ['cuit']],
		['text with surrounding spaces', { name: 'Ana ' }, { name: ' Ana' }, []],
		['text in another case', { name: 'Ana' }, { name: 'ANA' }, ['name']],
		['other text with other punctuation', { notes: 'a-1' }, { notes: 'a1' }, ['notes']],
	] as Array<[string, Record<string, unknown>, Record<string, unknown>, string[]]>)('%s', (_what, current, desired, changed) => {
		expect(changedFields(current, desired)).toEqual(changed);
		expect(holdsFields(current, desired)).toBe(changed.length === 0);
		expect(Object.keys(changes(current, desired))).toEqual(changed);
	});

	it('returns the desired values of the fields that change, and nothing else', () => {
		expect(changes({ name: 'Ana', price: 1 }, { name: 'Ana', price: 2, sku: 'S' })).toEqual({ price: 2, sku: 'S' });
		expect(changes({ name: 'Ana' }, { name: 'Ana' })).toEqual({});
	});

	it('gives each group its own copy of the first item\'s fields', () => {
		const fields = { email: 'a@x.test' };
		const [group] = groupByKey([{ itemIndex: 3, key: 'a@x.test', fields }]);
		expect(group).toEqual({ key: 'a@x.test', itemIndexes: [3], desired: { email: 'a@x.test' } });
		expect(group.desired).not.toBe(fields);
	});
});

describe('which keys may be searched, and recognising what was sent', () => {
	it('searches only email and SKU, the keys every reading of the API searches', () => {
		expect([...SEARCHABLE_KEYS].sort()).toEqual(['email', 'sku']);
		expect(isSearchableKey('email')).toBe(true);
		expect(isSearchableKey('sku')).toBe(true);
		expect(isSearchableKey('dni')).toBe(false);
		expect(isSearchableKey('cuit')).toBe(false);
		expect(isSearchableKey('productCode')).toBe(false);
	});

	it('a record holds what was sent when every sent field has the same value (as the API writes it)', () => {
		const record = { id: 9, firstName: 'Ana', lastName: 'Díaz', email: 'Ana@X.test', dni: 30123456, cuit: '20-30123456-7', phoneNumber: null };
		expect(holdsFields(record, { firstName: 'Ana', email: 'ana@x.test', dni: '30123456', cuit: '20301234567' })).toBe(true);
		expect(holdsFields(record, { firstName: 'Ana', lastName: 'Diaz' })).toBe(false);
		expect(holdsFields(record, { phoneNumber: '1' })).toBe(false);
		expect(holdsFields(record, {})).toBe(true);
	});
});
