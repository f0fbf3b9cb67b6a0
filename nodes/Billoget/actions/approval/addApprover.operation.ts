import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { findLostCreate } from '../../transport/recovery';
import { readString } from '../parameters';
import { wrap } from '../recordOperations';
import { APPROVERS_PATH, readUserId, userIdField } from './workflow';

const properties: INodeProperties[] = [
	userIdField('The Billoget user who may approve budgets from now on (the user ID, a number)', true),
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Why this user approves budgets, e.g. Sales manager',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['addApprover'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const userId = readUserId(this, i, true) as number;
	const notes = readString(this, 'notes', i, 'Notes');
	const startedAt = Date.now();
	const approver = await client.requestRecord({
		method: 'POST',
		path: APPROVERS_PATH,
		body: { userId, ...(notes !== undefined ? { notes } : {}) },
		itemIndex: i,
		// After a lost answer: the user is an approver now, assigned since the attempt.
		findCreated: async () =>
			await findLostCreate(client, {
				kind: APPROVERS_PATH,
				startedAt,
				itemIndex: i,
				read: async () => await client.plainList({ path: APPROVERS_PATH, itemIndex: i }),
				matches: (record) => Number(record.userId) === userId && record.isActive !== false,
			}),
	});
	client.claimed.claim(APPROVERS_PATH, approver.id);
	return wrap(approver);
}
