// @ts-check
'use strict';
// Product variants (documented only by Billoget's SDK): the variants of a product, one variant by
// id, and a product created together with its variants. Handlers for the route table in server.js;
// the records live in store.variants.

const { notFound, validationError } = require('./errors');
const {
	validateProduct,
	checkFields,
	throwIfErrors,
	requireObject,
	isObject,
	param,
	parsePagination,
	parseBoolParam,
	parseId,
} = require('./validation');
const { listReply, ok, created, noContent } = require('./api');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./api').Handler} Handler */
/** @typedef {import('./api').Ctx} Ctx */
/** @typedef {import('./validation').FieldSpec} FieldSpec */
/**
 * @typedef {object} Variant
 * @property {number} id
 * @property {number} productId
 * @property {string} name
 * @property {string | null} description
 * @property {number} price
 * @property {number} stock
 * @property {string | null} sku
 * @property {string | null} barcode
 * @property {string | null} imageUrl
 * @property {Record<string, unknown> | null} attributes
 * @property {boolean} isActive
 * @property {number} sortOrder
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/** @type {Record<string, FieldSpec>} */
const VARIANT_FIELDS = {
	name: { type: 'string', required: true },
	price: { type: 'number', required: true, min: 0 },
	description: { type: 'string', nullable: true },
	stock: { type: 'integer', min: 0 },
	sku: { type: 'string', nullable: true },
	barcode: { type: 'string', nullable: true },
	imageUrl: { type: 'string', nullable: true },
	isActive: { type: 'boolean' },
	sortOrder: { type: 'integer', min: 0 },
};

/**
 * Checks a variant body; `attributes` must be an object (or null).
 * @param {Record<string, unknown>} body
 * @param {boolean} partial
 * @param {string} [prefix] e.g. "variants[0]."
 */
function checkVariant(body, partial, prefix = '') {
	const { values, errors } = checkFields(body, VARIANT_FIELDS, partial, prefix);
	if (body.attributes !== undefined) {
		if (body.attributes === null || isObject(body.attributes)) values.attributes = body.attributes;
		else errors.push({ field: `${prefix}attributes`, message: `${prefix}attributes must be an object` });
	}
	return { values, errors };
}

/**
 * @param {Store} store
 * @param {number} productId
 * @param {Record<string, unknown>} fields validated
 * @returns {Variant}
 */
function createVariantRecord(store, productId, fields) {
	const now = store.nowIso();
	/** @type {Variant} */
	const v = {
		id: store.nextId('variant'),
		productId,
		name: /** @type {string} */ (fields.name),
		description: /** @type {string | null} */ (fields.description ?? null),
		price: /** @type {number} */ (fields.price),
		stock: /** @type {number} */ (fields.stock ?? 0),
		sku: /** @type {string | null} */ (fields.sku ?? null),
		barcode: /** @type {string | null} */ (fields.barcode ?? null),
		imageUrl: /** @type {string | null} */ (fields.imageUrl ?? null),
		attributes: /** @type {Record<string, unknown> | null} */ (fields.attributes ?? null),
		isActive: /** @type {boolean} */ (fields.isActive ?? true),
		sortOrder: /** @type {number} */ (fields.sortOrder ?? 0),
		createdAt: /** @type {string} */ (fields.createdAt ?? now),
		updatedAt: /** @type {string} */ (fields.updatedAt ?? fields.createdAt ?? now),
	};
	store.variants.set(v.id, v);
	return v;
}

/** @param {Variant} v */
const view = (v) => ({ ...v, attributes: v.attributes ? { ...v.attributes } : null });

/** @param {Ctx} ctx */
function variantOf(ctx) {
	const vid = parseId(ctx.params.id ?? '');
	const v = ctx.store.variants.get(vid);
	if (!v) throw notFound('Variant', vid);
	return v;
}

/** @param {Ctx} ctx @param {unknown} productId */
function requireProduct(ctx, productId) {
	if (typeof productId !== 'number' || !ctx.store.products.has(productId)) {
		throw validationError('productId', `productId ${String(productId)} does not exist`);
	}
}

/** GET /products/{id}/variants (page, limit, isActive), ordered by sortOrder then id. @type {Handler} */
function listProductVariants(ctx) {
	const pid = parseId(ctx.params.id ?? '');
	if (!ctx.store.products.has(pid)) throw notFound('Product', pid);
	const paging = parsePagination(ctx.query);
	const isActive = parseBoolParam('isActive', param(ctx.query, 'isActive'));
	const items = [...ctx.store.variants.values()]
		.filter((v) => v.productId === pid && (isActive === undefined || v.isActive === isActive))
		.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
		.map(view);
	return listReply(ctx, items, paging);
}

/** @type {Handler} */
function getVariant(ctx) {
	return ok(view(variantOf(ctx)));
}

/** @type {Handler} */
function createVariant(ctx) {
	const body = requireObject(ctx.body);
	const { values, errors } = checkVariant(body, false);
	if (body.productId === undefined) errors.unshift({ field: 'productId', message: 'productId is required' });
	throwIfErrors(errors);
	requireProduct(ctx, body.productId);
	const v = createVariantRecord(ctx.store, /** @type {number} */ (body.productId), values);
	return created(view(v));
}

/** @type {Handler} */
function updateVariant(ctx) {
	const v = variantOf(ctx);
	const body = requireObject(ctx.body);
	const { values, errors } = checkVariant(body, true);
	throwIfErrors(errors);
	if (body.productId !== undefined) {
		requireProduct(ctx, body.productId);
		values.productId = body.productId;
	}
	let changed = false;
	for (const [k, value] of Object.entries(values)) {
		const record = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (v));
		if (JSON.stringify(record[k] ?? null) !== JSON.stringify(value ?? null)) {
			record[k] = value;
			changed = true;
		}
	}
	if (changed) v.updatedAt = ctx.nowIso();
	return ok(view(v));
}

/** @type {Handler} */
function deleteVariant(ctx) {
	const v = variantOf(ctx);
	ctx.store.variants.delete(v.id);
	return noContent();
}

/** POST /products/with-variants: the product and its variants in one call. @type {Handler} */
function createProductWithVariants(ctx) {
	const body = requireObject(ctx.body);
	const product = validateProduct(body, false);
	const raw = body.variants ?? [];
	if (!Array.isArray(raw)) throw validationError('variants', 'variants must be an array');
	/** @type {Array<Record<string, unknown>>} */
	const variants = [];
	raw.forEach((entry, index) => {
		const prefix = `variants[${index}].`;
		if (!isObject(entry)) throw validationError(`variants[${index}]`, `variants[${index}] must be an object`);
		const { values, errors } = checkVariant(entry, false, prefix);
		throwIfErrors(errors);
		variants.push(values);
	});
	const p = ctx.store.createProduct(/** @type {any} */ (product));
	const made = variants.map((fields) => view(createVariantRecord(ctx.store, p.id, fields)));
	const productView = ctx.store.productView(p);
	ctx.emit('product.created', productView);
	return created({ ...productView, variants: made });
}

/**
 * Demo variants: sizes of the monitor (product 2) and lengths of the cable (product 7), one inactive.
 * @param {Store} store
 */
function seedDemoVariants(store) {
	const at = '2026-01-02T12:00:00.000Z';
	/** @type {Array<[number, Record<string, unknown>]>} */
	const rows = [
		[2, { name: 'Monitor 24" IPS · Negro', price: 210000, stock: 12, sku: 'MON-24-IPS-BK', attributes: { color: 'negro' }, sortOrder: 1 }],
		[2, { name: 'Monitor 24" IPS · Blanco', price: 215000, stock: 8, sku: 'MON-24-IPS-WH', attributes: { color: 'blanco' }, sortOrder: 2 }],
		[7, { name: 'Cable UTP Cat6 · 100 m', price: 33000, stock: 10, sku: 'UTP-C6-100', attributes: { length: '100 m' }, sortOrder: 1 }],
		[7, { name: 'Cable UTP Cat6 · 50 m', price: 17500, stock: 0, sku: 'UTP-C6-50', attributes: { length: '50 m' }, sortOrder: 2, isActive: false }],
	];
	for (const [productId, fields] of rows) createVariantRecord(store, productId, { ...fields, createdAt: at });
}

module.exports = {
	listProductVariants,
	getVariant,
	createVariant,
	updateVariant,
	deleteVariant,
	createProductWithVariants,
	createVariantRecord,
	seedDemoVariants,
};
