import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as approval from './actions/approval';
import * as budget from './actions/budget';
import * as customer from './actions/customer';
import * as product from './actions/product';
import * as productVariant from './actions/productVariant';
import * as report from './actions/report';
import { router } from './actions/router';
import * as webhook from './actions/webhook';
import { billogetApiTest } from './methods/credentialTest';
import {
	searchApprovers,
	searchBudgets,
	searchCustomers,
	searchPendingApprovals,
	searchProducts,
	searchProductVariants,
} from './methods/listSearch';

const RESOURCES: Array<{ name: string; value: string; operations: INodeProperties[] }> = [
	{ name: 'Approval', value: 'approval', operations: approval.description },
	{ name: 'Budget', value: 'budget', operations: budget.description },
	{ name: 'Customer', value: 'customer', operations: customer.description },
	{ name: 'Product', value: 'product', operations: product.description },
	{ name: 'Product Variant', value: 'productVariant', operations: productVariant.description },
	{ name: 'Report', value: 'report', operations: report.description },
	{ name: 'Webhook', value: 'webhook', operations: webhook.description },
];

/** "resource:operation" → the canvas subtitle, e.g. "Create or Update: Customer". */
function subtitleLabels(): Record<string, string> {
	const labels: Record<string, string> = {};
	for (const resource of RESOURCES) {
		const operation = resource.operations.find((property) => property.name === 'operation');
		for (const option of (operation?.options ?? []) as INodePropertyOptions[]) {
			labels[`${resource.value}:${String(option.value)}`] =
				resource.value === 'report' ? option.name : `${option.name}: ${resource.name}`;
		}
	}
	return labels;
}

export class Billoget implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billoget',
		name: 'billoget',
		icon: { light: 'file:../../icons/billoget.svg', dark: 'file:../../icons/billoget.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(subtitleLabels())}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`,
		description: 'Create budgets with line items and IVA, manage customers, products and approvals, and build reports in Billoget',
		defaults: { name: 'Billoget' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billogetApi', required: true, testedBy: 'billogetApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value }) => ({ name, value })),
				default: 'budget',
			},
			...approval.description,
			...budget.description,
			...customer.description,
			...product.description,
			...productVariant.description,
			...report.description,
			...webhook.description,
			{
				displayName: 'Request Options',
				name: 'requestOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Rate Limit Wait (Seconds)',
						name: 'maxRateLimitWait',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							'When Billoget’s hourly request limit is used up, wait up to this long for it to reset; a longer wait stops the run with the reset time (and, for bulk operations, the list of items not done)',
					},
					{
						displayName: 'Max Retries',
						name: 'maxRetries',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 10 },
						default: 3,
						description:
							'How often to retry a request that failed with a 5xx answer or a lost connection, where retrying cannot create duplicates',
					},
					{
						displayName: 'Timeout (Ms)',
						name: 'timeout',
						type: 'number',
						typeOptions: { minValue: 1000 },
						default: 30000,
						description: 'How long to wait for each Billoget answer before giving up',
					},
				],
			},
		],
};

	methods = {
		credentialTest: { billogetApiTest },
		listSearch: {
			searchApprovers,
			searchBudgets,
			searchCustomers,
			searchPendingApprovals,
			searchProducts,
			searchProductVariants,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
