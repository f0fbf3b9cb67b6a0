// @ts-check
'use strict';
// Handlers of the public API routes (the route table itself is in server.js). Each handler gets a
// context and answers {status, body}; errors are thrown as ApiError. Writes emit their webhook event
// after the store changed.

const { ApiError, notFound, badRequest, validationError } = require('./errors');
const {
	validateCustomer,
	validateProduct,
	validateBudget,
	validateSubscription,
	validateSimple,
	requireObject,
	param,
	parseIntParam,
	parsePagination,
	parseBoolParam,
	parseDateParam,
	parseEnumParam,
	parseId,
} = require('./validation');
const { WebhookHub, EVENTS } = require('./webhooks');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').Budget} Budget */
/** @typedef {import('./store').Approval} Approval */
/** @typedef {import('./auth').ApiKey} ApiKey */
/**
 * @typedef {object} Ctx
 * @property {Store} store
 * @property {WebhookHub} hub
 * @property {ApiKey} key the authenticated key
 * @property {ApiKey[]} keys every key (their webhookUrl receives events)
 * @property {{dialect: 'docs' | 'sdk', envelope: 'docs' | 'sdk', publicBaseUrl: string}} config
 * @property {Record<string, string>} params path parameters
 * @property {URLSearchParams} query
 * @property {unknown} body parsed JSON body (null when empty)
 * @property {string} requestId
 * @property {() => string} nowIso
 * @property {(event: string, data: unknown) => void} emit
 */
/** @typedef {{status: number, body?: unknown, headers?: Record<string, string>}} Reply */
/** @typedef {(ctx: Ctx) => Reply | Promise<Reply>} Handler */

/** @param {unknown} data */
const ok = (data) => ({ status: 200, body: { data } });
/** @param {unknown} data */
const created = (data) => ({ status: 201, body: { data } });
const noContent = () => ({ status: 204 });

/**
 * One page of `items` in the configured list envelope.
 * @template T
 * @param {Ctx} ctx
 * @param {T[]} items already filtered, in order
 * @param {{page: number, limit: number}} paging
 * @returns {Reply}
 */
function listReply(ctx, items, paging) {
	const { page, limit } = paging;
	const total = items.length;
	const data = items.slice((page - 1) * limit, page * limit);
	if (ctx.config.envelope === 'sdk') {
		return ok({
			data,
			meta: {
				totalItems: total,
				itemCount: data.length,
				itemsPerPage: limit,
				totalPages: Math.ceil(total / limit),
				currentPage: page,
			},
		});
	}
	return {
		status: 200,
		body: {
			data,
			pagination: { page, limit, total, hasMore: page * limit < total },
			meta: { requestId: ctx.requestId, timestamp: ctx.nowIso() },
		},
	};
}

/**
 * Case-insensitive substring match over some field values.
 * @param {string | undefined} needle lower-cased search
 * @param {Array<unknown>} fields
 */
function matches(needle, fields) {
	if (needle === undefined) return true;
	return fields.some(
		(f) => f !== null && f !== undefined && String(f).toLowerCase().includes(needle),
	);
}

/**
 * The `sdk` dialect serves the API as Billoget's SDK reads it: query parameters the SDK does not send
 * are ignored (as an API that does not know them would), and `search` covers the SDK's fields only.
 * @param {Ctx} ctx
 */
function sdkDialect(ctx) {
	return ctx.config.dialect === 'sdk';
}

/**
 * A query parameter the current dialect honours; undefined when absent or unknown to the dialect.
 * @param {Ctx} ctx
 * @param {string} name
 * @param {boolean} inSdk whether the SDK knows this parameter
 */
function known(ctx, name, inSdk) {
	return !inSdk && sdkDialect(ctx) ? undefined : param(ctx.query, name);
}

/** @param {Ctx} ctx */
function id(ctx) {
	return parseId(ctx.params.id ?? '');
}

// ---- customers ----

/** @type {Handler} */
function listCustomers(ctx) {
	const q = ctx.query;
	const paging = parsePagination(q);
	const search = param(q, 'search')?.toLowerCase();
	const email = known(ctx, 'email', false)?.toLowerCase();
	const dni = known(ctx, 'dni', false);
	const cuit = known(ctx, 'cuit', false);
	// The SDK documents customer search over name, email and phone only.
	const searched = sdkDialect(ctx)
		? (/** @type {import('./store').Customer} */ c) => [
				c.firstName,
				c.lastName,
				`${c.firstName} ${c.lastName}`,
				c.email,
				c.phoneNumber,
			]
		: (/** @type {import('./store').Customer} */ c) => [
				c.firstName,
				c.lastName,
				`${c.firstName} ${c.lastName}`,
				c.email,
				c.phoneNumber,
				c.dni,
				c.cuit,
			];
	const items = [...ctx.store.customers.values()]
		.filter((c) => matches(search, searched(c)))
		.filter((c) => email === undefined || (c.email ?? '').toLowerCase() === email)
		.filter(
			(c) => dni === undefined || (c.dni !== null && c.dni !== undefined && String(c.dni) === dni),
		)
		.filter((c) => cuit === undefined || c.cuit === cuit)
		.map((c) => ctx.store.customerView(c));
	return listReply(ctx, items, paging);
}

/** @type {Handler} */
function getCustomer(ctx) {
	const c = ctx.store.customers.get(id(ctx));
	if (!c) throw notFound('Customer', id(ctx));
	return ok(ctx.store.customerView(c));
}

/** @type {Handler} */
function createCustomer(ctx) {
	const values = validateCustomer(ctx.body, false);
	const c = ctx.store.createCustomer(/** @type {any} */ (values));
	const view = ctx.store.customerView(c);
	ctx.emit('customer.created', view);
	return created(view);
}

/** @type {Handler} */
function updateCustomer(ctx) {
	const cid = id(ctx);
	if (!ctx.store.customers.has(cid)) throw notFound('Customer', cid);
	const values = validateCustomer(ctx.body, true);
	const r = /** @type {NonNullable<ReturnType<Store['updateCustomer']>>} */ (
		ctx.store.updateCustomer(cid, values)
	);
	const view = ctx.store.customerView(r.record);
	if (r.changed) ctx.emit('customer.updated', view);
	return ok(view);
}

/** @type {Handler} */
function deleteCustomer(ctx) {
	const c = ctx.store.deleteCustomer(id(ctx));
	if (!c) throw notFound('Customer', id(ctx));
	ctx.emit('customer.deleted', ctx.store.customerView(c));
	return noContent();
}

// ---- products ----

/** @type {Handler} */
function listProducts(ctx) {
	const q = ctx.query;
	const paging = parsePagination(q);
	const search = param(q, 'search')?.toLowerCase();
	const category = param(q, 'category')?.toLowerCase();
	const type = parseEnumParam('type', param(q, 'type'), ['product', 'service']);
	const isActive = parseBoolParam('isActive', param(q, 'isActive'));
	const productCode = known(ctx, 'productCode', false);
	const sku = known(ctx, 'sku', false);
	// The SDK documents product search over name (the description), description, SKU and category: not the product code.
	const items = [...ctx.store.products.values()]
		.filter((p) =>
			matches(
				search,
				sdkDialect(ctx)
					? [p.description, p.sku, p.category]
					: [p.productCode, p.description, p.sku, p.category],
			),
		)
		.filter((p) => category === undefined || p.category.toLowerCase() === category)
		.filter((p) => type === undefined || p.type === type)
		.filter((p) => isActive === undefined || p.isActive === isActive)
		.filter((p) => productCode === undefined || p.productCode === productCode)
		.filter((p) => sku === undefined || p.sku === sku)
		.map((p) => ctx.store.productView(p));
	return listReply(ctx, items, paging);
}

/** @type {Handler} */
function getProduct(ctx) {
	const p = ctx.store.products.get(id(ctx));
	if (!p) throw notFound('Product', id(ctx));
	return ok(ctx.store.productView(p));
}

/** @type {Handler} */
function createProduct(ctx) {
	const values = validateProduct(ctx.body, false);
	const p = ctx.store.createProduct(/** @type {any} */ (values));
	const view = ctx.store.productView(p);
	ctx.emit('product.created', view);
	return created(view);
}

/** @type {Handler} */
function updateProduct(ctx) {
	const pid = id(ctx);
	if (!ctx.store.products.has(pid)) throw notFound('Product', pid);
	const values = validateProduct(ctx.body, true);
	const r = /** @type {NonNullable<ReturnType<Store['updateProduct']>>} */ (
		ctx.store.updateProduct(pid, values)
	);
	const view = ctx.store.productView(r.record);
	if (r.changed) ctx.emit('product.updated', view);
	return ok(view);
}

/** @type {Handler} */
function deleteProduct(ctx) {
	const p = ctx.store.deleteProduct(id(ctx));
	if (!p) throw notFound('Product', id(ctx));
	ctx.emit('product.deleted', ctx.store.productView(p));
	return noContent();
}

// ---- budgets ----

const STATE_NAMES = /** @type {Record<string, number>} */ ({
	GENERATED: 0,
	PENDING: 0,
	APPROVED: 1,
	REJECTED: 2,
});

/**
 * `state` or `status`: 0/1/2 or a name (GENERATED/PENDING, APPROVED, REJECTED, EXPIRED). The `sdk`
 * dialect knows only `status`, numeric.
 * @param {Ctx} ctx
 * @returns {{state?: number, expired?: boolean}}
 */
function parseStateFilter(ctx) {
	const q = ctx.query;
	if (sdkDialect(ctx)) {
		const raw = param(q, 'status');
		if (raw === undefined) return {};
		if (!/^[012]$/.test(raw))
			throw badRequest('status', 'status must be 0 (generated), 1 (approved) or 2 (rejected)');
		return { state: Number(raw) };
	}
	const name = param(q, 'state') !== undefined ? 'state' : 'status';
	const raw = param(q, name);
	if (raw === undefined) return {};
	if (/^[012]$/.test(raw)) return { state: Number(raw) };
	const upper = raw.toUpperCase();
	if (upper === 'EXPIRED') return { state: 0, expired: true };
	const state = STATE_NAMES[upper];
	if (state === undefined) {
		throw badRequest(
			name,
			`${name} must be 0 (generated), 1 (approved), 2 (rejected) or GENERATED, PENDING, APPROVED, REJECTED, EXPIRED`,
		);
	}
	return { state };
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 */
function parseNumberParam(name, raw) {
	if (raw === undefined) return undefined;
	const n = Number(raw);
	if (!Number.isFinite(n)) throw badRequest(name, `${name} must be a number`);
	return n;
}

/** @type {Handler} */
function listBudgets(ctx) {
	const q = ctx.query;
	const paging = parsePagination(q);
	const { state, expired } = parseStateFilter(ctx);
	const customerId = parseIntParam('customerId', param(q, 'customerId'), { min: 1 });
	const sellerId = parseIntParam('sellerId', known(ctx, 'sellerId', false), { min: 1 });
	const currency = known(ctx, 'currency', false)?.toUpperCase();
	const search = param(q, 'search')?.toLowerCase();
	const start = parseDateParam('startDate', param(q, 'startDate'), 'start');
	const end = parseDateParam('endDate', param(q, 'endDate'), 'end');
	const after = parseDateParam('createdAfter', known(ctx, 'createdAfter', false), 'start');
	const before = parseDateParam('createdBefore', known(ctx, 'createdBefore', false), 'end');
	const minTotal = parseNumberParam('minTotal', known(ctx, 'minTotal', false));
	const maxTotal = parseNumberParam('maxTotal', known(ctx, 'maxTotal', false));
	// Which date the SDK's startDate/endDate filter is not stated: the docs dialect applies them to the
	// issue date, the sdk dialect to the creation date, so that a client relying on either is caught.
	const rangeField = sdkDialect(ctx) ? 'createdAt' : 'issueDate';
	const nowMs = Date.parse(ctx.nowIso());
	/** @param {string} iso @param {number | undefined} lo @param {number | undefined} hi */
	const inRange = (iso, lo, hi) => {
		const t = Date.parse(iso);
		return (lo === undefined || t >= lo) && (hi === undefined || t <= hi);
	};
	const items = [...ctx.store.budgets.values()]
		.filter((b) => state === undefined || b.state === state)
		.filter((b) => !expired || Date.parse(b.expirationDate) < nowMs)
		.filter((b) => customerId === undefined || b.customerId === customerId)
		.filter((b) => sellerId === undefined || b.sellerId === sellerId)
		.filter((b) => currency === undefined || b.currency.toUpperCase() === currency)
		.filter((b) => inRange(b[rangeField], start, end) && inRange(b.createdAt, after, before))
		.filter(
			(b) =>
				(minTotal === undefined || b.total >= minTotal) &&
				(maxTotal === undefined || b.total <= maxTotal),
		)
		.filter((b) => {
			const c = ctx.store.customers.get(b.customerId);
			return matches(search, [
				b.id,
				b.comments,
				c?.firstName,
				c?.lastName,
				c ? `${c.firstName} ${c.lastName}` : null,
			]);
		})
		.map((b) => ctx.store.budgetView(b));
	return listReply(ctx, items, paging);
}

/** @type {Handler} */
function getBudget(ctx) {
	const b = ctx.store.budgets.get(id(ctx));
	if (!b) throw notFound('Budget', id(ctx));
	return ok(ctx.store.budgetView(b));
}

/** @param {Ctx} ctx @param {string} token */
function publicUrl(ctx, token) {
	return `${ctx.config.publicBaseUrl.replace(/\/+$/, '')}/budget/${token}`;
}

/**
 * POST /api/budgets/public: the documented flat answer (docs dialect), or the same wrapped in
 * `{data: …}` as the SDK reads it (sdk dialect).
 * @type {Handler}
 */
function createPublicBudget(ctx) {
	const values = validateBudget(ctx.body, false, (cid) => ctx.store.customers.has(cid));
	const b = ctx.store.createBudget(/** @type {any} */ (values));
	ctx.emit('budget.created', ctx.store.budgetView(b));
	const answer = {
		success: true,
		message: 'Budget created successfully',
		publicUrl: publicUrl(ctx, b.publicToken),
		budgetId: b.id,
		publicToken: b.publicToken,
	};
	return { status: 201, body: sdkDialect(ctx) ? { data: answer } : answer };
}

/** @type {Handler} */
function updateBudget(ctx) {
	const bid = id(ctx);
	if (!ctx.store.budgets.has(bid)) throw notFound('Budget', bid);
	const values = validateBudget(ctx.body, true, (cid) => ctx.store.customers.has(cid));
	const r = /** @type {NonNullable<ReturnType<Store['updateBudget']>>} */ (
		ctx.store.updateBudget(bid, values)
	);
	const view = ctx.store.budgetView(r.record);
	if (r.changed) ctx.emit('budget.updated', view);
	return ok(view);
}

/** @type {Handler} */
function deleteBudget(ctx) {
	const b = ctx.store.deleteBudget(id(ctx));
	if (!b) throw notFound('Budget', id(ctx));
	ctx.emit('budget.deleted', ctx.store.budgetView(b));
	return noContent();
}

/** @param {Ctx} ctx */
function budgetByToken(ctx) {
	const token = ctx.params.token ?? '';
	const b = ctx.store.budgetByToken(token);
	if (!b) throw notFound('Budget with token', token);
	return b;
}

/** @type {Handler} */
function getBudgetByToken(ctx) {
	return ok(ctx.store.publicBudgetView(budgetByToken(ctx)));
}

/**
 * Decides a budget (state 1 or 2) and emits budget.approved / budget.rejected (not budget.updated).
 * @param {Ctx} ctx
 * @param {Budget} b
 * @param {1 | 2} state
 */
function decideBudget(ctx, b, state) {
	ctx.store.setBudgetState(b, state);
	ctx.emit(state === 1 ? 'budget.approved' : 'budget.rejected', ctx.store.budgetView(b));
}

/** @param {Budget} b */
function requireGenerated(b) {
	if (b.state !== 0) {
		const what = b.state === 1 ? 'approved' : 'rejected';
		throw new ApiError(409, 'conflict', `Budget ${b.id} is already ${what}`, {
			budgetId: b.id,
			state: b.state,
		});
	}
}

/** @type {Handler} */
function confirmByToken(ctx) {
	const b = budgetByToken(ctx);
	requireGenerated(b);
	decideBudget(ctx, b, 1);
	return ok({ message: 'Budget confirmed', budget: ctx.store.publicBudgetView(b) });
}

/** @type {Handler} */
function rejectByToken(ctx) {
	const b = budgetByToken(ctx);
	requireGenerated(b);
	decideBudget(ctx, b, 2);
	return ok({ message: 'Budget rejected', budget: ctx.store.publicBudgetView(b) });
}

// ---- approvals ----

const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'];

/** @type {Handler} */
function listApprovals(ctx) {
	const q = ctx.query;
	const paging = parsePagination(q);
	const status = parseEnumParam('status', param(q, 'status'), APPROVAL_STATUSES);
	const budgetId = parseIntParam('budgetId', param(q, 'budgetId'), { min: 1 });
	const userId = parseIntParam('userId', param(q, 'userId'), { min: 1 });
	const items = [...ctx.store.approvals.values()]
		.filter((a) => status === undefined || a.status === status)
		.filter((a) => budgetId === undefined || a.budgetId === budgetId)
		.filter((a) => userId === undefined || a.requestedBy === userId || a.approvedBy === userId)
		.map((a) => ({ ...a }));
	return listReply(ctx, items, paging);
}

/** @type {Handler} */
function pendingApprovals(ctx) {
	return ok(
		[...ctx.store.approvals.values()].filter((a) => a.status === 'pending').map((a) => ({ ...a })),
	);
}

/** @type {Handler} */
function approvalHistory(ctx) {
	const budgetId = parseIntParam('budgetId', param(ctx.query, 'budgetId'), { min: 1 });
	return ok(
		[...ctx.store.approvals.values()]
			.filter((a) => budgetId === undefined || a.budgetId === budgetId)
			.map((a) => ({ ...a })),
	);
}

/** @type {Handler} */
function approvalStats(ctx) {
	const all = [...ctx.store.approvals.values()];
	/** @param {string} s */
	const count = (s) => all.filter((a) => a.status === s).length;
	return ok({
		pending: count('pending'),
		approved: count('approved'),
		rejected: count('rejected'),
		cancelled: count('cancelled'),
		total: all.length,
	});
}

/** @type {Handler} */
function submitApproval(ctx) {
	const values = validateSimple(ctx.body, {
		budgetId: { type: 'integer', required: true, min: 1 },
		requestNotes: { type: 'string', nullable: true },
	});
	const budgetId = /** @type {number} */ (values.budgetId);
	if (!ctx.store.budgets.has(budgetId))
		throw validationError('budgetId', `budgetId ${budgetId} does not exist`);
	const previous = [...ctx.store.approvals.values()].filter((a) => a.budgetId === budgetId);
	const pending = previous.find((a) => a.status === 'pending');
	if (pending) {
		throw new ApiError(
			409,
			'conflict',
			`Budget ${budgetId} already has a pending approval (${pending.id})`,
			{
				budgetId,
				approvalId: pending.id,
			},
		);
	}
	const a = ctx.store.createApproval({
		budgetId,
		requestedBy: ctx.key.userId,
		requestNotes: /** @type {string | null | undefined} */ (values.requestNotes) ?? null,
		action: previous.length > 0 ? 'resubmitted' : 'submitted',
	});
	return created({ ...a });
}

/** @type {Handler} */
function processApproval(ctx) {
	const approvalId = parseId(ctx.params.approvalId ?? '');
	const a = ctx.store.approvals.get(approvalId);
	if (!a) throw notFound('Approval', approvalId);
	const values = validateSimple(ctx.body, {
		action: { type: 'string', required: true, values: ['approve', 'reject'] },
		comments: { type: 'string', nullable: true },
	});
	if (a.status !== 'pending') {
		throw new ApiError(409, 'conflict', `Approval ${a.id} is ${a.status}, not pending`, {
			approvalId: a.id,
			status: a.status,
		});
	}
	const b = ctx.store.budgets.get(a.budgetId);
	if (!b)
		throw new ApiError(409, 'conflict', `Budget ${a.budgetId} no longer exists`, {
			budgetId: a.budgetId,
		});
	const approve = values.action === 'approve';
	const now = ctx.nowIso();
	Object.assign(a, {
		status: approve ? 'approved' : 'rejected',
		action: approve ? 'approved' : 'rejected',
		approvedBy: ctx.key.userId,
		comments: values.comments ?? null,
		reviewedAt: now,
		approvedAt: approve ? now : null,
		rejectedAt: approve ? null : now,
		updatedAt: now,
	});
	decideBudget(ctx, b, approve ? 1 : 2);
	return ok({ ...a });
}

// ---- webhooks ----

/** @type {Handler} */
function testWebhook(ctx) {
	const body = requireObject(ctx.body);
	const values = validateSimple(body, { event: { type: 'string', required: true } });
	const event = /** @type {string} */ (values.event);
	const sent = ctx.hub.emit(event, body.data ?? {}, ctx.keys, ctx.key.id);
	return ok({
		message: 'Webhook test event sent',
		timestamp: ctx.nowIso(),
		apiKey: ctx.key.keyPrefix,
		event,
		deliveries: sent.length,
	});
}

/** @type {Handler} */
function listSubscriptions(ctx) {
	const paging = parsePagination(ctx.query);
	return listReply(
		ctx,
		ctx.hub.listFor(ctx.key.id).map((s) => WebhookHub.view(s)),
		paging,
	);
}

/** @type {Handler} */
function createSubscription(ctx) {
	const input = validateSubscription(ctx.body, EVENTS);
	const sub = ctx.hub.subscribe(ctx.key, input);
	return created({ ...WebhookHub.view(sub), secret: sub.secret });
}

/** @type {Handler} */
function deleteSubscription(ctx) {
	const sid = id(ctx);
	if (!ctx.hub.remove(ctx.key.id, sid)) throw notFound('Webhook', sid);
	return noContent();
}

module.exports = {
	listReply,
	ok,
	created,
	noContent,
	listCustomers,
	getCustomer,
	createCustomer,
	updateCustomer,
	deleteCustomer,
	listProducts,
	getProduct,
	createProduct,
	updateProduct,
	deleteProduct,
	listBudgets,
	getBudget,
	createPublicBudget,
	updateBudget,
	deleteBudget,
	getBudgetByToken,
	confirmByToken,
	rejectByToken,
	listApprovals,
	pendingApprovals,
	approvalHistory,
	approvalStats,
	submitApproval,
	processApproval,
	testWebhook,
	listSubscriptions,
	createSubscription,
	deleteSubscription,
};
