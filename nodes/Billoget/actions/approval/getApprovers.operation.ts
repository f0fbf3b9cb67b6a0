import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { readLimit } from '../parameters';
import { maybeSimplify, wrap } from '../recordOperations';
import { APPROVERS_PATH, SIMPLIFIED_APPROVER_FIELDS } from './workflow';

const properties: INodeProperties[] = [...returnAllAndLimit(), simplifyOption()];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getApprovers'] } },
	properties,
);

/** Billoget answers the approvers as one plain list; Return All / Limit are applied to it. */
export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : readLimit(this, i);
	const items = await client.plainList({ path: APPROVERS_PATH, itemIndex: i });
	return wrap(maybeSimplify(this, i, items.slice(0, limit), SIMPLIFIED_APPROVER_FIELDS));
}
