// @ts-check
'use strict';
// The Billoget sandbox: an HTTP server with the public API under /v1 and admin endpoints under
// /__sandbox. This file holds startSandbox(), the route table and the request pipeline
// (faults → auth → rate limit → route → scope → handler); the pieces live in their own modules.

const http = require('http');
const { randomBytes } = require('crypto');
const { ApiError, errorBody, badRequest } = require('./errors');
const { Store } = require('./store');
const {
	KeyRing,
	DEMO_KEYS,
	SCOPES,
	demoKeySpecs,
	authenticate,
	requireScope,
	keyPrefixOf,
} = require('./auth');
const { RateLimiter, rateLimitHeaders } = require('./rateLimit');
const { WebhookHub, EVENTS, sign } = require('./webhooks');
const { FaultInjector, validateFaults } = require('./faults');
const api = require('./api');
const variants = require('./variants');
const approvalWorkflow = require('./approvalWorkflow');
const publicBudgets = require('./publicBudgets');

/** @typedef {import('./auth').KeySpec} KeySpec */
/** @typedef {import('./auth').ApiKey} ApiKey */
/** @typedef {import('./faults').FaultOptions} FaultOptions */
/** @typedef {import('./webhooks').DeliveryRecord} DeliveryRecord */
/** @typedef {import('./webhooks').Subscription} Subscription */
/** @typedef {import('./api').Handler} Handler */
/** @typedef {import('./api').Reply} Reply */
/** @typedef {'demo' | 'empty' | ((store: Store) => void)} Seed */
/**
 * Options that configure() can change while running.
 * @typedef {object} SandboxConfig
 * @property {'docs' | 'sdk'} dialect which reading of the API to serve (see README.md, "Dialects");
 *   it sets the defaults of envelope and errorFormat
 * @property {'docs' | 'sdk'} envelope list envelope
 * @property {'docs' | 'sdk'} errorFormat error body format
 * @property {number} rateLimitWindowSeconds
 * @property {number} defaultRateLimitPerHour for keys without their own rateLimitPerHour
 * @property {FaultOptions | null} faults
 * @property {'' | 'sha256='} signaturePrefix
 * @property {number} deliveryRetries retries after the first attempt
 * @property {number} deliveryBaseDelayMs retry n waits base × 2^n (n from 0)
 * @property {number} deliveryTimeoutMs per attempt
 * @property {string} publicBaseUrl host of budgets' publicUrl
 * @property {() => number} now clock in ms (timestamps, key expiry, rate limit)
 */
/**
 * @typedef {Partial<SandboxConfig> & {port?: number, host?: string, seed?: Seed, keys?: KeySpec[]}} SandboxOptions
 */
/**
 * One logged API request (never the full key).
 * @typedef {object} RequestLogEntry
 * @property {string} method
 * @property {string} path the path as received, e.g. /v1/api/public/customers/3 (no query string)
 * @property {Record<string, string>} query
 * @property {unknown} body parsed JSON or null
 * @property {number | null} status null while pending, or for a hung request
 * @property {string | null} keyPrefix first 12 characters of the presented key
 * @property {string} time ISO 8601 (sandbox clock)
 * @property {string} requestId
 * @property {'error' | 'drop' | 'hang'} [fault]
 * @property {string} [error] message of an unexpected (500) error
 */

/** @type {SandboxConfig} */
const DEFAULTS = {
	dialect: 'docs',
	envelope: 'docs',
	errorFormat: 'docs',
	rateLimitWindowSeconds: 3600,
	defaultRateLimitPerHour: 1000,
	faults: null,
	signaturePrefix: '',
	deliveryRetries: 5,
	deliveryBaseDelayMs: 500,
	deliveryTimeoutMs: 10000,
	publicBaseUrl: 'https://app.billoget.com',
	now: Date.now,
};

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * What a dialect sets when it is chosen, unless the same options give these explicitly.
 * @type {Record<'docs' | 'sdk', {envelope: 'docs' | 'sdk', errorFormat: 'docs' | 'sdk'}>}
 */
const DIALECT_DEFAULTS = {
	docs: { envelope: 'docs', errorFormat: 'docs' },
	sdk: { envelope: 'sdk', errorFormat: 'sdk' },
};

/**
 * A checked partial configuration with the dialect's envelope and error format filled in where the
 * partial chooses a dialect but not those.
 * @param {Partial<SandboxConfig>} checked
 * @returns {Partial<SandboxConfig>}
 */
function withDialectDefaults(checked) {
	if (checked.dialect === undefined) return checked;
	return { ...DIALECT_DEFAULTS[checked.dialect], ...checked };
}

// ---- route table ----

/** @type {Array<[string, string, string, Handler]>} method, path (":name" = parameter), scope, handler */
const ROUTES = [
	['GET', '/api/public/customers', 'READ_CUSTOMERS', api.listCustomers],
	['POST', '/api/public/customers', 'WRITE_CUSTOMERS', api.createCustomer],
	['GET', '/api/public/customers/:id', 'READ_CUSTOMERS', api.getCustomer],
	['PUT', '/api/public/customers/:id', 'WRITE_CUSTOMERS', api.updateCustomer],
	['DELETE', '/api/public/customers/:id', 'WRITE_CUSTOMERS', api.deleteCustomer],

	['GET', '/api/public/products', 'READ_PRODUCTS', api.listProducts],
	['POST', '/api/public/products', 'WRITE_PRODUCTS', api.createProduct],
	['GET', '/api/public/products/:id', 'READ_PRODUCTS', api.getProduct],
	['PUT', '/api/public/products/:id', 'WRITE_PRODUCTS', api.updateProduct],
	['DELETE', '/api/public/products/:id', 'WRITE_PRODUCTS', api.deleteProduct],
	['POST', '/api/public/products/with-variants', 'WRITE_PRODUCTS', variants.createProductWithVariants],
	['GET', '/api/public/products/:id/variants', 'READ_PRODUCTS', variants.listProductVariants],
	['POST', '/api/public/product-variants', 'WRITE_PRODUCTS', variants.createVariant],
	['GET', '/api/public/product-variants/:id', 'READ_PRODUCTS', variants.getVariant],
	['PUT', '/api/public/product-variants/:id', 'WRITE_PRODUCTS', variants.updateVariant],
	['DELETE', '/api/public/product-variants/:id', 'WRITE_PRODUCTS', variants.deleteVariant],

	['GET', '/api/public/budgets', 'READ_BUDGETS', api.listBudgets],
	['POST', '/api/budgets/public', 'WRITE_BUDGETS', api.createPublicBudget],
	['GET', '/api/public/budgets/token/:token', 'READ_BUDGETS', api.getBudgetByToken],
	['GET', '/api/public/budgets/public/:id', 'READ_BUDGETS', publicBudgets.getPublicBudgetById],
	['POST', '/api/public/budgets/token/:token/confirm', 'WRITE_BUDGETS', api.confirmByToken],
	['POST', '/api/public/budgets/token/:token/reject', 'WRITE_BUDGETS', api.rejectByToken],
	['GET', '/api/public/budgets/:id', 'READ_BUDGETS', api.getBudget],
	['PUT', '/api/public/budgets/:id', 'WRITE_BUDGETS', api.updateBudget],
	['DELETE', '/api/public/budgets/:id', 'WRITE_BUDGETS', api.deleteBudget],

	['GET', '/api/public/budget-approvals', 'READ_BUDGETS', api.listApprovals],
	['GET', '/api/public/budget-approvals/pending', 'READ_BUDGETS', api.pendingApprovals],
	['GET', '/api/public/budget-approvals/history', 'READ_BUDGETS', api.approvalHistory],
	['GET', '/api/public/budget-approvals/stats', 'READ_BUDGETS', api.approvalStats],
	['POST', '/api/public/budget-approvals/submit', 'WRITE_BUDGETS', api.submitApproval],
	['GET', '/api/public/budget-approvals/config', 'READ_BUDGETS', approvalWorkflow.getConfig],
	['POST', '/api/public/budget-approvals/config', 'WRITE_BUDGETS', approvalWorkflow.saveConfig],
	['GET', '/api/public/budget-approvals/approvers', 'READ_BUDGETS', approvalWorkflow.listApprovers],
	['POST', '/api/public/budget-approvals/approvers', 'WRITE_BUDGETS', approvalWorkflow.assignApprover],
	['DELETE', '/api/public/budget-approvals/approvers/:approverId', 'WRITE_BUDGETS', approvalWorkflow.removeApprover],
	['GET', '/api/public/budget-approvals/can-approve', 'READ_BUDGETS', approvalWorkflow.canApprove],
	[
		'POST',
		'/api/public/budget-approvals/:approvalId/process',
		'WRITE_BUDGETS',
		api.processApproval,
	],

	['POST', '/api/public/webhooks/test', 'WEBHOOKS', api.testWebhook],
	['GET', '/api/public/webhooks', 'WEBHOOKS', api.listSubscriptions],
	['POST', '/api/public/webhooks', 'WEBHOOKS', api.createSubscription],
	['DELETE', '/api/public/webhooks/:id', 'WEBHOOKS', api.deleteSubscription],
];

/**
 * Routes the SDK does not know: an API that reads like the SDK has no webhook subscriptions (the target
 * URL is a property of the API key), so the `sdk` dialect answers 404 there.
 */
const NOT_IN_SDK = new Set(['/api/public/webhooks', '/api/public/webhooks/:id']);

/**
 * @param {string} path
 */
function segments(path) {
	return path.split('/').filter(Boolean);
}

/**
 * First route whose pattern matches; `allowed` lists methods when only the method is wrong.
 * @param {string} method
 * @param {string} path
 * @param {'docs' | 'sdk'} dialect
 * @returns {{route: {scope: string, handler: Handler}, params: Record<string, string>} | {allowed: string[]} | null}
 */
function matchRoute(method, path, dialect) {
	const parts = segments(path);
	/** @type {string[]} */
	const allowed = [];
	for (const [m, pattern, scope, handler] of ROUTES) {
		if (dialect === 'sdk' && NOT_IN_SDK.has(pattern)) continue;
		const pat = segments(pattern);
		if (pat.length !== parts.length) continue;
		/** @type {Record<string, string>} */
		const params = {};
		const hit = pat.every((p, i) => {
			const part = /** @type {string} */ (parts[i]);
			if (p.startsWith(':')) {
				params[p.slice(1)] = decodeURIComponent(part);
				return true;
			}
			return p === part;
		});
		if (!hit) continue;
		if (m === method) return { route: { scope, handler }, params };
		if (!allowed.includes(m)) allowed.push(m);
	}
	return allowed.length > 0 ? { allowed } : null;
}

// ---- configuration ----

const CONFIG_KEYS = /** @type {Array<keyof SandboxConfig>} */ (Object.keys(DEFAULTS));

/**
 * Validates a partial configuration; throws Error naming the bad option.
 * @param {Record<string, unknown>} partial
 * @returns {Partial<SandboxConfig>}
 */
function checkConfig(partial) {
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const [k, v] of Object.entries(partial)) {
		if (v === undefined) continue;
		if (!CONFIG_KEYS.includes(/** @type {keyof SandboxConfig} */ (k)))
			throw new Error(`unknown or non-configurable option: ${k}`);
		/** @param {boolean} cond @param {string} what */
		const must = (cond, what) => {
			if (!cond) throw new Error(`${k} must be ${what}`);
		};
		switch (k) {
			case 'dialect':
			case 'envelope':
			case 'errorFormat':
				must(v === 'docs' || v === 'sdk', "'docs' or 'sdk'");
				break;
			case 'rateLimitWindowSeconds':
			case 'defaultRateLimitPerHour':
				must(typeof v === 'number' && Number.isInteger(v) && v > 0, 'a positive integer');
				break;
			case 'deliveryRetries':
			case 'deliveryBaseDelayMs':
			case 'deliveryTimeoutMs':
				must(typeof v === 'number' && Number.isInteger(v) && v >= 0, 'an integer >= 0');
				break;
			case 'signaturePrefix':
				must(v === '' || v === 'sha256=', "'' or 'sha256='");
				break;
			case 'publicBaseUrl':
				must(typeof v === 'string' && /^https?:\/\//.test(v), 'an http(s) URL');
				break;
			case 'now':
				must(typeof v === 'function', 'a function returning ms');
				break;
			case 'faults':
				validateFaults(v);
				break;
		}
		out[k] = v;
	}
	return /** @type {Partial<SandboxConfig>} */ (out);
}

/** @param {unknown} seed */
function checkSeed(seed) {
	if (seed !== 'demo' && seed !== 'empty' && typeof seed !== 'function') {
		throw new Error("seed must be 'demo', 'empty' or a function(store)");
	}
	return /** @type {Seed} */ (seed);
}

// ---- the server ----

class Sandbox {
	/** @param {SandboxOptions} options */
	constructor(options) {
		const { port, host, seed, keys, ...config } = options;
		/** @type {SandboxConfig} */
		this.config = { ...DEFAULTS, ...withDialectDefaults(checkConfig(config)) };
		this.host = host ?? '127.0.0.1';
		this.requestedPort = port ?? 0;
		/** @type {Seed} */
		this.initialSeed = checkSeed(seed ?? 'demo');
		/** @type {KeySpec[] | undefined} */
		this.initialKeys = keys;
		this.store = new Store(() => this.config.now());
		this.keys = new KeyRing();
		this.limiter = new RateLimiter();
		this.faults = new FaultInjector();
		this.hub = new WebhookHub(
			() => this.config,
			() => this.config.now(),
		);
		/** @type {RequestLogEntry[]} */
		this.requests = [];
		/** @type {Set<import('net').Socket>} */
		this.sockets = new Set();
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
		this.stopped = false;
		/** @type {Promise<void> | undefined} */
		this.stopping = undefined;
		this.port = 0;
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((err) => {
				// Last resort: the pipeline already turns errors into answers.
				if (!res.headersSent && !res.destroyed) {
					res.writeHead(500, { 'Content-Type': 'application/json' });
					res.end(
						JSON.stringify({ error: 'internal_error', message: String(err?.message ?? err) }),
					);
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.faults.configure(this.config.faults);
		this.reset({ seed: this.initialSeed, keys: this.initialKeys });
	}

	/** @returns {Promise<void>} */
	listen() {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.requestedPort, this.host, () => {
				this.server.off('error', reject);
				const addr = /** @type {import('net').AddressInfo} */ (this.server.address());
				this.port = addr.port;
				resolve();
			});
		});
	}

	get origin() {
		const host = this.host.includes(':') ? `[${this.host}]` : this.host;
		return `http://${host}:${this.port}`;
	}

	/** @param {Record<string, unknown>} partial */
	configure(partial) {
		const checked = withDialectDefaults(checkConfig(partial));
		Object.assign(this.config, checked);
		if ('faults' in checked) this.faults.configure(checked.faults ?? null);
		return this.publicConfig();
	}

	publicConfig() {
		const { now: _now, ...rest } = this.config;
		return { ...rest, faults: rest.faults ? { ...rest.faults } : null };
	}

	/**
	 * Fresh data, keys, subscriptions, logs and rate-limit counters; pending deliveries are cancelled.
	 * @param {{seed?: Seed, keys?: KeySpec[]} & Partial<SandboxConfig>} [options]
	 */
	reset(options = {}) {
		const { seed, keys, ...config } = options;
		const seedToUse = checkSeed(seed ?? this.initialSeed);
		const keySpecs = keys ?? this.initialKeys ?? demoKeySpecs();
		if (Object.keys(config).length > 0) this.configure(config);
		this.hub.clear();
		this.store.clear();
		if (seedToUse === 'demo') this.store.seedDemo();
		else if (typeof seedToUse === 'function') seedToUse(this.store);
		this.keys.clear();
		this.keys.nextId = 1;
		for (const spec of keySpecs) this.keys.add(spec);
		this.limiter.clear();
		this.requests.length = 0;
		this.faults.restart();
	}

	/** @param {number} ms */
	delay(ms) {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve(undefined);
			}, ms);
			this.timers.add(t);
		});
	}

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const path = url.pathname;
		if (path === '/__sandbox' || path.startsWith('/__sandbox/'))
			return this.handleAdmin(req, res, url);
		if (path === '/v1' || path.startsWith('/v1/'))
			return this.handleApi(req, res, url, path.slice(3) || '/');
		const requestId = newRequestId();
		const err = new ApiError(404, 'not_found', `No route for ${path}; the API lives under /v1`, {
			path,
		});
		this.send(res, this.errorReply(err, requestId), requestId);
	}

	/**
	 * The API pipeline: faults → auth → rate limit → route → scope → body → handler.
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 * @param {URL} url
	 * @param {string} apiPath
	 */
	async handleApi(req, res, url, apiPath) {
		const requestId = newRequestId();
		const method = (req.method ?? 'GET').toUpperCase();
		const fault = this.faults.next();
		const auth = req.headers.authorization;
		const bearer = /^Bearer\s+(\S+)/i.exec(auth ?? '');
		/** @type {RequestLogEntry} */
		const entry = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			body: null,
			status: null,
			keyPrefix: bearer ? keyPrefixOf(/** @type {string} */ (bearer[1])) : null,
			time: new Date(this.config.now()).toISOString(),
			requestId,
		};
		this.requests.push(entry);

		/** @type {Reply} */
		let reply;
		/** @type {Record<string, string>} */
		let headers = {};
		/** @type {Buffer} */
		let rawBody = Buffer.alloc(0);
		let bodyTooLarge = false;
		try {
			rawBody = await readBody(req);
		} catch {
			bodyTooLarge = true;
		}
		let body = null;
		let badJson = false;
		if (rawBody.length > 0) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				badJson = true;
			}
		}
		entry.body = body;

		if (fault.latencyMs > 0) await this.delay(fault.latencyMs);
		if (this.stopped) return;
		if (fault.action === 'hang') {
			entry.fault = 'hang'; // never answered; stop() closes the socket
			return;
		}
		if (fault.action === 'error') {
			entry.fault = 'error';
			reply = this.errorReply(
				new ApiError(
					503,
					'service_unavailable',
					'The service is temporarily unavailable (sandbox fault injection)',
					{},
				),
				requestId,
			);
			entry.status = reply.status;
			this.send(res, reply, requestId);
			return;
		}

		try {
			const key = await authenticate(auth, req.socket.remoteAddress, this.keys, this.config.now());
			const decision = this.limiter.hit(
				key.id,
				key.rateLimitPerHour ?? this.config.defaultRateLimitPerHour,
				this.config.rateLimitWindowSeconds,
				this.config.now(),
			);
			headers = rateLimitHeaders(decision);
			if (!decision.allowed) {
				throw new ApiError(
					429,
					'rate_limit_exceeded',
					`Rate limit of ${decision.limit} requests per ${decision.windowSeconds} s exceeded; retry after ${decision.retryAfterSeconds} s`,
					{
						limit: decision.limit,
						remaining: 0,
						resetAt: new Date(decision.resetAt * 1000).toISOString(),
					},
				);
			}
			const match = matchRoute(method, apiPath, this.config.dialect);
			if (!match)
				throw new ApiError(404, 'not_found', `No endpoint ${method} ${apiPath}`, { path: apiPath });
			if ('allowed' in match) {
				throw new ApiError(
					405,
					'method_not_allowed',
					`${method} is not allowed on ${apiPath}`,
					{ allowed: match.allowed },
					{ Allow: match.allowed.join(', ') },
				);
			}
			requireScope(key, match.route.scope);
			if (bodyTooLarge)
				throw new ApiError(
					413,
					'payload_too_large',
					`Request body over ${MAX_BODY_BYTES} bytes`,
					{},
				);
			if (badJson) throw badRequest('body', 'Request body is not valid JSON');
			reply = await match.route.handler({
				store: this.store,
				hub: this.hub,
				key,
				keys: this.keys.keys,
				config: this.config,
				params: match.params,
				query: url.searchParams,
				body,
				requestId,
				nowIso: () => new Date(this.config.now()).toISOString(),
				emit: (event, data) => {
					this.hub.emit(event, data, this.keys.keys);
				},
			});
		} catch (err) {
			if (err instanceof ApiError) {
				reply = this.errorReply(err, requestId);
			} else {
				entry.error = String(err instanceof Error ? (err.stack ?? err.message) : err);
				reply = this.errorReply(
					new ApiError(500, 'internal_error', 'Internal sandbox error', {}),
					requestId,
				);
			}
		}
		reply.headers = { ...headers, ...reply.headers };
		entry.status = reply.status;
		if (fault.action === 'drop') {
			entry.fault = 'drop'; // the write (if any) is applied; the client never hears about it
			req.socket.destroy();
			return;
		}
		this.send(res, reply, requestId);
	}

	/**
	 * @param {ApiError} err
	 * @param {string} requestId
	 * @returns {Reply}
	 */
	errorReply(err, requestId) {
		const timestamp = new Date(this.config.now()).toISOString();
		return {
			status: err.status,
			body: errorBody(err, this.config.errorFormat, requestId, timestamp),
			headers: err.headers,
		};
	}

	/**
	 * @param {http.ServerResponse} res
	 * @param {Reply} reply
	 * @param {string} requestId
	 */
	send(res, reply, requestId) {
		if (res.destroyed || res.headersSent) return;
		const payload =
			reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body);
		/** @type {Record<string, string>} */
		const headers = { ...reply.headers, 'X-Request-Id': requestId };
		if (payload) {
			headers['Content-Type'] = 'application/json; charset=utf-8';
			headers['Content-Length'] = String(Buffer.byteLength(payload));
		}
		res.writeHead(reply.status, headers);
		res.end(payload);
	}

	// ---- admin endpoints (no auth, no faults, no rate limit) ----

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 * @param {URL} url
	 */
	async handleAdmin(req, res, url) {
		const requestId = newRequestId();
		const route = `${(req.method ?? 'GET').toUpperCase()} ${url.pathname.replace(/\/+$/, '')}`;
		/** @type {Reply} */
		let reply;
		try {
			const raw = await readBody(req);
			let body = {};
			if (raw.length > 0) {
				try {
					body = JSON.parse(raw.toString('utf8'));
				} catch {
					throw badRequest('body', 'Request body is not valid JSON');
				}
			}
			reply = this.admin(route, /** @type {Record<string, unknown>} */ (body ?? {}));
		} catch (err) {
			const apiErr =
				err instanceof ApiError
					? err
					: new ApiError(400, 'bad_request', String(err instanceof Error ? err.message : err), {});
			reply = {
				status: apiErr.status,
				body: errorBody(apiErr, 'docs', requestId, new Date().toISOString()),
			};
		}
		this.send(res, reply, requestId);
	}

	/**
	 * @param {string} route "METHOD /path"
	 * @param {Record<string, unknown>} body
	 * @returns {Reply}
	 */
	admin(route, body) {
		switch (route) {
			case 'GET /__sandbox/health':
				return { status: 200, body: { ok: true } };
			case 'GET /__sandbox/requests':
				return { status: 200, body: { data: this.requests } };
			case 'DELETE /__sandbox/requests':
				this.requests.length = 0;
				return { status: 204 };
			case 'GET /__sandbox/deliveries':
				return { status: 200, body: { data: this.hub.deliveries } };
			case 'DELETE /__sandbox/deliveries':
				this.hub.deliveries.length = 0;
				return { status: 204 };
			case 'GET /__sandbox/subscriptions':
				return { status: 200, body: { data: this.hub.subscriptions } };
			case 'GET /__sandbox/config':
				return { status: 200, body: { data: this.publicConfig() } };
			case 'POST /__sandbox/config':
				if (typeof body !== 'object' || Array.isArray(body))
					throw new Error('body must be an object of options');
				if ('now' in body) throw new Error('now can only be set from code');
				return { status: 200, body: { data: this.configure(body) } };
			case 'POST /__sandbox/reset': {
				const { seed, keys, ...rest } = body;
				if (seed !== undefined && seed !== 'demo' && seed !== 'empty')
					throw new Error("seed must be 'demo' or 'empty'");
				if (keys !== undefined && !Array.isArray(keys))
					throw new Error('keys must be an array of key specs');
				if ('now' in rest) throw new Error('now can only be set from code');
				this.reset({
					seed: /** @type {Seed | undefined} */ (seed),
					keys: /** @type {KeySpec[] | undefined} */ (keys),
					...checkConfig(rest),
				});
				return { status: 200, body: { ok: true } };
			}
			case 'GET /__sandbox/keys':
				return {
					status: 200,
					body: {
						data: this.keys.keys.map(({ hash: _hash, webhookSecret: _s, ...k }) => ({
							...k,
							expiresAt: k.expiresAt === null ? null : new Date(k.expiresAt).toISOString(),
						})),
					},
				};
			case 'POST /__sandbox/keys':
				return { status: 201, body: { key: this.keys.add(/** @type {KeySpec} */ (body)) } };
			case 'POST /__sandbox/emit': {
				if (typeof body.event !== 'string' || body.event === '')
					throw new Error('event must be a non-empty string');
				return {
					status: 200,
					body: { data: this.hub.emit(body.event, body.data ?? {}, this.keys.keys) },
				};
			}
			default:
				throw new ApiError(404, 'not_found', `No admin endpoint ${route}`, {});
		}
	}

	/** Closes the server and every socket (hung ones included) and cancels delivery retries. */
	stop() {
		if (!this.stopping) {
			this.stopped = true;
			this.hub.stop();
			for (const t of this.timers) clearTimeout(t);
			this.timers.clear();
			this.stopping = new Promise((resolve) => {
				this.server.close(() => resolve());
				this.server.closeAllConnections();
				for (const s of this.sockets) s.destroy();
			});
		}
		return this.stopping;
	}
}

function newRequestId() {
	return `req_${randomBytes(8).toString('hex')}`;
}

/**
 * Reads the whole request body (rejects above MAX_BODY_BYTES, after draining).
 * @param {http.IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () =>
			tooLarge ? reject(new Error('body too large')) : resolve(Buffer.concat(chunks)),
		);
		req.on('error', reject);
	});
}

/**
 * @typedef {object} SandboxHandle
 * @property {string} baseUrl `http://host:port/v1`
 * @property {string} url origin, `http://host:port`
 * @property {number} port
 * @property {Store} store the live data (maps of customers, products, budgets, approvals)
 * @property {RequestLogEntry[]} requests API request log (cleared in place by reset)
 * @property {DeliveryRecord[]} deliveries webhook attempt log (cleared in place by reset)
 * @property {(partial: Partial<SandboxConfig>) => Omit<SandboxConfig, 'now'>} configure
 * @property {(options?: {seed?: Seed, keys?: KeySpec[]} & Partial<SandboxConfig>) => void} reset
 * @property {(spec?: KeySpec) => string} addKey returns the plaintext key
 * @property {() => Subscription[]} subscriptions every key's subscriptions, secrets included
 * @property {(event: string, data: unknown) => Array<{deliveryId: string, url: string, subscriptionId: number | null}>} emit
 * @property {(url: string, body: string, headers?: Record<string, string>) => Promise<{status?: number, error?: string}>} deliverRaw
 * @property {(predicate: (deliveries: DeliveryRecord[]) => boolean, timeoutMs?: number) => Promise<DeliveryRecord[]>} waitForDeliveries
 * @property {() => Promise<void>} stop
 */

/**
 * Starts a sandbox. Every option is optional; see README.md.
 * @param {SandboxOptions} [options]
 * @returns {Promise<SandboxHandle>}
 */
async function startSandbox(options = {}) {
	const sb = new Sandbox(options);
	await sb.listen();
	return {
		baseUrl: `${sb.origin}/v1`,
		url: sb.origin,
		port: sb.port,
		store: sb.store,
		requests: sb.requests,
		deliveries: sb.hub.deliveries,
		configure: (partial) => sb.configure(partial),
		reset: (opts) => sb.reset(opts),
		addKey: (spec) => sb.keys.add(spec),
		subscriptions: () => sb.hub.subscriptions.map((s) => ({ ...s, events: [...s.events] })),
		emit: (event, data) => sb.hub.emit(event, data, sb.keys.keys),
		deliverRaw: (url, body, headers) => sb.hub.deliverRaw(url, body, headers),
		waitForDeliveries: (predicate, timeoutMs) => sb.hub.waitFor(predicate, timeoutMs),
		stop: () => sb.stop(),
	};
}

/** The two readings of the API the sandbox can serve. */
const DIALECTS = /** @type {const} */ (['docs', 'sdk']);

module.exports = { startSandbox, DEMO_KEYS, SCOPES, EVENTS, DEFAULTS, DIALECTS, sign };
