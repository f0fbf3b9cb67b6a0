// @ts-check
'use strict';
// Per-key sliding-window rate limit, as documented: the window counts back from "now", so a slot frees
// when the oldest counted request leaves the window. Requests refused with 429 are not counted
// (otherwise a client that keeps retrying would never get back in).

/**
 * @typedef {object} RateDecision
 * @property {boolean} allowed
 * @property {number} limit
 * @property {number} remaining
 * @property {number} resetAt Unix seconds when the next slot frees (or the window ends when empty)
 * @property {number} windowSeconds
 * @property {number} retryAfterSeconds 0 when allowed
 */

class RateLimiter {
	constructor() {
		/** key id → timestamps (ms) of counted requests, oldest first */
		/** @type {Map<number, number[]>} */
		this.hits = new Map();
	}

	clear() {
		this.hits.clear();
	}

	/**
	 * Counts one request for a key (when under the limit) and answers the header values.
	 * @param {number} keyId
	 * @param {number} limit
	 * @param {number} windowSeconds
	 * @param {number} nowMs
	 * @returns {RateDecision}
	 */
	hit(keyId, limit, windowSeconds, nowMs) {
		const windowMs = windowSeconds * 1000;
		const list = this.hits.get(keyId) ?? [];
		// Drop what has left the window.
		let drop = 0;
		while (drop < list.length && /** @type {number} */ (list[drop]) <= nowMs - windowMs) drop++;
		if (drop > 0) list.splice(0, drop);
		this.hits.set(keyId, list);

		const allowed = list.length < limit;
		if (allowed) list.push(nowMs);
		const oldest = list[0] ?? nowMs;
		const freesAtMs = oldest + windowMs;
		return {
			allowed,
			limit,
			remaining: Math.max(0, limit - list.length),
			resetAt: Math.ceil(freesAtMs / 1000),
			windowSeconds,
			retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((freesAtMs - nowMs) / 1000)),
		};
	}
}

/**
 * The documented headers for a decision.
 * @param {RateDecision} d
 * @returns {Record<string, string>}
 */
function rateLimitHeaders(d) {
	/** @type {Record<string, string>} */
	const headers = {
		'X-RateLimit-Limit': String(d.limit),
		'X-RateLimit-Remaining': String(d.remaining),
		'X-RateLimit-Reset': String(d.resetAt),
		'X-RateLimit-Window': String(d.windowSeconds),
	};
	if (!d.allowed) headers['Retry-After'] = String(d.retryAfterSeconds);
	return headers;
}

module.exports = { RateLimiter, rateLimitHeaders };
