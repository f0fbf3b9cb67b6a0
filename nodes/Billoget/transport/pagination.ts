import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, pageSizeFor, parseListPage } from '../shared/pagination';
import { billogetRequest } from './request';
import type { BillogetContext } from './request';

export interface ListOptions {
	path: string;
	qs?: IDataObject;
	/** Walk every page. */
	returnAll: boolean;
	/** With returnAll false: how many records at most. */
	limit?: number;
	itemIndex?: number;
	/** Hard stop for runaway lists (an API that always says hasMore). */
	maxPages?: number;
	/**
	 * Node-side filter: only records it keeps are returned, and Limit counts those. Pages are then read
	 * 100 at a time, since an API that ignored a filter answers records that do not count.
	 */
	keep?: (record: IDataObject) => boolean;
}

export interface ListResult {
	items: IDataObject[];
	/** Pages requested. */
	pages: number;
	/** Records the API returned (kept or not). */
	read: number;
	/** Total the API reported, when it did. */
	total?: number;
}

/**
 * Reads one list endpoint page by page (both envelopes) until Return All or the Limit is satisfied;
 * with `keep`, until Limit records it keeps were found or the list ends.
 */
export async function billogetList(this: BillogetContext, options: ListOptions): Promise<ListResult> {
	const limit = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit ?? 50);
	const keep = options.keep;
	const pageSize = keep ? MAX_PAGE_SIZE : pageSizeFor(options.returnAll, options.limit ?? 50);
	const maxPages = options.maxPages ?? 10_000;
	const items: IDataObject[] = [];
	let total: number | undefined;
	let page = 1;
	let pages = 0;
	let read = 0;
	while (items.length < limit && pages < maxPages) {
		const response = await billogetRequest.call(this, {
			method: 'GET',
			path: options.path,
			qs: { ...options.qs, page, limit: pageSize },
			itemIndex: options.itemIndex,
		});
		pages++;
		const parsed = parseListPage<IDataObject>(response.body, page, pageSize);
		total = parsed.total ?? total;
		read += parsed.items.length;
		for (const item of parsed.items) {
			if (items.length >= limit) break;
			if (keep && !keep(item)) continue;
			items.push(item);
		}
		if (!parsed.hasMore) break;
		page++;
	}
	return { items, pages, read, total };
}
