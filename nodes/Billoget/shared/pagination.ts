/**
 * Billoget's list answers come in two shapes, and the nodes must accept both:
 *  - documented:  { data: [...], pagination: { page, limit, total, hasMore } }
 *  - SDK era:     { data: { data: [...], meta: { totalItems, itemCount, itemsPerPage, totalPages, currentPage } } }
 * Plain arrays ({ data: [...] } without pagination, or a bare array) are a single, last page.
 */

export const MAX_PAGE_SIZE = 100;

export interface ListPage<T = unknown> {
	items: T[];
	/** Whether another page should be requested after this one. */
	hasMore: boolean;
	/** Total number of records, when the answer says it. */
	total?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Reads one page of a list answer. `page` and `limit` are what was requested; they decide
 * `hasMore` when the answer carries no explicit flag.
 */
export function parseListPage<T = unknown>(body: unknown, page: number, limit: number): ListPage<T> {
	if (Array.isArray(body)) {
		return { items: body as T[], hasMore: false, total: body.length };
	}
	if (!isRecord(body)) {
		throw new Error('Billoget answered a list request with something that is not a list');
	}
	const data = body.data;
	if (Array.isArray(data)) {
		const items = data as T[];
		const pagination = isRecord(body.pagination) ? body.pagination : undefined;
		if (!pagination) {
			return { items, hasMore: false, total: items.length };
		}
		const total = toNumber(pagination.total);
		let hasMore: boolean;
		if (typeof pagination.hasMore === 'boolean') {
			hasMore = pagination.hasMore;
		} else if (total !== undefined) {
			hasMore = page * limit < total;
		} else {
			hasMore = items.length >= limit;
		}
		return { items, hasMore: hasMore && items.length > 0, total };
	}
	if (isRecord(data) && Array.isArray(data.data)) {
		const items = data.data as T[];
		const meta = isRecord(data.meta) ? data.meta : {};
		const totalPages = toNumber(meta.totalPages);
		const currentPage = toNumber(meta.currentPage) ?? page;
		const total = toNumber(meta.totalItems);
		let hasMore: boolean;
		if (totalPages !== undefined) {
			hasMore = currentPage < totalPages;
		} else if (total !== undefined) {
			hasMore = page * limit < total;
		} else {
			hasMore = items.length >= limit;
		}
		return { items, hasMore: hasMore && items.length > 0, total };
	}
	throw new Error('Billoget answered a list request without a "data" list');
}

/** Page size to request: as few pages as possible, never more than the API allows. */
export function pageSizeFor(returnAll: boolean, limit: number): number {
	if (returnAll) {
		return MAX_PAGE_SIZE;
	}
	return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
}
