import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { productLocator } from '../common.descriptions';
import { deleteRecord } from '../records';
import { PRODUCT } from './fields';

const properties: INodeProperties[] = [productLocator('The product to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await deleteRecord(this, i, PRODUCT);
}
