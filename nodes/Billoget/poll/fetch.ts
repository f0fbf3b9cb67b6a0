import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { parseListPage } from '../shared/pagination';
import { billogetRequest } from '../transport/request';
import { PAGE_SIZE } from './cost';

export interface WalkOptions {
	path: string;
	qs?: IDataObject;
	/** Pages a poll may read; a longer list fails the poll (nothing is stored) with a clear message. */
	maxPages: number;
	/** What the list holds, for messages ('customers'). */
	what: string;
	/** Called after each page; true skips the remaining pages. */
	stopAfter?: (page: IDataObject[]) => boolean;
}

export interface WalkResult {
	items: IDataObject[];
	pages: number;
	/** True when stopAfter skipped pages (the listing is then not complete). */
	stoppedEarly: boolean;
}

/**
 * Reads a Billoget list page by page (100 a page, both envelopes) through the transport, which
 * authenticates, retries and handles the rate limit. Any failure is thrown: a poll never works on
 * part of a list.
 */
export async function walkList(this: IPollFunctions, options: WalkOptions): Promise<WalkResult> {
	const items: IDataObject[] = [];
	let pages = 0;
	for (let page = 1; ; page++) {
		if (pages >= options.maxPages) {
			throw new NodeOperationError(
				this.getNode(),
				`The Billoget ${options.what} list is longer than ${options.maxPages} pages (${options.maxPages * PAGE_SIZE} records)`,
				{
					description:
						'Nothing was emitted or stored, so no event is lost. Raise "Max Pages per Poll" in the node\'s options (each page is one request against the key\'s hourly limit) or pick an event that reads fewer records.',
				},
			);
		}
		const response = await billogetRequest.call(this, {
			method: 'GET',
			path: options.path,
			qs: { ...options.qs, page, limit: PAGE_SIZE },
		});
		pages++;
		let parsed;
		try {
			parsed = parseListPage<IDataObject>(response.body, page, PAGE_SIZE);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				description: 'Check that the Base URL in the Billoget credential points at the Billoget API (…/v1).',
			});
		}
		const records = parsed.items.filter(
			(item): item is IDataObject => typeof item === 'object' && item !== null && !Array.isArray(item),
		);
		items.push(...records);
		if (!parsed.hasMore) return { items, pages, stoppedEarly: false };
		if (options.stopAfter?.(records)) return { items, pages, stoppedEarly: true };
	}
}
