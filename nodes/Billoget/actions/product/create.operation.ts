import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { holdsFields } from '../../shared/matching';
import { findLostCreate } from '../../transport/recovery';
import { readCollection, readString, toNumber } from '../parameters';
import { wrap } from '../recordOperations';
import { readNewProductVariants, variantsProperties } from './variantsOnCreate';
import { PRODUCT, productBody, optionalProductFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		required: true,
		default: '',
		description: 'Your code for the product (unique per business), e.g. HW-001',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		description: 'Product name or description shown on budgets',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		required: true,
		default: '',
		description: 'Category name, e.g. Hardware',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Unit price, tax excluded',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalProductFields(['productCode', 'description', 'category', 'price']),
	},
	...variantsProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const body = productBody(
		this,
		{
			...readCollection(this, 'additionalFields', i),
			productCode: readString(this, 'productCode', i, 'Product Code', { required: true }),
			description: readString(this, 'description', i, 'Description', { required: true }),
			category: readString(this, 'category', i, 'Category', { required: true }),
			price: toNumber(this, this.getNodeParameter('price', i) as unknown, i, 'Price', { required: true, min: 0 }),
		},
		i,
	);
	const variants = readNewProductVariants(this, i);
	const startedAt = Date.now();
	const product = await client.requestRecord({
		method: 'POST',
		// With variants, product and variants are created in one call (SDK: createWithVariants).
		path: variants.length > 0 ? `${PRODUCT.path}/with-variants` : PRODUCT.path,
		body: variants.length > 0 ? { ...body, variants } : body,
		itemIndex: i,
		// A product with every field sent, created since the attempt: found by SKU search where there is a
		// SKU (every Billoget version searches it), in the full list otherwise (not all search product codes).
		findCreated: async () =>
			await findLostCreate(client, {
				kind: PRODUCT.path,
				startedAt,
				itemIndex: i,
				list: { path: PRODUCT.path, qs: typeof body.sku === 'string' ? { search: body.sku } : undefined },
				matches: (record) => holdsFields(record, body),
			}),
	});
	client.claimed.claim(PRODUCT.path, product.id);
	return wrap(product);
}
