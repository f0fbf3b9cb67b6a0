import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normaliseBudget } from '../../shared/budget';
import { lineBody } from '../../shared/budgetLines';
import type { BillogetClient } from '../../transport/client';
import { customerLocator, productLocator } from '../common.descriptions';
import { invalid, readCollection, readId, toDate, toId, toNumber, toText } from '../parameters';
import { wrap } from '../recordOperations';
import { BUDGET, CREATE_PATH, budgetOutput, simplifyOutputOption, toCurrency } from './fields';
import { readLines, unitPrices } from './lines';
import { findCreatedBudget } from './lostCreate';
import { readOverrides, totalsFor } from './totals';

const properties: INodeProperties[] = [
	customerLocator('The customer the budget is for: pick one, or give the Billoget customer ID (a number, not a name)'),
	{
		displayName: 'Seller ID',
		name: 'sellerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1',
		description: 'ID of the Billoget user who sells this budget (a positive whole number, not a name)',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'ARS',
		placeholder: 'e.g. ARS',
		description: 'Three-letter ISO 4217 code of the currency of all prices and totals, e.g. ARS, USD or EUR',
	},
	{
		displayName: 'Issue Date',
		name: 'issueDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the budget is issued, as an ISO 8601 date such as 2026-03-01 or 2026-03-01T10:00:00Z',
	},
	{
		displayName: 'Expiration Date',
		name: 'expirationDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day the budget is valid (ISO 8601, e.g. 2026-03-31); must not be before the Issue Date',
	},
	{
		displayName: 'Minimum Payment to Confirm',
		name: 'minimumPaymentToConfirm',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Amount in the budget currency (e.g. 1500.50) the customer must pay to confirm the budget; 0 for none',
	},
	{
		displayName: 'Line Items Input',
		name: 'itemsMode',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{
				name: 'Define Below',
				value: 'fields',
				description: 'Add each line with its product or package, quantity and unit price',
			},
			{
				name: 'Items (JSON)',
				value: 'json',
				description: 'Map an array of lines from a previous node (a form, a Code node, a spreadsheet)',
			},
		],
		description: 'How the budget lines are given',
	},
	{
		displayName: 'Line Items',
		name: 'items',
		type: 'fixedCollection',
		placeholder: 'Add Line Item',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { itemsMode: ['fields'] } },
		description: 'The budget lines; at least one',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Item Type',
						name: 'itemType',
						type: 'options',
						default: 'product',
						options: [
							{ name: 'Package', value: 'package', description: 'A named bundle of products (by package ID)' },
							{ name: 'Product', value: 'product', description: 'A product or service from the catalogue' },
						],
						description: 'Whether the line is a product or a package',
					},
					{
						...productLocator('The product on this line: pick one, or give its Billoget product ID (a number)'),
						// Checked when the node runs, so that an Item Type given as an expression still works.
						required: false,
						displayOptions: { show: { itemType: ['product'] } },
					},
					{
						displayName: 'Package ID',
						name: 'packageId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 3',
						displayOptions: { show: { itemType: ['package'] } },
						description: 'ID of the Billoget package on this line (a positive whole number)',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 1,
						description: 'How many units; greater than 0, decimals allowed (e.g. 1.5 hours)',
					},
					{
						displayName: 'Unit Price',
						name: 'unitPrice',
						type: 'string',
						default: '',
						placeholder: 'Product price',
						description:
							"Price of one unit in the budget currency, without IVA (e.g. 1500.50). Leave empty to use the product's current price from Billoget; required for packages.",
					},
				],
			},
		],
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[\n  {\n    "productId": 1,\n    "quantity": 1\n  }\n]',
		displayOptions: { show: { itemsMode: ['json'] } },
		description:
			'An array of lines, each {"productId": 12, "quantity": 3, "unitPrice": 10.5} or {"packageId": 3, "quantity": 1, "unitPrice": 99}. unitPrice is the price of one unit without IVA; leave it out to use the product\'s price. Map an array from a previous node with an expression.',
	},
	{
		displayName: 'Tax Rate (%)',
		name: 'taxRate',
		type: 'number',
		default: 21,
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		description:
			'IVA rate in percent applied to the subtotal (21 means 21%; use 10.5, 27 or 0 where they apply). Subtotal, IVA and total are computed from the lines in exact cents, rounded half-up.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Business ID',
				name: 'businessId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1',
				description: "ID of the Billoget business the budget belongs to; leave empty for the API key's business",
			},
			{
				displayName: 'Comments',
				name: 'comments',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Free text shown on the budget, e.g. delivery terms',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'IVA Override',
				name: 'ivaOverride',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Send this IVA amount (in the budget currency) instead of the one computed from Tax Rate; the total is then subtotal + this amount unless Total Override is set',
			},
			simplifyOutputOption(),
			{
				displayName: 'Subtotal Override',
				name: 'subtotalOverride',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Send this subtotal (before IVA, in the budget currency) instead of the sum of the lines; IVA and total are computed from it unless overridden too',
			},
			{
				displayName: 'Total Override',
				name: 'totalOverride',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Send this total (IVA included, in the budget currency) instead of subtotal + IVA',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	// Everything is read and checked before the first request.
	const customerId = readId(this, 'customerId', i, 'Customer');
	const sellerId = toId(this, this.getNodeParameter('sellerId', i, '') as unknown, i, 'Seller ID');
	const currency = toCurrency(this, this.getNodeParameter('currency', i, '') as unknown, i, true) as string;
	const issueDate = toDate(this, this.getNodeParameter('issueDate', i, '') as unknown, i, 'Issue Date', true) as string;
	const expirationDate = toDate(
		this,
		this.getNodeParameter('expirationDate', i, '') as unknown,
		i,
		'Expiration Date',
		true,
	) as string;
	if (Date.parse(expirationDate) < Date.parse(issueDate)) {
		throw invalid(
			this,
			i,
			`Expiration Date (${expirationDate.slice(0, 10)}) is before Issue Date (${issueDate.slice(0, 10)})`,
			'Set an Expiration Date on or after the Issue Date.',
		);
	}
	const minimumPaymentToConfirm = toNumber(
		this,
		this.getNodeParameter('minimumPaymentToConfirm', i, 0) as unknown,
		i,
		'Minimum Payment to Confirm',
		{ required: true, min: 0 },
	) as number;
	const taxRate = toNumber(this, this.getNodeParameter('taxRate', i, 21) as unknown, i, 'Tax Rate (%)', {
		required: true,
		min: 0,
		max: 100,
	}) as number;
	const additional = readCollection(this, 'additionalFields', i);
	const comments = toText(this, additional.comments, i, 'Comments', false);
	const businessId =
		additional.businessId === undefined || additional.businessId === ''
			? undefined
			: toId(this, additional.businessId, i, 'Business ID');
	const overrides = readOverrides(this, i);
	const lines = readLines(this, i);

	const prices = await unitPrices(this, client, i, lines);
	const totals = totalsFor(
		lines.map((line, index) => ({ quantity: line.quantity, unitPrice: prices[index] })),
		taxRate,
		overrides,
	);
	const body: IDataObject = {
		currency,
		issueDate,
		expirationDate,
		customerId,
		sellerId,
		...(businessId !== undefined ? { businessId } : {}),
		minimumPaymentToConfirm,
		subtotal: totals.subtotal,
		iva: totals.iva,
		total: totals.total,
		...(comments !== undefined ? { comments } : {}),
		items: lines.map((line, index) => lineBody(line, prices[index])),
	};

	const startedAt = Date.now();
	const created = await client.requestRecord({
		method: 'POST',
		path: CREATE_PATH,
		body,
		itemIndex: i,
		findCreated: async () => await findCreatedBudget(client, body, startedAt, i),
	});
	const rawId = created.budgetId ?? created.id;
	if (rawId === undefined || rawId === null || !/^\d+$/.test(String(rawId))) {
		throw new NodeOperationError(this.getNode(), 'Billoget accepted the budget but did not say its ID', {
			itemIndex: i,
			description: `Billoget answered: ${JSON.stringify(created).slice(0, 300)}. Look the budget up in Billoget before running this item again, to avoid a duplicate.`,
		});
	}
	const budgetId = Number(rawId);
	client.claimed.claim(BUDGET.path, budgetId);
	const publicUrl = typeof created.publicUrl === 'string' ? created.publicUrl : null;

	let budget: IDataObject;
	try {
		budget = await client.requestRecord({
			method: 'GET',
			path: `${BUDGET.path}/${budgetId}`,
			itemIndex: i,
			notFoundMessage: `Billoget created budget ${budgetId} but could not find it when reading it back`,
		});
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		// The budget exists: failing the item now would invite a re-run and a duplicate.
		budget = {
			id: budgetId,
			...body,
			state: 0,
			readBackError: `${error.message}${error.description ? ` (${error.description})` : ''}`,
		};
	}
	const output: IDataObject = {
		...normaliseBudget(budget),
		publicUrl: publicUrl ?? budget.publicUrl ?? null,
		publicToken: created.publicToken ?? budget.publicToken ?? null,
	};
	return wrap(budgetOutput(this, i, output, ['publicUrl', 'readBackError']));
}
