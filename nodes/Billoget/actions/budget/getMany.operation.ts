import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { customerLocator, filtersCollection, returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { invalid, optionalId, readCollection, toText } from '../parameters';
import { listRecords, wrap } from '../recordOperations';
import { BUDGET, budgetOutput, toCurrency, toDateFilter } from './fields';
import { parseStateFilter } from '../../shared/budget';
import { locatorValue } from '../../shared/locator';
import { boundOf, budgetListQuery, budgetMatches, hasBudgetFilter } from '../../shared/filters';
import type { BudgetRecordFilter } from '../../shared/filters';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'e.g. USD',
			description: 'Only budgets in this currency (three-letter ISO 4217 code). Checked on each budget, since some Billoget versions do not filter by currency.',
		},
		customerLocator('Only budgets of this customer: pick one, or give the Billoget customer ID (a number)', { required: false }),
		{
			displayName: 'Issue Date From',
			name: 'issueDateFrom',
			type: 'dateTime',
			default: '',
			description:
				"Only budgets whose issue date (the budget's issueDate, not its creation date) is on or after this date (ISO 8601, e.g. 2026-01-01; a plain date is UTC). Checked on each budget, so every page of the other filters' results is read.",
		},
		{
			displayName: 'Issue Date To',
			name: 'issueDateTo',
			type: 'dateTime',
			default: '',
			description:
				"Only budgets whose issue date (the budget's issueDate, not its creation date) is on or before this date (ISO 8601; a plain date such as 2026-01-31 includes that whole UTC day). Checked on each budget, so every page of the other filters' results is read.",
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: "Text to look for in the customer's name, the comments or the budget ID",
		},
		{
			displayName: 'Seller ID',
			name: 'sellerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1',
			description: 'Only budgets of this seller (the Billoget user ID, a number). Checked on each budget, since some Billoget versions do not filter by seller.',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			default: 'generated',
			options: [
				{ name: 'Approved', value: 'approved', description: 'Confirmed by the customer or approved (state 1)' },
				{ name: 'Generated', value: 'generated', description: 'Created, not decided yet (state 0)' },
				{ name: 'Rejected', value: 'rejected', description: 'Rejected (state 2)' },
			],
			description:
				'Only budgets in this state. With an expression, 0/1/2 or GENERATED (PENDING), APPROVED, REJECTED are accepted too.',
		},
	]),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getMany'] } },
	properties,
);

/** The Filters of item i, validated (nothing is sent before every filter is readable). */
function budgetFilter(ctx: IExecuteFunctions, itemIndex: number): { filter: BudgetRecordFilter; search?: string } {
	const filters = readCollection(ctx, 'filters', itemIndex);
	const filter: BudgetRecordFilter = {};
	if (filters.state !== undefined && filters.state !== '') {
		const state = parseStateFilter(filters.state);
		if (state === undefined) {
			throw invalid(
				ctx,
				itemIndex,
				`State "${String(filters.state)}" is not a budget state`,
				String(filters.state).toUpperCase() === 'EXPIRED'
					? 'Billoget has no expired state; filter on Generated and compare the expirationDate instead.'
					: 'Use Generated (0), Approved (1) or Rejected (2).',
			);
		}
		filter.state = state;
	}
	filter.customerId = optionalId(ctx, locatorValue(filters.customerId), itemIndex, 'Customer');
	filter.sellerId = optionalId(ctx, filters.sellerId, itemIndex, 'Seller ID');
	filter.currency = toCurrency(ctx, filters.currency, itemIndex, false);
	const search = toText(ctx, filters.search, itemIndex, 'Search', false);
	const from = toDateFilter(ctx, filters.issueDateFrom, itemIndex, 'Issue Date From');
	const to = toDateFilter(ctx, filters.issueDateTo, itemIndex, 'Issue Date To');
	if (from !== undefined && to !== undefined && boundOf(to, 'to') < boundOf(from, 'from')) {
		throw invalid(ctx, itemIndex, `Issue Date To (${to}) is before Issue Date From (${from})`, 'Swap the two dates or widen the range.');
	}
	filter.issueDateFrom = from;
	filter.issueDateTo = to;
	return { filter, search };
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const { filter, search } = budgetFilter(this, i);
	// Every filter is sent under each name Billoget documents and checked again on each record, since an
	// API that does not know a parameter ignores it (see README, "Billoget API versions").
	const budgets = await listRecords(
		this,
		client,
		i,
		BUDGET.path,
		{ ...budgetListQuery(filter), search },
		hasBudgetFilter(filter) ? (record) => budgetMatches(record, filter) : undefined,
	);
	return wrap(budgets.map((budget) => budgetOutput(this, i, budget)));
}
