import { compareText, describeId, idOf, isRepeat, nested } from '../../nodes/Billoget/shared/reports/recordReaders';

describe('how the reports read records', () => {
	it('idOf: a number, digits as a number, other text trimmed, nothing for empty or not finite', () => {
		expect(idOf(42)).toBe(42);
		expect(idOf(' 42 ')).toBe(42);
		expect(idOf('4a')).toBe('4a');
		expect(idOf(' ab ')).toBe('ab');
		for (const empty of [undefined, null, '', '   ', Number.NaN, Number.POSITIVE_INFINITY, {}, true]) {
			expect(idOf(empty)).toBeUndefined();
		}
	});

	it('nested: only an embedded object', () => {
		expect(nested({ customer: { id: 1 } }, 'customer')).toEqual({ id: 1 });
		for (const value of [null, [1], 'Acme', 3, undefined]) {
			expect(nested({ customer: value }, 'customer')).toBeUndefined();
		}
	});

	it('describeId: the ID, or that there is none', () => {
		expect(describeId({ id: ' 5 ' })).toBe('5');
		expect(describeId({ id: 'b-1' })).toBe('b-1');
		expect(describeId({})).toBe('without an ID');
	});

	it('isRepeat: the second sighting of an ID (as number or text) is a repeat; no ID never is', () => {
		const seen = new Set<string>();
		expect(isRepeat(seen, 5)).toBe(false);
		expect(isRepeat(seen, '5')).toBe(true);
		expect(isRepeat(seen, 6)).toBe(false);
		expect(isRepeat(seen, undefined)).toBe(false);
		expect(isRepeat(seen, undefined)).toBe(false);
		expect([...seen]).toEqual(['5', '6']);
	});

	it('compareText: case and accents count last, so that the order is total', () => {
		expect(compareText('apple', 'Banana')).toBeLessThan(0);
		expect(compareText('Banana', 'apple')).toBeGreaterThan(0);
		expect(compareText('árbol', 'Casa')).toBeLessThan(0);
		// Equal for the locale: then by code point ('A' before 'a', 'e' before 'é').
		expect(compareText('A', 'a')).toBe(-1);
		expect(compareText('a', 'A')).toBe(1);
		expect(compareText('e', 'é')).toBe(-1);
		expect(compareText('é', 'e')).toBe(1);
		expect(compareText('same', 'same')).toBe(0);
		expect(['b', 'B', 'a', 'A', 'á'].sort(compareText)).toEqual(['A', 'a', 'á', 'B', 'b']);
	});
});
