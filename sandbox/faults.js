// @ts-check
'use strict';
// Fault injection for API requests. A seeded PRNG (mulberry32) makes the faults reproducible: the same
// seed and the same order of requests give the same faults. Every API request draws exactly two numbers
// (fault, latency) while faults are on, whatever happens to it, so the sequence never shifts.

/**
 * @typedef {object} FaultOptions
 * @property {number | [number, number]} [latencyMs] fixed delay, or [min, max] drawn per request
 * @property {number} [errorRate] share answered 503 without applying anything
 * @property {number} [dropRate] share whose socket is destroyed without an answer (writes applied first)
 * @property {number} [hangRate] share never answered (the socket stays open until stop())
 * @property {number | string} [seed] PRNG seed (default 1)
 */
/** @typedef {'none' | 'error' | 'drop' | 'hang'} FaultAction */

/**
 * @param {number} seed 32-bit
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * FNV-1a, so string seeds work too.
 * @param {number | string} seed
 */
function seedToInt(seed) {
	if (typeof seed === 'number') return seed >>> 0;
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/**
 * Throws on invalid options (so configure() and the admin endpoint can answer 400).
 * @param {unknown} faults
 * @returns {FaultOptions | null}
 */
function validateFaults(faults) {
	if (faults === null || faults === undefined) return null;
	if (typeof faults !== 'object' || Array.isArray(faults))
		throw new Error('faults must be an object or null');
	const f = /** @type {Record<string, unknown>} */ (faults);
	for (const name of ['errorRate', 'dropRate', 'hangRate']) {
		const v = f[name];
		if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) {
			throw new Error(`faults.${name} must be a number between 0 and 1`);
		}
	}
	const lat = f.latencyMs;
	const okNum = (/** @type {unknown} */ n) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
	if (
		lat !== undefined &&
		!(
			okNum(lat) ||
			(Array.isArray(lat) && lat.length === 2 && okNum(lat[0]) && okNum(lat[1]) && lat[0] <= lat[1])
		)
	) {
		throw new Error('faults.latencyMs must be a number >= 0 or [min, max]');
	}
	if (f.seed !== undefined && typeof f.seed !== 'number' && typeof f.seed !== 'string') {
		throw new Error('faults.seed must be a number or a string');
	}
	const known = ['latencyMs', 'errorRate', 'dropRate', 'hangRate', 'seed'];
	const unknown = Object.keys(f).filter((k) => !known.includes(k));
	if (unknown.length > 0) throw new Error(`unknown fault options: ${unknown.join(', ')}`);
	return /** @type {FaultOptions} */ ({ ...f });
}

class FaultInjector {
	constructor() {
		/** @type {FaultOptions | null} */
		this.options = null;
		this.random = mulberry32(1);
	}

	/**
	 * Replaces the fault options and restarts the PRNG from the seed.
	 * @param {unknown} faults
	 */
	configure(faults) {
		this.options = validateFaults(faults);
		this.random = mulberry32(seedToInt(this.options?.seed ?? 1));
	}

	/** Restarts the sequence (reset()). */
	restart() {
		this.configure(this.options);
	}

	get active() {
		const o = this.options;
		return !!o && !!(o.latencyMs || o.errorRate || o.dropRate || o.hangRate);
	}

	/**
	 * The fault for the next API request.
	 * @returns {{action: FaultAction, latencyMs: number}}
	 */
	next() {
		const o = this.options;
		if (!o || !this.active) return { action: 'none', latencyMs: 0 };
		const u = this.random();
		const v = this.random();
		const hang = o.hangRate ?? 0;
		const error = o.errorRate ?? 0;
		const drop = o.dropRate ?? 0;
		/** @type {FaultAction} */
		let action = 'none';
		// One draw split into bands: hang, then 503, then drop (rates summing over 1 saturate in that order).
		if (u < hang) action = 'hang';
		else if (u < hang + error) action = 'error';
		else if (u < hang + error + drop) action = 'drop';
		const lat = o.latencyMs ?? 0;
		const latencyMs = Array.isArray(lat) ? Math.round(lat[0] + v * (lat[1] - lat[0])) : lat;
		return { action, latencyMs };
	}
}

module.exports = { FaultInjector, validateFaults, mulberry32, seedToInt };
