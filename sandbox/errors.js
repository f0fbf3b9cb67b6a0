// @ts-check
'use strict';
// Error type used by every sandbox handler, and the two error body formats Billoget is seen to use:
// the documented envelope (`docs`) and the framework default the SDK parses (`sdk`).

const { STATUS_CODES } = require('http');

class ApiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} code machine code (`error` in the docs format)
	 * @param {string} message human text
	 * @param {Record<string, unknown>} [details]
	 * @param {Record<string, string>} [headers] extra response headers (e.g. Retry-After, Allow)
	 */
	constructor(status, code, message, details, headers) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.details = details ?? {};
		this.headers = headers ?? {};
	}
}

/**
 * 422 naming the offending field (the first one when several are wrong; all of them in details.errors).
 * @param {string} field
 * @param {string} message
 * @param {Array<{field: string, message: string}>} [errors]
 */
function validationError(field, message, errors) {
	return new ApiError(422, 'validation_error', message, {
		field,
		errors: errors ?? [{ field, message }],
	});
}

/**
 * 400 for bad query or path parameters.
 * @param {string} field
 * @param {string} message
 */
function badRequest(field, message) {
	return new ApiError(400, 'bad_request', message, { field });
}

/**
 * @param {string} what e.g. "Customer"
 * @param {string | number} id
 */
function notFound(what, id) {
	return new ApiError(404, 'not_found', `${what} ${id} not found`, {
		resource: what.toLowerCase(),
		id,
	});
}

/**
 * Body of an error answer in the configured format.
 * @param {ApiError} err
 * @param {'docs' | 'sdk'} format
 * @param {string} requestId
 * @param {string} timestamp ISO 8601
 * @returns {Record<string, unknown>}
 */
function errorBody(err, format, requestId, timestamp) {
	if (format === 'sdk') {
		return {
			statusCode: err.status,
			message: err.message,
			error: STATUS_CODES[err.status] ?? 'Error',
		};
	}
	return { error: err.code, message: err.message, details: err.details, timestamp, requestId };
}

module.exports = { ApiError, validationError, badRequest, notFound, errorBody };
