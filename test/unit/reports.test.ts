import { calendarDay, dayOf } from '../../nodes/Billoget/shared/dates';
import {
	approvalRate,
	average,
	budgetRangeQuery,
	divideRoundHalfUp,
	expiringBudgets,
	isoWeek,
	median,
	periodKey,
	periodsBetween,
	summariseApprovals,
	summariseBudgets,
	summariseCatalog,
} from '../../nodes/Billoget/shared/reports';
import type { BudgetSummaryOptions, JsonRecord } from '../../nodes/Billoget/shared/reports';

describe('report arithmetic', () => {
	it('rounds divisions half away from zero', () => {
		expect(divideRoundHalfUp(5, 2)).toBe(3);
		expect(divideRoundHalfUp(7, 2)).toBe(4);
		expect(divideRoundHalfUp(4, 3)).toBe(1);
		expect(divideRoundHalfUp(5, 3)).toBe(2);
		expect(divideRoundHalfUp(-5, 2)).toBe(-3);
		expect(divideRoundHalfUp(0, 7)).toBe(0);
	});

	it('takes the middle value of an odd count and the rounded mean of the two middle values of an even count', () => {
		expect(median([])).toBeNull();
		expect(median([42])).toBe(42);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([10, 20])).toBe(15);
		expect(median([10, 21])).toBe(16); // 15.5 → 16
		expect(median([1, 100, 2, 99])).toBe(51); // (2 + 99) / 2 = 50.5 → 51
		expect(median([7, 7, 7, 7])).toBe(7);
	});

	it('averages whole numbers, rounding half-up', () => {
		expect(average([])).toBeNull();
		expect(average([1, 2])).toBe(2); // 1.5 → 2
		expect(average([1, 1, 2])).toBe(1); // 1.33 → 1
		expect(average([1, 2, 2])).toBe(2); // 1.67 → 2
	});

	it('computes the approval rate as approved / (approved + rejected), null when nothing was decided', () => {
		expect(approvalRate(0, 0)).toBeNull();
		expect(approvalRate(3, 1)).toBe(0.75);
		expect(approvalRate(2, 1)).toBe(0.6667);
		expect(approvalRate(0, 4)).toBe(0);
		expect(approvalRate(5, 0)).toBe(1);
	});
});

describe('report dates', () => {
	it('places record dates on UTC days, also without an offset', () => {
		expect(dayOf('2026-03-01T23:30:00')).toBe('2026-03-01');
		expect(dayOf('not a date')).toBeUndefined();
		expect(dayOf('2026-03-31T23:59:59.999Z')).toBe('2026-03-31');
		expect(dayOf('2026-03-31T22:00:00-03:00')).toBe('2026-04-01');
	});

	it('takes range edges as the calendar day written', () => {
		expect(calendarDay('2026-03-31')).toBe('2026-03-31');
		expect(calendarDay('2026-03-31T00:00:00')).toBe('2026-03-31');
		expect(calendarDay('2026-03-31T23:30:00-03:00')).toBe('2026-03-31');
		expect(calendarDay('2026-02-30')).toBeUndefined();
		expect(calendarDay('yesterday')).toBeUndefined();
	});

	it('names ISO weeks, including the weeks that cross a year', () => {
		expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
		expect(isoWeek('2026-03-01')).toBe('2026-W09'); // a Sunday
		expect(isoWeek('2026-03-02')).toBe('2026-W10'); // the next Monday
		expect(isoWeek('2027-01-01')).toBe('2026-W53'); // 2026 has 53 weeks
		expect(isoWeek('2024-12-30')).toBe('2025-W01');
		expect(isoWeek('2021-01-03')).toBe('2020-W53');
	});

	it('keys periods by day, ISO week or month and lists every period of a range', () => {
		expect(periodKey('2026-03-15', 'day')).toBe('2026-03-15');
		expect(periodKey('2026-03-15', 'week')).toBe('2026-W11');
		expect(periodKey('2026-03-15', 'month')).toBe('2026-03');
		expect(periodsBetween('2026-01-31', '2026-03-01', 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(periodsBetween('2026-03-01', '2026-03-31', 'week')).toEqual([
			'2026-W09',
			'2026-W10',
			'2026-W11',
			'2026-W12',
			'2026-W13',
			'2026-W14',
		]);
		expect(periodsBetween('2026-02-27', '2026-03-02', 'day')).toEqual([
			'2026-02-27',
			'2026-02-28',
			'2026-03-01',
			'2026-03-02',
		]);
		expect(periodsBetween('2026-03-04', '2026-03-04', 'week')).toEqual(['2026-W10']);
		expect(periodsBetween('2026-12-31', '2027-01-01', 'month')).toEqual(['2026-12', '2027-01']);
	});
});

/** A budget record as the list endpoint answers it. */
function budget(
	id: number,
	currency: string,
	state: number | string,
	total: number | string,
	issueDate: string,
	customer: { id: number; firstName: string; lastName: string },
	extra: JsonRecord = {},
): JsonRecord {
	return {
		id,
		currency,
		state,
		total,
		issueDate,
		createdAt: issueDate,
		expirationDate: '2026-06-30T00:00:00.000Z',
		customerId: customer.id,
		sellerId: 1,
		customer: { ...customer, email: null },
		...extra,
	};
}

const ANA = { id: 1, firstName: 'Ana', lastName: 'Díaz' };
const BRUNO = { id: 2, firstName: 'Bruno', lastName: 'Paz' };
const CARLA = { id: 3, firstName: 'Carla', lastName: 'Ruiz' };

/** March 2026 (a Sunday to a Tuesday), both edges inside; two budgets just outside. */
const MARCH: JsonRecord[] = [
	budget(1, 'ARS', 1, 1000.1, '2026-03-01T00:00:00.000Z', ANA, { expirationDate: '2026-03-26T00:00:00.000Z' }),
	budget(2, 'ARS', 1, 2000.25, '2026-03-31T23:59:59.999Z', BRUNO),
	budget(3, 'ARS', 2, 0.1, '2026-03-15T12:00:00.000Z', ANA),
	budget(4, 'ars', 0, '0.21', '2026-03-15', CARLA, { expirationDate: '2026-04-01T23:00:00.000Z' }),
	budget(5, 'USD', 'APPROVED', 10.05, '2026-03-10T10:00:00.000Z', ANA),
	budget(6, 'USD', 'PENDING', 20.1, '2026-03-20T10:00:00.000Z', BRUNO, { expirationDate: '2026-03-25T11:00:00.000Z' }),
	budget(7, 'ARS', 1, 99999, '2026-02-28T23:59:59.999Z', ANA),
	budget(8, 'ARS', 1, 99999, '2026-04-01T00:00:00.000Z', ANA),
];

const OPTIONS: BudgetSummaryOptions = {
	dateField: 'issueDate',
	fromDay: '2026-03-01',
	toDay: '2026-03-31',
	period: 'month',
	topCustomers: 5,
	expiringWithinDays: 7,
	referenceTime: Date.UTC(2026, 2, 25, 12),
};

describe('budget summary', () => {
	it('counts and sums in cents per currency, never adding currencies together', () => {
		const summary = summariseBudgets(MARCH, OPTIONS);
		expect(summary.budgetCount).toBe(6);
		expect(summary.currencies).toEqual(['ARS', 'USD']);
		// ARS: 1000.10 + 2000.25 + 0.10 + 0.21 = 3000.66
		// average 300066 / 4 = 75016.5 → 75017 cents; median (21 + 100010) / 2 = 50015.5 → 50016 cents
		expect(summary.byCurrency.ARS).toEqual({
			count: 4,
			total: 3000.66,
			average: 750.17,
			median: 500.16,
			approvedCount: 2,
			approvedTotal: 3000.35,
			rejectedCount: 1,
			approvalRate: 0.6667,
		});
		// USD: 10.05 + 20.10 = 30.15 (as floats: 30.150000000000002); average and median 1507.5 → 1508 cents
		expect(summary.byCurrency.USD).toEqual({
			count: 2,
			total: 30.15,
			average: 15.08,
			median: 15.08,
			approvedCount: 1,
			approvedTotal: 10.05,
			rejectedCount: 0,
			approvalRate: 1,
		});
		expect(summary.countsByState).toEqual({ generated: 2, approved: 3, rejected: 1, unknown: 0 });
		expect(summary.approvalRate).toBe(0.75);
		expect(summary.warnings).toEqual([]);
	});

	it('gives every state for every currency', () => {
		expect(summariseBudgets(MARCH, OPTIONS).byState).toEqual([
			{ state: 0, stateName: 'generated', currency: 'ARS', count: 1, total: 0.21 },
			{ state: 0, stateName: 'generated', currency: 'USD', count: 1, total: 20.1 },
			{ state: 1, stateName: 'approved', currency: 'ARS', count: 2, total: 3000.35 },
			{ state: 1, stateName: 'approved', currency: 'USD', count: 1, total: 10.05 },
			{ state: 2, stateName: 'rejected', currency: 'ARS', count: 1, total: 0.1 },
			{ state: 2, stateName: 'rejected', currency: 'USD', count: 0, total: 0 },
		]);
	});

	it('groups by month, ISO week and day, empty periods included', () => {
		expect(summariseBudgets(MARCH, OPTIONS).byPeriod).toEqual([
			{ period: '2026-03', currency: 'ARS', count: 4, total: 3000.66 },
			{ period: '2026-03', currency: 'USD', count: 2, total: 30.15 },
		]);
		const weekly = summariseBudgets(MARCH, { ...OPTIONS, period: 'week' }).byPeriod;
		expect(weekly.filter((row) => row.currency === 'ARS')).toEqual([
			{ period: '2026-W09', currency: 'ARS', count: 1, total: 1000.1 },
			{ period: '2026-W10', currency: 'ARS', count: 0, total: 0 },
			{ period: '2026-W11', currency: 'ARS', count: 2, total: 0.31 },
			{ period: '2026-W12', currency: 'ARS', count: 0, total: 0 },
			{ period: '2026-W13', currency: 'ARS', count: 0, total: 0 },
			{ period: '2026-W14', currency: 'ARS', count: 1, total: 2000.25 },
		]);
		expect(weekly.filter((row) => row.currency === 'USD' && row.count > 0)).toEqual([
			{ period: '2026-W11', currency: 'USD', count: 1, total: 10.05 },
			{ period: '2026-W12', currency: 'USD', count: 1, total: 20.1 },
		]);
		const daily = summariseBudgets(MARCH, { ...OPTIONS, period: 'day' }).byPeriod;
		expect(daily).toHaveLength(31 * 2);
		expect(daily.find((row) => row.period === '2026-03-15' && row.currency === 'ARS')).toEqual({
			period: '2026-03-15',
			currency: 'ARS',
			count: 2,
			total: 0.31,
		});
	});

	it('keeps budgets on the first and the last day of the range and leaves out their neighbours', () => {
		const ids = (records: JsonRecord[], options: BudgetSummaryOptions) =>
			summariseBudgets(records, { ...options, topCustomers: 0, expiringWithinDays: 0 }).byPeriod.reduce(
				(sum, row) => sum + row.count,
				0,
			);
		expect(ids(MARCH, OPTIONS)).toBe(6);
		expect(ids(MARCH, { ...OPTIONS, fromDay: '2026-03-02' })).toBe(5);
		expect(ids(MARCH, { ...OPTIONS, toDay: '2026-03-30' })).toBe(5);
		expect(ids(MARCH, { ...OPTIONS, fromDay: '2026-02-28', toDay: '2026-04-01' })).toBe(8);
	});

	it('ranks the top customers by approved total, per currency', () => {
		expect(summariseBudgets(MARCH, OPTIONS).topCustomers).toEqual([
			{ currency: 'ARS', rank: 1, customerId: 2, customerName: 'Bruno Paz', approvedCount: 1, approvedTotal: 2000.25 },
			{ currency: 'ARS', rank: 2, customerId: 1, customerName: 'Ana Díaz', approvedCount: 1, approvedTotal: 1000.1 },
			{ currency: 'USD', rank: 1, customerId: 1, customerName: 'Ana Díaz', approvedCount: 1, approvedTotal: 10.05 },
		]);
		expect(summariseBudgets(MARCH, { ...OPTIONS, topCustomers: 1 }).topCustomers.map((row) => row.customerId)).toEqual([2, 1]);
		expect(summariseBudgets(MARCH, { ...OPTIONS, topCustomers: 0 }).topCustomers).toEqual([]);
	});

	it('lists open budgets expiring within N days, not the expired or decided ones', () => {
		expect(summariseBudgets(MARCH, OPTIONS).expiring).toEqual([
			{
				budgetId: 4,
				customerId: 3,
				customerName: 'Carla Ruiz',
				currency: 'ARS',
				total: 0.21,
				issueDate: '2026-03-15T00:00:00.000Z',
				expirationDate: '2026-04-01T23:00:00.000Z',
				daysLeft: 7,
			},
		]);
		// Budget 6 expired an hour before the reference time; budget 1 is approved.
		expect(summariseBudgets(MARCH, { ...OPTIONS, expiringWithinDays: 6 }).expiring).toEqual([]);
		expect(summariseBudgets(MARCH, { ...OPTIONS, expiringWithinDays: 0 }).expiring).toEqual([]);
		expect(
			summariseBudgets(MARCH, { ...OPTIONS, referenceTime: Date.UTC(2026, 2, 25, 10) }).expiring.map((row) => [
				row.budgetId,
				row.daysLeft,
			]),
		).toEqual([
			[6, 0],
			[4, 7],
		]);
	});

	it('takes the expiring list from the open budgets given, with the same filters', () => {
		const open = [
			budget(20, 'USD', 0, 5, '2025-12-01T00:00:00.000Z', ANA, { expirationDate: '2026-03-27T00:00:00.000Z' }),
			budget(21, 'ARS', 0, 7.5, '2025-12-01T00:00:00.000Z', BRUNO, { expirationDate: '2026-03-26T00:00:00.000Z' }),
			budget(22, 'ARS', 1, 9, '2025-12-01T00:00:00.000Z', BRUNO, { expirationDate: '2026-03-26T00:00:00.000Z' }),
		];
		expect(summariseBudgets(MARCH, OPTIONS, open).expiring.map((row) => row.budgetId)).toEqual([21, 20]);
		expect(summariseBudgets(MARCH, { ...OPTIONS, currency: 'usd' }, open).expiring.map((row) => row.budgetId)).toEqual([20]);
		expect(
			expiringBudgets(open, { expiringWithinDays: 1, referenceTime: Date.UTC(2026, 2, 25, 12) }).map((row) => row.budgetId),
		).toEqual([21]);
	});

	it('filters by customer, seller and currency (case-insensitive)', () => {
		expect(summariseBudgets(MARCH, { ...OPTIONS, customerId: 1 }).budgetCount).toBe(3);
		expect(summariseBudgets(MARCH, { ...OPTIONS, customerId: '2' }).byCurrency.ARS.total).toBe(2000.25);
		expect(summariseBudgets(MARCH, { ...OPTIONS, sellerId: 2 }).budgetCount).toBe(0);
		const usd = summariseBudgets(MARCH, { ...OPTIONS, currency: 'usd' });
		expect(usd.currencies).toEqual(['USD']);
		expect(usd.byState).toHaveLength(3);
	});

	it('uses the creation date when asked', () => {
		const records = [
			budget(1, 'ARS', 0, 10, '2026-03-10T00:00:00.000Z', ANA, { createdAt: '2026-02-20T00:00:00.000Z' }),
			budget(2, 'ARS', 0, 20, '2026-02-10T00:00:00.000Z', ANA, { createdAt: '2026-03-31T23:00:00.000Z' }),
		];
		expect(summariseBudgets(records, OPTIONS).byCurrency.ARS.total).toBe(10);
		expect(summariseBudgets(records, { ...OPTIONS, dateField: 'createdAt' }).byCurrency.ARS.total).toBe(20);
	});

	it('reports an empty range with zero counts and null averages', () => {
		const summary = summariseBudgets(MARCH, { ...OPTIONS, fromDay: '2026-05-01', toDay: '2026-05-31' });
		expect(summary).toMatchObject({
			budgetCount: 0,
			currencies: [],
			countsByState: { generated: 0, approved: 0, rejected: 0, unknown: 0 },
			approvalRate: null,
			byCurrency: {},
			byState: [],
			byPeriod: [],
			topCustomers: [],
			warnings: [],
		});
	});

	it('gives a single budget as its own average and median', () => {
		const summary = summariseBudgets([budget(9, 'EUR', 2, 12.345, '2026-03-05', ANA)], OPTIONS);
		expect(summary.byCurrency.EUR).toEqual({
			count: 1,
			total: 12.35,
			average: 12.35,
			median: 12.35,
			approvedCount: 0,
			approvedTotal: 0,
			rejectedCount: 1,
			approvalRate: 0,
		});
		expect(summary.approvalRate).toBe(0);
	});

	it('counts a budget listed twice once, and leaves out budgets without a total or currency with a warning', () => {
		const records = [
			budget(1, 'ARS', 0, 10, '2026-03-10', ANA),
			budget(1, 'ARS', 0, 10, '2026-03-10', ANA),
			budget(2, 'ARS', 0, 'n/a', '2026-03-10', ANA),
			{ ...budget(3, 'ARS', 0, 5, '2026-03-10', ANA), currency: null },
			budget(4, 'ARS', 7, 1, '2026-03-10', ANA),
		];
		const summary = summariseBudgets(records, OPTIONS);
		expect(summary.budgetCount).toBe(2);
		expect(summary.byCurrency.ARS.total).toBe(11);
		expect(summary.countsByState).toEqual({ generated: 1, approved: 0, rejected: 0, unknown: 1 });
		expect(summary.byState.map((row) => row.stateName)).toEqual(['generated', 'approved', 'rejected', 'unknown']);
		expect(summary.warnings).toEqual([
			'Budget 2 has no numeric total and is left out',
			'Budget 3 has no currency and is left out',
		]);
	});

	it('asks the list API for a creation-date range one day wider on each side, never for an issue-date one', () => {
		// No reading of the API has a parameter said to filter the issue date: the range is applied here.
		expect(budgetRangeQuery({ dateField: 'issueDate', fromDay: '2026-03-01', toDay: '2026-03-31' })).toEqual({});
		expect(budgetRangeQuery({ dateField: 'issueDate', fromDay: '2026-03-01', toDay: '2026-03-31', sellerId: 2 })).toEqual({ sellerId: 2 });
		expect(
			budgetRangeQuery({ dateField: 'createdAt', fromDay: '2026-01-01', toDay: '2026-12-31', customerId: 4, sellerId: 2, currency: 'usd' }),
		).toEqual({ createdAfter: '2025-12-31', createdBefore: '2027-01-01', customerId: 4, sellerId: 2, currency: 'USD' });
	});
});

describe('approval summary', () => {
	const approval = (id: number, status: string, createdAt: string, decided: JsonRecord = {}): JsonRecord => ({
		id,
		budgetId: 100 + id,
		status,
		createdAt,
		approvedAt: null,
		rejectedAt: null,
		reviewedAt: null,
		...decided,
	});
	const STATS = { pending: 1, approved: 4, rejected: 2, cancelled: 1, total: 8 };
	const HISTORY = [
		approval(1, 'approved', '2026-03-01T10:00:00.000Z', { approvedAt: '2026-03-01T12:00:00.000Z' }), // 2 h, first day
		approval(2, 'rejected', '2026-03-02T00:00:00.000Z', { rejectedAt: '2026-03-03T06:00:00.000Z' }), // 30 h
		approval(3, 'approved', '2026-03-10T00:00:00.000Z', { reviewedAt: '2026-03-11T00:00:00.000Z' }), // 24 h, reviewedAt only
		approval(4, 'pending', '2026-03-12T00:00:00.000Z'),
		approval(5, 'cancelled', '2026-03-12T00:00:00.000Z', { reviewedAt: '2026-03-13T00:00:00.000Z' }),
		approval(6, 'approved', '2026-03-30T00:00:00.000Z', { approvedAt: '2026-04-01T00:00:00.000Z' }), // after the range
		approval(7, 'approved', '2026-02-27T00:00:00.000Z', { approvedAt: '2026-02-28T23:59:59.999Z' }), // before the range
	];
	const RANGE = { fromDay: '2026-03-01', toDay: '2026-03-31' };

	it('takes the median time to decision over the decisions made in the range (odd count)', () => {
		const summary = summariseApprovals(STATS, HISTORY, RANGE);
		expect(summary).toMatchObject({
			stats: STATS,
			decisionsInRange: 3,
			approvedInRange: 2,
			rejectedInRange: 1,
			approvalRateInRange: 0.6667,
			medianHoursToDecision: 24,
			medianSecondsToDecision: 86400,
			averageHoursToDecision: 18.67, // (2 + 30 + 24) / 3 = 18.666…
			medianHoursToApproval: 13, // (2 + 24) / 2
			medianHoursToRejection: 30,
			warnings: [],
		});
		expect(summary.decisions).toEqual([
			{ approvalId: 1, budgetId: 101, status: 'approved', submittedAt: '2026-03-01T10:00:00.000Z', decidedAt: '2026-03-01T12:00:00.000Z', hoursToDecision: 2 },
			{ approvalId: 2, budgetId: 102, status: 'rejected', submittedAt: '2026-03-02T00:00:00.000Z', decidedAt: '2026-03-03T06:00:00.000Z', hoursToDecision: 30 },
			{ approvalId: 3, budgetId: 103, status: 'approved', submittedAt: '2026-03-10T00:00:00.000Z', decidedAt: '2026-03-11T00:00:00.000Z', hoursToDecision: 24 },
		]);
		expect(summary.byStatus).toEqual([
			{ status: 'pending', count: 1, decidedInRange: null, medianHoursToDecision: null },
			{ status: 'approved', count: 4, decidedInRange: 2, medianHoursToDecision: 13 },
			{ status: 'rejected', count: 2, decidedInRange: 1, medianHoursToDecision: 30 },
			{ status: 'cancelled', count: 1, decidedInRange: null, medianHoursToDecision: null },
		]);
	});

	it('takes the mean of the two middle durations for an even count, rounded half-up to the millisecond', () => {
		const extra = approval(8, 'rejected', '2026-03-19T23:59:59.000Z', { rejectedAt: '2026-03-20T00:00:00.001Z' }); // 1001 ms
		const summary = summariseApprovals(STATS, [...HISTORY, extra], RANGE);
		// sorted: 1001 ms, 2 h, 24 h, 30 h → (2 h + 24 h) / 2 = 13 h
		expect(summary.medianHoursToDecision).toBe(13);
		expect(summary.medianSecondsToDecision).toBe(46800);
		// rejections: 1001 ms and 30 h → (108000000 + 1001) / 2 = 54000500.5 → 54000501 ms = 15.000139 h
		expect(summary.medianHoursToRejection).toBe(15);
		expect(summary.approvalRateInRange).toBe(0.5);
		const short = summariseApprovals(STATS, [extra, approval(9, 'approved', '2026-03-19T00:00:00.000Z', { approvedAt: '2026-03-19T00:00:02.000Z' })], RANGE);
		expect(short.medianSecondsToDecision).toBe(2); // (1001 + 2000) / 2 = 1500.5 → 1501 ms → 2 s
	});

	it('answers null figures for a range without decisions, and keeps the stats', () => {
		const summary = summariseApprovals(STATS, HISTORY, { fromDay: '2026-05-01', toDay: '2026-05-31' });
		expect(summary).toMatchObject({
			stats: STATS,
			decisionsInRange: 0,
			approvalRateInRange: null,
			medianHoursToDecision: null,
			medianSecondsToDecision: null,
			averageHoursToDecision: null,
			decisions: [],
		});
	});

	it('leaves out decisions without dates or decided before submission, with a warning', () => {
		const summary = summariseApprovals({}, [
			approval(1, 'approved', '2026-03-05T00:00:00.000Z'),
			approval(2, 'approved', '2026-03-05T00:00:00.000Z', { approvedAt: '2026-03-04T00:00:00.000Z' }),
			approval(3, 'APPROVED', '2026-03-05T00:00:00.000Z', { approvedAt: '2026-03-05T01:00:00.000Z' }),
		], RANGE);
		expect(summary.stats).toEqual({ pending: null, approved: null, rejected: null, cancelled: null, total: null });
		expect(summary.decisionsInRange).toBe(1);
		expect(summary.medianHoursToDecision).toBe(1);
		expect(summary.warnings).toEqual([
			'Approval 1 has no decision date and is left out',
			'Approval 2 was decided before it was submitted and is left out',
		]);
	});
});

describe('catalogue summary', () => {
	const product = (id: number, category: string | null, type: string, isActive: boolean, price: number | string, stock: number | null): JsonRecord => ({
		id,
		productCode: `P-${id}`,
		description: `Product ${id}`,
		category,
		type,
		isActive,
		price,
		stock,
	});
	const PRODUCTS = [
		product(1, 'Computación', 'product', true, 850000, 12),
		product(2, 'Computación', 'product', true, 210000, 0),
		product(3, 'Computación', 'product', false, 65000, 0),
		product(4, 'Redes', 'product', true, 120000.5, -2),
		product(5, 'Redes', 'product', true, 340000.25, 3),
		product(6, 'Servicios', 'service', true, 45000, 0),
		product(7, 'Servicios', 'SERVICE', true, 60000, 0),
		product(8, null, 'product', true, '19.99', 1),
		product(1, 'Computación', 'product', true, 850000, 12),
	];

	it('counts per category and type, active vs inactive, with price min/median/max per category', () => {
		const summary = summariseCatalog(PRODUCTS);
		expect(summary).toMatchObject({ productCount: 8, active: 7, inactive: 1, categoryCount: 4, withoutStockCount: 2, warnings: [] });
		expect(summary.byCategory).toEqual([
			{ category: '(no category)', count: 1, active: 1, inactive: 0, products: 1, services: 0, priceMin: 19.99, priceMedian: 19.99, priceMax: 19.99, withoutStock: 0 },
			// odd count: 65000, 210000, 850000 → 210000
			{ category: 'Computación', count: 3, active: 2, inactive: 1, products: 3, services: 0, priceMin: 65000, priceMedian: 210000, priceMax: 850000, withoutStock: 1 },
			// even count: (12000050 + 34000025) / 2 = 23000037.5 → 23000038 cents
			{ category: 'Redes', count: 2, active: 2, inactive: 0, products: 2, services: 0, priceMin: 120000.5, priceMedian: 230000.38, priceMax: 340000.25, withoutStock: 1 },
			{ category: 'Servicios', count: 2, active: 2, inactive: 0, products: 0, services: 2, priceMin: 45000, priceMedian: 52500, priceMax: 60000, withoutStock: 0 },
		]);
		expect(summary.byType).toEqual([
			{ type: 'product', count: 6, active: 5, inactive: 1 },
			{ type: 'service', count: 2, active: 2, inactive: 0 },
		]);
	});

	it('lists active physical products with stock 0 or less, not services or inactive products', () => {
		expect(summariseCatalog(PRODUCTS).withoutStock).toEqual([
			{ productId: 2, productCode: 'P-2', description: 'Product 2', category: 'Computación', stock: 0 },
			{ productId: 4, productCode: 'P-4', description: 'Product 4', category: 'Redes', stock: -2 },
		]);
	});

	it('reports an empty catalogue', () => {
		expect(summariseCatalog([])).toEqual({
			productCount: 0,
			active: 0,
			inactive: 0,
			categoryCount: 0,
			byCategory: [],
			byType: [],
			withoutStockCount: 0,
			withoutStock: [],
			warnings: [],
		});
	});

	it('leaves a product without a price out of the price figures only', () => {
		const summary = summariseCatalog([product(1, 'A', 'product', true, 'free', 3), product(2, 'A', 'product', true, 4, 3)]);
		expect(summary.byCategory[0]).toMatchObject({ count: 2, priceMin: 4, priceMedian: 4, priceMax: 4 });
		expect(summary.warnings).toEqual(['Product 1 has no numeric price and is left out of the price figures']);
	});
});
