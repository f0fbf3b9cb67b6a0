import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { filtersCollection, returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { readCollection, toText } from '../parameters';
import { listRecords, maybeSimplify, wrap } from '../recordOperations';
import { hasProductFilter, productMatches } from '../../shared/filters';
import { PRODUCT, productFilterOptions, readProductFilter } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		...productFilterOptions,
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description:
				'Text to look for in description, SKU or category (and product code, where your Billoget searches it)',
		},
	]),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const filters = readCollection(this, 'filters', i);
	const search = toText(this, filters.search, i, 'Search', false);
	const filter = readProductFilter(this, filters, i);
	const { category, type, isActive } = filter;
	// Sent to narrow the pages and checked again on each product (an API may ignore a filter).
	const products = await listRecords(
		this,
		client,
		i,
		PRODUCT.path,
		{ search, category, type, isActive: isActive === undefined ? undefined : String(isActive) },
		hasProductFilter(filter) ? (record) => productMatches(record, filter) : undefined,
	);
	return wrap(maybeSimplify(this, i, products, PRODUCT.simplifiedFields));
}
