import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { invalid, readCollection } from '../parameters';
import { wrap } from '../recordOperations';
import { VARIANT, readVariantId, variantBody, variantFieldOptions, variantPickers } from './fields';

const properties: INodeProperties[] = [
	...variantPickers('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: variantFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVariant'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readVariantId(this, i);
	const body = variantBody(this, i, readCollection(this, 'updateFields', i), false);
	if (Object.keys(body).length === 0) {
		throw invalid(this, i, 'No fields to update', 'Add at least one field under Update Fields.');
	}
	const variant = await client.requestRecord({
		method: 'PUT',
		path: `${VARIANT.path}/${id}`,
		body,
		itemIndex: i,
		notFoundMessage: `No variant with ID ${id} exists in Billoget`,
	});
	return wrap(variant);
}
