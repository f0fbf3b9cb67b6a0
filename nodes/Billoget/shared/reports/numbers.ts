/**
 * The arithmetic of the reports, on whole numbers (cents, milliseconds). Medians: odd count → the
 * middle value; even count → the mean of the two middle values. Medians and averages round half away
 * from zero ("half-up"), like the money in shared/money.ts.
 */

import { fromCents } from '../money';

/** n / d rounded half away from zero; both whole numbers, d > 0. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
	const negative = numerator < 0;
	const magnitude = Math.abs(numerator);
	let quotient = Math.floor(magnitude / denominator);
	const remainder = magnitude - quotient * denominator;
	if (remainder * 2 >= denominator) quotient += 1;
	return negative ? -quotient : quotient;
}

/** Median of whole numbers (cents, milliseconds); null for no values. */
export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length % 2 === 1) return sorted[middle];
	return divideRoundHalfUp(sorted[middle - 1] + sorted[middle], 2);
}

/** Mean of whole numbers, rounded half-up to a whole number; null for no values. */
export function average(values: number[]): number | null {
	if (values.length === 0) return null;
	return divideRoundHalfUp(
		values.reduce((sum, value) => sum + value, 0),
		values.length,
	);
}

/** approved / (approved + rejected), rounded to 4 decimals; null when nothing was decided. */
export function approvalRate(approved: number, rejected: number): number | null {
	const decided = approved + rejected;
	if (decided === 0) return null;
	return divideRoundHalfUp(approved * 10_000, decided) / 10_000;
}

/** Hours of a duration in milliseconds, rounded half-up to 2 decimals. */
export function hours(ms: number | null): number | null {
	return ms === null ? null : divideRoundHalfUp(ms, 36_000) / 100;
}

export function moneyOrNull(cents: number | null): number | null {
	return cents === null ? null : fromCents(cents);
}

/** A number, or digits as text; undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
