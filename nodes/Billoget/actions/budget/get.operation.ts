import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetLocator, simplifyOption } from '../common.descriptions';
import { getRecord, wrap } from '../recordOperations';
import { BUDGET, budgetOutput } from './fields';

const properties: INodeProperties[] = [
	budgetLocator('The budget to retrieve: pick one, or give its Billoget budget ID (a number)'),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return wrap(budgetOutput(this, i, await getRecord(this, client, i, BUDGET)));
}
