import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { customerLocator } from '../common.descriptions';
import { deleteRecord } from '../recordOperations';
import { CUSTOMER } from './fields';

const properties: INodeProperties[] = [customerLocator('The customer to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await deleteRecord(this, client, i, CUSTOMER);
}
