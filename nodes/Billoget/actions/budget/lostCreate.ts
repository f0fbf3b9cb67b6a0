/**
 * Budget Create's answer to a lost create (see transport/recovery.ts): which budget, if any, the
 * attempt whose answer was lost made.
 */
import type { IDataObject } from 'n8n-workflow';

import { sameId } from '../../shared/filters';
import { toCents } from '../../shared/money';
import type { BillogetClient } from '../../transport/client';
import { CLOCK_SKEW_MS, findLostCreate } from '../../transport/recovery';
import { BUDGET } from './fields';
import { linesFingerprint } from '../../shared/budgetLines';

function sameInstant(a: unknown, b: unknown): boolean {
	const left = Date.parse(String(a ?? ''));
	const right = Date.parse(String(b ?? ''));
	return !Number.isNaN(left) && left === right;
}

function sameAmount(a: unknown, b: unknown): boolean {
	try {
		return toCents(a as number | string) === toCents(b as number | string);
	} catch {
		return false;
	}
}

/** Whether a field Billoget returned disagrees with what was sent (absent on either side: no). */
function differs(returned: unknown, sent: unknown): boolean {
	if (returned === undefined || returned === null || sent === undefined) return false;
	return String(returned).trim() !== String(sent).trim();
}

/**
 * After a lost answer to the create: the budget this item would have created, if Billoget made it.
 * Same customer, created since just before the attempt, same total, dates, lines and (where the list
 * returns them) currency, seller and comments.
 */
export async function findCreatedBudget(
	client: BillogetClient,
	body: IDataObject,
	startedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const wanted = linesFingerprint(body.items);
	const record = await findLostCreate(client, {
		kind: BUDGET.path,
		startedAt,
		itemIndex,
		// customerId is a filter of both readings; createdAfter narrows where the docs' reading applies.
		list: {
			path: BUDGET.path,
			qs: { customerId: body.customerId, createdAfter: new Date(startedAt - CLOCK_SKEW_MS).toISOString() },
		},
		matches: async (candidate) => {
			if (!sameId(candidate.customerId ?? body.customerId, body.customerId as number)) return false;
			if (!sameAmount(candidate.total, body.total)) return false;
			// Fields the list may leave out are compared only when present, so that an identical budget
			// made for the same customer outside this run is not taken for this item's.
			if (differs(candidate.currency, body.currency) || differs(candidate.sellerId, body.sellerId)) return false;
			if (differs(candidate.comments, body.comments)) return false;
			if (!sameInstant(candidate.issueDate, body.issueDate) || !sameInstant(candidate.expirationDate, body.expirationDate)) {
				return false;
			}
			let lines = candidate.items;
			if (lines === undefined) {
				const full = await client.requestRecord({ method: 'GET', path: `${BUDGET.path}/${String(candidate.id)}`, itemIndex });
				lines = full.items;
			}
			return linesFingerprint(lines) === wanted;
		},
	});
	if (record === undefined) return undefined;
	return {
		success: true,
		message: 'The budget was created by an earlier attempt whose answer was lost',
		budgetId: record.id,
		publicToken: record.publicToken,
		publicUrl: record.publicUrl,
	};
}
