import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { wrap } from '../recordOperations';
import { CONFIG_PATH } from './workflow';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns the approval settings of the business: whether budgets need approval, who may approve, and the amount above which approval is needed',
		name: 'configNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getConfig'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return wrap(
		await client.requestRecord({
			method: 'GET',
			path: CONFIG_PATH,
			itemIndex: i,
			notFoundMessage: 'The business has no approval configuration yet in Billoget (use Update Configuration to create it)',
		}),
	);
}
