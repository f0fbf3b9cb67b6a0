import { addDays, daysBetween, utcDay } from '../../nodes/Billoget/shared/dates';
import { centsOf } from '../../nodes/Billoget/shared/money';
import {
	approvalCounts,
	budgetCurrency,
	budgetCustomerId,
	budgetSellerId,
	inBudgetRange,
	matchesBudgetFilters,
	productCategory,
	productIsActive,
	productType,
} from '../../nodes/Billoget/shared/reports';

/** The small readers the reports are built from, each on its own. */

describe('money and days', () => {
	it('reads money into cents, or undefined', () => {
		expect(centsOf(12.34)).toBe(1234);
		expect(centsOf('12.345')).toBe(1235);
		expect(centsOf(' 7 ')).toBe(700);
		expect(centsOf('')).toBeUndefined();
		expect(centsOf('  ')).toBeUndefined();
		expect(centsOf('twelve')).toBeUndefined();
		expect(centsOf(Number.NaN)).toBeUndefined();
		expect(centsOf(Number.POSITIVE_INFINITY)).toBeUndefined();
		expect(centsOf(null)).toBeUndefined();
	});

	it('steps and counts whole UTC days', () => {
		expect(utcDay(Date.UTC(2026, 2, 31, 23, 59))).toBe('2026-03-31');
		expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
		expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
		expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
	});
});

describe('budget fields', () => {
	it('reads customer and seller ids from the record or its embedded object', () => {
		expect(budgetCustomerId({ customerId: 3 })).toBe(3);
		expect(budgetCustomerId({ customerId: ' 12 ' })).toBe(12);
		expect(budgetCustomerId({ customerId: 'cus_9' })).toBe('cus_9');
		expect(budgetCustomerId({ customerId: '', customer: { id: 4 } })).toBe(4);
		expect(budgetCustomerId({ customer: [{ id: 4 }] })).toBeUndefined();
		expect(budgetCustomerId({ customerId: Number.NaN })).toBeUndefined();
		expect(budgetSellerId({ sellerId: 2 })).toBe(2);
		expect(budgetSellerId({ seller: { id: '5' } })).toBe(5);
		expect(budgetSellerId({})).toBeUndefined();
	});

	it('reads the currency in upper case', () => {
		expect(budgetCurrency({ currency: ' ars ' })).toBe('ARS');
		expect(budgetCurrency({ currency: ' ' })).toBeUndefined();
		expect(budgetCurrency({ currency: 32 })).toBeUndefined();
	});

	it('filters by customer, seller and currency', () => {
		const budget = { customerId: 3, sellerId: 1, currency: 'ARS', issueDate: '2026-03-31T23:30:00Z' };
		expect(matchesBudgetFilters(budget, {})).toBe(true);
		expect(matchesBudgetFilters(budget, { customerId: '3', sellerId: 1, currency: 'ars' })).toBe(true);
		expect(matchesBudgetFilters(budget, { customerId: 4 })).toBe(false);
		expect(matchesBudgetFilters(budget, { sellerId: 2 })).toBe(false);
		expect(matchesBudgetFilters(budget, { currency: 'USD' })).toBe(false);
		expect(matchesBudgetFilters({}, { customerId: 3 })).toBe(false);
	});

	it('takes both range edges as inclusive UTC days', () => {
		const range = { dateField: 'issueDate' as const, fromDay: '2026-03-01', toDay: '2026-03-31' };
		expect(inBudgetRange({ issueDate: '2026-03-31T23:30:00Z' }, range)).toBe(true);
		expect(inBudgetRange({ issueDate: '2026-03-01' }, range)).toBe(true);
		expect(inBudgetRange({ issueDate: '2026-02-28T23:59:59Z' }, range)).toBe(false);
		expect(inBudgetRange({ issueDate: '2026-04-01T00:00:00Z' }, range)).toBe(false);
		expect(inBudgetRange({ issueDate: 'soon' }, range)).toBe(false);
		expect(inBudgetRange({ issueDate: '2026-03-10', currency: 'USD' }, { ...range, currency: 'ARS' })).toBe(false);
		expect(inBudgetRange({ createdAt: '2026-03-10' }, { ...range, dateField: 'createdAt' })).toBe(true);
	});
});

describe('approval counts and products', () => {
	it('reads the stats counts, null where Billoget gave none', () => {
		expect(approvalCounts({ pending: 2, approved: '5', rejected: 1, total: 9 })).toEqual({
			pending: 2,
			approved: 5,
			rejected: 1,
			cancelled: null,
			total: 9,
		});
		expect(approvalCounts({ pending: 'many', approved: '' })).toMatchObject({ pending: null, approved: null });
	});

	it('reads type, activity and category with their defaults', () => {
		expect(productType({ type: ' SERVICE ' })).toBe('service');
		expect(productType({ type: '' })).toBe('unknown');
		expect(productType({})).toBe('unknown');
		// The filters' rule (shared/filters.ts); only an unreadable value differs: the report counts it active.
		expect([true, false, 'false', ' FALSE ', 'true', 'no', 0, 1, undefined, null, '0', 'maybe'].map((isActive) => productIsActive({ isActive }))).toEqual([
			true,
			false,
			false,
			false,
			true,
			false,
			false,
			true,
			true,
			true,
			false,
			true,
		]);
		expect(productCategory({ category: ' Tools ' })).toBe('Tools');
		expect(productCategory({ category: ' ' })).toBe(productCategory({}));
		expect(productCategory({ category: 5 })).toBe(productCategory({}));
	});
});
