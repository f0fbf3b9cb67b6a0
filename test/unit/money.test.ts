import {
	computeBudgetTotals,
	fromCents,
	lineCents,
	parseDecimal,
	percentOfCents,
	sumAmounts,
	toCents,
} from '../../nodes/Billoget/shared/money';

describe('money in integer cents', () => {
	it('converts amounts to cents exactly, rounding half-up', () => {
		expect(toCents(0.1)).toBe(10);
		expect(toCents('1210.5')).toBe(121050);
		expect(toCents(1.005)).toBe(101); // 1.005 as a float is 1.00499999…; read as the decimal it prints as
		expect(toCents('2.345')).toBe(235);
		expect(toCents('-2.345')).toBe(-235);
		expect(toCents('1e2')).toBe(10000);
		expect(toCents('12,50')).toBe(1250);
	});

	it('rejects what is not a number', () => {
		expect(() => toCents('abc')).toThrow('"abc" is not a number');
		expect(() => toCents(Number.NaN)).toThrow('not a finite number');
		expect(() => parseDecimal('1.2.3')).toThrow();
	});

	it('rounds each line half-up: 3 × 0.335 = 1.005 → 1.01', () => {
		expect(lineCents(3, 0.335)).toBe(101);
		expect(lineCents('1.5', '10.01')).toBe(1502); // 15.015 → 15.02
		expect(lineCents(2, 0.1)).toBe(20);
	});

	it('computes IVA on the subtotal, half-up', () => {
		expect(percentOfCents(1001, 21)).toBe(210); // 210.21
		expect(percentOfCents(1050, 21)).toBe(221); // 220.5 → 221
		expect(percentOfCents(1000, '10.5')).toBe(105);
		expect(percentOfCents(0, 21)).toBe(0);
	});

	it('computes a budget: lines, subtotal, IVA and total without float drift', () => {
		const totals = computeBudgetTotals(
			[
				{ quantity: 3, unitPrice: 0.335 },
				{ quantity: 10, unitPrice: 0.1 },
				{ quantity: 1, unitPrice: 0.2 },
			],
			21,
		);
		expect(totals.lineCents).toEqual([101, 100, 20]);
		expect(totals.subtotalCents).toBe(221);
		expect(totals.ivaCents).toBe(46); // 46.41
		expect(totals.totalCents).toBe(267);
		expect(totals).toMatchObject({ subtotal: 2.21, iva: 0.46, total: 2.67 });
	});

	it('sums amounts as cents', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(sumAmounts([0.1, 0.2])).toBe(0.3);
		expect(fromCents(121050)).toBe(1210.5);
	});
});
