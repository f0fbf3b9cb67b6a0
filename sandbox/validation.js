// @ts-check
'use strict';
// Request validation: bodies answer 422 `validation_error` naming the field, query and path
// parameters answer 400 `bad_request`. Only the rules the contract states are enforced, so that the
// sandbox never rejects what the real API would plausibly accept.

const { validationError, badRequest } = require('./errors');

/** @typedef {'string' | 'number' | 'integer' | 'boolean' | 'email' | 'date' | 'url'} FieldType */
/**
 * @typedef {object} FieldSpec
 * @property {FieldType} type
 * @property {boolean} [required] must be present on create (and never null or empty)
 * @property {boolean} [nullable] null is accepted (clears the field)
 * @property {number} [min] inclusive lower bound for numbers
 * @property {number} [gt] exclusive lower bound for numbers
 * @property {ReadonlyArray<string | number>} [values] allowed values
 * @property {boolean} [createOnly] accepted on create, ignored on update
 */
/** @typedef {{field: string, message: string}} FieldError */
/** @typedef {Record<string, unknown>} Json */

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** @type {Record<string, FieldSpec>} */
const CUSTOMER_FIELDS = {
	firstName: { type: 'string', required: true },
	lastName: { type: 'string', required: true },
	email: { type: 'email', nullable: true },
	phoneNumber: { type: 'string', nullable: true },
	dni: { type: 'integer', nullable: true, min: 0 },
	cuit: { type: 'string', nullable: true },
	businessId: { type: 'integer', min: 1, createOnly: true },
};

/** @type {Record<string, FieldSpec>} */
const PRODUCT_FIELDS = {
	productCode: { type: 'string', required: true },
	description: { type: 'string', required: true },
	category: { type: 'string', required: true },
	price: { type: 'number', required: true, min: 0 },
	stock: { type: 'number', min: 0 },
	netContent: { type: 'number', nullable: true, min: 0 },
	netContentUnit: { type: 'string', nullable: true },
	isActive: { type: 'boolean' },
	sku: { type: 'string', nullable: true },
	barcode: { type: 'string', nullable: true },
	imageUrl: { type: 'string', nullable: true },
	type: { type: 'string', values: ['product', 'service'] },
	businessId: { type: 'integer', min: 1, createOnly: true },
};

/** @type {Record<string, FieldSpec>} */
const BUDGET_FIELDS = {
	currency: { type: 'string', required: true },
	issueDate: { type: 'date', required: true },
	expirationDate: { type: 'date', required: true },
	customerId: { type: 'integer', required: true, min: 1 },
	sellerId: { type: 'integer', required: true, min: 1 },
	businessId: { type: 'integer', min: 1, createOnly: true },
	minimumPaymentToConfirm: { type: 'number', required: true, min: 0 },
	subtotal: { type: 'number', required: true, min: 0 },
	total: { type: 'number', required: true, min: 0 },
	iva: { type: 'number', required: true, min: 0 },
	comments: { type: 'string', nullable: true },
};

/** @type {Record<string, FieldSpec>} */
const BUDGET_UPDATE_FIELDS = { ...BUDGET_FIELDS, state: { type: 'integer', values: [0, 1, 2] } };

/** @type {Record<string, FieldSpec>} */
const ITEM_FIELDS = {
	productId: { type: 'integer', nullable: true, min: 1 },
	packageId: { type: 'integer', nullable: true, min: 1 },
	quantity: { type: 'number', required: true, gt: 0 },
	unitPrice: { type: 'number', required: true, min: 0 },
	subtotal: { type: 'number', min: 0 },
};

/**
 * @param {unknown} value
 * @returns {value is Json}
 */
function isObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one present value; returns an error message or null.
 * @param {string} field
 * @param {unknown} value
 * @param {FieldSpec} spec
 * @returns {string | null}
 */
function checkValue(field, value, spec) {
	if (value === null) {
		return spec.nullable ? null : `${field} must not be null`;
	}
	switch (spec.type) {
		case 'string':
		case 'email':
		case 'date':
		case 'url':
			if (typeof value !== 'string') return `${field} must be a string`;
			if (spec.required && value.trim() === '') return `${field} must not be empty`;
			if (spec.type === 'email' && !EMAIL_RE.test(value))
				return `${field} must be a valid email address`;
			if (spec.type === 'date' && (!ISO_DATE_RE.test(value) || Number.isNaN(Date.parse(value)))) {
				return `${field} must be an ISO 8601 date`;
			}
			if (spec.type === 'url' && !isHttpUrl(value)) return `${field} must be an http or https URL`;
			break;
		case 'number':
		case 'integer':
			if (typeof value !== 'number' || !Number.isFinite(value)) return `${field} must be a number`;
			if (spec.type === 'integer' && !Number.isInteger(value)) return `${field} must be an integer`;
			if (spec.min !== undefined && value < spec.min) return `${field} must be >= ${spec.min}`;
			if (spec.gt !== undefined && value <= spec.gt) return `${field} must be > ${spec.gt}`;
			break;
		case 'boolean':
			if (typeof value !== 'boolean') return `${field} must be a boolean`;
			break;
	}
	if (spec.values && !spec.values.includes(/** @type {string | number} */ (value))) {
		return `${field} must be one of ${spec.values.join(', ')}`;
	}
	return null;
}

/**
 * @param {string} value
 * @returns {boolean}
 */
function isHttpUrl(value) {
	try {
		const u = new URL(value);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Validates the known fields of a body against specs; unknown fields are ignored.
 * @param {Json} body
 * @param {Record<string, FieldSpec>} specs
 * @param {boolean} partial update (nothing required, createOnly fields dropped)
 * @param {string} [prefix] field name prefix, e.g. "items[0]."
 * @returns {{values: Json, errors: FieldError[]}}
 */
function checkFields(body, specs, partial, prefix = '') {
	/** @type {Json} */
	const values = {};
	/** @type {FieldError[]} */
	const errors = [];
	for (const [name, spec] of Object.entries(specs)) {
		const field = prefix + name;
		const value = body[name];
		if (value === undefined) {
			if (spec.required && !partial) errors.push({ field, message: `${field} is required` });
			continue;
		}
		if (partial && spec.createOnly) continue;
		const problem = checkValue(field, value, spec);
		if (problem) errors.push({ field, message: problem });
		else values[name] = value;
	}
	return { values, errors };
}

/**
 * @param {FieldError[]} errors
 */
function throwIfErrors(errors) {
	const first = errors[0];
	if (first) throw validationError(first.field, first.message, errors);
}

/**
 * @param {unknown} body
 * @returns {Json}
 */
function requireObject(body) {
	if (!isObject(body)) throw validationError('body', 'body must be a JSON object');
	return body;
}

/**
 * @param {unknown} body
 * @param {boolean} partial
 */
function validateCustomer(body, partial) {
	const { values, errors } = checkFields(requireObject(body), CUSTOMER_FIELDS, partial);
	throwIfErrors(errors);
	return values;
}

/**
 * @param {unknown} body
 * @param {boolean} partial
 */
function validateProduct(body, partial) {
	const { values, errors } = checkFields(requireObject(body), PRODUCT_FIELDS, partial);
	throwIfErrors(errors);
	return values;
}

/**
 * Items: a non-empty array; each item has exactly one of productId/packageId, quantity > 0, unitPrice >= 0.
 * @param {unknown} items
 * @returns {{items: Json[], errors: FieldError[]}}
 */
function checkItems(items) {
	if (!Array.isArray(items))
		return { items: [], errors: [{ field: 'items', message: 'items must be an array' }] };
	if (items.length === 0)
		return { items: [], errors: [{ field: 'items', message: 'items must not be empty' }] };
	/** @type {FieldError[]} */
	const errors = [];
	/** @type {Json[]} */
	const out = [];
	items.forEach((item, i) => {
		const prefix = `items[${i}]`;
		if (!isObject(item)) {
			errors.push({ field: prefix, message: `${prefix} must be an object` });
			return;
		}
		const checked = checkFields(item, ITEM_FIELDS, false, `${prefix}.`);
		errors.push(...checked.errors);
		const refs = ['productId', 'packageId'].filter(
			(k) => item[k] !== undefined && item[k] !== null,
		);
		if (refs.length !== 1) {
			errors.push({
				field: prefix,
				message: `${prefix} must have exactly one of productId or packageId`,
			});
		}
		out.push(checked.values);
	});
	return { items: out, errors };
}

/**
 * @param {unknown} body
 * @param {boolean} partial
 * @param {(id: number) => boolean} customerExists
 */
function validateBudget(body, partial, customerExists) {
	const obj = requireObject(body);
	const { values, errors } = checkFields(
		obj,
		partial ? BUDGET_UPDATE_FIELDS : BUDGET_FIELDS,
		partial,
	);
	if (obj.items !== undefined || !partial) {
		const checked = checkItems(obj.items);
		errors.push(...checked.errors);
		values.items = checked.items;
	}
	if (typeof values.customerId === 'number' && !customerExists(values.customerId)) {
		errors.push({ field: 'customerId', message: `customerId ${values.customerId} does not exist` });
	}
	if (
		typeof values.issueDate === 'string' &&
		typeof values.expirationDate === 'string' &&
		Date.parse(values.expirationDate) < Date.parse(values.issueDate)
	) {
		errors.push({
			field: 'expirationDate',
			message: 'expirationDate must not be before issueDate',
		});
	}
	throwIfErrors(errors);
	return values;
}

/**
 * @param {unknown} body
 * @param {readonly string[]} knownEvents
 * @returns {{url: string, events: string[], description: string | null}}
 */
function validateSubscription(body, knownEvents) {
	const obj = requireObject(body);
	const { values, errors } = checkFields(
		obj,
		{ url: { type: 'url', required: true }, description: { type: 'string', nullable: true } },
		false,
	);
	const events = obj.events;
	if (!Array.isArray(events) || events.length === 0) {
		errors.push({
			field: 'events',
			message: 'events must be a non-empty array of event names or "*"',
		});
	} else {
		events.forEach((e, i) => {
			if (typeof e !== 'string' || (e !== '*' && !knownEvents.includes(e))) {
				errors.push({
					field: `events[${i}]`,
					message: `events[${i}] must be "*" or one of ${knownEvents.join(', ')}`,
				});
			}
		});
	}
	throwIfErrors(errors);
	return {
		url: /** @type {string} */ (values.url),
		events: [...new Set(/** @type {string[]} */ (events))],
		description: /** @type {string | null | undefined} */ (values.description) ?? null,
	};
}

/**
 * @param {unknown} body
 * @param {Record<string, FieldSpec>} specs
 */
function validateSimple(body, specs) {
	const { values, errors } = checkFields(requireObject(body), specs, false);
	throwIfErrors(errors);
	return values;
}

// ---- query and path parameters (400) ----

/**
 * A query value, with empty strings treated as absent.
 * @param {URLSearchParams} query
 * @param {string} name
 * @returns {string | undefined}
 */
function param(query, name) {
	const v = query.get(name);
	return v === null || v === '' ? undefined : v;
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {{min?: number, max?: number}} [bounds]
 * @returns {number | undefined}
 */
function parseIntParam(name, raw, bounds = {}) {
	if (raw === undefined) return undefined;
	if (!/^-?\d+$/.test(raw)) throw badRequest(name, `${name} must be an integer`);
	const n = Number(raw);
	if (bounds.min !== undefined && n < bounds.min)
		throw badRequest(name, `${name} must be >= ${bounds.min}`);
	if (bounds.max !== undefined && n > bounds.max)
		throw badRequest(name, `${name} must be <= ${bounds.max}`);
	return n;
}

/**
 * @param {URLSearchParams} query
 * @returns {{page: number, limit: number}}
 */
function parsePagination(query) {
	const page = parseIntParam('page', param(query, 'page'), { min: 1 }) ?? 1;
	const limit = parseIntParam('limit', param(query, 'limit'), { min: 1, max: 100 }) ?? 10;
	return { page, limit };
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @returns {boolean | undefined}
 */
function parseBoolParam(name, raw) {
	if (raw === undefined) return undefined;
	if (raw === 'true') return true;
	if (raw === 'false') return false;
	throw badRequest(name, `${name} must be true or false`);
}

/**
 * Date filter bound in ms. A date-only end bound covers that whole day.
 * @param {string} name
 * @param {string | undefined} raw
 * @param {'start' | 'end'} edge
 * @returns {number | undefined}
 */
function parseDateParam(name, raw, edge) {
	if (raw === undefined) return undefined;
	const ms = Date.parse(raw);
	if (!ISO_DATE_RE.test(raw) || Number.isNaN(ms))
		throw badRequest(name, `${name} must be an ISO 8601 date`);
	return edge === 'end' && raw.length === 10 ? ms + 86_399_999 : ms;
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {readonly string[]} allowed
 * @returns {string | undefined}
 */
function parseEnumParam(name, raw, allowed) {
	if (raw === undefined) return undefined;
	if (!allowed.includes(raw))
		throw badRequest(name, `${name} must be one of ${allowed.join(', ')}`);
	return raw;
}

/**
 * Path id: a positive integer.
 * @param {string} raw
 */
function parseId(raw) {
	const id = parseIntParam('id', raw, { min: 1 });
	return /** @type {number} */ (id);
}

module.exports = {
	checkFields,
	throwIfErrors,
	isObject,
	isHttpUrl,
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
};
