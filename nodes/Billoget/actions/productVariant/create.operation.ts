import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { holdsFields } from '../../shared/matching';
import { findLostCreate } from '../../transport/recovery';
import { readCollection, readId } from '../parameters';
import { wrap } from '../recordOperations';
import { VARIANT, optionalVariantFields, variantBody, variantProductLocator, variantsOfProductPath } from './fields';

const properties: INodeProperties[] = [
	variantProductLocator('The product the new variant belongs to: pick one, or give its Billoget product ID (a number)'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Talle L',
		description: 'Name of the variant, e.g. a size, color or presentation',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Unit price of this variant, tax excluded',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalVariantFields(['name', 'price']),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVariant'], operation: ['create'] } },
	properties,
);

/** Whether a listed variant is exactly the one sent (attributes compared as objects). */
function isSentVariant(record: IDataObject, body: IDataObject): boolean {
	const { attributes, ...fields } = body;
	if (!holdsFields(record, fields)) return false;
	return attributes === undefined || JSON.stringify(record.attributes ?? null) === JSON.stringify(attributes);
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const productId = readId(this, 'productId', i, 'Product');
	const fields = variantBody(
		this,
		i,
		{ ...readCollection(this, 'additionalFields', i), name: this.getNodeParameter('name', i, '') as unknown, price: this.getNodeParameter('price', i, '') as unknown } as IDataObject,
		true,
	);
	const body = { ...fields, productId };
	const startedAt = Date.now();
	const variant = await client.requestRecord({
		method: 'POST',
		path: VARIANT.path,
		body,
		itemIndex: i,
		notFoundMessage: `No product with ID ${productId} exists in Billoget`,
		// After a lost answer: the product's variant with every field sent, created since the attempt.
		findCreated: async () =>
			await findLostCreate(client, {
				kind: VARIANT.path,
				startedAt,
				itemIndex: i,
				list: { path: variantsOfProductPath(productId) },
				matches: (record) => isSentVariant(record, body),
			}),
	});
	client.claimed.claim(VARIANT.path, variant.id);
	return wrap(variant);
}
