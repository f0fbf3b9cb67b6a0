import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../shared/pagination';
import type { BillogetClient } from '../transport/client';
import type { ListResult } from '../transport/pagination';

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

/**
 * Reads a Billoget list for a poll: every page (100 a page, both envelopes) through the run's client,
 * which authenticates, retries and handles the rate limit. Any failure is thrown, and so is a list
 * longer than Max Pages per Poll: a poll never works on part of a list.
 */
export async function walkList(client: BillogetClient, options: WalkOptions): Promise<ListResult> {
	return await client.list({
		path: options.path,
		qs: options.qs,
		returnAll: true,
		maxPages: options.maxPages,
		stopAfter: options.stopAfter,
		tooLong: () =>
			new NodeOperationError(
				client.ctx.getNode(),
				`The Billoget ${options.what} list is longer than ${options.maxPages} pages (${options.maxPages * MAX_PAGE_SIZE} records)`,
				{
					description:
						'Nothing was emitted or stored, so no event is lost. Raise "Max Pages per Poll" in the node\'s options (each page is one request against the key\'s hourly limit) or pick an event that reads fewer records.',
				},
			),
	});
}
