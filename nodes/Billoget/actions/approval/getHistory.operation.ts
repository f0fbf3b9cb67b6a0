import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { budgetLocator, filtersCollection, returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { optionalId, readCollection } from '../parameters';
import { locatorValue } from '../../shared/locator';
import { APPROVALS_PATH } from './fields';
import { listApprovals } from './list';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		budgetLocator('Only the approval history of this budget: pick one, or give its Billoget budget ID (a number)', { required: false }),
	]),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getHistory'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const budgetId = optionalId(this, locatorValue(readCollection(this, 'filters', i).budgetId), i, 'Budget');
	return await listApprovals(this, client, i, `${APPROVALS_PATH}/history`, { budgetId }, { budgetId });
}
