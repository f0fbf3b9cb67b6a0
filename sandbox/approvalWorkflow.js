// @ts-check
'use strict';
// The approval workflow's settings and approvers (documented only by Billoget's SDK): GET / POST
// /budget-approvals/config, GET / POST / DELETE /budget-approvals/approvers[/{id}] and
// GET /budget-approvals/can-approve. Handlers for the route table in server.js; the records live
// in store.approvalConfig and store.approvers.

const { ApiError, notFound, validationError } = require('./errors');
const { validateSimple, param, parseIntParam, parseId } = require('./validation');
const { ok, created, noContent } = require('./api');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./api').Handler} Handler */
/**
 * @typedef {object} ApprovalConfig
 * @property {number} id
 * @property {number} businessId
 * @property {boolean} requiresBudgetApproval
 * @property {boolean} ownerCanApprove
 * @property {boolean} adminCanApprove
 * @property {number | null} approvalThreshold
 * @property {boolean} isActive
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/**
 * @typedef {object} Approver
 * @property {number} id
 * @property {number} businessId
 * @property {number} userId
 * @property {boolean} isActive
 * @property {number} assignedBy
 * @property {string | null} notes
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/**
 * *Sandbox*: the users of the business and their role (the public API has no user endpoint).
 * @type {Record<number, {id: number, displayName: string, email: string, role: 'owner' | 'admin' | 'member'}>}
 */
const USERS = {
	1: { id: 1, displayName: 'Valentina Ríos', email: 'valentina@demo-tech.example.com', role: 'owner' },
	2: { id: 2, displayName: 'Martín Sosa', email: 'martin@demo-tech.example.com', role: 'admin' },
	3: { id: 3, displayName: 'Lucía Fernández', email: 'lucia@demo-tech.example.com', role: 'member' },
	4: { id: 4, displayName: 'Diego Paz', email: 'diego@demo-tech.example.com', role: 'member' },
};

/** @param {number} id */
function userView(id) {
	const u = USERS[id];
	return u ? { id: u.id, displayName: u.displayName, email: u.email } : null;
}

/** @param {Approver} a */
const approverView = (a) => ({ ...a, user: userView(a.userId), assignedByUser: userView(a.assignedBy) });

/** @type {Handler} */
function getConfig(ctx) {
	const config = ctx.store.approvalConfig;
	if (!config) throw new ApiError(404, 'not_found', 'No approval configuration exists for this business', {});
	return ok({ ...config });
}

/** POST /config: creates the configuration (201) or replaces its values (200). @type {Handler} */
function saveConfig(ctx) {
	const values = validateSimple(ctx.body, {
		requiresBudgetApproval: { type: 'boolean', required: true },
		ownerCanApprove: { type: 'boolean', required: true },
		adminCanApprove: { type: 'boolean', required: true },
		approvalThreshold: { type: 'number', nullable: true, min: 0 },
		isActive: { type: 'boolean' },
	});
	const now = ctx.nowIso();
	const existing = ctx.store.approvalConfig;
	/** @type {ApprovalConfig} */
	const config = {
		id: existing?.id ?? 1,
		businessId: ctx.store.businessId,
		requiresBudgetApproval: /** @type {boolean} */ (values.requiresBudgetApproval),
		ownerCanApprove: /** @type {boolean} */ (values.ownerCanApprove),
		adminCanApprove: /** @type {boolean} */ (values.adminCanApprove),
		approvalThreshold: /** @type {number | null} */ (
			values.approvalThreshold !== undefined ? values.approvalThreshold : (existing?.approvalThreshold ?? null)
		),
		isActive: /** @type {boolean} */ (values.isActive ?? existing?.isActive ?? true),
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
	};
	ctx.store.approvalConfig = config;
	return existing ? ok({ ...config }) : created({ ...config });
}

/** A plain list, as the SDK types it (BudgetApprover[]). @type {Handler} */
function listApprovers(ctx) {
	return ok([...ctx.store.approvers.values()].map(approverView));
}

/** @type {Handler} */
function assignApprover(ctx) {
	const values = validateSimple(ctx.body, {
		userId: { type: 'integer', required: true, min: 1 },
		notes: { type: 'string', nullable: true },
	});
	const userId = /** @type {number} */ (values.userId);
	if (!USERS[userId]) throw validationError('userId', `userId ${userId} is not a user of this business`);
	const current = [...ctx.store.approvers.values()].find((a) => a.userId === userId);
	if (current) {
		throw new ApiError(409, 'conflict', `User ${userId} is already an approver (${current.id})`, {
			userId,
			approverId: current.id,
		});
	}
	const now = ctx.nowIso();
	/** @type {Approver} */
	const approver = {
		id: ctx.store.nextId('approver'),
		businessId: ctx.store.businessId,
		userId,
		isActive: true,
		assignedBy: ctx.key.userId,
		notes: /** @type {string | null | undefined} */ (values.notes) ?? null,
		createdAt: now,
		updatedAt: now,
	};
	ctx.store.approvers.set(approver.id, approver);
	return created(approverView(approver));
}

/** @type {Handler} */
function removeApprover(ctx) {
	const aid = parseId(ctx.params.approverId ?? '');
	if (!ctx.store.approvers.delete(aid)) throw notFound('Approver', aid);
	return noContent();
}

/**
 * *Sandbox* rule: an active approver may approve; so may the owner and admins where the configuration
 * allows it (without a configuration: the owner only). A switched-off workflow lets nobody approve.
 * @type {Handler}
 */
function canApprove(ctx) {
	const userId = parseIntParam('userId', param(ctx.query, 'userId'), { min: 1 }) ?? ctx.key.userId;
	const config = ctx.store.approvalConfig;
	const role = USERS[userId]?.role;
	const assigned = [...ctx.store.approvers.values()].some((a) => a.userId === userId && a.isActive);
	const byRole = config
		? (role === 'owner' && config.ownerCanApprove) || (role === 'admin' && config.adminCanApprove)
		: role === 'owner';
	return ok({ canApprove: (config?.isActive ?? true) && (assigned || byRole) });
}

/**
 * Demo: approval required above 500,000, owner and admins may approve, user 3 assigned as approver.
 * @param {Store} store
 */
function seedDemoApprovalWorkflow(store) {
	const at = '2026-01-02T12:00:00.000Z';
	store.approvalConfig = {
		id: 1,
		businessId: store.businessId,
		requiresBudgetApproval: true,
		ownerCanApprove: true,
		adminCanApprove: false,
		approvalThreshold: 500000,
		isActive: true,
		createdAt: at,
		updatedAt: at,
	};
	const id = store.nextId('approver');
	store.approvers.set(id, {
		id,
		businessId: store.businessId,
		userId: 3,
		isActive: true,
		assignedBy: 1,
		notes: 'Jefa de ventas',
		createdAt: at,
		updatedAt: at,
	});
}

module.exports = {
	USERS,
	getConfig,
	saveConfig,
	listApprovers,
	assignApprover,
	removeApprover,
	canApprove,
	seedDemoApprovalWorkflow,
};
