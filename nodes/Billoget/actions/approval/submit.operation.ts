import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { approvalMatches } from '../../shared/filters';
import { parseListPage } from '../../shared/pagination';
import { claimCreated, findLostCreate } from '../../transport/recovery';
import { billogetApiRequest, billogetRequest } from '../../transport/request';
import { budgetLocator } from '../common.descriptions';
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [simplifyOutputOption()],
	},
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
	ctx: IExecuteFunctions,
	budgetId: number,
	requestNotes: string | undefined,
	startedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	return await findLostCreate(ctx, {
		kind: APPROVALS_PATH,
		startedAt,
		itemIndex,
		read: async () => {
			const response = await billogetRequest.call(ctx, {
				method: 'GET',
				path: `${APPROVALS_PATH}/history`,
				qs: { budgetId },
				itemIndex,
			});
			return parseListPage<IDataObject>(response.body, 1, Number.MAX_SAFE_INTEGER).items;
		},
		matches: (approval) =>
			approvalMatches(approval, { budgetId, status: 'pending' }) &&
			String(approval.requestNotes ?? '') === (requestNotes ?? ''),
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const budgetId = readId(this, 'budgetId', i, 'Budget');
	const requestNotes = readString(this, 'requestNotes', i, 'Request Notes');
	const startedAt = Date.now();
	const approval = await billogetApiRequest.call(this, {
		method: 'POST',
		path: `${APPROVALS_PATH}/submit`,
		body: { budgetId, ...(requestNotes !== undefined ? { requestNotes } : {}) },
		itemIndex: i,
		notFoundMessage: `No budget with ID ${budgetId} exists in Billoget`,
		findCreated: async () => await findSubmitted(this, budgetId, requestNotes, startedAt, i),
	});
	claimCreated(this, APPROVALS_PATH, approval.id);
	return approvalOutput(this, i, [approval]);
}
