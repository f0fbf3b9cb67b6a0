import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, toDate, toText } from '../parameters';
import { ENDPOINTS } from '../../transport/endpoints';
import { simplifyOutput } from '../common.descriptions';
import { wantsSimplify } from '../recordOperations';
import type { RecordSpec } from '../recordOperations';
import { normaliseBudget, simplifyBudget } from '../../shared/budget';
import { extractToken } from '../../shared/publicToken';

export const BUDGET: RecordSpec = {
	path: ENDPOINTS.budgets,
	label: 'budget',
	idParameter: 'budgetId',
};

export const CREATE_PATH = ENDPOINTS.budgetCreate;

export const PUBLIC_VIEW_PATH = ENDPOINTS.budgetPublicView;

export const PUBLIC_BY_ID_PATH = ENDPOINTS.budgetPublicById;

export const READ_ONLY_NOTE =
	'Billoget documents budgets as read-only through the API in newer versions (changes are made in the Billoget app), so Billoget may refuse this call.';

/** The public token field of Get by Token, Confirm and Reject. */
export function tokenField(description: string): INodeProperties {
	return {
		displayName: 'Public Token or URL',
		name: 'publicLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f9a2c1d8b7e4f60a1b2c3d4e5f60718 or https://app.billoget.com/budget/3f9a…',
		description: `${description}. Either the budget's publicToken (letters, digits, - and _, up to 100 characters) or its public link such as https://app.billoget.com/budget/&lt;token&gt;; the token is taken from the link.`,
	};
}

/** Reads and validates the token of item i (a token or a public URL). */
export function readToken(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = toText(ctx, ctx.getNodeParameter('publicLink', itemIndex, '') as unknown, itemIndex, 'Public Token or URL', true) as string;
	const token = extractToken(raw);
	if (token === undefined) {
		throw invalid(
			ctx,
			itemIndex,
			`Public Token or URL "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}" is not a Billoget public token or budget link`,
			'A public token has only letters, digits, - and _ (at most 100 characters), e.g. the publicToken field of a budget, or use its link such as https://app.billoget.com/budget/<token>.',
		);
	}
	return token;
}

/** A budget as the node outputs it: normalised state, simplified on request. */
export function budgetOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	record: IDataObject,
	extra: string[] = [],
): IDataObject {
	const budget = normaliseBudget(record);
	return wantsSimplify(ctx, itemIndex) ? simplifyBudget(budget, extra) : budget;
}

export const simplifyOutputOption = (): INodeProperties =>
	simplifyOutput(
		'Whether to return only the main budget fields (ID, state, currency, amounts, dates, customer, public token) instead of the full budget with its line items',
	);

/** An ISO 4217 currency code (three letters), upper-cased. */
export function toCurrency(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	required: boolean,
): string | undefined {
	const text = toText(ctx, raw, itemIndex, 'Currency', required);
	if (text === undefined) return undefined;
	if (!/^[A-Za-z]{3}$/.test(text)) {
		throw invalid(
			ctx,
			itemIndex,
			`Currency "${text}" is not a currency code`,
			'Use a three-letter ISO 4217 code such as ARS, USD or EUR.',
		);
	}
	return text.toUpperCase();
}

/**
 * A date for a list filter: a plain day (YYYY-MM-DD) is sent as it is, so that Billoget can treat an end
 * date as that whole day; anything else as a full ISO timestamp.
 */
export function toDateFilter(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	const iso = toDate(ctx, raw, itemIndex, label, false);
	if (iso === undefined) return undefined;
	const text = typeof raw === 'string' ? raw.trim() : '';
	return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : iso;
}
