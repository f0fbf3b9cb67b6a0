import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { productLocator } from '../common.descriptions';
import { deleteRecord } from '../recordOperations';
import { PRODUCT } from './fields';

const properties: INodeProperties[] = [productLocator('The product to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await deleteRecord(this, client, i, PRODUCT);
}
