import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { readCollection, readString } from '../parameters';
import type { ItemOutcome } from '../types';
import { executeUpsert, readMatchOn, upsertOptions } from '../upsert';
import type { UpsertSpec } from '../upsert';
import { PRODUCT, REQUIRED_FOR_CREATE, optionalProductFields, productBody } from './fields';

const MATCH_KEYS = ['productCode', 'sku'];

const properties: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		default: 'productCode',
		options: [
			{ name: 'Product Code', value: 'productCode' },
			{ name: 'SKU', value: 'sku' },
		],
		description: 'Which field identifies an existing product (compared exactly, surrounding spaces ignored)',
	},
	{
		displayName: 'Value to Match',
		name: 'matchValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. HW-001',
		description:
			'The product code or SKU. A product with this value is updated; when none exists, one is created with it (Description, Category and Price are then required).',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// The matched field is set through Value to Match, so it is not offered here too.
		options: optionalProductFields([]).map((field) =>
			MATCH_KEYS.includes(field.name) ? { ...field, displayOptions: { hide: { '/matchOn': [field.name] } } } : field,
		),
		description: 'Fields to set. Only fields that differ from the existing product are sent.',
	},
	upsertOptions('products', 'SKU'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['upsert'] } },
	properties,
);

const spec: UpsertSpec = {
	path: PRODUCT.path,
	label: 'product',
	requiredForCreate: REQUIRED_FOR_CREATE,
	readItem(ctx, i) {
		const matchOn = readMatchOn(ctx, i, { productCode: 'Product Code', sku: 'SKU' });
		const matchValue = readString(ctx, 'matchValue', i, 'Value to Match', { required: true });
		const fields = productBody(ctx, { ...readCollection(ctx, 'fields', i), [matchOn]: matchValue }, i);
		return { matchOn, fields };
	},
};

/** Runs once for all input items (see ../upsert.ts). */
export async function executeBatch(this: IExecuteFunctions, client: BillogetClient): Promise<ItemOutcome[]> {
	return await executeUpsert(this, client, spec);
}
