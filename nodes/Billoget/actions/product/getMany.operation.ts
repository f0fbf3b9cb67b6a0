import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { readCollection, toText } from '../parameters';
import { listRecords, maybeSimplify, wrap } from '../records';
import { PRODUCT, productFilterOptions, readProductFilter } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...productFilterOptions,
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to look for in description, SKU, product code or category',
			},
		],
	},
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = readCollection(this, 'filters', i);
	const search = toText(this, filters.search, i, 'Search', false);
	const { category, type, isActive } = readProductFilter(this, filters, i);
	const products = await listRecords(this, i, PRODUCT.path, {
		search,
		category,
		type,
		isActive: isActive === undefined ? undefined : String(isActive),
	});
	return wrap(maybeSimplify(this, i, products, PRODUCT.simplifiedFields));
}
