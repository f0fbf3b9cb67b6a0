import {
	budgetCustomerName,
	budgetStateOf,
	customerFullName,
	normaliseBudget,
	parseBudgetState,
	parseStateFilter,
	simplifyBudget,
	STATE_LABELS,
	STATE_NAMES,
} from '../../nodes/Billoget/shared/budget';
import { summariseBudgets } from '../../nodes/Billoget/shared/reports';
import { stateToken } from '../../nodes/Billoget/poll/state';

describe('budget state: every spelling Billoget sends', () => {
	it.each([
		[0, 0],
		[1, 1],
		[2, 2],
		['0', 0],
		['1', 1],
		[' 2 ', 2],
		['GENERATED', 0],
		['Generated', 0],
		['PENDING', 0],
		[' pending ', 0],
		['EXPIRED', 0],
		['APPROVED', 1],
		[' approved ', 1],
		['CONFIRMED', 1],
		['confirmed', 1],
		['REJECTED', 2],
		['rejected', 2],
	])('reads %p as %p', (raw, state) => {
		expect(parseBudgetState(raw)).toBe(state);
	});

	it.each([3, -1, 1.5, Number.NaN, '3', '01', '1.0', 'CANCELLED', 'maybe', '', '  ', null, undefined, {}, [], true, 'constructor', 'toString'])(
		'does not recognise %p',
		(raw) => {
			expect(parseBudgetState(raw)).toBeUndefined();
		},
	);

	it('names the states in order, for outputs and for list labels', () => {
		expect(STATE_NAMES).toEqual(['generated', 'approved', 'rejected']);
		expect(STATE_LABELS).toEqual(['Generated', 'Approved', 'Rejected']);
	});

	it('takes the numeric state first and the legacy status only without one', () => {
		expect(budgetStateOf({ state: 2, status: 'APPROVED' })).toBe(2);
		expect(budgetStateOf({ state: 'nonsense', status: 'APPROVED' })).toBe(1);
		expect(budgetStateOf({ status: 'CONFIRMED' })).toBe(1);
		expect(budgetStateOf({})).toBeUndefined();
	});
});

describe('budget state filter: what a user may ask for', () => {
	it.each([
		['approved', 1],
		['CONFIRMED', 1],
		['PENDING', 0],
		['generated', 0],
		['rejected', 2],
		['2', 2],
		[0, 0],
	])('accepts %p as %p', (raw, state) => {
		expect(parseStateFilter(raw)).toBe(state);
	});

	it('refuses EXPIRED, which is no state of its own (state 0 would list open budgets too)', () => {
		expect(parseStateFilter('EXPIRED')).toBeUndefined();
		expect(parseStateFilter('expired')).toBeUndefined();
		expect(parseBudgetState('EXPIRED')).toBe(0);
	});

	it.each(['maybe', 3, '', null, 'constructor'])('refuses %p', (raw) => {
		expect(parseStateFilter(raw)).toBeUndefined();
	});
});

describe('normaliseBudget', () => {
	it('adds the numeric state and its name, keeping what Billoget sent', () => {
		expect(normaliseBudget({ id: 1, state: 1 })).toEqual({ id: 1, state: 1, stateName: 'approved' });
		expect(normaliseBudget({ id: 2, state: '2' })).toEqual({ id: 2, state: 2, stateName: 'rejected' });
		expect(normaliseBudget({ id: 3, status: 'PENDING' })).toEqual({ id: 3, status: 'PENDING', state: 0, stateName: 'generated' });
		expect(normaliseBudget({ id: 4, status: 'EXPIRED' })).toEqual({ id: 4, status: 'EXPIRED', state: 0, stateName: 'generated' });
		expect(normaliseBudget({ id: 5, status: 'CONFIRMED' })).toEqual({ id: 5, status: 'CONFIRMED', state: 1, stateName: 'approved' });
	});

	it('leaves a budget without a known state as it is, as a copy', () => {
		const record = { id: 6, status: 'CANCELLED' };
		const result = normaliseBudget(record);
		expect(result).toEqual({ id: 6, status: 'CANCELLED' });
		expect(result).not.toBe(record);
	});
});

describe("a customer's full name", () => {
	it('joins first and last name, skipping empty parts', () => {
		expect(customerFullName({ firstName: 'Lucía', lastName: 'Fernández' })).toBe('Lucía Fernández');
		expect(customerFullName({ firstName: 'Lucía', lastName: '' })).toBe('Lucía');
		expect(customerFullName({ firstName: '  ', lastName: 'Fernández' })).toBe('Fernández');
		expect(customerFullName({ firstName: 7, lastName: 'Fernández' })).toBe('Fernández');
	});

	it('falls back to the legacy name, and is undefined without any', () => {
		expect(customerFullName({ name: 'Acme S.A.' })).toBe('Acme S.A.');
		expect(customerFullName({ firstName: '', name: 'Acme S.A.' })).toBe('Acme S.A.');
		expect(customerFullName({ name: ' ' })).toBeUndefined();
		expect(customerFullName({})).toBeUndefined();
		expect(customerFullName(null)).toBeUndefined();
		expect(customerFullName('Acme')).toBeUndefined();
		expect(customerFullName([{ name: 'Acme' }])).toBeUndefined();
	});

	it("reads a budget's embedded customer", () => {
		expect(budgetCustomerName({ customer: { firstName: 'Ana', lastName: 'Paz' } })).toBe('Ana Paz');
		expect(budgetCustomerName({ customerId: 3 })).toBeUndefined();
	});
});

/**
 * Before these rules had one home, the outputs accepted CONFIRMED but not EXPIRED, the reports EXPIRED
 * but not CONFIRMED, and the list search read only the numeric state. Now every reader agrees.
 */
describe('every reader agrees on the spellings that used to differ', () => {
	const legacy = [
		{ id: 1, status: 'CONFIRMED', currency: 'ARS', total: 10, issueDate: '2026-03-02' },
		{ id: 2, status: 'EXPIRED', currency: 'ARS', total: 20, issueDate: '2026-03-03' },
		{ id: 3, status: 'pending', currency: 'ARS', total: 30, issueDate: '2026-03-04' },
	];

	it('outputs, poll and reports give the same state', () => {
		const outputs = legacy.map((record) => normaliseBudget(record).state);
		const poll = legacy.map((record) => stateToken(record));
		const report = summariseBudgets(legacy, {
			dateField: 'issueDate',
			fromDay: '2026-03-01',
			toDay: '2026-03-31',
			period: 'month',
			topCustomers: 0,
			expiringWithinDays: 0,
			referenceTime: Date.UTC(2026, 2, 15),
		});
		expect(outputs).toEqual([1, 0, 0]);
		expect(poll).toEqual(['1', '0', '0']);
		expect(report.countsByState).toEqual({ generated: 2, approved: 1, rejected: 0, unknown: 0 });
	});

	it('the simplified output and the reports name the customer the same way', () => {
		const record = { id: 1, customer: { firstName: 'Ana', lastName: '', name: 'ignored' } };
		expect(simplifyBudget(record).customerName).toBe('Ana');
		expect(budgetCustomerName(record)).toBe('Ana');
	});
});
