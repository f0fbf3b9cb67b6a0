import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { decide, decisionProperties } from './decide';

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['confirm'] } },
	decisionProperties('confirm'),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await decide(this, i, 'confirm');
}
