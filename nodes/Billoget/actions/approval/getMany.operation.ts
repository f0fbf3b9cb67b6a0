import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { approvalMatches } from '../../shared/filters';
import { budgetLocator, filtersCollection, returnAllAndLimit, simplifyOption } from '../common.descriptions';
import { invalid, optionalId, readCollection } from '../parameters';
import { listRecords } from '../recordOperations';
import { locatorValue } from '../../shared/locator';
import { APPROVALS_PATH, approvalOutput } from './fields';

const STATUSES = ['pending', 'approved', 'rejected', 'cancelled'];

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		budgetLocator('Only approval requests of this budget: pick one, or give its Billoget budget ID (a number)', { required: false }),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'pending',
			options: [
				{ name: 'Approved', value: 'approved' },
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Pending', value: 'pending' },
				{ name: 'Rejected', value: 'rejected' },
			],
			description: 'Only approval requests in this status',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1',
			description: 'Only approval requests of this Billoget user (the user ID, a number)',
		},
	]),
	simplifyOption(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const filters = readCollection(this, 'filters', i);
	const budgetId = optionalId(this, locatorValue(filters.budgetId), i, 'Budget');
	const userId = optionalId(this, filters.userId, i, 'User ID');
	let status: string | undefined;
	if (filters.status !== undefined && filters.status !== '') {
		status = String(filters.status).toLowerCase();
		if (typeof filters.status !== 'string' || !STATUSES.includes(status)) {
			throw invalid(this, i, `Status "${String(filters.status)}" is not an approval status`, `Use one of ${STATUSES.join(', ')}.`);
		}
	}
	// Status and budget are checked on each approval too (Limit counts matching ones). Which approvals
	// userId selects (requested, decided or assignable) is not stated, so that one is left to Billoget.
	const filtered = status !== undefined || budgetId !== undefined;
	const approvals = await listRecords(
		this,
		client,
		i,
		APPROVALS_PATH,
		{ status, budgetId, userId },
		filtered ? (approval) => approvalMatches(approval, { status, budgetId }) : undefined,
	);
	return approvalOutput(this, i, approvals);
}
