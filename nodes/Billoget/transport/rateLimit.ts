import { sleep } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { epochToMs, parseInstant } from '../shared/dates';
import { billogetApiError } from './errors';
import type { TransportSettings } from './settings';

export interface RateLimitSnapshot {
	limit?: number;
	remaining?: number;
	resetAtMs?: number;
}

/**
 * What Billoget last said about the key's hourly budget (X-RateLimit-* headers), kept per run so
 * that a run can wait for the reset instead of spending requests on 429 answers. Each run's client
 * (./client.ts) holds its own.
 */
export class RateLimitState {
	limit?: number;

	remaining?: number;

	/** When the window frees requests again (ms since epoch). */
	resetAtMs?: number;

	/** Requests sent by this execution (including retries). */
	requests = 0;

	/** Milliseconds a 429 asks us to wait: Retry-After first, then X-RateLimit-Reset, else one second. */
	retryAfterMs(headers: Record<string, string>, now: number): number {
		const retryAfter = headers['retry-after'];
		if (retryAfter !== undefined) {
			const seconds = Number(retryAfter);
			if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
			const date = parseInstant(retryAfter);
			if (date !== undefined) return Math.max(0, date - now);
		}
		if (this.resetAtMs !== undefined) return Math.max(0, this.resetAtMs - now);
		return 1000;
	}

	/** What to keep between runs (a poll trigger's scheduled polls): the key's window, not this run's count. */
	snapshot(): RateLimitSnapshot {
		const kept: RateLimitSnapshot = {};
		if (this.limit !== undefined) kept.limit = this.limit;
		if (this.remaining !== undefined) kept.remaining = this.remaining;
		if (this.resetAtMs !== undefined) kept.resetAtMs = this.resetAtMs;
		return kept;
	}

	/** Takes back a snapshot kept by an earlier run; anything that is not one is ignored. */
	restore(kept: unknown): void {
		if (typeof kept !== 'object' || kept === null) return;
		const { limit, remaining, resetAtMs } = kept as Record<string, unknown>;
		const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
		this.limit = finite(limit);
		this.remaining = finite(remaining);
		this.resetAtMs = finite(resetAtMs);
	}

	/** Requests that can still be sent before the window resets (Infinity when unknown). */
	available(now: number): number {
		if (this.remaining === undefined) return Number.POSITIVE_INFINITY;
		if (this.resetAtMs !== undefined && now >= this.resetAtMs) {
			return this.limit ?? Number.POSITIVE_INFINITY;
		}
		return this.remaining;
	}
}

/** X-RateLimit-Reset at or below this (9 September 2001 as Unix seconds) counts seconds from now. */
const RELATIVE_RESET_BELOW = 1e9;

function headerNumber(headers: Record<string, string>, name: string): number | undefined {
	const value = headers[name];
	if (value === undefined) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

export function noteRateLimitHeaders(
	state: RateLimitState,
	headers: Record<string, string>,
	now: number,
): void {
	const limit = headerNumber(headers, 'x-ratelimit-limit');
	const remaining = headerNumber(headers, 'x-ratelimit-remaining');
	const reset = headerNumber(headers, 'x-ratelimit-reset');
	if (limit !== undefined) state.limit = limit;
	if (remaining !== undefined) state.remaining = remaining;
	if (reset !== undefined) {
		// Unix seconds per the docs; milliseconds are told apart by the one cut-off of shared/dates.ts,
		// and a small number (before 2001 as a Unix time) is seconds from now.
		state.resetAtMs = reset > RELATIVE_RESET_BELOW ? epochToMs(reset) : now + reset * 1000;
	}
}

/**
 * Before a request: when the key has no requests left, wait for the reset if that is within the
 * node's maximum wait, otherwise fail without sending (the request would only earn a 429).
 */
export async function waitForRateLimitReset(
	context: { getNode: () => INode },
	state: RateLimitState,
	settings: TransportSettings,
	itemIndex?: number,
): Promise<void> {
	const now = settings.now();
	if (state.available(now) > 0 || state.resetAtMs === undefined) return;
	const waitMs = state.resetAtMs - now;
	if (waitMs > settings.maxRateLimitWaitMs) {
		throw billogetApiError(
			context.getNode(),
			429,
			{ error: 'rate_limit_exceeded', message: 'No requests left in the current rate-limit window' },
			{ itemIndex, resetAt: new Date(state.resetAtMs) },
		);
	}
	await sleep(Math.max(waitMs, 50));
	state.remaining = undefined;
}
