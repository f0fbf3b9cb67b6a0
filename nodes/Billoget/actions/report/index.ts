import type { INodeProperties } from 'n8n-workflow';

import * as approvalStats from './approvalStats.operation';
import * as budgetSummary from './budgetSummary.operation';
import * as productCatalog from './productCatalog.operation';

export { approvalStats, budgetSummary, productCatalog };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Approval Statistics',
				value: 'approvalStats',
				action: 'Get an approval statistics report with decision times',
				description:
					'Approval counts from Billoget, plus the median time from submission to decision over a date range',
			},
			{
				name: 'Get Budget Summary',
				value: 'budgetSummary',
				action: 'Get a budget summary report',
				description:
					'Counts and totals per state, currency and period, approval rate, average and median total, top customers and expiring budgets',
			},
			{
				name: 'Get Product Catalog Report',
				value: 'productCatalog',
				action: 'Get a product catalog report',
				description:
					'Counts per category and type, active vs inactive, price min/median/max per category and products without stock',
			},
		],
		default: 'budgetSummary',
	},
	...budgetSummary.description,
	...approvalStats.description,
	...productCatalog.description,
];
