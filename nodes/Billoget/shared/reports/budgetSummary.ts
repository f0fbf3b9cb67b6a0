/**
 * The budget summary: counts, totals, averages and medians per currency, state and period, the top
 * customers and the budgets about to expire.
 *
 *  - Money is summed in integer cents (shared/money.ts) and turned back into a number only for the
 *    output. Different currencies are never added together: money figures are per currency.
 *  - Records are placed on their UTC day (shared/dates.ts). Range edges are whole days and inclusive:
 *    a record on the start day or on the end day is in.
 *  - Budget state: 0 generated, 1 approved, 2 rejected, read by shared/budget.ts from every spelling
 *    Billoget uses. Anything else is counted as 'unknown'.
 */

import { budgetCustomerName, budgetStateOf, STATE_NAMES } from '../budget';
import type { BudgetState, BudgetStateName } from '../budget';
import { addDays, dayOf, daysBetween, parseInstant, utcDay } from '../dates';
import { budgetListQuery, budgetMatches } from '../filters';
import { centsOf, fromCents } from '../money';
import { approvalRate, average, median, moneyOrNull } from './numbers';
import { periodKey, periodsBetween } from './periods';
import type { Period } from './periods';
import { compareText, describeId, idOf, isRepeat, nested } from './recordReaders';
import type { JsonRecord } from './recordReaders';

export type StateName = BudgetStateName | 'unknown';

export const STATE_ORDER: Array<{ state: number | null; name: StateName }> = STATE_NAMES.map((name, state) => ({ state, name }));

export function stateName(state: BudgetState | undefined): StateName {
	return state === undefined ? 'unknown' : STATE_NAMES[state];
}

export function budgetCustomerId(budget: JsonRecord): number | string | undefined {
	return idOf(budget.customerId) ?? idOf(nested(budget, 'customer')?.id);
}

export function budgetSellerId(budget: JsonRecord): number | string | undefined {
	return idOf(budget.sellerId) ?? idOf(nested(budget, 'seller')?.id);
}

export function budgetCurrency(budget: JsonRecord): string | undefined {
	return typeof budget.currency === 'string' && budget.currency.trim() !== ''
		? budget.currency.trim().toUpperCase()
		: undefined;
}

export type DateField = 'issueDate' | 'createdAt';

export interface BudgetFilter {
	dateField: DateField;
	/** Inclusive first day, 'YYYY-MM-DD'. */
	fromDay: string;
	/** Inclusive last day, 'YYYY-MM-DD'. */
	toDay: string;
	customerId?: number | string;
	sellerId?: number | string;
	/** ISO code; compared case-insensitively. */
	currency?: string;
}

/** Whether a budget matches the customer, seller and currency filters (not the dates). */
export function matchesBudgetFilters(budget: JsonRecord, filter: Omit<BudgetFilter, 'dateField' | 'fromDay' | 'toDay'>): boolean {
	return budgetMatches(budget, { customerId: filter.customerId, sellerId: filter.sellerId, currency: filter.currency });
}

/** Whether a budget's date (UTC day) lies in the inclusive range and it matches the other filters. */
export function inBudgetRange(budget: JsonRecord, filter: BudgetFilter): boolean {
	const day = dayOf(budget[filter.dateField]);
	if (day === undefined || day < filter.fromDay || day > filter.toDay) return false;
	return matchesBudgetFilters(budget, filter);
}

/**
 * The list query for a range. A creation-date range is sent as the docs' createdAfter/createdBefore,
 * widened by one day on each side (their reading, inclusive or not and time zone, is not documented);
 * an issue-date range is not sent at all, since neither reading of the API has a parameter said to
 * filter the issue date. The client-side filter makes the result exact either way.
 */
export function budgetRangeQuery(filter: BudgetFilter): Record<string, string | number> {
	const query: Record<string, string | number> = {};
	if (filter.dateField === 'createdAt') {
		query.createdAfter = addDays(filter.fromDay, -1);
		query.createdBefore = addDays(filter.toDay, 1);
	}
	return { ...query, ...budgetListQuery(filter) };
}

export interface BudgetSummaryOptions extends BudgetFilter {
	period: Period;
	/** Top N customers by approved total, per currency (0: none). */
	topCustomers: number;
	/** Open budgets expiring within N days of the reference time (0: none). */
	expiringWithinDays: number;
	/** "Now" for the expiring list (ms). */
	referenceTime: number;
}

export interface CurrencyFigures {
	count: number;
	total: number;
	average: number | null;
	median: number | null;
	approvedCount: number;
	approvedTotal: number;
	rejectedCount: number;
	approvalRate: number | null;
}

export interface CurrencyRow extends CurrencyFigures {
	currency: string;
}

export interface StateRow {
	state: number | null;
	stateName: StateName;
	currency: string;
	count: number;
	total: number;
}

export interface PeriodRow {
	period: string;
	currency: string;
	count: number;
	total: number;
}

export interface CustomerRow {
	currency: string;
	rank: number;
	customerId: number | string | null;
	customerName: string | null;
	approvedCount: number;
	approvedTotal: number;
}

export interface ExpiringRow {
	budgetId: number | string | null;
	customerId: number | string | null;
	customerName: string | null;
	currency: string;
	total: number;
	issueDate: string | null;
	expirationDate: string;
	daysLeft: number;
}

export interface BudgetSummary {
	dateField: DateField;
	from: string;
	to: string;
	period: Period;
	budgetCount: number;
	currencies: string[];
	countsByState: Record<StateName, number>;
	approvalRate: number | null;
	byCurrency: Record<string, CurrencyFigures>;
	byState: StateRow[];
	byPeriod: PeriodRow[];
	topCustomers: CustomerRow[];
	expiring: ExpiringRow[];
	/** Records left out of the figures, and why. */
	warnings: string[];
}

interface Bucket {
	count: number;
	cents: number;
}

function bucket(map: Map<string, Bucket>, key: string): Bucket {
	let entry = map.get(key);
	if (!entry) {
		entry = { count: 0, cents: 0 };
		map.set(key, entry);
	}
	return entry;
}

interface PreparedBudget {
	record: JsonRecord;
	state: BudgetState | undefined;
	currency: string;
	cents: number;
	day: string;
}

/**
 * The budget summary of the budgets in `budgets` that fall in the range and match the filters
 * (records outside are ignored, so a widened API answer can be passed as it is). `openBudgets`, when
 * given, is where the expiring list is taken from (e.g. all open budgets regardless of the range);
 * otherwise it comes from the budgets in the range.
 */
export function summariseBudgets(
	budgets: JsonRecord[],
	options: BudgetSummaryOptions,
	openBudgets?: JsonRecord[],
): BudgetSummary {
	const warnings: string[] = [];
	const prepared: PreparedBudget[] = [];
	const seen = new Set<string>();
	for (const record of budgets) {
		if (!inBudgetRange(record, options)) continue;
		if (isRepeat(seen, idOf(record.id))) continue;
		const currency = budgetCurrency(record);
		const cents = centsOf(record.total);
		if (currency === undefined || cents === undefined) {
			warnings.push(`Budget ${describeId(record)} has no ${currency === undefined ? 'currency' : 'numeric total'} and is left out`);
			continue;
		}
		prepared.push({
			record,
			state: budgetStateOf(record),
			currency,
			cents,
			day: dayOf(record[options.dateField]) as string,
		});
	}

	const currencies = [...new Set(prepared.map((budget) => budget.currency))].sort(compareText);
	const countsByState: Record<StateName, number> = { generated: 0, approved: 0, rejected: 0, unknown: 0 };
	for (const budget of prepared) countsByState[stateName(budget.state)]++;

	// Per currency.
	const byCurrency: Record<string, CurrencyFigures> = {};
	for (const currency of currencies) {
		const own = prepared.filter((budget) => budget.currency === currency);
		const cents = own.map((budget) => budget.cents);
		const approved = own.filter((budget) => budget.state === 1);
		const rejected = own.filter((budget) => budget.state === 2);
		byCurrency[currency] = {
			count: own.length,
			total: fromCents(cents.reduce((sum, value) => sum + value, 0)),
			average: moneyOrNull(average(cents)),
			median: moneyOrNull(median(cents)),
			approvedCount: approved.length,
			approvedTotal: fromCents(approved.reduce((sum, budget) => sum + budget.cents, 0)),
			rejectedCount: rejected.length,
			approvalRate: approvalRate(approved.length, rejected.length),
		};
	}

	// Per state and currency: every state for every currency, so that sheets get a full grid.
	const stateBuckets = new Map<string, Bucket>();
	for (const budget of prepared) {
		const entry = bucket(stateBuckets, `${stateName(budget.state)}|${budget.currency}`);
		entry.count++;
		entry.cents += budget.cents;
	}
	const states = countsByState.unknown > 0 ? [...STATE_ORDER, { state: null, name: 'unknown' as const }] : STATE_ORDER;
	const byState: StateRow[] = [];
	for (const { state, name } of states) {
		for (const currency of currencies) {
			const entry = stateBuckets.get(`${name}|${currency}`) ?? { count: 0, cents: 0 };
			byState.push({ state, stateName: name, currency, count: entry.count, total: fromCents(entry.cents) });
		}
	}

	// Per period and currency, every period of the range (empty ones included).
	const periodBuckets = new Map<string, Bucket>();
	for (const budget of prepared) {
		const entry = bucket(periodBuckets, `${periodKey(budget.day, options.period)}|${budget.currency}`);
		entry.count++;
		entry.cents += budget.cents;
	}
	const byPeriod: PeriodRow[] = [];
	for (const period of periodsBetween(options.fromDay, options.toDay, options.period)) {
		for (const currency of currencies) {
			const entry = periodBuckets.get(`${period}|${currency}`) ?? { count: 0, cents: 0 };
			byPeriod.push({ period, currency, count: entry.count, total: fromCents(entry.cents) });
		}
	}

	return {
		dateField: options.dateField,
		from: options.fromDay,
		to: options.toDay,
		period: options.period,
		budgetCount: prepared.length,
		currencies,
		countsByState,
		approvalRate: approvalRate(countsByState.approved, countsByState.rejected),
		byCurrency,
		byState,
		byPeriod,
		topCustomers: topCustomers(prepared, currencies, options.topCustomers),
		expiring: expiringBudgets(openBudgets ?? prepared.map((budget) => budget.record), options),
		warnings,
	};
}

function topCustomers(prepared: PreparedBudget[], currencies: string[], limit: number): CustomerRow[] {
	const rows: CustomerRow[] = [];
	if (limit <= 0) return rows;
	for (const currency of currencies) {
		const byCustomer = new Map<string, { id: number | string | null; name: string | null; count: number; cents: number }>();
		for (const budget of prepared) {
			if (budget.currency !== currency || budget.state !== 1) continue;
			const id = budgetCustomerId(budget.record);
			const key = id === undefined ? '' : String(id);
			let entry = byCustomer.get(key);
			if (!entry) {
				entry = { id: id ?? null, name: null, count: 0, cents: 0 };
				byCustomer.set(key, entry);
			}
			entry.name = entry.name ?? budgetCustomerName(budget.record) ?? null;
			entry.count++;
			entry.cents += budget.cents;
		}
		const ranked = [...byCustomer.values()].sort(
			(a, b) => b.cents - a.cents || b.count - a.count || compareText(String(a.id ?? ''), String(b.id ?? '')),
		);
		ranked.slice(0, limit).forEach((entry, index) => {
			rows.push({
				currency,
				rank: index + 1,
				customerId: entry.id,
				customerName: entry.name,
				approvedCount: entry.count,
				approvedTotal: fromCents(entry.cents),
			});
		});
	}
	return rows;
}

/**
 * Open budgets (state 0) not yet expired at the reference time whose expiration day is at most
 * `expiringWithinDays` days after the reference day (0 disables the list), soonest first.
 */
export function expiringBudgets(
	budgets: JsonRecord[],
	options: Pick<BudgetSummaryOptions, 'expiringWithinDays' | 'referenceTime' | 'customerId' | 'sellerId' | 'currency'>,
): ExpiringRow[] {
	if (options.expiringWithinDays <= 0) return [];
	const referenceDay = utcDay(options.referenceTime);
	const lastDay = addDays(referenceDay, options.expiringWithinDays);
	const rows: ExpiringRow[] = [];
	const seen = new Set<string>();
	for (const budget of budgets) {
		if (budgetStateOf(budget) !== 0 || !matchesBudgetFilters(budget, options)) continue;
		const time = parseInstant(budget.expirationDate ?? budget.validUntil);
		const currency = budgetCurrency(budget);
		const cents = centsOf(budget.total);
		if (time === undefined || currency === undefined || cents === undefined) continue;
		if (time < options.referenceTime || utcDay(time) > lastDay) continue;
		const id = idOf(budget.id);
		if (isRepeat(seen, id)) continue;
		const issued = parseInstant(budget.issueDate);
		rows.push({
			budgetId: id ?? null,
			customerId: budgetCustomerId(budget) ?? null,
			customerName: budgetCustomerName(budget) ?? null,
			currency,
			total: fromCents(cents),
			issueDate: issued === undefined ? null : new Date(issued).toISOString(),
			expirationDate: new Date(time).toISOString(),
			daysLeft: daysBetween(referenceDay, utcDay(time)),
		});
	}
	return rows.sort(
		(a, b) =>
			Date.parse(a.expirationDate) - Date.parse(b.expirationDate) ||
			compareText(String(a.budgetId ?? ''), String(b.budgetId ?? '')),
	);
}
