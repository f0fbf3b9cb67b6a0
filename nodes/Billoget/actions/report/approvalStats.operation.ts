import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { summariseApprovals } from '../../shared/reports';
import { APPROVALS_PATH } from '../approval/fields';
import {
	dateRangeProperties,
	outputProperties,
	readDayRange,
	readReportShape,
	reportItems,
	reportOptions,
	requestCounter,
} from './parametersAndOutput';
import type { BreakdownSpec } from './parametersAndOutput';

export const BREAKDOWNS: BreakdownSpec[] = [
	{
		name: 'By Status',
		value: 'status',
		description:
			'Per status: the all-time count from Billoget, and for approved and rejected the decisions in the range and their median time',
		columns: ['status', 'count', 'decidedInRange', 'medianHoursToDecision'],
	},
	{
		name: 'Decisions',
		value: 'decisions',
		description: 'One row per approval decided in the range, with its time from submission to decision',
		columns: ['approvalId', 'budgetId', 'status', 'submittedAt', 'decidedAt', 'hoursToDecision'],
	},
];

const properties: INodeProperties[] = [
	...dateRangeProperties('decisions (approvals or rejections)'),
	...outputProperties('statistics', BREAKDOWNS),
	reportOptions('billoget-approval-stats-<from>-<to>-<breakdown>.csv'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['approvalStats'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const range = readDayRange(this, i);
	const shape = readReportShape(this, i, BREAKDOWNS);
	const requestsUsed = requestCounter(client);
	const stats = await client.requestRecord({ method: 'GET', path: `${APPROVALS_PATH}/stats`, itemIndex: i });
	const history = await client.list({
		path: `${APPROVALS_PATH}/history`,
		returnAll: true,
		itemIndex: i,
	});
	const summary = summariseApprovals(stats, history.items, range);

	return await reportItems(this, i, shape, {
		fileStem: `billoget-approval-stats-${range.fromDay}-${range.toDay}`,
		summary: {
			report: 'approvalStats',
			generatedAt: new Date().toISOString(),
			from: summary.from,
			to: summary.to,
			stats: { ...summary.stats },
			decisionsInRange: summary.decisionsInRange,
			approvedInRange: summary.approvedInRange,
			rejectedInRange: summary.rejectedInRange,
			approvalRateInRange: summary.approvalRateInRange,
			medianHoursToDecision: summary.medianHoursToDecision,
			medianSecondsToDecision: summary.medianSecondsToDecision,
			averageHoursToDecision: summary.averageHoursToDecision,
			medianHoursToApproval: summary.medianHoursToApproval,
			medianHoursToRejection: summary.medianHoursToRejection,
			byStatus: summary.byStatus as unknown as IDataObject[],
			decisions: summary.decisions as unknown as IDataObject[],
			warnings: summary.warnings,
		},
		breakdowns: {
			status: summary.byStatus as unknown as IDataObject[],
			decisions: summary.decisions as unknown as IDataObject[],
		},
		recordsRead: history.items.length,
		requestsUsed: requestsUsed(),
	});
}
