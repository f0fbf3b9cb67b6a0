import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { simplifyOption } from '../common.descriptions';
import { getRecord, maybeSimplify, wrap } from '../recordOperations';
import { VARIANT, variantPickers } from './fields';

const properties: INodeProperties[] = [...variantPickers('retrieve'), simplifyOption()];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVariant'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const variant = await getRecord(this, client, i, VARIANT);
	return wrap(maybeSimplify(this, i, [variant], VARIANT.simplifiedFields));
}
