import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { filtersCollection, returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { optionalId, readCollection } from '../parameters';
import { APPROVALS_PATH } from './fields';
import { listApprovals } from './list';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1',
			description: 'Only approvals this Billoget user can decide (the user ID, a number)',
		},
	]),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getPending'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const userId = optionalId(this, readCollection(this, 'filters', i).userId, i, 'User ID');
	return await listApprovals(this, client, i, `${APPROVALS_PATH}/pending`, { userId }, { status: 'pending' });
}
