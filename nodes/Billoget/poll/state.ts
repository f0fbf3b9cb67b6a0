import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { budgetStateOf, STATE_NAMES } from '../shared/budget';
import { parseInstant as timeOf } from '../shared/dates';

/**
 * What the Poll Trigger remembers between polls (in the node's static data), and the pure diffing
 * that decides which records are events. Nothing here talks to n8n or Billoget.
 *
 * The state is compact and bounded:
 *  - created:  `cursor` (newest createdAt seen, ms) + `recent` (ids created within the margin before
 *              it) + `undated` (ids of records without createdAt, if Billoget ever sends such);
 *  - inState / changed / expiring: `seen`, id → a short string (the compared values, '' or the
 *              expiration the budget was reported for). Only ids present in the latest listing are
 *              kept, plus, for one more poll, ids that just went missing (marked with a leading '~'),
 *              so that a record that slipped between two pages while the list shifted is not taken
 *              for a new one.
 */

export const STATE_VERSION = 1;
export const STATIC_KEY = 'billogetPoll';

/**
 * Static-data key of what Billoget last said about the key's rate limit. A scheduled poll after a 429
 * must still know that the key has nothing left until the reset instead of asking again
 * (docs/design.md, "Rate limits and retries"); each poll has its own client, so the key's window is
 * handed from one poll to the next in the node's static data, as the event state is.
 */
export const RATE_LIMIT_KEY = 'billogetRateLimit';
const MISSING = '~';

export interface PollState {
	v: number;
	/** Event plus the settings that change what is compared; another scope means a fresh baseline. */
	scope: string;
	cursor?: number;
	recent?: string[];
	undated?: string[];
	seen?: Record<string, string>;
}

/** The stored state when it belongs to this scope, else undefined (first activation or new settings). */
export function readState(stored: unknown, scope: string): PollState | undefined {
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
	const state = stored as PollState;
	if (state.v !== STATE_VERSION || state.scope !== scope) return undefined;
	return state;
}

// ---- record helpers ----

export function idOf(record: IDataObject): string | undefined {
	const id = record.id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	if (typeof id === 'string' && id.trim() !== '') return id.trim();
	return undefined;
}


/** The budget's state as stored: '0'/'1'/'2', or the legacy status as JSON (e.g. '"EXPIRED"'). */
export function stateToken(record: IDataObject): string {
	const state = budgetStateOf(record);
	if (state !== undefined) return String(state);
	const raw = record.state ?? record.status ?? null;
	return JSON.stringify(typeof raw === 'string' ? raw.slice(0, 32) : raw);
}

export function stateFromToken(token: string): number | string | null {
	if (/^[012]$/.test(token)) return Number(token);
	try {
		const value = JSON.parse(token) as unknown;
		return typeof value === 'string' || typeof value === 'number' ? value : null;
	} catch {
		return null;
	}
}

export function stateNameOf(state: number | string | null): string | null {
	if (typeof state === 'number') return STATE_NAMES[state] ?? null;
	return typeof state === 'string' ? state.toLowerCase() : null;
}

// ---- compared values ----

/** Strings longer than this are kept as a hash: the change is seen, the previous text is not. */
export const MAX_KEPT_TEXT = 64;

function shortHash(text: string): string {
	return createHash('sha256').update(text).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 10);
}

/** One compared value as stored: primitives as they are, long text and objects as { h: hash }. */
function storedValue(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') return value.length > MAX_KEPT_TEXT ? { h: shortHash(value) } : value;
	return { h: shortHash(JSON.stringify(value)) };
}

/** The compared fields of a record as one short string (a JSON array in field order). */
export function encodeValues(record: IDataObject, fields: readonly string[]): string {
	if (fields.length === 1 && fields[0] === 'price') return priceToken(record.price);
	return JSON.stringify(fields.map((field) => storedValue(record[field])));
}

/** A price as stored: the number's shortest form (so 100 and "100.00" compare equal). */
export function priceToken(value: unknown): string {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n === 'number' && Number.isFinite(n)) return String(n);
	return JSON.stringify(storedValue(value));
}

function decodeArray(encoded: string, length: number): unknown[] {
	try {
		const parsed = JSON.parse(encoded) as unknown;
		if (Array.isArray(parsed) && parsed.length === length) return parsed;
	} catch {
		// Not an array (single-field token): handled by the caller.
	}
	return new Array(length).fill(undefined);
}

function outputValue(stored: unknown): unknown {
	if (typeof stored === 'object' && stored !== null) return null; // hashed: the old text was not kept
	return stored;
}

export interface FieldChange {
	changedFields: string[];
	/** Previous values of the changed fields (null where only a hash of a long text was kept). */
	previous: IDataObject;
}

/** Which compared fields differ between the stored token and the current one, with their old values. */
export function fieldChanges(fields: readonly string[], before: string, after: string): FieldChange {
	if (fields.length === 1 && fields[0] === 'price') {
		if (before === after) return { changedFields: [], previous: {} };
		const old = Number(before);
		return { changedFields: ['price'], previous: { price: Number.isFinite(old) ? old : null } };
	}
	const left = decodeArray(before, fields.length);
	const right = decodeArray(after, fields.length);
	const changedFields: string[] = [];
	const previous: IDataObject = {};
	fields.forEach((field, i) => {
		if (JSON.stringify(left[i] ?? null) !== JSON.stringify(right[i] ?? null)) {
			changedFields.push(field);
			previous[field] = (left[i] === undefined ? null : outputValue(left[i])) as IDataObject[string];
		}
	});
	return { changedFields, previous };
}

// ---- created: cursor + recent ids ----

export interface CreatedDiff {
	fresh: IDataObject[];
	cursor?: number;
	recent: string[];
	undated: string[];
}

/**
 * Records that were created since the previous poll. A record is new when its createdAt is past the
 * cursor, or within `marginMs` before it and its id was not seen there (records committed late, or
 * clocks that disagree). Without a previous state (first activation) nothing is new. `complete`
 * says whether every page was read (false after an early stop), which decides whether undated ids
 * that were not listed may be forgotten.
 */
export function diffCreated(
	previous: PollState | undefined,
	records: IDataObject[],
	marginMs: number,
	complete: boolean,
): CreatedDiff {
	const prevCursor = previous?.cursor;
	const recent = new Set(previous?.recent ?? []);
	const undatedBefore = new Set(previous?.undated ?? []);
	const fresh: IDataObject[] = [];
	const dated: Array<{ id: string; t: number }> = [];
	const undated = new Set<string>(complete ? [] : undatedBefore);
	const done = new Set<string>();
	let cursor = prevCursor;
	for (const record of records) {
		const id = idOf(record);
		if (id === undefined || done.has(id)) continue;
		done.add(id);
		const t = timeOf(record.createdAt);
		if (t === undefined) {
			if (previous && !undatedBefore.has(id)) fresh.push(record);
			undated.add(id);
			continue;
		}
		dated.push({ id, t });
		cursor = cursor === undefined ? t : Math.max(cursor, t);
		if (!previous) continue;
		const isNew =
			prevCursor === undefined || t > prevCursor || (t >= prevCursor - marginMs && !recent.has(id));
		if (isNew) fresh.push(record);
	}
	const floor = cursor === undefined ? undefined : cursor - marginMs;
	return {
		fresh,
		cursor,
		recent: floor === undefined ? [] : dated.filter((d) => d.t >= floor).map((d) => d.id),
		undated: [...undated],
	};
}

/**
 * Early stop for lists without a date filter: once the records read so far come newest first and a
 * whole page is older than `floor` (the cursor minus the margin), no later page can hold a new record.
 * Billoget does not promise an order, so the stop only happens when the order was observed.
 */
export class NewestFirstTracker {
	private last?: number;

	private ordered = true;

	private sawDecrease = false;

	/** Feeds one page; answers whether the remaining pages can be skipped. */
	pageIsOlderThan(page: IDataObject[], floor: number | undefined): boolean {
		let newest: number | undefined;
		for (const record of page) {
			const t = timeOf(record.createdAt);
			if (t === undefined) {
				this.ordered = false;
				continue;
			}
			if (this.last !== undefined) {
				if (t > this.last) this.ordered = false;
				if (t < this.last) this.sawDecrease = true;
			}
			this.last = t;
			newest = newest === undefined ? t : Math.max(newest, t);
		}
		return (
			floor !== undefined &&
			this.ordered &&
			this.sawDecrease &&
			page.length > 0 &&
			newest !== undefined &&
			newest < floor
		);
	}
}

// ---- snapshots: id → token ----

export interface SnapshotEntry {
	id: string;
	token: string;
	record: IDataObject;
}

export interface SnapshotChange {
	record: IDataObject;
	/** The token stored at the previous poll; undefined for an id not seen before. */
	before?: string;
	after: string;
}

export interface SnapshotDiff {
	/** Ids not seen before (before undefined) and ids whose token differs. */
	changes: SnapshotChange[];
	seen: Record<string, string>;
}

/**
 * Compares the current listing with the stored one. Ids that are missing from the listing are kept
 * for one more poll (marked missing) and then forgotten; an id that comes back is compared with its
 * stored token as usual.
 */
export function diffSnapshot(
	previous: Record<string, string> | undefined,
	current: SnapshotEntry[],
	options: { keepMissing?: (id: string, token: string) => boolean } = {},
): SnapshotDiff {
	const stored = previous ?? {};
	const seen: Record<string, string> = {};
	const changes: SnapshotChange[] = [];
	for (const entry of current) {
		if (Object.prototype.hasOwnProperty.call(seen, entry.id)) continue;
		seen[entry.id] = entry.token;
		const raw = stored[entry.id];
		const before = raw === undefined ? undefined : raw.startsWith(MISSING) ? raw.slice(1) : raw;
		if (before === entry.token) continue;
		changes.push({ record: entry.record, before, after: entry.token });
	}
	for (const [id, raw] of Object.entries(stored)) {
		if (Object.prototype.hasOwnProperty.call(seen, id) || raw.startsWith(MISSING)) continue;
		if (options.keepMissing && !options.keepMissing(id, raw)) continue;
		seen[id] = `${MISSING}${raw}`;
	}
	return { changes, seen };
}

/** Newest first by the given date field, then by id (numeric when both are numbers). */
export function newestFirst(field: string): (a: IDataObject, b: IDataObject) => number {
	return (a, b) => {
		const ta = timeOf(a[field]) ?? Number.NEGATIVE_INFINITY;
		const tb = timeOf(b[field]) ?? Number.NEGATIVE_INFINITY;
		if (ta !== tb) return tb - ta;
		return compareIds(idOf(b), idOf(a));
	};
}

/** Oldest first by the given date field, then by id: the order events are emitted in. */
export function oldestFirst(field: string): (a: IDataObject, b: IDataObject) => number {
	const newest = newestFirst(field);
	return (a, b) => newest(b, a);
}

function compareIds(a: string | undefined, b: string | undefined): number {
	const na = Number(a);
	const nb = Number(b);
	if (a !== undefined && b !== undefined && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	return String(a ?? '').localeCompare(String(b ?? ''));
}

/** The expiration date of a budget (SDK `expirationDate`, legacy `validUntil`). */
export function expirationOf(record: IDataObject): number | undefined {
	return timeOf(record.expirationDate ?? record.validUntil);
}

/** The stored form of an expiration: minutes since the epoch in base 36 (about 6 characters). */
export function expirationToken(ms: number): string {
	return Math.floor(ms / 60_000).toString(36);
}

export function expirationFromToken(token: string): number | undefined {
	const minutes = parseInt(token, 36);
	return Number.isFinite(minutes) ? minutes * 60_000 : undefined;
}
