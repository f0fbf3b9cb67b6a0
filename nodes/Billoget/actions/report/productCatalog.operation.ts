import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { productMatches } from '../../shared/filters';
import { summariseCatalog } from '../../shared/reports';
import { filtersCollection } from '../common.descriptions';
import { readCollection } from '../parameters';
import { PRODUCT, productFilterOptions, readProductFilter } from '../product/fields';
import { outputProperties, readReportShape, reportItems, reportOptions, requestCounter } from './parametersAndOutput';
import type { BreakdownSpec } from './parametersAndOutput';


export const BREAKDOWNS: BreakdownSpec[] = [
	{
		name: 'By Category',
		value: 'category',
		description: 'Counts, active vs inactive, price min/median/max and products without stock per category',
		columns: [
			'category',
			'count',
			'active',
			'inactive',
			'products',
			'services',
			'priceMin',
			'priceMedian',
			'priceMax',
			'withoutStock',
		],
	},
	{
		name: 'By Type',
		value: 'type',
		description: 'Counts and active vs inactive per type (product, service)',
		columns: ['type', 'count', 'active', 'inactive'],
	},
	{
		name: 'Products Without Stock',
		value: 'withoutStock',
		description: 'Active physical products whose stock is 0 or less (services have no stock)',
		columns: ['productId', 'productCode', 'description', 'category', 'stock'],
	},
];

const properties: INodeProperties[] = [
	filtersCollection(productFilterOptions),
	...outputProperties('catalogue', BREAKDOWNS),
	reportOptions('billoget-product-catalog-<breakdown>.csv'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['productCatalog'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const { category, type, isActive } = readProductFilter(this, readCollection(this, 'filters', i), i);
	const shape = readReportShape(this, i, BREAKDOWNS);

	const requestsUsed = requestCounter(client);
	const listed = await client.list({
		path: PRODUCT.path,
		qs: { category, type, isActive: isActive === undefined ? undefined : String(isActive) },
		returnAll: true,
		itemIndex: i,
	});
	// The API's filters narrow the pages; the same filters again here keep the report exact.
	const products = listed.items.filter((product) => productMatches(product, { category, type, isActive }));
	const summary = summariseCatalog(products);
	const applied: IDataObject = {};
	if (category !== undefined) applied.category = category;
	if (type !== undefined) applied.type = type;
	if (isActive !== undefined) applied.isActive = isActive;

	return await reportItems(this, i, shape, {
		fileStem: 'billoget-product-catalog',
		summary: {
			report: 'productCatalog',
			generatedAt: new Date().toISOString(),
			filters: applied,
			productCount: summary.productCount,
			active: summary.active,
			inactive: summary.inactive,
			categoryCount: summary.categoryCount,
			byCategory: summary.byCategory as unknown as IDataObject[],
			byType: summary.byType as unknown as IDataObject[],
			withoutStockCount: summary.withoutStockCount,
			withoutStock: summary.withoutStock as unknown as IDataObject[],
			warnings: summary.warnings,
		},
		breakdowns: {
			category: summary.byCategory as unknown as IDataObject[],
			type: summary.byType as unknown as IDataObject[],
			withoutStock: summary.withoutStock as unknown as IDataObject[],
		},
		recordsRead: listed.items.length,
		requestsUsed: requestsUsed(),
	});
}
