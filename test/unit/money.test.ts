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

describe('money edges', () => {
	it('reads signs, exponents and surrounding spaces into exact decimals', () => {
		expect(parseDecimal('2.50')).toEqual({ units: BigInt(250), scale: 2 });
		expect(parseDecimal(' -1.25 ')).toEqual({ units: BigInt(-125), scale: 2 });
		expect(parseDecimal('+7')).toEqual({ units: BigInt(7), scale: 0 });
		expect(parseDecimal('12e3')).toEqual({ units: BigInt(12000), scale: 0 });
		expect(parseDecimal('1.5E1')).toEqual({ units: BigInt(15), scale: 0 });
		expect(parseDecimal('1.5e-2')).toEqual({ units: BigInt(15), scale: 3 });
		expect(parseDecimal(1e21)).toEqual({ units: BigInt('1000000000000000000000'), scale: 0 });
		expect(() => parseDecimal('1.2.3')).toThrow('"1.2.3" is not a number');
		expect(() => parseDecimal('')).toThrow('"" is not a number');
		expect(() => parseDecimal(Infinity)).toThrow('"Infinity" is not a finite number');
	});

	it('rounds half away from zero, at the cent and only below it', () => {
		expect(toCents('0.125')).toBe(13);
		expect(toCents('0.1249')).toBe(12);
		expect(toCents('0.12')).toBe(12);
		expect(toCents('-0.005')).toBe(-1);
		expect(toCents('-0.0049')).toBe(0);
		expect(toCents('+3')).toBe(300);
		expect(toCents('15e-1')).toBe(150);
		expect(percentOfCents(-1050, 21)).toBe(-221);
		expect(percentOfCents(1, 50)).toBe(1);
		expect(percentOfCents(1, '49.9')).toBe(0);
		expect(lineCents('-1', '0.335')).toBe(-34);
	});

	it('adds nothing for no lines and no amounts', () => {
		expect(computeBudgetTotals([], 21)).toEqual({ lineCents: [], subtotalCents: 0, ivaCents: 0, totalCents: 0, subtotal: 0, iva: 0, total: 0 });
		expect(sumAmounts([])).toBe(0);
		expect(sumAmounts(['10.10', 0.05, '-0.15'])).toBe(10);
	});
});
