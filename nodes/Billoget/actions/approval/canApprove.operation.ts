import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { wrap } from '../recordOperations';
import { CAN_APPROVE_PATH, readUserId, userIdField } from './workflow';

const properties: INodeProperties[] = [
	userIdField('The Billoget user to check (the user ID, a number); leave empty for the user of the API key', false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['canApprove'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const userId = readUserId(this, i, false);
	const answer = await client.requestRecord({
		method: 'GET',
		path: CAN_APPROVE_PATH,
		qs: { userId },
		itemIndex: i,
	});
	if (typeof answer.canApprove !== 'boolean') {
		throw new NodeOperationError(this.getNode(), 'Billoget answered the approval check without a canApprove value', {
			itemIndex: i,
			description: 'The answer was not read as yes or no; check the Base URL of the credential and try again.',
		});
	}
	// The user is named in the output, so that items checked for several users can be told apart.
	return wrap({ userId: userId ?? null, canApprove: answer.canApprove });
}
