import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetLocator, simplifyOption } from '../common.descriptions';
import { readId } from '../parameters';
import { wrap } from '../recordOperations';
import { PUBLIC_BY_ID_PATH, budgetOutput } from './fields';

const properties: INodeProperties[] = [
	budgetLocator('The budget whose public view to retrieve (what the customer sees, with seller and business): pick one, or give its Billoget budget ID (a number)'),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getPublicView'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readId(this, 'budgetId', i, 'Budget');
	const budget = await client.requestRecord({
		method: 'GET',
		path: `${PUBLIC_BY_ID_PATH}/${id}`,
		itemIndex: i,
		notFoundMessage: `No public view of a budget with ID ${id} exists in Billoget`,
	});
	return wrap(budgetOutput(this, i, budget));
}
