import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { wrap } from '../recordOperations';
import { APPROVALS_PATH } from './fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns one item with the number of approval requests per status: pending, approved, rejected, cancelled and total',
		name: 'statsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getStats'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return wrap(await client.requestRecord({ method: 'GET', path: `${APPROVALS_PATH}/stats`, itemIndex: i }));
}
