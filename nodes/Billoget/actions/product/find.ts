import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normaliseKey } from '../../shared/matching';
import { billogetList } from '../../transport/pagination';
import { PRODUCT } from './fields';

/** Products whose product code or SKU equals `value` exactly (search also matches substrings). */
export async function findProductsByKey(
	ctx: IExecuteFunctions,
	key: 'productCode' | 'sku',
	value: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const wanted = normaliseKey(key, value);
	const { items } = await billogetList.call(ctx, {
		path: PRODUCT.path,
		qs: { search: value },
		returnAll: true,
		itemIndex,
	});
	return items.filter((record) => normaliseKey(key, record[key]) === wanted);
}
