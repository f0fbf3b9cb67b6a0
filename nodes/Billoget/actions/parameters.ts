import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseIsoDate } from '../shared/dates';

/**
 * Readers for parameters of item `i` that validate before any request is sent: a bad value fails
 * with the field's name and how to fix it.
 */

export function invalid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** A record ID from a resource locator (or a plain value): a positive whole number. */
export function readId(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	const raw = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	return toId(ctx, raw, itemIndex, label);
}

export function toId(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label: string): number {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw invalid(
			ctx,
			itemIndex,
			`${label} must be a Billoget ID (a positive whole number)`,
			`Got ${raw === undefined || raw === null || raw === '' ? 'nothing' : JSON.stringify(raw)}. Pick the ${label.toLowerCase()} from the list, or map an ID such as 42.`,
		);
	}
	return Number(text);
}

/** An ID a filter may leave empty: undefined when nothing was given, otherwise checked as toId does. */
export function optionalId(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label: string): number | undefined {
	return raw === undefined || raw === '' ? undefined : toId(ctx, raw, itemIndex, label);
}

export function readString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	options: { required?: boolean; fallback?: string } = {},
): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, options.fallback ?? '') as unknown;
	return toText(ctx, raw, itemIndex, label, options.required ?? false);
}

export function toText(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
	required: boolean,
): string | undefined {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		if (required) {
			throw invalid(
				ctx,
				itemIndex,
				`${label} is required`,
				`Fill in ${label}, or check that the expression you mapped resolves to a value for this item.`,
			);
		}
		return undefined;
	}
	if (typeof raw === 'object') {
		throw invalid(
			ctx,
			itemIndex,
			`${label} must be text`,
			`Got ${JSON.stringify(raw).slice(0, 80)}. Map a single text value instead of an object or list.`,
		);
	}
	return String(raw).trim();
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toEmail(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label = 'Email'): string | undefined {
	const text = toText(ctx, raw, itemIndex, label, false);
	if (text !== undefined && !EMAIL_PATTERN.test(text)) {
		throw invalid(ctx, itemIndex, `${label} "${text}" is not an email address`, 'Use the form name@example.com.');
	}
	return text;
}

/** A finite number (numbers or numeric strings); `min` is inclusive unless `exclusiveMin`. */
export function toNumber(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
	options: { required?: boolean; min?: number; exclusiveMin?: boolean; max?: number; integer?: boolean } = {},
): number | undefined {
	if (raw === undefined || raw === null || raw === '') {
		if (options.required) {
			throw invalid(ctx, itemIndex, `${label} is required`, `Fill in ${label} with a number.`);
		}
		return undefined;
	}
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : NaN;
	if (!Number.isFinite(value)) {
		throw invalid(ctx, itemIndex, `${label} must be a number`, `Got ${JSON.stringify(raw)}. Use a number such as 10 or 10.5.`);
	}
	if (options.integer && !Number.isInteger(value)) {
		throw invalid(ctx, itemIndex, `${label} must be a whole number`, `Got ${value}.`);
	}
	if (options.min !== undefined) {
		const tooSmall = options.exclusiveMin ? value <= options.min : value < options.min;
		if (tooSmall) {
			throw invalid(
				ctx,
				itemIndex,
				`${label} must be ${options.exclusiveMin ? 'greater than' : 'at least'} ${options.min}`,
				`Got ${value}.`,
			);
		}
	}
	if (options.max !== undefined && value > options.max) {
		throw invalid(ctx, itemIndex, `${label} must be at most ${options.max}`, `Got ${value}.`);
	}
	return value;
}

/** A date object from an expression ({{ $now }}, a Luxon DateTime or a JS Date) as ISO text. */
function dateObjectText(raw: unknown): string | undefined {
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
	if (typeof raw === 'object' && raw !== null && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		const iso = (raw as { toISO: () => unknown }).toISO();
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

/**
 * An ISO date (YYYY-MM-DD or a full timestamp) or a date object; returns the normalised ISO string.
 * Other text is refused rather than guessed at: "Mar 7" or "2026-02-30" would otherwise become some
 * other day.
 */
export function toDate(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
	required = false,
): string | undefined {
	const text = toText(ctx, dateObjectText(raw) ?? raw, itemIndex, label, required);
	if (text === undefined) return undefined;
	// One reading of dates everywhere (shared/dates.ts): a time without a zone is UTC.
	const time = parseIsoDate(text);
	if (time === undefined) {
		throw invalid(ctx, itemIndex, `${label} "${text}" is not a date`, 'Use an ISO date such as 2026-12-31 or 2026-12-31T10:00:00Z.');
	}
	return new Date(time).toISOString();
}

/** Limit of a Get Many with Return All off: a whole number of at least 1. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	return toNumber(ctx, raw, itemIndex, 'Limit', { required: true, min: 1, integer: true }) as number;
}

/** Reads a collection parameter ('additionalFields', 'updateFields', 'filters', 'options'). */
export function readCollection(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const value = ctx.getNodeParameter(name, itemIndex, {}) as unknown;
	return typeof value === 'object' && value !== null ? (value as IDataObject) : {};
}
