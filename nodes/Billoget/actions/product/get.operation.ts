import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { productLocator, simplifyOption } from '../common.descriptions';
import { getRecord, maybeSimplify, wrap } from '../recordOperations';
import { PRODUCT } from './fields';

const properties: INodeProperties[] = [productLocator('The product to retrieve'), simplifyOption()];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const product = await getRecord(this, client, i, PRODUCT);
	return wrap(maybeSimplify(this, i, [product], PRODUCT.simplifiedFields));
}
