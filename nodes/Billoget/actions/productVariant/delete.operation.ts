import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { deleteRecord } from '../recordOperations';
import { VARIANT, variantPickers } from './fields';

const properties: INodeProperties[] = variantPickers('delete');

export const description = updateDisplayOptions(
	{ show: { resource: ['productVariant'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await deleteRecord(this, client, i, VARIANT);
}
