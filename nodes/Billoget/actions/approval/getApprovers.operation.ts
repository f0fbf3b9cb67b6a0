import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseListPage } from '../../shared/pagination';
import { billogetRequest } from '../../transport/request';
import { returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { readLimit } from '../parameters';
import { maybeSimplify, wrap } from '../records';
import { APPROVERS_PATH, SIMPLIFIED_APPROVER_FIELDS } from './workflow';

const properties: INodeProperties[] = [...returnAllAndLimit(), simplifyOption()];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getApprovers'] } },
	properties,
);

/** Billoget answers the approvers as one plain list; Return All / Limit are applied to it. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : readLimit(this, i);
	const response = await billogetRequest.call(this, { method: 'GET', path: APPROVERS_PATH, itemIndex: i });
	const { items } = parseListPage<IDataObject>(response.body, 1, Number.MAX_SAFE_INTEGER);
	return wrap(maybeSimplify(this, i, items.slice(0, limit), SIMPLIFIED_APPROVER_FIELDS));
}
