import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { decide, decisionProperties } from './customerDecision';

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['reject'] } },
	decisionProperties('reject'),
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await decide(this, client, i, 'reject');
}
