// @ts-check
'use strict';
// GET /api/public/budgets/public/{id}: a budget's public (UBS) view by its numeric id, documented only
// by Billoget's SDK. The same view as the token lookup.

const { notFound } = require('./errors');
const { parseId } = require('./validation');
const { ok } = require('./api');

/** @typedef {import('./api').Handler} Handler */

/** @type {Handler} */
function getPublicBudgetById(ctx) {
	const bid = parseId(ctx.params.id ?? '');
	const b = ctx.store.budgets.get(bid);
	if (!b) throw notFound('Budget', bid);
	return ok(ctx.store.publicBudgetView(b));
}

module.exports = { getPublicBudgetById };
