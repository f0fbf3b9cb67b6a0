import type { IDataObject } from 'n8n-workflow';

import { pageSizeFor, parseListPage } from '../shared/pagination';
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
	 * Records to keep, checked again here for a filter an API may ignore; the Limit counts kept
	 * records only, so further pages are read until it is met.
	 */
	keep?: (record: IDataObject) => boolean;
}

export interface ListResult {
	items: IDataObject[];
	/** Pages requested. */
	pages: number;
	/** Total the API reported, when it did. */
	total?: number;
}

/** Reads one list endpoint page by page (both envelopes) until Return All or the Limit is satisfied. */
export async function billogetList(this: BillogetContext, options: ListOptions): Promise<ListResult> {
	const limit = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit ?? 50);
	const pageSize = pageSizeFor(options.returnAll, options.limit ?? 50);
	const maxPages = options.maxPages ?? 10_000;
	const items: IDataObject[] = [];
	let total: number | undefined;
	let page = 1;
	let pages = 0;
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
		for (const item of parsed.items) {
			if (items.length >= limit) break;
			if (options.keep && !options.keep(item)) continue;
			items.push(item);
		}
		if (!parsed.hasMore) break;
		page++;
	}
	return { items, pages, total };
}
