import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { invalid, readId, readLimit } from '../parameters';
import { maybeSimplify, wrap } from '../recordOperations';
import { VARIANT, variantProductLocator, variantsOfProductPath } from './fields';

const properties: INodeProperties[] = [
	variantProductLocator('The product whose variants to list: pick one, or give its Billoget product ID (a number)'),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the variants that are active',
	},
	...returnAllAndLimit(),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVariant'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const productId = readId(this, 'productId', i, 'Product');
	const activeOnly = this.getNodeParameter('activeOnly', i, false) as unknown;
	if (typeof activeOnly !== 'boolean') {
		throw invalid(this, i, 'Active Only must be true or false', `Got ${JSON.stringify(activeOnly)}.`);
	}
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, i);
	const { items } = await client.list({
		path: variantsOfProductPath(productId),
		qs: activeOnly ? { isActive: 'true' } : {},
		returnAll,
		limit,
		itemIndex: i,
		// Checked here too, so that an API that ignores isActive still gives active variants only.
		keep: activeOnly ? (variant) => variant.isActive !== false : undefined,
	});
	return wrap(maybeSimplify(this, i, items, VARIANT.simplifiedFields));
}
