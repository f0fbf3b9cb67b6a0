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
