/**
 * The one paginator: every list the nodes read (operations, polls, pickers, recovery look-ups) goes
 * through these, behind BillogetClient.list / page / plainList (./client.ts).
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, pageSizeFor, parseListPage } from '../shared/pagination';
import type { ListPage } from '../shared/pagination';
import type { BillogetClient } from './client';

export interface ListOptions {
	path: string;
	qs?: IDataObject;
	/** Walk every page. */
	returnAll: boolean;
	/** With returnAll false: how many records at most. */
	limit?: number;
	itemIndex?: number;
	/** Pages to read at most (a hard stop for an API that always says hasMore); see `tooLong`. */
	maxPages?: number;
	/** A list with more than maxPages pages fails with this error instead of ending at the cap. */
	tooLong?: () => Error;
	/**
	 * Node-side filter: only records it keeps are returned, and Limit counts those. Pages are then read
	 * 100 at a time, since an API that ignored a filter answers records that do not count.
	 */
	keep?: (record: IDataObject) => boolean;
	/** Called after each page that has more after it; true skips the remaining pages. */
	stopAfter?: (page: IDataObject[]) => boolean;
}

export interface ListResult {
	items: IDataObject[];
	/** Pages requested. */
	pages: number;
	/** Records the API returned (kept or not). */
	read: number;
	/** Total the API reported, when it did. */
	total?: number;
	/** True when stopAfter skipped pages (the listing is then not complete). */
	stoppedEarly: boolean;
}

export interface PageOptions {
	path: string;
	qs?: IDataObject;
	page: number;
	pageSize: number;
	itemIndex?: number;
}

/** One list answer, either envelope; entries that are not records are dropped. */
function parsePage(client: BillogetClient, body: unknown, page: number, pageSize: number, itemIndex?: number): ListPage<IDataObject> {
	let parsed: ListPage<unknown>;
	try {
		parsed = parseListPage(body, page, pageSize);
	} catch (error) {
		throw new NodeOperationError(client.ctx.getNode(), (error as Error).message, {
			description: 'Check that the Base URL in the Billoget credential points at the Billoget API (…/v1).',
			itemIndex,
		});
	}
	const items = parsed.items.filter(
		(item): item is IDataObject => typeof item === 'object' && item !== null && !Array.isArray(item),
	);
	return { ...parsed, items };
}

/** One page of a paginated list. */
export async function readPage(client: BillogetClient, options: PageOptions): Promise<ListPage<IDataObject>> {
	const response = await client.request({
		method: 'GET',
		path: options.path,
		qs: { ...options.qs, page: options.page, limit: options.pageSize },
		itemIndex: options.itemIndex,
	});
	return parsePage(client, response.body, options.page, options.pageSize, options.itemIndex);
}

/**
 * A list Billoget answers whole, without page or limit (approvals pending and history, approvers): one
 * request; a paginated answer is read as its first page.
 */
export async function readPlainList(
	client: BillogetClient,
	options: { path: string; qs?: IDataObject; itemIndex?: number },
): Promise<IDataObject[]> {
	const response = await client.request({ method: 'GET', path: options.path, qs: options.qs, itemIndex: options.itemIndex });
	return parsePage(client, response.body, 1, Number.MAX_SAFE_INTEGER, options.itemIndex).items;
}

/**
 * Reads one list endpoint page by page (both envelopes) until Return All or the Limit is satisfied;
 * with `keep`, until Limit records it keeps were found or the list ends.
 */
export async function readList(client: BillogetClient, options: ListOptions): Promise<ListResult> {
	const limit = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit ?? 50);
	const keep = options.keep;
	const pageSize = keep ? MAX_PAGE_SIZE : pageSizeFor(options.returnAll, options.limit ?? 50);
	const maxPages = options.maxPages ?? 10_000;
	const items: IDataObject[] = [];
	let total: number | undefined;
	let pages = 0;
	let read = 0;
	let stoppedEarly = false;
	for (let page = 1; items.length < limit; page++) {
		if (pages >= maxPages) {
			if (options.tooLong) throw options.tooLong();
			break;
		}
		const parsed = await readPage(client, { path: options.path, qs: options.qs, page, pageSize, itemIndex: options.itemIndex });
		pages++;
		total = parsed.total ?? total;
		read += parsed.items.length;
		for (const item of parsed.items) {
			if (items.length >= limit) break;
			if (keep && !keep(item)) continue;
			items.push(item);
		}
		if (!parsed.hasMore) break;
		if (options.stopAfter?.(parsed.items)) {
			stoppedEarly = true;
			break;
		}
	}
	return { items, pages, read, total, stoppedEarly };
}
