import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetLocator, optionsCollection } from '../common.descriptions';
import { invalid, readCollection, readId, toDate, toNumber, toText } from '../parameters';
import { wrap } from '../recordOperations';
import { BUDGET, budgetOutput, simplifyOutputOption, toCurrency } from './fields';

const properties: INodeProperties[] = [
	budgetLocator('The budget to change: pick one, or give its Billoget budget ID (a number)'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields added here are sent (a partial update). Billoget documents budgets as read-only through the API in newer versions (changes are made in the Billoget app), so Billoget may refuse this call.',
		options: [
			{
				displayName: 'Comments',
				name: 'comments',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'New free text shown on the budget',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'e.g. USD',
				description: 'New three-letter ISO 4217 currency code; prices are not converted',
			},
			{
				displayName: 'Expiration Date',
				name: 'expirationDate',
				type: 'dateTime',
				default: '',
				description: 'New last day the budget is valid (ISO 8601, e.g. 2026-04-30); not before its issue date',
			},
			{
				displayName: 'Minimum Payment to Confirm',
				name: 'minimumPaymentToConfirm',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'New amount in the budget currency the customer must pay to confirm it; 0 for none',
			},
		],
	},
	optionsCollection([simplifyOutputOption()]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readId(this, 'budgetId', i, 'Budget');
	const fields = readCollection(this, 'updateFields', i);
	const body: IDataObject = {};
	if (fields.comments !== undefined) body.comments = toText(this, fields.comments, i, 'Comments', false) ?? '';
	const currency = toCurrency(this, fields.currency, i, false);
	if (currency !== undefined) body.currency = currency;
	const expirationDate = toDate(this, fields.expirationDate, i, 'Expiration Date');
	if (expirationDate !== undefined) body.expirationDate = expirationDate;
	const minimum = toNumber(this, fields.minimumPaymentToConfirm, i, 'Minimum Payment to Confirm', { min: 0 });
	if (minimum !== undefined) body.minimumPaymentToConfirm = minimum;
	if (Object.keys(body).length === 0) {
		throw invalid(this, i, 'No fields to update', 'Add at least one field under Update Fields.');
	}
	const budget = await client.requestRecord({
		method: 'PUT',
		path: `${BUDGET.path}/${id}`,
		body,
		itemIndex: i,
		notFoundMessage: `No budget with ID ${id} exists in Billoget`,
	});
	return wrap(budgetOutput(this, i, budget));
}
