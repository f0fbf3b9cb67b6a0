/**
 * List filters checked on the node's side: whether a record Billoget returned matches what the user
 * filtered on. Billoget's documentation and its SDK name list parameters differently (budgets: `state`
 * or `status`; seller and currency filters only in the docs), and an API ignores a parameter it does not
 * know and answers the unfiltered list. So the node sends every documented name and checks each record
 * here. One rule per filter, pure, no n8n.
 *
 * A record that does not carry the filtered field does not match: the node never outputs a record it
 * cannot show to match.
 */
import { budgetStateOf } from './budget';

type Plain = Record<string, unknown>;

function nested(record: Plain, field: string): Plain | undefined {
	const value = record[field];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : undefined;
}

/** The same id, however it is written (42, "42"); an absent id matches nothing. */
export function sameId(value: unknown, wanted: number | string): boolean {
	if (value === undefined || value === null || value === '') return false;
	return String(value).trim() === String(wanted).trim();
}

function sameText(value: unknown, wanted: string): boolean {
	if (typeof value !== 'string' && typeof value !== 'number') return false;
	return String(value).trim().toLowerCase() === wanted.trim().toLowerCase();
}

/** The id of a related record: the flat field (customerId) or the embedded object's id (customer.id). */
function relatedId(record: Plain, flat: string, embedded: string): unknown {
	return record[flat] ?? nested(record, embedded)?.id;
}

/**
 * An instant for a date bound. A plain day (YYYY-MM-DD) is that day in UTC: its start for a lower
 * bound, its last millisecond for an upper one, so "to 2026-01-31" includes the whole day.
 */
export function boundOf(value: string, side: 'from' | 'to'): number {
	const text = value.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
		return Date.parse(`${text}T${side === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`);
	}
	return Date.parse(text);
}

/** Whether an ISO date field lies within the inclusive bounds (an unreadable date never does). */
export function dateWithin(value: unknown, from: string | undefined, to: string | undefined): boolean {
	if (from === undefined && to === undefined) return true;
	const instant = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (Number.isNaN(instant)) return false;
	if (from !== undefined && instant < boundOf(from, 'from')) return false;
	if (to !== undefined && instant > boundOf(to, 'to')) return false;
	return true;
}

// ---- budgets ----

export interface BudgetRecordFilter {
	/** 0 generated, 1 approved, 2 rejected. */
	state?: number;
	customerId?: number | string;
	sellerId?: number | string;
	/** ISO 4217 code, compared case-insensitively. */
	currency?: string;
	/** Bounds on the budget's issueDate (ISO 8601 or a plain day). */
	issueDateFrom?: string;
	issueDateTo?: string;
}

export function budgetMatches(record: Plain, filter: BudgetRecordFilter): boolean {
	if (filter.state !== undefined && budgetStateOf(record) !== filter.state) return false;
	if (filter.customerId !== undefined && !sameId(relatedId(record, 'customerId', 'customer'), filter.customerId)) {
		return false;
	}
	if (filter.sellerId !== undefined && !sameId(relatedId(record, 'sellerId', 'seller'), filter.sellerId)) return false;
	if (filter.currency !== undefined && !sameText(record.currency, filter.currency)) return false;
	return dateWithin(record.issueDate, filter.issueDateFrom, filter.issueDateTo);
}

/**
 * The list query for a budget filter: the state under both names Billoget documents (`state` in the
 * docs' Postman collection, `status` in the SDK), customer, seller and currency. The issue-date bounds
 * are not sent: neither reading says that its date parameters filter the issue date (the docs' filter
 * the creation date, the SDK does not say which), so they are checked on the node's side only.
 */
export function budgetListQuery(filter: BudgetRecordFilter): Record<string, string | number> {
	const query: Record<string, string | number> = {};
	if (filter.state !== undefined) {
		query.state = filter.state;
		query.status = filter.state;
	}
	if (filter.customerId !== undefined) query.customerId = filter.customerId;
	if (filter.sellerId !== undefined) query.sellerId = filter.sellerId;
	if (filter.currency !== undefined) query.currency = filter.currency.trim().toUpperCase();
	return query;
}

/** Whether the filter needs any node-side check at all (so plain lists keep their small pages). */
export function hasBudgetFilter(filter: BudgetRecordFilter): boolean {
	return Object.values(filter).some((value) => value !== undefined);
}

// ---- products ----

export interface ProductRecordFilter {
	/** Compared trimmed and case-insensitively. */
	category?: string;
	/** 'product' or 'service', compared case-insensitively (some readings write PRODUCT). */
	type?: string;
	isActive?: boolean;
}

/**
 * isActive as a boolean, the one rule for lists, filters and the catalogue report: a product that does
 * not say is active (Billoget's default on create); true/1/yes and false/0/no in any case; anything
 * else is unreadable (undefined), so it matches neither Active filter.
 */
export function productIsActiveOf(record: Plain): boolean | undefined {
	const value = record.isActive;
	if (value === undefined || value === null) return true;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (text === 'true' || text === '1' || text === 'yes') return true;
	if (text === 'false' || text === '0' || text === 'no') return false;
	return undefined;
}

export function productMatches(record: Plain, filter: ProductRecordFilter): boolean {
	if (filter.category !== undefined && !sameText(record.category, filter.category)) return false;
	if (filter.type !== undefined && !sameText(record.type, filter.type)) return false;
	if (filter.isActive !== undefined && productIsActiveOf(record) !== filter.isActive) return false;
	return true;
}

export function hasProductFilter(filter: ProductRecordFilter): boolean {
	return filter.category !== undefined || filter.type !== undefined || filter.isActive !== undefined;
}

// ---- approvals ----

export interface ApprovalRecordFilter {
	/** pending, approved, rejected or cancelled. */
	status?: string;
	budgetId?: number | string;
}

export function approvalMatches(record: Plain, filter: ApprovalRecordFilter): boolean {
	if (filter.status !== undefined && !sameText(record.status, filter.status)) return false;
	if (filter.budgetId !== undefined && !sameId(relatedId(record, 'budgetId', 'budget'), filter.budgetId)) return false;
	return true;
}
