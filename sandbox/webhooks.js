// @ts-check
'use strict';
// Webhook subscriptions (per API key) and signed deliveries. Every attempt is logged with the exact body
// bytes sent, so tests can recompute the signature. Retries use unref'd timers that stop()/clear()
// cancel, and in-flight requests are destroyed there too, so nothing outlives the sandbox.

const http = require('http');
const https = require('https');
const { createHmac, randomBytes } = require('crypto');

const EVENTS = Object.freeze([
	'budget.created',
	'budget.updated',
	'budget.approved',
	'budget.rejected',
	'budget.expired',
	'budget.deleted',
	'customer.created',
	'customer.updated',
	'customer.deleted',
	'product.created',
	'product.updated',
	'product.deleted',
]);

const USER_AGENT = 'Billoget-Webhooks/1.0';
const PAYLOAD_VERSION = '1.4.0';

/**
 * @typedef {object} Subscription
 * @property {number} id
 * @property {number} keyId owner key
 * @property {string} keyPrefix
 * @property {string} url
 * @property {string[]} events event names or '*'
 * @property {string | null} description
 * @property {string} secret 'whsec_' + 48 hex
 * @property {string} createdAt
 */
/**
 * One logged attempt.
 * @typedef {object} DeliveryRecord
 * @property {number | null} subscriptionId null for a key's webhookUrl and for deliverRaw
 * @property {number | null} keyId
 * @property {string} url
 * @property {string | null} event
 * @property {string | null} deliveryId same for every attempt of one delivery
 * @property {number} attempt 1-based
 * @property {number} [status] HTTP status answered by the receiver
 * @property {string} [error] network error (refused, timeout, ...)
 * @property {string} body the exact bytes sent
 * @property {string | null} signature the X-Billoget-Signature header value (null when unsigned)
 * @property {Record<string, string>} headers
 * @property {string} time ISO 8601 (sandbox clock)
 * @property {number} [nextRetryInMs] set when another attempt is scheduled
 * @property {boolean} [raw] sent by deliverRaw
 */
/**
 * @typedef {object} DeliveryConfig
 * @property {string} signaturePrefix
 * @property {number} deliveryRetries
 * @property {number} deliveryBaseDelayMs
 * @property {number} deliveryTimeoutMs
 */
/** @typedef {{url: string, secret: string | null, subscriptionId: number | null, keyId: number | null}} Target */
/** @typedef {{target: Target, event: string, deliveryId: string, body: string, headers: Record<string, string>, signature: string | null}} Job */
/** @typedef {import('./auth').ApiKey} ApiKey */

/**
 * Hex HMAC-SHA256 of the body bytes, with the configured prefix ('' or 'sha256=').
 * @param {string} secret
 * @param {string | Buffer} body
 * @param {string} [prefix]
 */
function sign(secret, body, prefix = '') {
	return prefix + createHmac('sha256', secret).update(body).digest('hex');
}

class WebhookHub {
	/**
	 * @param {() => DeliveryConfig} config read at each attempt, so configure() applies to pending retries
	 * @param {() => number} clock
	 */
	constructor(config, clock) {
		this.config = config;
		this.clock = clock;
		/** @type {Subscription[]} */
		this.subscriptions = [];
		/** @type {DeliveryRecord[]} */
		this.deliveries = [];
		this.nextSubscriptionId = 1;
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
		/** @type {Set<http.ClientRequest>} */
		this.inflight = new Set();
		/** @type {Set<() => void>} */
		this.waiters = new Set();
		/** bumped by clear()/stop(): late callbacks of an older generation do nothing */
		this.generation = 0;
		this.stopped = false;
	}

	// ---- subscriptions ----

	/**
	 * @param {ApiKey} key
	 * @param {{url: string, events: string[], description: string | null}} input
	 * @returns {Subscription}
	 */
	subscribe(key, input) {
		const sub = {
			id: this.nextSubscriptionId++,
			keyId: key.id,
			keyPrefix: key.keyPrefix,
			url: input.url,
			events: [...input.events],
			description: input.description,
			secret: `whsec_${randomBytes(24).toString('hex')}`,
			createdAt: new Date(this.clock()).toISOString(),
		};
		this.subscriptions.push(sub);
		return sub;
	}

	/** @param {number} keyId */
	listFor(keyId) {
		return this.subscriptions.filter((s) => s.keyId === keyId);
	}

	/**
	 * @param {number} keyId
	 * @param {number} id
	 * @returns {Subscription | undefined} the removed subscription
	 */
	remove(keyId, id) {
		const i = this.subscriptions.findIndex((s) => s.id === id && s.keyId === keyId);
		if (i < 0) return undefined;
		return this.subscriptions.splice(i, 1)[0];
	}

	/** @param {Subscription} s */
	static view(s) {
		return {
			id: s.id,
			url: s.url,
			events: [...s.events],
			description: s.description,
			createdAt: s.createdAt,
		};
	}

	// ---- deliveries ----

	/**
	 * Sends `event` to every subscription listening for it (or '*') and to every key's webhookUrl.
	 * @param {string} event
	 * @param {unknown} data
	 * @param {ApiKey[]} keys
	 * @param {number} [onlyKeyId] restrict to one key's subscriptions and webhookUrl (webhook test)
	 * @returns {Array<{deliveryId: string, url: string, subscriptionId: number | null}>}
	 */
	emit(event, data, keys, onlyKeyId) {
		if (this.stopped) return [];
		/** @type {Target[]} */
		const targets = [];
		for (const s of this.subscriptions) {
			if (onlyKeyId !== undefined && s.keyId !== onlyKeyId) continue;
			if (s.events.includes('*') || s.events.includes(event)) {
				targets.push({ url: s.url, secret: s.secret, subscriptionId: s.id, keyId: s.keyId });
			}
		}
		for (const k of keys) {
			if (onlyKeyId !== undefined && k.id !== onlyKeyId) continue;
			if (k.webhookUrl)
				targets.push({
					url: k.webhookUrl,
					secret: k.webhookSecret,
					subscriptionId: null,
					keyId: k.id,
				});
		}
		return targets.map((target) => {
			const job = this.buildJob(target, event, data);
			void this.attempt(job, 1, this.generation);
			return { deliveryId: job.deliveryId, url: target.url, subscriptionId: target.subscriptionId };
		});
	}

	/**
	 * The body is serialised once; every retry sends the very same bytes and signature.
	 * @param {Target} target
	 * @param {string} event
	 * @param {unknown} data
	 * @returns {Job}
	 */
	buildJob(target, event, data) {
		const deliveryId = `dlv_${randomBytes(12).toString('hex')}`;
		const body = JSON.stringify({
			event,
			timestamp: new Date(this.clock()).toISOString(),
			data,
			metadata: { source: 'api', version: PAYLOAD_VERSION, delivery_id: deliveryId },
		});
		const signature = target.secret
			? sign(target.secret, body, this.config().signaturePrefix)
			: null;
		/** @type {Record<string, string>} */
		const headers = {
			'Content-Type': 'application/json',
			'User-Agent': USER_AGENT,
			'X-Billoget-Event': event,
			'X-Billoget-Delivery': deliveryId,
		};
		if (signature) headers['X-Billoget-Signature'] = signature;
		return { target, event, deliveryId, body, headers, signature };
	}

	/**
	 * One attempt; schedules the next one (base × 2^(attempt-1)) on non-2xx or network error.
	 * @param {Job} job
	 * @param {number} attempt
	 * @param {number} generation
	 */
	async attempt(job, attempt, generation) {
		const cfg = this.config();
		const result = await this.post(job.target.url, job.body, job.headers, cfg.deliveryTimeoutMs);
		if (generation !== this.generation) return;
		/** @type {DeliveryRecord} */
		const record = {
			subscriptionId: job.target.subscriptionId,
			keyId: job.target.keyId,
			url: job.target.url,
			event: job.event,
			deliveryId: job.deliveryId,
			attempt,
			...result,
			body: job.body,
			signature: job.signature,
			headers: { ...job.headers },
			time: new Date(this.clock()).toISOString(),
		};
		const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
		if (!ok && attempt <= cfg.deliveryRetries) {
			const delay = cfg.deliveryBaseDelayMs * 2 ** (attempt - 1);
			record.nextRetryInMs = delay;
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				void this.attempt(job, attempt + 1, generation);
			}, delay);
			timer.unref();
			this.timers.add(timer);
		}
		this.log(record);
	}

	/**
	 * Sends arbitrary bytes once (no retry), logged like a delivery. For tests of bad signatures etc.
	 * @param {string} url
	 * @param {string} body
	 * @param {Record<string, string>} [headers]
	 * @returns {Promise<{status?: number, error?: string}>}
	 */
	async deliverRaw(url, body, headers = {}) {
		/** @type {Record<string, string>} */
		const merged = { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT };
		for (const [k, v] of Object.entries(headers)) {
			for (const existing of Object.keys(merged))
				if (existing.toLowerCase() === k.toLowerCase()) delete merged[existing];
			merged[k] = v;
		}
		/** @param {string} name */
		const header = (name) =>
			Object.entries(merged).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
		const generation = this.generation;
		const result = await this.post(url, body, merged, this.config().deliveryTimeoutMs);
		if (generation === this.generation) {
			this.log({
				subscriptionId: null,
				keyId: null,
				url,
				event: header('x-billoget-event'),
				deliveryId: header('x-billoget-delivery'),
				attempt: 1,
				...result,
				body,
				signature: header('x-billoget-signature'),
				headers: merged,
				time: new Date(this.clock()).toISOString(),
				raw: true,
			});
		}
		return result;
	}

	/**
	 * POSTs once. Never rejects: answers {status} or {error}. No keep-alive agent, so no idle sockets linger.
	 * @param {string} url
	 * @param {string} body
	 * @param {Record<string, string>} headers
	 * @param {number} timeoutMs
	 * @returns {Promise<{status?: number, error?: string}>}
	 */
	post(url, body, headers, timeoutMs) {
		return new Promise((resolve) => {
			if (this.stopped) return resolve({ error: 'sandbox stopped' });
			let target;
			try {
				target = new URL(url);
			} catch {
				return resolve({ error: `invalid URL: ${url}` });
			}
			const mod = target.protocol === 'https:' ? https : http;
			let settled = false;
			/** @param {{status?: number, error?: string}} r */
			const settle = (r) => {
				if (!settled) {
					settled = true;
					resolve(r);
				}
			};
			const req = mod.request(target, {
				method: 'POST',
				agent: false,
				timeout: timeoutMs,
				headers: {
					...headers,
					'Content-Length': String(Buffer.byteLength(body)),
					Connection: 'close',
				},
			});
			this.inflight.add(req);
			req.on('close', () => {
				this.inflight.delete(req);
				settle({ error: 'connection closed without a response' });
			});
			req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
			req.on('error', (err) => settle({ error: err.message || String(err) }));
			req.on('response', (res) => {
				res.resume();
				settle({ status: res.statusCode });
			});
			req.end(body);
		});
	}

	/** @param {DeliveryRecord} record */
	log(record) {
		this.deliveries.push(record);
		for (const w of [...this.waiters]) w();
	}

	/**
	 * Resolves with the log once predicate(log) is true; rejects after timeoutMs.
	 * @param {(deliveries: DeliveryRecord[]) => boolean} predicate
	 * @param {number} [timeoutMs]
	 * @returns {Promise<DeliveryRecord[]>}
	 */
	waitFor(predicate, timeoutMs = 5000) {
		return new Promise((resolve, reject) => {
			if (predicate(this.deliveries)) return resolve(this.deliveries);
			const done = () => {
				clearTimeout(timer);
				this.waiters.delete(check);
				this.waiters.delete(abort);
			};
			const check = () => {
				if (predicate(this.deliveries)) {
					done();
					resolve(this.deliveries);
				}
			};
			const abort = () => {
				if (this.stopped) {
					done();
					reject(new Error('sandbox stopped while waiting for deliveries'));
				}
			};
			const timer = setTimeout(() => {
				done();
				reject(
					new Error(
						`waitForDeliveries timed out after ${timeoutMs} ms (${this.deliveries.length} attempts logged)`,
					),
				);
			}, timeoutMs);
			timer.unref();
			this.waiters.add(check);
			this.waiters.add(abort);
		});
	}

	/** Cancels retries and in-flight requests of the current generation. */
	cancelPending() {
		this.generation++;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const req of this.inflight) req.destroy();
		this.inflight.clear();
	}

	/** reset(): forget subscriptions and the log, cancel pending work. */
	clear() {
		this.cancelPending();
		this.subscriptions = [];
		this.deliveries.length = 0;
		this.nextSubscriptionId = 1;
	}

	stop() {
		this.stopped = true;
		this.cancelPending();
		for (const w of [...this.waiters]) w();
	}
}

module.exports = { WebhookHub, EVENTS, sign, USER_AGENT, PAYLOAD_VERSION };
