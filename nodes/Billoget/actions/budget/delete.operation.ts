import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetLocator } from '../common.descriptions';
import { deleteRecord } from '../recordOperations';
import { BUDGET, READ_ONLY_NOTE } from './fields';

const properties: INodeProperties[] = [
	budgetLocator(`The budget to delete: pick one, or give its Billoget budget ID (a number). ${READ_ONLY_NOTE}`),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await deleteRecord(this, client, i, BUDGET);
}
