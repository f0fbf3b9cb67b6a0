/**
 * The per-run client: everything one run of a node (an execution, a poll, a picker search, a webhook
 * registration step) keeps while it talks to Billoget. The router, the poll and the other entry points
 * build one with createClient and hand it to the code that sends requests; nothing is keyed on n8n's
 * context objects, so two runs never share rate-limit state, claimed ids or caches.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ListPage } from '../shared/pagination';
import { readList, readPage, readPlainList } from './pagination';
import type { ListOptions, ListResult, PageOptions } from './pagination';
import { RateLimitState } from './rateLimit';
import { ClaimedIds } from './recovery';
import { sendRequest, unwrapData } from './request';
import type { BillogetContext, BillogetRequest, BillogetResponse } from './request';
import { DEFAULT_SETTINGS } from './settings';
import type { TransportSettings } from './settings';

export class BillogetClient {
	readonly settings: TransportSettings;

	/** What Billoget said about the key's rate limit, and the requests this run sent. */
	readonly rate = new RateLimitState();

	/** Records this run created or recovered (./recovery.ts). */
	readonly claimed = new ClaimedIds();

	/** Product prices read during this run: budget Create reads each product once for all items. */
	readonly productPrices = new Map<number, number>();

	constructor(
		readonly ctx: BillogetContext,
		settings: Partial<TransportSettings> = {},
	) {
		this.settings = { ...DEFAULT_SETTINGS, ...settings };
	}

	/** One request with the transport's retry and rate-limit policy (./request.ts); the full answer. */
	async request(request: BillogetRequest): Promise<BillogetResponse> {
		return await sendRequest(this, request);
	}

	/** A request whose answer is one record (or a record-like object), unwrapped from `{ data: {...} }`. */
	async requestRecord(request: BillogetRequest): Promise<IDataObject> {
		const response = await this.request(request);
		return unwrapData(response.body);
	}

	/** A paginated list, page by page (./pagination.ts). */
	async list(options: ListOptions): Promise<ListResult> {
		return await readList(this, options);
	}

	/** One page of a paginated list (pickers read one page per call). */
	async page(options: PageOptions): Promise<ListPage<IDataObject>> {
		return await readPage(this, options);
	}

	/** A list Billoget answers whole, without page or limit. */
	async plainList(options: { path: string; qs?: IDataObject; itemIndex?: number }): Promise<IDataObject[]> {
		return await readPlainList(this, options);
	}
}

/** The client of one run; `settings` are the node's Request Options (defaults for the rest). */
export function createClient(ctx: BillogetContext, settings: Partial<TransportSettings> = {}): BillogetClient {
	return new BillogetClient(ctx, settings);
}
