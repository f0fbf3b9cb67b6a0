import {
	approvalMatches,
	boundOf,
	budgetListQuery,
	budgetMatches,
	dateWithin,
	hasBudgetFilter,
	hasProductFilter,
	productIsActiveOf,
	productMatches,
	sameId,
} from '../../nodes/Billoget/shared/filters';
import { budgetStateOf } from '../../nodes/Billoget/shared/budget';

const budget = {
	id: 7,
	state: 1,
	customerId: 3,
	sellerId: 2,
	currency: 'USD',
	issueDate: '2026-01-31T18:00:00.000Z',
	createdAt: '2026-05-01T00:00:00.000Z',
};

describe('node-side list filters', () => {
	it('ids compare however they are written; an absent id matches nothing', () => {
		expect(sameId(3, '3')).toBe(true);
		expect(sameId(' 3 ', 3)).toBe(true);
		expect(sameId(30, 3)).toBe(false);
		expect(sameId(undefined, 3)).toBe(false);
		expect(sameId(null, 3)).toBe(false);
		expect(sameId('', 3)).toBe(false);
		expect(sameId(3, ' 3 ')).toBe(true);
		// An absent id matches nothing, not even a filter that reads like one.
		expect(sameId(undefined, 'undefined')).toBe(false);
		expect(sameId(null, 'null')).toBe(false);
		expect(sameId('', '')).toBe(false);
	});

	it('date bounds: a plain day is that UTC day, whole for an upper bound', () => {
		expect(boundOf('2026-01-31', 'from')).toBe(Date.parse('2026-01-31T00:00:00.000Z'));
		expect(boundOf('2026-01-31', 'to')).toBe(Date.parse('2026-01-31T23:59:59.999Z'));
		expect(boundOf('2026-01-31T10:00:00.000Z', 'to')).toBe(Date.parse('2026-01-31T10:00:00.000Z'));
		expect(dateWithin('2026-01-31T23:59:59.999Z', '2026-01-31', '2026-01-31')).toBe(true);
		expect(dateWithin('2026-02-01T00:00:00.000Z', undefined, '2026-01-31')).toBe(false);
		expect(dateWithin('2026-01-30T23:59:59.999Z', '2026-01-31', undefined)).toBe(false);
		expect(dateWithin('2026-01-31T00:00:00.000Z', '2026-01-31', undefined)).toBe(true);
		expect(dateWithin('not a date', '2026-01-01', undefined)).toBe(false);
		expect(dateWithin(undefined, undefined, undefined)).toBe(true);
	});

	describe('budgets', () => {
		it('state from `state` or a legacy `status`', () => {
			expect(budgetStateOf({ state: 2 })).toBe(2);
			expect(budgetStateOf({ status: 'APPROVED' })).toBe(1);
			expect(budgetStateOf({ status: 'PENDING' })).toBe(0);
			expect(budgetStateOf({ status: 'EXPIRED' })).toBe(0); // an expired budget is still a generated one
		});

		it('every filter must hold; an empty filter keeps everything', () => {
			expect(budgetMatches(budget, {})).toBe(true);
			expect(budgetMatches(budget, { state: 1, customerId: '3', sellerId: 2, currency: 'usd' })).toBe(true);
			expect(budgetMatches(budget, { state: 0 })).toBe(false);
			expect(budgetMatches(budget, { state: 2 })).toBe(false);
			expect(budgetMatches(budget, { customerId: 4 })).toBe(false);
			expect(budgetMatches(budget, { sellerId: 1 })).toBe(false);
			expect(budgetMatches(budget, { currency: 'ARS' })).toBe(false);
		});

		it('customer and seller may come embedded; a budget without the field does not match', () => {
			expect(budgetMatches({ customer: { id: 3 }, seller: { id: 2 } }, { customerId: 3, sellerId: 2 })).toBe(true);
			expect(budgetMatches({ state: 1 }, { sellerId: 2 })).toBe(false);
			expect(budgetMatches({ state: 1 }, { currency: 'USD' })).toBe(false);
			expect(budgetMatches({ currency: 'USD' }, { state: 0 })).toBe(false);
		});

		it('issue date bounds apply to issueDate, never to createdAt', () => {
			expect(budgetMatches(budget, { issueDateFrom: '2026-01-31', issueDateTo: '2026-01-31' })).toBe(true);
			expect(budgetMatches(budget, { issueDateFrom: '2026-05-01' })).toBe(false);
			expect(budgetMatches(budget, { issueDateTo: '2026-01-30' })).toBe(false);
			expect(budgetMatches({ ...budget, issueDate: undefined }, { issueDateTo: '2026-12-31' })).toBe(false);
		});

		it('the query sends the state under both names, and no issue-date parameter', () => {
			expect(budgetListQuery({ state: 1, customerId: 3, sellerId: 2, currency: ' usd ', issueDateFrom: '2026-01-01', issueDateTo: '2026-01-31' })).toEqual({
				state: 1,
				status: 1,
				customerId: 3,
				sellerId: 2,
				currency: 'USD',
			});
			expect(budgetListQuery({ state: 0 })).toEqual({ state: 0, status: 0 });
			expect(budgetListQuery({})).toEqual({});
		});

		it('knows when there is nothing to check', () => {
			expect(hasBudgetFilter({})).toBe(false);
			expect(hasBudgetFilter({ currency: undefined })).toBe(false);
			expect(hasBudgetFilter({ state: 0 })).toBe(true);
			expect(hasBudgetFilter({ issueDateTo: '2026-01-01' })).toBe(true);
		});
	});

	describe('products', () => {
		const product = { category: ' Redes ', type: 'service', isActive: false };

		it('category and type case-insensitively, isActive as a boolean', () => {
			expect(productMatches(product, {})).toBe(true);
			expect(productMatches(product, { category: 'redes', type: 'SERVICE', isActive: false })).toBe(true);
			expect(productMatches(product, { category: 'Red' })).toBe(false);
			expect(productMatches(product, { type: 'product' })).toBe(false);
			expect(productMatches(product, { isActive: true })).toBe(false);
			expect(productMatches({ type: 'product' }, { category: 'Redes' })).toBe(false);
		});

		it('a product that does not say is active; text and 0/1 are read too', () => {
			expect(productIsActiveOf({})).toBe(true);
			expect(productIsActiveOf({ isActive: null })).toBe(true);
			expect(productIsActiveOf({ isActive: 'FALSE' })).toBe(false);
			expect(productIsActiveOf({ isActive: 0 })).toBe(false);
			expect(productIsActiveOf({ isActive: '1' })).toBe(true);
			expect(productIsActiveOf({ isActive: 'maybe' })).toBeUndefined();
			expect(productIsActiveOf({ isActive: ' Yes ' })).toBe(true);
			expect(productIsActiveOf({ isActive: 'no' })).toBe(false);
			expect(productIsActiveOf({ isActive: '0' })).toBe(false);
			expect(productMatches({ isActive: 'maybe' }, { isActive: true })).toBe(false);
			expect(productMatches({ isActive: 'maybe' }, { isActive: false })).toBe(false);
		});

		it('knows when there is nothing to check', () => {
			expect(hasProductFilter({})).toBe(false);
			expect(hasProductFilter({ isActive: false })).toBe(true);
			expect(hasProductFilter({ category: 'x' })).toBe(true);
			expect(hasProductFilter({ type: 'service' })).toBe(true);
		});
	});

	describe('approvals', () => {
		it('status case-insensitively and the budget, flat or embedded', () => {
			expect(approvalMatches({ status: 'pending', budgetId: 4 }, { status: 'PENDING', budgetId: '4' })).toBe(true);
			expect(approvalMatches({ status: 'approved', budget: { id: 4 } }, { budgetId: 4 })).toBe(true);
			expect(approvalMatches({ status: 'approved', budgetId: 4 }, { status: 'pending' })).toBe(false);
			expect(approvalMatches({ status: 'pending', budgetId: 5 }, { budgetId: 4 })).toBe(false);
			expect(approvalMatches({ status: 'pending' }, { budgetId: 4 })).toBe(false);
			expect(approvalMatches({}, {})).toBe(true);
		});
	});

	describe('edges', () => {
		it('prefers the flat id, falls back to the embedded one, and never reads an embedded list', () => {
			expect(budgetMatches({ customerId: 3, customer: { id: 4 } }, { customerId: 3 })).toBe(true);
			expect(budgetMatches({ customerId: 3, customer: { id: 4 } }, { customerId: 4 })).toBe(false);
			expect(budgetMatches({ customerId: null, customer: { id: 4 } }, { customerId: 4 })).toBe(true);
			expect(budgetMatches({ seller: [{ id: 2 }] }, { sellerId: 2 })).toBe(false);
			expect(budgetMatches({ seller: null }, { sellerId: 2 })).toBe(false);
			expect(approvalMatches({ budget: 'x' }, { budgetId: 4 })).toBe(false);
		});

		it('compares text trimmed on both sides, numbers as their text, anything else never', () => {
			expect(budgetMatches({ currency: ' usd ' }, { currency: ' USD ' })).toBe(true);
			expect(productMatches({ category: 5 }, { category: '5' })).toBe(true);
			expect(productMatches({ category: ['Redes'] }, { category: 'Redes' })).toBe(false);
			expect(productMatches({ type: { name: 'service' } }, { type: '[object Object]' })).toBe(false);
			expect(approvalMatches({ status: true }, { status: 'true' })).toBe(false);
		});

		it('reads date bounds trimmed, and a value that is not text as no date', () => {
			expect(boundOf(' 2026-01-31 ', 'to')).toBe(Date.parse('2026-01-31T23:59:59.999Z'));
			expect(boundOf(' 2026-01-31T10:00:00Z ', 'from')).toBe(Date.parse('2026-01-31T10:00:00Z'));
			expect(dateWithin(Date.parse('2026-01-31T10:00:00Z'), '2026-01-01', undefined)).toBe(false);
			expect(dateWithin(undefined, undefined, '2026-01-01')).toBe(false);
			expect(dateWithin('2026-01-15T00:00:00Z', '2026-01-01', '2026-01-31')).toBe(true);
			expect(dateWithin('2026-01-31T10:00:00.000Z', '2026-01-31T10:00:00.000Z', '2026-01-31T10:00:00.000Z')).toBe(true);
			expect(dateWithin('2026-01-31T10:00:00.001Z', undefined, '2026-01-31T10:00:00.000Z')).toBe(false);
		});

		it('reads isActive from text in any case and spacing, and from 0 and 1', () => {
			expect(productIsActiveOf({ isActive: ' True ' })).toBe(true);
			expect(productIsActiveOf({ isActive: 'false' })).toBe(false);
			expect(productIsActiveOf({ isActive: ' 0 ' })).toBe(false);
			expect(productIsActiveOf({ isActive: 1 })).toBe(true);
			expect(productIsActiveOf({ isActive: true })).toBe(true);
			expect(productIsActiveOf({ isActive: false })).toBe(false);
			expect(productIsActiveOf({ isActive: '' })).toBeUndefined();
			expect(productMatches({}, { isActive: true })).toBe(true);
		});

		it('sends each filter under its own name only when it is given', () => {
			expect(budgetListQuery({ customerId: '3' })).toEqual({ customerId: '3' });
			expect(budgetListQuery({ sellerId: 2 })).toEqual({ sellerId: 2 });
			expect(budgetListQuery({ currency: 'ars' })).toEqual({ currency: 'ARS' });
			expect(hasBudgetFilter({ state: undefined, customerId: undefined })).toBe(false);
		});
	});
});
