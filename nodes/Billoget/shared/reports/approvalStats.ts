/**
 * The approval statistics: Billoget's all-time counts plus, from the approval history, how long the
 * decisions made in a range took. Approval rate = approved / (approved + rejected); null when nothing
 * was decided.
 */

import { parseInstant, utcDay } from '../dates';
import { approvalRate, average, divideRoundHalfUp, hours, median, numberOf } from './numbers';
import { compareText, describeId, idOf, isRepeat } from './recordReaders';
import type { JsonRecord } from './recordReaders';

export interface ApprovalCounts {
	pending: number | null;
	approved: number | null;
	rejected: number | null;
	cancelled: number | null;
	total: number | null;
}

export interface DecisionRow {
	approvalId: number | string | null;
	budgetId: number | string | null;
	status: 'approved' | 'rejected';
	submittedAt: string;
	decidedAt: string;
	hoursToDecision: number;
}

export interface ApprovalStatusRow {
	status: 'pending' | 'approved' | 'rejected' | 'cancelled';
	/** From the stats endpoint (all time). */
	count: number | null;
	/** Decisions with this status made in the range (approved and rejected only). */
	decidedInRange: number | null;
	medianHoursToDecision: number | null;
}

export interface ApprovalSummary {
	from: string;
	to: string;
	/** The stats endpoint's counts (all time, as Billoget reports them). */
	stats: ApprovalCounts;
	/** Decisions (approved or rejected) whose decision day is in the range. */
	decisionsInRange: number;
	approvedInRange: number;
	rejectedInRange: number;
	approvalRateInRange: number | null;
	medianHoursToDecision: number | null;
	medianSecondsToDecision: number | null;
	averageHoursToDecision: number | null;
	medianHoursToApproval: number | null;
	medianHoursToRejection: number | null;
	byStatus: ApprovalStatusRow[];
	decisions: DecisionRow[];
	warnings: string[];
}

/** The stats endpoint's answer as numbers (missing or odd fields become null). */
export function approvalCounts(stats: JsonRecord): ApprovalCounts {
	const read = (key: string): number | null => numberOf(stats[key]) ?? null;
	return {
		pending: read('pending'),
		approved: read('approved'),
		rejected: read('rejected'),
		cancelled: read('cancelled'),
		total: read('total'),
	};
}

/**
 * Approval figures: the stats endpoint's counts plus, from the approval history, the time from
 * submission (`createdAt`) to decision (`approvedAt` / `rejectedAt`, else `reviewedAt`) for the
 * decisions made between `fromDay` and `toDay` (inclusive, UTC days of the decision).
 */
export function summariseApprovals(
	stats: JsonRecord,
	history: JsonRecord[],
	range: { fromDay: string; toDay: string },
): ApprovalSummary {
	const warnings: string[] = [];
	const decisions: Array<{ row: DecisionRow; ms: number }> = [];
	const seen = new Set<string>();
	for (const approval of history) {
		const status = typeof approval.status === 'string' ? approval.status.trim().toLowerCase() : '';
		if (status !== 'approved' && status !== 'rejected') continue;
		const id = idOf(approval.id);
		if (isRepeat(seen, id)) continue;
		const decided = parseInstant(
			(status === 'approved' ? approval.approvedAt : approval.rejectedAt) ?? approval.reviewedAt,
		);
		const submitted = parseInstant(approval.createdAt ?? approval.submittedAt);
		if (decided === undefined) {
			warnings.push(`Approval ${describeId(approval)} has no decision date and is left out`);
			continue;
		}
		const day = utcDay(decided);
		if (day < range.fromDay || day > range.toDay) continue;
		if (submitted === undefined) {
			warnings.push(`Approval ${describeId(approval)} has no submission date and is left out`);
			continue;
		}
		const ms = decided - submitted;
		if (ms < 0) {
			warnings.push(`Approval ${describeId(approval)} was decided before it was submitted and is left out`);
			continue;
		}
		decisions.push({
			row: {
				approvalId: id ?? null,
				budgetId: idOf(approval.budgetId) ?? null,
				status,
				submittedAt: new Date(submitted).toISOString(),
				decidedAt: new Date(decided).toISOString(),
				hoursToDecision: hours(ms) as number,
			},
			ms,
		});
	}
	decisions.sort(
		(a, b) =>
			Date.parse(a.row.decidedAt) - Date.parse(b.row.decidedAt) ||
			compareText(String(a.row.approvalId ?? ''), String(b.row.approvalId ?? '')),
	);

	const durations = decisions.map((decision) => decision.ms);
	const approvedMs = decisions.filter((decision) => decision.row.status === 'approved').map((decision) => decision.ms);
	const rejectedMs = decisions.filter((decision) => decision.row.status === 'rejected').map((decision) => decision.ms);
	const medianMs = median(durations);
	const counts = approvalCounts(stats);

	const byStatus: ApprovalStatusRow[] = (['pending', 'approved', 'rejected', 'cancelled'] as const).map((status) => {
		const decided = status === 'approved' ? approvedMs : status === 'rejected' ? rejectedMs : undefined;
		return {
			status,
			count: counts[status],
			decidedInRange: decided ? decided.length : null,
			medianHoursToDecision: decided ? hours(median(decided)) : null,
		};
	});

	return {
		from: range.fromDay,
		to: range.toDay,
		stats: counts,
		decisionsInRange: decisions.length,
		approvedInRange: approvedMs.length,
		rejectedInRange: rejectedMs.length,
		approvalRateInRange: approvalRate(approvedMs.length, rejectedMs.length),
		medianHoursToDecision: hours(medianMs),
		medianSecondsToDecision: medianMs === null ? null : divideRoundHalfUp(medianMs, 1000),
		averageHoursToDecision: hours(average(durations)),
		medianHoursToApproval: hours(median(approvedMs)),
		medianHoursToRejection: hours(median(rejectedMs)),
		byStatus,
		decisions: decisions.map((decision) => decision.row),
		warnings,
	};
}
