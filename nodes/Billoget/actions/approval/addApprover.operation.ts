import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseListPage } from '../../shared/pagination';
import { claimCreated, findLostCreate } from '../../transport/recovery';
import { billogetApiRequest, billogetRequest } from '../../transport/request';
import { readString } from '../parameters';
import { wrap } from '../records';
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

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = readUserId(this, i, true) as number;
	const notes = readString(this, 'notes', i, 'Notes');
	const startedAt = Date.now();
	const approver = await billogetApiRequest.call(this, {
		method: 'POST',
		path: APPROVERS_PATH,
		body: { userId, ...(notes !== undefined ? { notes } : {}) },
		itemIndex: i,
		// After a lost answer: the user is an approver now, assigned since the attempt.
		findCreated: async () =>
			await findLostCreate(this, {
				kind: APPROVERS_PATH,
				startedAt,
				itemIndex: i,
				read: async () => {
					const response = await billogetRequest.call(this, { method: 'GET', path: APPROVERS_PATH, itemIndex: i });
					return parseListPage<IDataObject>(response.body, 1, Number.MAX_SAFE_INTEGER).items;
				},
				matches: (record) => Number(record.userId) === userId && record.isActive !== false,
			}),
	});
	claimCreated(this, APPROVERS_PATH, approver.id);
	return wrap(approver);
}
