// @ts-check
'use strict';
// API keys: stored only as bcrypt hashes (like a real backend), with a cache keyed by the SHA-256 of the
// presented key so a verified key costs one hash per request instead of one bcrypt per request.
// Also: expiry, IP allow-list and scopes.

const { createHash, randomBytes } = require('crypto');
const bcrypt = require('bcryptjs');
const { ApiError } = require('./errors');

const SCOPES = Object.freeze([
	'READ_BUDGETS',
	'WRITE_BUDGETS',
	'READ_CUSTOMERS',
	'WRITE_CUSTOMERS',
	'READ_PRODUCTS',
	'WRITE_PRODUCTS',
	'WEBHOOKS',
]);

/** Low cost on purpose: the sandbox wants bcrypt's shape, not its slowness. */
const BCRYPT_COST = 4;
/** Length of the stored, displayable key prefix (the docs' `keyPrefix`, e.g. `bk_live_1234`). */
const PREFIX_LENGTH = 12;

/** The demo keys (README). Not secrets: they only open a local sandbox. */
const DEMO_KEYS = Object.freeze({
	full: 'bk_test_5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e',
	readOnly: 'bk_test_read0000000000000000000000000000',
});

/**
 * What a caller may pass to `keys` / `addKey`.
 * @typedef {object} KeySpec
 * @property {string} [key] plaintext key; generated (`bk_test_` + 32 hex) when omitted
 * @property {string} [name]
 * @property {string[]} [scopes] default: all scopes
 * @property {number} [rateLimitPerHour] requests per rate-limit window; default: the sandbox default
 * @property {string[]} [allowedIps] exact IPs or IPv4 CIDR ranges; empty or omitted = any
 * @property {string | number | Date} [expiresAt]
 * @property {string} [webhookUrl] receives every event (Manual mode)
 * @property {string} [webhookSecret] signs deliveries to webhookUrl
 * @property {number} [userId] the Billoget user behind the key (approvals' requestedBy/approvedBy); default 1
 */
/**
 * @typedef {object} ApiKey
 * @property {number} id
 * @property {string} name
 * @property {string} keyPrefix
 * @property {string} hash bcrypt hash of the key
 * @property {string[]} scopes
 * @property {number | null} rateLimitPerHour
 * @property {string[]} allowedIps
 * @property {number | null} expiresAt ms since epoch
 * @property {string | null} webhookUrl
 * @property {string | null} webhookSecret
 * @property {number} userId
 */

/** @returns {KeySpec[]} */
function demoKeySpecs() {
	return [
		{ key: DEMO_KEYS.full, name: 'Demo (full access)', scopes: [...SCOPES] },
		{
			key: DEMO_KEYS.readOnly,
			name: 'Demo (read only)',
			scopes: ['READ_BUDGETS', 'READ_CUSTOMERS', 'READ_PRODUCTS'],
		},
	];
}

/** @param {string} key */
function sha256(key) {
	return createHash('sha256').update(key).digest('hex');
}

/** @param {string} key */
function keyPrefixOf(key) {
	return key.slice(0, PREFIX_LENGTH);
}

class KeyRing {
	constructor() {
		/** @type {ApiKey[]} */
		this.keys = [];
		/** sha256(plaintext) → key id, filled after a successful bcrypt compare */
		/** @type {Map<string, number>} */
		this.verified = new Map();
		this.nextId = 1;
	}

	clear() {
		this.keys = [];
		this.verified.clear();
	}

	/**
	 * Adds a key and returns its plaintext (the only time it is known).
	 * @param {KeySpec} [spec]
	 * @returns {string}
	 */
	add(spec = {}) {
		const key = spec.key ?? `bk_test_${randomBytes(16).toString('hex')}`;
		if (typeof key !== 'string' || !key.startsWith('bk_') || key.length < 16) {
			throw new Error('key must be a string starting with "bk_" and at least 16 characters long');
		}
		const scopes = spec.scopes ?? [...SCOPES];
		if (!Array.isArray(scopes)) throw new Error('scopes must be an array');
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (unknown.length > 0) {
			throw new Error(`unknown scopes: ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`);
		}
		if (
			spec.rateLimitPerHour !== undefined &&
			!(Number.isInteger(spec.rateLimitPerHour) && spec.rateLimitPerHour > 0)
		) {
			throw new Error('rateLimitPerHour must be a positive integer');
		}
		let expiresAt = null;
		if (spec.expiresAt !== undefined && spec.expiresAt !== null) {
			expiresAt =
				spec.expiresAt instanceof Date
					? spec.expiresAt.getTime()
					: typeof spec.expiresAt === 'number'
						? spec.expiresAt
						: Date.parse(spec.expiresAt);
			if (Number.isNaN(expiresAt)) throw new Error('expiresAt must be a date');
		}
		if (
			this.keys.some((k) => k.keyPrefix === keyPrefixOf(key) && bcrypt.compareSync(key, k.hash))
		) {
			throw new Error('that key already exists');
		}
		this.keys.push({
			id: this.nextId++,
			name: spec.name ?? `Key ${this.nextId - 1}`,
			keyPrefix: keyPrefixOf(key),
			hash: bcrypt.hashSync(key, BCRYPT_COST),
			scopes: [...scopes],
			rateLimitPerHour: spec.rateLimitPerHour ?? null,
			allowedIps: spec.allowedIps ? [...spec.allowedIps] : [],
			expiresAt,
			webhookUrl: spec.webhookUrl ?? null,
			webhookSecret: spec.webhookSecret ?? null,
			userId: spec.userId ?? 1,
		});
		return key;
	}

	/** @param {number} id */
	byId(id) {
		return this.keys.find((k) => k.id === id);
	}

	/**
	 * The key matching a plaintext, or undefined.
	 * @param {string} plaintext
	 * @returns {Promise<ApiKey | undefined>}
	 */
	async verify(plaintext) {
		const digest = sha256(plaintext);
		const cachedId = this.verified.get(digest);
		if (cachedId !== undefined) {
			const cached = this.byId(cachedId);
			if (cached) return cached;
			this.verified.delete(digest);
		}
		// Only keys with the same visible prefix can match, so unknown keys rarely cost a bcrypt.
		const prefix = keyPrefixOf(plaintext);
		for (const k of this.keys) {
			if (k.keyPrefix === prefix && (await bcrypt.compare(plaintext, k.hash))) {
				this.verified.set(digest, k.id);
				return k;
			}
		}
		return undefined;
	}
}

/**
 * Normalises `::ffff:1.2.3.4` to `1.2.3.4`.
 * @param {string | undefined} ip
 */
function normaliseIp(ip) {
	if (!ip) return '';
	return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

/** @param {string} ip @returns {number | null} */
function ipv4ToInt(ip) {
	const parts = ip.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
	return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/**
 * @param {string} ip
 * @param {string[]} allowed exact addresses or IPv4 CIDR ranges
 */
function ipAllowed(ip, allowed) {
	if (allowed.length === 0) return true;
	const addr = normaliseIp(ip);
	return allowed.some((entry) => {
		if (!entry.includes('/')) return normaliseIp(entry) === addr;
		const [base, bitsText] = entry.split('/');
		const baseInt = ipv4ToInt(base ?? '');
		const addrInt = ipv4ToInt(addr);
		const bits = Number(bitsText);
		if (baseInt === null || addrInt === null || !(bits >= 0 && bits <= 32)) return false;
		const size = 2 ** (32 - bits);
		return Math.floor(baseInt / size) === Math.floor(addrInt / size);
	});
}

/**
 * Authenticates a request: the key, or an ApiError (401/403) in the documented shapes.
 * @param {string | undefined} authorization the Authorization header
 * @param {string | undefined} remoteAddress
 * @param {KeyRing} ring
 * @param {number} nowMs
 * @returns {Promise<ApiKey>}
 */
async function authenticate(authorization, remoteAddress, ring, nowMs) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	if (!match) {
		throw new ApiError(401, 'unauthorized', 'Missing or malformed Authorization header', {
			expected: 'Authorization: Bearer <api_key>',
		});
	}
	const token = /** @type {string} */ (match[1]);
	const keyPrefix = keyPrefixOf(token);
	const key = token.startsWith('bk_') ? await ring.verify(token) : undefined;
	if (!key) {
		throw new ApiError(401, 'invalid_api_key', 'The API key is invalid or does not exist', {
			keyPrefix,
		});
	}
	if (key.expiresAt !== null && key.expiresAt <= nowMs) {
		throw new ApiError(401, 'api_key_expired', 'The API key has expired', {
			keyPrefix,
			expiredAt: new Date(key.expiresAt).toISOString(),
		});
	}
	const ip = normaliseIp(remoteAddress);
	if (!ipAllowed(ip, key.allowedIps)) {
		throw new ApiError(
			403,
			'ip_not_allowed',
			`Requests from ${ip} are not allowed for this API key`,
			{
				keyPrefix,
				ip,
			},
		);
	}
	return key;
}

/**
 * @param {ApiKey} key
 * @param {string} scope
 */
function requireScope(key, scope) {
	if (!key.scopes.includes(scope)) {
		throw new ApiError(
			403,
			'insufficient_scope',
			`This API key lacks the permission for this operation; required scope: ${scope}`,
			{
				requiredScope: scope,
				keyScopes: key.scopes,
			},
		);
	}
}

module.exports = {
	SCOPES,
	DEMO_KEYS,
	BCRYPT_COST,
	KeyRing,
	demoKeySpecs,
	keyPrefixOf,
	authenticate,
	requireScope,
	ipAllowed,
	normaliseIp,
};
