import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { simplifyOption } from '../common.descriptions';
import { wrap } from '../recordOperations';
import { PUBLIC_VIEW_PATH, budgetOutput, readToken, tokenField } from './fields';

const properties: INodeProperties[] = [
	tokenField('The public token of the budget to retrieve (the view a customer sees, without internal IDs)'),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getByToken'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const token = readToken(this, i);
	const budget = await client.requestRecord({
		method: 'GET',
		path: `${PUBLIC_VIEW_PATH}/${token}`,
		itemIndex: i,
		notFoundMessage: `No budget with public token "${token}" exists in Billoget`,
	});
	return wrap(budgetOutput(this, i, budget));
}
