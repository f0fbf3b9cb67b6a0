import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetRangeQuery, summariseBudgets } from '../../shared/reports';
import type { BudgetFilter, DateField, Period } from '../../shared/reports';
import { budgetListQuery } from '../../shared/filters';
import { BUDGET, toCurrency } from '../budget/fields';
import { locatorValue } from '../../shared/locator';
import { customerLocator, filtersCollection } from '../common.descriptions';
import { invalid, optionalId, readCollection, toDate, toNumber } from '../parameters';
import {
	dateRangeProperties,
	outputProperties,
	readDayRange,
	readReportShape,
	reportItems,
	reportOptions,
	requestCounter,
} from './parametersAndOutput';
import type { BreakdownSpec } from './parametersAndOutput';

export const BREAKDOWNS: BreakdownSpec[] = [
	{
		name: 'By Period',
		value: 'period',
		description: 'Count and total per period and currency, every period of the range (empty ones too)',
		columns: ['period', 'currency', 'count', 'total'],
	},
	{
		name: 'By Currency',
		value: 'currency',
		description: 'Count, total, average, median, approved total and approval rate per currency',
		columns: [
			'currency',
			'count',
			'total',
			'average',
			'median',
			'approvedCount',
			'approvedTotal',
			'rejectedCount',
			'approvalRate',
		],
	},
	{
		name: 'By State',
		value: 'state',
		description: 'Count and total per state (generated, approved, rejected) and currency',
		columns: ['state', 'stateName', 'currency', 'count', 'total'],
	},
	{
		name: 'Top Customers',
		value: 'topCustomers',
		description: 'The customers with the highest approved total, per currency',
		columns: ['currency', 'rank', 'customerId', 'customerName', 'approvedCount', 'approvedTotal'],
	},
	{
		name: 'Expiring Budgets',
		value: 'expiring',
		description: 'Open budgets that expire within the chosen number of days',
		columns: [
			'budgetId',
			'customerId',
			'customerName',
			'currency',
			'total',
			'issueDate',
			'expirationDate',
			'daysLeft',
		],
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'options',
		default: 'issueDate',
		options: [
			{ name: 'Issue Date', value: 'issueDate', description: 'The date printed on the budget' },
			{ name: 'Creation Date', value: 'createdAt', description: 'When the budget was created in Billoget' },
		],
		description: 'Which budget date the range (and the periods) apply to',
	},
	...dateRangeProperties('budgets'),
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		default: 'month',
		options: [
			{ name: 'Day', value: 'day', description: 'Keys like 2026-03-31' },
			{ name: 'Week', value: 'week', description: 'ISO weeks starting on Monday, keys like 2026-W14' },
			{ name: 'Month', value: 'month', description: 'Keys like 2026-03' },
		],
		description: 'Length of the periods in the per-period breakdown (UTC)',
	},
	filtersCollection([
		customerLocator('Only budgets of this customer', { required: false }),
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'e.g. ARS',
			description: 'Only budgets in this currency (ISO code such as ARS or USD)',
		},
		{
			displayName: 'Seller ID',
			name: 'sellerId',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Only budgets of this seller (the Billoget user ID of the seller)',
		},
	]),
	{
		displayName: 'Top Customers',
		name: 'topCustomers',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		description:
			'How many customers to list per currency, ranked by the total of their approved budgets in the range (0 for none)',
	},
	{
		displayName: 'Expiring Within (Days)',
		name: 'expiringWithinDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		description:
			'List open (not yet approved or rejected) budgets that expire between now and this many days from today (0 for none)',
	},
	...outputProperties('summary', BREAKDOWNS),
	reportOptions('billoget-budget-summary-<from>-<to>-<breakdown>.csv', [
		{
			displayName: 'Expiring Budgets From',
			name: 'expiringScope',
			type: 'options',
			default: 'range',
			options: [
				{
					name: 'Budgets in the Range',
					value: 'range',
					description: 'Only open budgets that are also in the date range (no extra requests)',
				},
				{
					name: 'All Open Budgets',
					value: 'all',
					description: 'Every open budget matching the filters, whatever its date (reads the open budgets once more)',
				},
			],
			description: 'Which open budgets the expiring list looks at',
		},
		{
			displayName: 'Reference Date',
			name: 'referenceDate',
			type: 'dateTime',
			default: '',
			description:
				'The moment "expiring within N days" counts from; empty for now. Useful to rebuild a past report.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['budgetSummary'] } },
	properties,
);

function readFilter(ctx: IExecuteFunctions, i: number): BudgetFilter {
	const dateField = ctx.getNodeParameter('dateField', i, 'issueDate') as DateField;
	if (dateField !== 'issueDate' && dateField !== 'createdAt') {
		throw invalid(ctx, i, `Date Field "${String(dateField)}" is not supported`, 'Choose Issue Date or Creation Date.');
	}
	const { fromDay, toDay } = readDayRange(ctx, i);
	const filters = readCollection(ctx, 'filters', i);
	// A cleared filter can arrive as null here; it filters nothing.
	return {
		dateField,
		fromDay,
		toDay,
		customerId: optionalId(ctx, locatorValue(filters.customerId) ?? undefined, i, 'Customer'),
		sellerId: optionalId(ctx, filters.sellerId ?? undefined, i, 'Seller ID'),
		currency: toCurrency(ctx, filters.currency, i, false),
	};
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const filter = readFilter(this, i);
	const period = this.getNodeParameter('period', i, 'month') as Period;
	if (!['day', 'week', 'month'].includes(period)) {
		throw invalid(this, i, `Period "${String(period)}" is not supported`, 'Choose Day, Week or Month.');
	}
	const topCustomers = toNumber(this, this.getNodeParameter('topCustomers', i, 5), i, 'Top Customers', {
		min: 0,
		integer: true,
	}) ?? 0;
	const expiringWithinDays = toNumber(
		this,
		this.getNodeParameter('expiringWithinDays', i, 7),
		i,
		'Expiring Within (Days)',
		{ min: 0, integer: true },
	) ?? 0;
	const options = readCollection(this, 'options', i);
	const referenceDate = toDate(this, options.referenceDate, i, 'Reference Date');
	// toDate reads a date and time without a zone as UTC, like the days of the range.
	const referenceTime = referenceDate === undefined ? Date.now() : Date.parse(referenceDate);
	const expiringScope = options.expiringScope === 'all' ? 'all' : 'range';
	const shape = readReportShape(this, i, BREAKDOWNS);

	const requestsUsed = requestCounter(client);
	const inRange = await client.list({
		path: BUDGET.path,
		qs: budgetRangeQuery(filter),
		returnAll: true,
		itemIndex: i,
	});
	let recordsRead = inRange.items.length;
	let openBudgets: IDataObject[] | undefined;
	if (expiringScope === 'all' && expiringWithinDays > 0) {
		const open = await client.list({
			path: BUDGET.path,
			qs: budgetListQuery({ state: 0, customerId: filter.customerId, sellerId: filter.sellerId, currency: filter.currency }),
			returnAll: true,
			itemIndex: i,
		});
		openBudgets = open.items;
		recordsRead += open.items.length;
	}

	const summary = summariseBudgets(
		inRange.items,
		{ ...filter, period, topCustomers, expiringWithinDays, referenceTime },
		openBudgets,
	);
	const filters: IDataObject = {};
	if (filter.customerId !== undefined) filters.customerId = filter.customerId;
	if (filter.sellerId !== undefined) filters.sellerId = filter.sellerId;
	if (filter.currency !== undefined) filters.currency = filter.currency;

	return await reportItems(this, i, shape, {
		fileStem: `billoget-budget-summary-${filter.fromDay}-${filter.toDay}`,
		summary: {
			report: 'budgetSummary',
			generatedAt: new Date().toISOString(),
			dateField: summary.dateField,
			from: summary.from,
			to: summary.to,
			period: summary.period,
			filters,
			budgetCount: summary.budgetCount,
			currencies: summary.currencies,
			countsByState: { ...summary.countsByState },
			approvalRate: summary.approvalRate,
			byCurrency: summary.byCurrency as unknown as IDataObject,
			byState: summary.byState as unknown as IDataObject[],
			byPeriod: summary.byPeriod as unknown as IDataObject[],
			topCustomers: summary.topCustomers as unknown as IDataObject[],
			expiring: {
				withinDays: expiringWithinDays,
				scope: expiringScope,
				referenceDate: new Date(referenceTime).toISOString(),
				count: summary.expiring.length,
				budgets: summary.expiring as unknown as IDataObject[],
			},
			warnings: summary.warnings,
		},
		breakdowns: {
			period: summary.byPeriod as unknown as IDataObject[],
			currency: summary.currencies.map((currency) => ({ currency, ...summary.byCurrency[currency] })),
			state: summary.byState as unknown as IDataObject[],
			topCustomers: summary.topCustomers as unknown as IDataObject[],
			expiring: summary.expiring as unknown as IDataObject[],
		},
		recordsRead,
		requestsUsed: requestsUsed(),
	});
}
