import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billogetList } from '../../transport/pagination';
import { billogetApiRequest } from '../../transport/request';
import { readCollection, readId } from '../parameters';
import { wrap } from '../records';
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

const CLOCK_SKEW_MS = 5 * 60_000;

/** After a lost answer: a variant of this product with the same name and SKU, created since just before. */
async function findCreatedVariant(
	ctx: IExecuteFunctions,
	productId: number,
	body: IDataObject,
	startedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const { items } = await billogetList.call(ctx, { path: variantsOfProductPath(productId), returnAll: true, itemIndex });
	return items.find((variant) => {
		if (String(variant.name ?? '') !== body.name) return false;
		if (body.sku !== undefined && String(variant.sku ?? '') !== body.sku) return false;
		const created = Date.parse(String(variant.createdAt ?? ''));
		return Number.isNaN(created) || created >= startedAt - CLOCK_SKEW_MS;
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const productId = readId(this, 'productId', i, 'Product');
	const fields = variantBody(
		this,
		i,
		{ ...readCollection(this, 'additionalFields', i), name: this.getNodeParameter('name', i, '') as unknown, price: this.getNodeParameter('price', i, '') as unknown } as IDataObject,
		true,
	);
	const body = { ...fields, productId };
	const startedAt = Date.now();
	const variant = await billogetApiRequest.call(this, {
		method: 'POST',
		path: VARIANT.path,
		body,
		itemIndex: i,
		notFoundMessage: `No product with ID ${productId} exists in Billoget`,
		findCreated: async () => await findCreatedVariant(this, productId, body, startedAt, i),
	});
	return wrap(variant);
}
