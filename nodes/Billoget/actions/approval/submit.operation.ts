import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { approvalMatches } from '../../shared/filters';
import { findLostCreate } from '../../transport/recovery';
import { budgetLocator, optionsCollection } from '../common.descriptions';
import { readId, readString } from '../parameters';
import { APPROVALS_PATH, approvalOutput, simplifyOutputOption } from './fields';

const properties: INodeProperties[] = [
	budgetLocator('The budget to submit for internal approval: pick one, or give its Billoget budget ID (a number)'),
	{
		displayName: 'Request Notes',
		name: 'requestNotes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Notes for the approver, e.g. why a discount was given',
	},
	optionsCollection([simplifyOutputOption()]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['submit'] } },
	properties,
);

/**
 * After a lost answer: the pending approval of this budget with the same notes, created since just
 * before the attempt, read from the budget's approval history (a plain list in both readings).
 */
async function findSubmitted(
	client: BillogetClient,
	budgetId: number,
	requestNotes: string | undefined,
	startedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	return await findLostCreate(client, {
		kind: APPROVALS_PATH,
		startedAt,
		itemIndex,
		read: async () => await client.plainList({ path: `${APPROVALS_PATH}/history`, qs: { budgetId }, itemIndex }),
		matches: (approval) =>
			approvalMatches(approval, { budgetId, status: 'pending' }) &&
			String(approval.requestNotes ?? '') === (requestNotes ?? ''),
	});
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const budgetId = readId(this, 'budgetId', i, 'Budget');
	const requestNotes = readString(this, 'requestNotes', i, 'Request Notes');
	const startedAt = Date.now();
	const approval = await client.requestRecord({
		method: 'POST',
		path: `${APPROVALS_PATH}/submit`,
		body: { budgetId, ...(requestNotes !== undefined ? { requestNotes } : {}) },
		itemIndex: i,
		notFoundMessage: `No budget with ID ${budgetId} exists in Billoget`,
		findCreated: async () => await findSubmitted(client, budgetId, requestNotes, startedAt, i),
	});
	client.claimed.claim(APPROVALS_PATH, approval.id);
	return approvalOutput(this, i, [approval]);
}
