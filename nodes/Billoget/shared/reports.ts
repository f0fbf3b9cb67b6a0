/**
 * Report aggregations, pure (no n8n context): the Report resource reads every page it needs and hands
 * the records to these functions.
 *
 * Rules that hold throughout:
 *  - Money is summed in integer cents (shared/money.ts) and turned back into a number only for the
 *    output. Different currencies are never added together: money figures are per currency.
 *  - Medians: odd count → the middle value; even count → the mean of the two middle values, in cents
 *    (or milliseconds), rounded half away from zero ("half-up"). Averages round the same way.
 *  - Dates are read by shared/dates.ts (a time without a zone is UTC) and records are placed on days in
 *    UTC. Range edges are whole days and inclusive: a record on the start day or on the end day is in.
 *    Period keys: day 'YYYY-MM-DD', ISO week 'YYYY-Www', month 'YYYY-MM'.
 *  - Budget state: 0 generated, 1 approved, 2 rejected, read by shared/budget.ts from every spelling
 *    Billoget uses. Anything else is counted as 'unknown'.
 *  - Approval rate = approved / (approved + rejected); null when nothing was decided.
 */

import { budgetCustomerName, budgetStateOf, STATE_NAMES } from './budget';
import type { BudgetState, BudgetStateName } from './budget';
import { isDay, parseInstant } from './dates';
import { budgetListQuery, budgetMatches } from './filters';
import { fromCents, toCents } from './money';

export type JsonRecord = Record<string, unknown>;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Numbers

/** n / d rounded half away from zero; both whole numbers, d > 0. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
	const negative = numerator < 0;
	const magnitude = Math.abs(numerator);
	let quotient = Math.floor(magnitude / denominator);
	const remainder = magnitude - quotient * denominator;
	if (remainder * 2 >= denominator) quotient += 1;
	return negative ? -quotient : quotient;
}

/** Median of whole numbers (cents, milliseconds); null for no values. */
export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length % 2 === 1) return sorted[middle];
	return divideRoundHalfUp(sorted[middle - 1] + sorted[middle], 2);
}

/** Mean of whole numbers, rounded half-up to a whole number; null for no values. */
export function average(values: number[]): number | null {
	if (values.length === 0) return null;
	return divideRoundHalfUp(
		values.reduce((sum, value) => sum + value, 0),
		values.length,
	);
}

/** approved / (approved + rejected), rounded to 4 decimals; null when nothing was decided. */
export function approvalRate(approved: number, rejected: number): number | null {
	const decided = approved + rejected;
	if (decided === 0) return null;
	return divideRoundHalfUp(approved * 10_000, decided) / 10_000;
}

/** Cents of a money value, or undefined when it is not a number. */
export function centsOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return toCents(value);
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			return toCents(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

function moneyOrNull(cents: number | null): number | null {
	return cents === null ? null : fromCents(cents);
}

function numberOf(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function compareText(a: string, b: string): number {
	const byLocale = a.localeCompare(b, 'en', { sensitivity: 'base' });
	if (byLocale !== 0) return byLocale;
	return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const DAY_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/** The UTC day 'YYYY-MM-DD' of an instant (ms). */
export function utcDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** The UTC day of a record's date, or undefined when it is not a date. */
export function dayOf(value: unknown): string | undefined {
	const time = parseInstant(value);
	return time === undefined ? undefined : utcDay(time);
}

/**
 * The calendar day of a range edge as the user wrote it: '2026-03-31', '2026-03-31T00:00:00' and
 * '2026-03-31T23:00:00-03:00' are all 31 March. Values that do not start with a date are parsed and
 * placed on their UTC day.
 */
export function calendarDay(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const match = DAY_PREFIX.exec(value.trim());
		if (match) return isDay(match[1]) ? match[1] : undefined;
	}
	return dayOf(value);
}

function dayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
	return utcDay(dayStart(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

export type Period = 'day' | 'week' | 'month';

/** ISO 8601 week of a day: '2026-W01' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
	const date = new Date(dayStart(day));
	const weekday = date.getUTCDay() || 7;
	// The Thursday of this week decides the ISO year.
	const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
	const year = thursday.getUTCFullYear();
	const firstJanuary = Date.UTC(year, 0, 1);
	const week = Math.floor((thursday.getTime() - firstJanuary) / DAY_MS / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodKey(day: string, period: Period): string {
	if (period === 'day') return day;
	if (period === 'month') return day.slice(0, 7);
	return isoWeek(day);
}

/** Every period key from the period of `fromDay` to the period of `toDay`, in order. */
export function periodsBetween(fromDay: string, toDay: string, period: Period): string[] {
	const keys: string[] = [];
	if (fromDay > toDay) return keys;
	let day = fromDay;
	const step = period === 'day' ? 1 : period === 'week' ? 7 : 0;
	for (;;) {
		const key = periodKey(day, period);
		if (keys[keys.length - 1] !== key) keys.push(key);
		if (period === 'month') {
			const year = Number(day.slice(0, 4));
			const month = Number(day.slice(5, 7));
			day = utcDay(Date.UTC(year, month, 1));
		} else {
			day = addDays(day, step);
		}
		if (day > toDay) {
			const last = periodKey(toDay, period);
			if (keys[keys.length - 1] !== last) keys.push(last);
			return keys;
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// Budgets

export type StateName = BudgetStateName | 'unknown';

export const STATE_ORDER: Array<{ state: number | null; name: StateName }> = STATE_NAMES.map((name, state) => ({ state, name }));

export function stateName(state: BudgetState | undefined): StateName {
	return state === undefined ? 'unknown' : STATE_NAMES[state];
}

function idOf(value: unknown): number | string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		return /^\d+$/.test(text) ? Number(text) : text;
	}
	return undefined;
}

function nested(record: JsonRecord, key: string): JsonRecord | undefined {
	const value = record[key];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
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

function describeId(record: JsonRecord): string {
	const id = idOf(record.id);
	return id === undefined ? 'without an ID' : String(id);
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
		const id = idOf(record.id);
		if (id !== undefined) {
			// A record moving between pages while they are read can appear twice.
			if (seen.has(String(id))) continue;
			seen.add(String(id));
		}
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
		if (id !== undefined) {
			if (seen.has(String(id))) continue;
			seen.add(String(id));
		}
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

// ---------------------------------------------------------------------------------------------------
// Approvals

export interface ApprovalCounts {
	pending: number | null;
	approved: number | null;
	rejected: number | null;
	cancelled: number | null;
	total: number | null;
}

export interface DecisionRow {
	approvalId: number | string | null;
	budgetId: number | string | null;
	status: 'approved' | 'rejected';
	submittedAt: string;
	decidedAt: string;
	hoursToDecision: number;
}

export interface ApprovalStatusRow {
	status: 'pending' | 'approved' | 'rejected' | 'cancelled';
	/** From the stats endpoint (all time). */
	count: number | null;
	/** Decisions with this status made in the range (approved and rejected only). */
	decidedInRange: number | null;
	medianHoursToDecision: number | null;
}

export interface ApprovalSummary {
	from: string;
	to: string;
	/** The stats endpoint's counts (all time, as Billoget reports them). */
	stats: ApprovalCounts;
	/** Decisions (approved or rejected) whose decision day is in the range. */
	decisionsInRange: number;
	approvedInRange: number;
	rejectedInRange: number;
	approvalRateInRange: number | null;
	medianHoursToDecision: number | null;
	medianSecondsToDecision: number | null;
	averageHoursToDecision: number | null;
	medianHoursToApproval: number | null;
	medianHoursToRejection: number | null;
	byStatus: ApprovalStatusRow[];
	decisions: DecisionRow[];
	warnings: string[];
}

/** The stats endpoint's answer as numbers (missing or odd fields become null). */
export function approvalCounts(stats: JsonRecord): ApprovalCounts {
	const read = (key: string): number | null => numberOf(stats[key]) ?? null;
	return {
		pending: read('pending'),
		approved: read('approved'),
		rejected: read('rejected'),
		cancelled: read('cancelled'),
		total: read('total'),
	};
}

function hours(ms: number | null): number | null {
	return ms === null ? null : divideRoundHalfUp(ms, 36_000) / 100;
}

/**
 * Approval figures: the stats endpoint's counts plus, from the approval history, the time from
 * submission (`createdAt`) to decision (`approvedAt` / `rejectedAt`, else `reviewedAt`) for the
 * decisions made between `fromDay` and `toDay` (inclusive, UTC days of the decision).
 */
export function summariseApprovals(
	stats: JsonRecord,
	history: JsonRecord[],
	range: { fromDay: string; toDay: string },
): ApprovalSummary {
	const warnings: string[] = [];
	const decisions: Array<{ row: DecisionRow; ms: number }> = [];
	const seen = new Set<string>();
	for (const approval of history) {
		const status = typeof approval.status === 'string' ? approval.status.trim().toLowerCase() : '';
		if (status !== 'approved' && status !== 'rejected') continue;
		const id = idOf(approval.id);
		if (id !== undefined) {
			if (seen.has(String(id))) continue;
			seen.add(String(id));
		}
		const decided = parseInstant(
			(status === 'approved' ? approval.approvedAt : approval.rejectedAt) ?? approval.reviewedAt,
		);
		const submitted = parseInstant(approval.createdAt ?? approval.submittedAt);
		if (decided === undefined) {
			warnings.push(`Approval ${describeId(approval)} has no decision date and is left out`);
			continue;
		}
		const day = utcDay(decided);
		if (day < range.fromDay || day > range.toDay) continue;
		if (submitted === undefined) {
			warnings.push(`Approval ${describeId(approval)} has no submission date and is left out`);
			continue;
		}
		const ms = decided - submitted;
		if (ms < 0) {
			warnings.push(`Approval ${describeId(approval)} was decided before it was submitted and is left out`);
			continue;
		}
		decisions.push({
			row: {
				approvalId: id ?? null,
				budgetId: idOf(approval.budgetId) ?? null,
				status,
				submittedAt: new Date(submitted).toISOString(),
				decidedAt: new Date(decided).toISOString(),
				hoursToDecision: hours(ms) as number,
			},
			ms,
		});
	}
	decisions.sort(
		(a, b) =>
			Date.parse(a.row.decidedAt) - Date.parse(b.row.decidedAt) ||
			compareText(String(a.row.approvalId ?? ''), String(b.row.approvalId ?? '')),
	);

	const durations = decisions.map((decision) => decision.ms);
	const approvedMs = decisions.filter((decision) => decision.row.status === 'approved').map((decision) => decision.ms);
	const rejectedMs = decisions.filter((decision) => decision.row.status === 'rejected').map((decision) => decision.ms);
	const medianMs = median(durations);
	const counts = approvalCounts(stats);

	const byStatus: ApprovalStatusRow[] = (['pending', 'approved', 'rejected', 'cancelled'] as const).map((status) => {
		const decided = status === 'approved' ? approvedMs : status === 'rejected' ? rejectedMs : undefined;
		return {
			status,
			count: counts[status],
			decidedInRange: decided ? decided.length : null,
			medianHoursToDecision: decided ? hours(median(decided)) : null,
		};
	});

	return {
		from: range.fromDay,
		to: range.toDay,
		stats: counts,
		decisionsInRange: decisions.length,
		approvedInRange: approvedMs.length,
		rejectedInRange: rejectedMs.length,
		approvalRateInRange: approvalRate(approvedMs.length, rejectedMs.length),
		medianHoursToDecision: hours(medianMs),
		medianSecondsToDecision: medianMs === null ? null : divideRoundHalfUp(medianMs, 1000),
		averageHoursToDecision: hours(average(durations)),
		medianHoursToApproval: hours(median(approvedMs)),
		medianHoursToRejection: hours(median(rejectedMs)),
		byStatus,
		decisions: decisions.map((decision) => decision.row),
		warnings,
	};
}

// ---------------------------------------------------------------------------------------------------
// Products

export interface CategoryRow {
	category: string;
	count: number;
	active: number;
	inactive: number;
	products: number;
	services: number;
	priceMin: number | null;
	priceMedian: number | null;
	priceMax: number | null;
	withoutStock: number;
}

export interface TypeRow {
	type: string;
	count: number;
	active: number;
	inactive: number;
}

export interface StocklessRow {
	productId: number | string | null;
	productCode: string | null;
	description: string | null;
	category: string;
	stock: number;
}

export interface CatalogSummary {
	productCount: number;
	active: number;
	inactive: number;
	categoryCount: number;
	byCategory: CategoryRow[];
	byType: TypeRow[];
	withoutStockCount: number;
	withoutStock: StocklessRow[];
	warnings: string[];
}

/** Name used for products without a category. */
export const NO_CATEGORY = '(no category)';

export function productType(product: JsonRecord): string {
	return typeof product.type === 'string' && product.type.trim() !== '' ? product.type.trim().toLowerCase() : 'unknown';
}

/** isActive as a boolean; products that do not say are active (Billoget's default). */
export function productIsActive(product: JsonRecord): boolean {
	const value = product.isActive;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') return value.trim().toLowerCase() !== 'false';
	return value !== 0;
}

export function productCategory(product: JsonRecord): string {
	return typeof product.category === 'string' && product.category.trim() !== '' ? product.category.trim() : NO_CATEGORY;
}

/**
 * The catalogue report: counts per category and type, active vs inactive, price min/median/max per
 * category (every product of the category, in cents), and products without stock: active physical
 * products (type 'product', not services) whose stock is a number of 0 or less.
 */
export function summariseCatalog(products: JsonRecord[]): CatalogSummary {
	const warnings: string[] = [];
	const unique: JsonRecord[] = [];
	const seen = new Set<string>();
	for (const product of products) {
		const id = idOf(product.id);
		if (id !== undefined) {
			if (seen.has(String(id))) continue;
			seen.add(String(id));
		}
		unique.push(product);
	}

	const categories = new Map<string, { row: CategoryRow; prices: number[] }>();
	const types = new Map<string, TypeRow>();
	const withoutStock: StocklessRow[] = [];
	let active = 0;
	for (const product of unique) {
		const category = productCategory(product);
		const type = productType(product);
		const isActive = productIsActive(product);
		if (isActive) active++;

		let entry = categories.get(category);
		if (!entry) {
			entry = {
				row: {
					category,
					count: 0,
					active: 0,
					inactive: 0,
					products: 0,
					services: 0,
					priceMin: null,
					priceMedian: null,
					priceMax: null,
					withoutStock: 0,
				},
				prices: [],
			};
			categories.set(category, entry);
		}
		entry.row.count++;
		if (isActive) entry.row.active++;
		else entry.row.inactive++;
		if (type === 'product') entry.row.products++;
		if (type === 'service') entry.row.services++;
		const price = centsOf(product.price);
		if (price === undefined) warnings.push(`Product ${describeId(product)} has no numeric price and is left out of the price figures`);
		else entry.prices.push(price);

		let typeRow = types.get(type);
		if (!typeRow) {
			typeRow = { type, count: 0, active: 0, inactive: 0 };
			types.set(type, typeRow);
		}
		typeRow.count++;
		if (isActive) typeRow.active++;
		else typeRow.inactive++;

		const stock = numberOf(product.stock);
		if (isActive && type === 'product' && stock !== undefined && stock <= 0) {
			entry.row.withoutStock++;
			withoutStock.push({
				productId: idOf(product.id) ?? null,
				productCode: typeof product.productCode === 'string' ? product.productCode : null,
				description: typeof product.description === 'string' ? product.description : null,
				category,
				stock,
			});
		}
	}

	const byCategory = [...categories.values()]
		.map(({ row, prices }) => ({
			...row,
			priceMin: prices.length ? fromCents(Math.min(...prices)) : null,
			priceMedian: moneyOrNull(median(prices)),
			priceMax: prices.length ? fromCents(Math.max(...prices)) : null,
		}))
		.sort((a, b) => compareText(a.category, b.category));
	const byType = [...types.values()].sort((a, b) => compareText(a.type, b.type));
	withoutStock.sort(
		(a, b) => compareText(a.category, b.category) || compareText(a.productCode ?? '', b.productCode ?? '') || compareText(String(a.productId ?? ''), String(b.productId ?? '')),
	);

	return {
		productCount: unique.length,
		active,
		inactive: unique.length - active,
		categoryCount: byCategory.length,
		byCategory,
		byType,
		withoutStockCount: withoutStock.length,
		withoutStock,
		warnings,
	};
}
