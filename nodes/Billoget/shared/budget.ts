/**
 * What a budget's state is and who its customer is, in one place for every reader: the operations'
 * output (normaliseBudget, and simplifyBudget for Simplify), the Poll Trigger, the list searches and
 * the reports. Pure.
 *
 * Billoget's sources describe the state two ways (see docs/api.md, "Budget state"):
 *  - the SDK and the v1.1 API: a number `state`, 0 GENERATED, 1 APPROVED, 2 REJECTED;
 *  - the older docs and webhook examples: a string `status`, PENDING, APPROVED, REJECTED or EXPIRED.
 * Both are read into the number. PENDING is GENERATED under its older name; CONFIRMED is what a
 * customer's confirmation through the public link makes of a budget, i.e. APPROVED; EXPIRED is an
 * undecided budget past its expiration date, which the numeric model keeps at 0 (expiry is a date
 * there, not a state). Names are read in any case, with surrounding spaces ignored.
 */

export const STATE_NAMES = ['generated', 'approved', 'rejected'] as const;
export type BudgetState = 0 | 1 | 2;
export type BudgetStateName = (typeof STATE_NAMES)[number];

/** The state as a list label shows it. */
export const STATE_LABELS = ['Generated', 'Approved', 'Rejected'] as const;

/** Every spelling of a state Billoget may send, lower case. */
const STATE_SPELLINGS: Record<string, BudgetState> = {
	generated: 0,
	pending: 0,
	expired: 0,
	approved: 1,
	confirmed: 1,
	rejected: 2,
};

/** Spellings a user may filter by. EXPIRED is left out: state 0 would also list the open budgets. */
const FILTER_SPELLINGS = new Set(['generated', 'pending', 'approved', 'confirmed', 'rejected']);

function stateFromText(raw: unknown, allowed: (name: string) => boolean): BudgetState | undefined {
	if (typeof raw === 'number') return raw === 0 || raw === 1 || raw === 2 ? raw : undefined;
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim().toLowerCase();
	if (text === '0' || text === '1' || text === '2') return Number(text) as BudgetState;
	return allowed(text) ? STATE_SPELLINGS[text] : undefined;
}

/** A state as Billoget sends it (a number, digits or any name above); undefined when not recognised. */
export function parseBudgetState(raw: unknown): BudgetState | undefined {
	return stateFromText(raw, (name) => Object.prototype.hasOwnProperty.call(STATE_SPELLINGS, name));
}

/** A state a user filters by: as parseBudgetState, but EXPIRED is refused (it is no state of its own). */
export function parseStateFilter(raw: unknown): BudgetState | undefined {
	return stateFromText(raw, (name) => FILTER_SPELLINGS.has(name));
}

/** The state of a budget record: its numeric `state`, else the legacy `status`. */
export function budgetStateOf(record: Record<string, unknown>): BudgetState | undefined {
	return parseBudgetState(record.state) ?? parseBudgetState(record.status);
}

/** The output form of a budget: numeric `state` and `stateName`, also when Billoget sent a legacy `status`. */
export function normaliseBudget<T extends Record<string, unknown>>(record: T): T & { state?: BudgetState; stateName?: BudgetStateName } {
	const state = budgetStateOf(record);
	if (state === undefined) return { ...record };
	return { ...record, state, stateName: STATE_NAMES[state] };
}

/** The fields Simplify keeps of a budget, in output order. */
export const SIMPLIFIED_BUDGET_FIELDS = [
	'id',
	'state',
	'stateName',
	'currency',
	'subtotal',
	'iva',
	'total',
	'issueDate',
	'expirationDate',
	'customerId',
	'customerName',
	'publicToken',
];

/** The simplified budget: the fields above (customerName from the embedded customer) plus `extra` ones. */
export function simplifyBudget<T extends Record<string, unknown>>(record: T, extra: string[] = []): Partial<T> & Record<string, unknown> {
	const source: Record<string, unknown> = { ...record, customerName: record.customerName ?? budgetCustomerName(record) };
	const result: Record<string, unknown> = {};
	for (const field of [...SIMPLIFIED_BUDGET_FIELDS, ...extra]) {
		if (source[field] !== undefined) result[field] = source[field];
	}
	return result as Partial<T> & Record<string, unknown>;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** "First Last" of a customer (SDK shape), else its legacy `name`; undefined when it has neither. */
export function customerFullName(customer: unknown): string | undefined {
	if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return undefined;
	const c = customer as Record<string, unknown>;
	const name = [text(c.firstName), text(c.lastName)].filter((part) => part !== undefined).join(' ');
	return name !== '' ? name : text(c.name);
}

/** The full name of the customer embedded in a budget record, or undefined. */
export function budgetCustomerName(budget: Record<string, unknown>): string | undefined {
	return customerFullName(budget.customer);
}
