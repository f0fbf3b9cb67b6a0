/**
 * Recovering a create whose answer was lost (a reset connection, a timeout, a 5xx from a gateway after
 * the write). Billoget offers no idempotency key, so before the transport sends such a POST again it asks
 * the operation's `findCreated`, and every operation answers it the same way, through this module:
 *
 *  - the candidates are read where every reading of the API finds them: a search only for keys each
 *    reading documents as searchable (customer email, product SKU), otherwise the full list;
 *  - a candidate must match what was sent exactly, must have been created since just before the attempt
 *    (the time window, with CLOCK_SKEW_MS for the difference between our clock and Billoget's), and must
 *    not be a record this run already created or recovered (claimed ids), so that two identical items
 *    never share one record.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BillogetClient } from './client';

/** How far Billoget's clock may be behind ours when comparing a record's createdAt with the attempt. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Ids this run created or recovered, per kind of record (e.g. the list path). Each run's client
 * (./client.ts) holds one, so two runs never see each other's claims.
 */
export class ClaimedIds {
	private readonly byKind = new Map<string, Set<string>>();

	private set(kind: string): Set<string> {
		let ids = this.byKind.get(kind);
		if (ids === undefined) {
			ids = new Set();
			this.byKind.set(kind, ids);
		}
		return ids;
	}

	/** Records that this run made (or recovered) the record `id` of `kind`, so no later look-up takes it. */
	claim(kind: string, id: unknown): void {
		if (id === undefined || id === null || id === '') return;
		this.set(kind).add(String(id));
	}

	/** The ids of `kind` this run has claimed so far (a copy). */
	of(kind: string): Set<string> {
		return new Set(this.set(kind));
	}
}

/**
 * Whether a record may have been created by an attempt that started at `startedAt`: its createdAt is not
 * earlier than startedAt − skew. A record without a readable createdAt is not excluded (the exact match
 * still has to hold).
 */
export function createdSince(record: IDataObject, startedAt: number, skewMs: number = CLOCK_SKEW_MS): boolean {
	const created = Date.parse(String(record.createdAt ?? ''));
	return Number.isNaN(created) || created >= startedAt - skewMs;
}

export interface RecoveryCriteria {
	/** When the lost attempt started (our clock, ms). */
	startedAt: number;
	/** Ids that belong to other items of this run. */
	claimed: ReadonlySet<string>;
	/** Whether the record is exactly what was sent (may look further, e.g. read the record's lines). */
	matches: (record: IDataObject) => boolean | Promise<boolean>;
}

/** The first candidate, in list order, inside the time window, not claimed, and matching exactly. */
export async function pickRecovered(
	records: IDataObject[],
	criteria: RecoveryCriteria,
): Promise<IDataObject | undefined> {
	for (const record of records) {
		if (record.id !== undefined && record.id !== null && criteria.claimed.has(String(record.id))) continue;
		if (!createdSince(record, criteria.startedAt)) continue;
		if (await criteria.matches(record)) return record;
	}
	return undefined;
}

export interface LostCreateLookup {
	/** What kind of record (the claimed-id namespace), usually the list path. */
	kind: string;
	startedAt: number;
	matches: RecoveryCriteria['matches'];
	/**
	 * How to read the candidates: `list` walks this list path (every page) with `qs`, by default the
	 * list at `kind` without a query; `read` reads them some other way (e.g. a budget's approval history).
	 */
	list?: { path: string; qs?: IDataObject };
	read?: () => Promise<IDataObject[]>;
	itemIndex?: number;
}

/**
 * Looks for the record a lost create made and claims it; undefined when there is none, and the transport
 * then sends the POST again. Errors of the look-up itself propagate (the transport reports the outcome as
 * unknown then).
 */
export async function findLostCreate(
	client: BillogetClient,
	lookup: LostCreateLookup,
): Promise<IDataObject | undefined> {
	let records: IDataObject[];
	if (lookup.read) {
		records = await lookup.read();
	} else {
		const list = lookup.list ?? { path: lookup.kind };
		const listed = await client.list({ path: list.path, qs: list.qs, returnAll: true, itemIndex: lookup.itemIndex });
		records = listed.items;
	}
	const found = await pickRecovered(records, {
		startedAt: lookup.startedAt,
		claimed: client.claimed.of(lookup.kind),
		matches: lookup.matches,
	});
	if (found) client.claimed.claim(lookup.kind, found.id);
	return found;
}
