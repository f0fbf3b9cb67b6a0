import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';
import { invalid, toId } from '../parameters';
import { APPROVALS_PATH } from './fields';

/**
 * The approval workflow's settings and approvers (documented only by Billoget's SDK):
 * GET / POST …/config, GET / POST / DELETE …/approvers[/{id}], GET …/can-approve?userId=.
 */
export const CONFIG_PATH = `${APPROVALS_PATH}/config`;
export const APPROVERS_PATH = `${APPROVALS_PATH}/approvers`;
export const CAN_APPROVE_PATH = `${APPROVALS_PATH}/can-approve`;

/** The settings POST /config requires, in the SDK's CreateApprovalConfigDto. */
export const REQUIRED_SETTINGS: Array<{ name: string; label: string }> = [
	{ name: 'requiresBudgetApproval', label: 'Requires Budget Approval' },
	{ name: 'ownerCanApprove', label: 'Owner Can Approve' },
	{ name: 'adminCanApprove', label: 'Admin Can Approve' },
];

/** Approvers carry the user and who assigned them; Simplify keeps these. */
export const SIMPLIFIED_APPROVER_FIELDS = ['id', 'userId', 'isActive', 'notes', 'assignedBy', 'createdAt', 'user'];

/** A user ID field (Billoget users have no list endpoint, so it is typed or mapped). */
export function userIdField(description: string, required: boolean): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. 2',
		description,
	};
}

export function readUserId(ctx: IExecuteFunctions, itemIndex: number, required: boolean): number | undefined {
	const raw = ctx.getNodeParameter('userId', itemIndex, '') as unknown;
	if (!required && (raw === undefined || raw === null || raw === '')) return undefined;
	return toId(ctx, raw, itemIndex, 'User ID');
}

export const approverLocator = (description: string): INodeProperties =>
	recordLocator({
		name: 'approverId',
		displayName: 'Approver',
		resourceLabel: 'approver',
		searchListMethod: 'searchApprovers',
		description,
	});

export function toBoolean(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label: string): boolean | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (raw === true || raw === 'true') return true;
	if (raw === false || raw === 'false') return false;
	throw invalid(ctx, itemIndex, `${label} must be true or false`, `Got ${JSON.stringify(raw)}.`);
}

/** Settings that differ between what was sent and what Billoget holds (for a lost answer). */
export function sameSettings(sent: IDataObject, held: IDataObject): boolean {
	return Object.entries(sent).every(([name, value]) => JSON.stringify(held[name] ?? null) === JSON.stringify(value ?? null));
}
