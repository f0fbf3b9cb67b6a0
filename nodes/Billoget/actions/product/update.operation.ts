import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { productLocator } from '../common.descriptions';
import { invalid, readCollection, readId } from '../parameters';
import { wrap } from '../recordOperations';
import { PRODUCT, productBody, productFieldOptions } from './fields';

const properties: INodeProperties[] = [
	productLocator('The product to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readId(this, 'productId', i, 'Product');
	const body = productBody(this, readCollection(this, 'updateFields', i), i);
	if (Object.keys(body).length === 0) {
		throw invalid(this, i, 'No fields to update', 'Add at least one field under Update Fields.');
	}
	const product = await client.requestRecord({
		method: 'PUT',
		path: `${PRODUCT.path}/${id}`,
		body,
		itemIndex: i,
		notFoundMessage: `No product with ID ${id} exists in Billoget`,
	});
	return wrap(product);
}
