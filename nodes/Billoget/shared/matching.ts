/**
 * Upsert matching: how a record's key is compared, and which fields would change. Pure, no n8n.
 */

export type MatchKey = 'email' | 'dni' | 'cuit' | 'productCode' | 'sku';

/**
 * Keys that every reading of Billoget's API documents as covered by the list's `search` (customers:
 * email; products: SKU). The others (DNI, CUIT, product code) are searched by some Billoget versions
 * only: a search that misses them would create a duplicate, so records are matched on those against
 * the full list.
 */
export const SEARCHABLE_KEYS: ReadonlySet<MatchKey> = new Set<MatchKey>(['email', 'sku']);

export function isSearchableKey(key: MatchKey): boolean {
	return SEARCHABLE_KEYS.has(key);
}

type Plain = Record<string, unknown>;

/** The comparable form of a key value, or undefined when the value is empty. */
export function normaliseKey(key: MatchKey, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	switch (key) {
		case 'email':
			return text.toLowerCase();
		case 'dni':
			return text.replace(/\D/g, '').replace(/^0+/, '') || undefined;
		case 'cuit':
			return text.replace(/\D/g, '') || undefined;
		default:
			return text;
	}
}

/** Records grouped by the normalised value of `key` (several records may share one value). */
export function indexByKey<T extends Plain>(records: T[], key: MatchKey): Map<string, T[]> {
	const index = new Map<string, T[]>();
	for (const record of records) {
		const normalised = normaliseKey(key, record[key]);
		if (normalised === undefined) continue;
		const list = index.get(normalised);
		if (list) list.push(record);
		else index.set(normalised, [record]);
	}
	return index;
}

function sameValue(field: string, current: unknown, desired: unknown): boolean {
	if (desired === undefined) return true;
	if (current === undefined || current === null) return desired === null || desired === '';
	if (typeof desired === 'number' || typeof current === 'number') {
		return Number(current) === Number(desired);
	}
	if (typeof desired === 'boolean' || typeof current === 'boolean') {
		return String(current) === String(desired);
	}
	if (field === 'email') {
		return String(current).trim().toLowerCase() === String(desired).trim().toLowerCase();
	}
	if (field === 'cuit') {
		return String(current).replace(/\D/g, '') === String(desired).replace(/\D/g, '');
	}
	return String(current).trim() === String(desired).trim();
}

/** The fields of `desired` whose values differ from `current` (only fields given are compared). */
export function changedFields(current: Plain, desired: Plain): string[] {
	return Object.keys(desired).filter((field) => !sameValue(field, current[field], desired[field]));
}

/** Whether `record` holds every field of `sent` with the same value (how a lost create is recognised). */
export function holdsFields(record: Plain, sent: Plain): boolean {
	return changedFields(record, sent).length === 0;
}

/** The subset of `desired` that would change `current`. */
export function changes(current: Plain, desired: Plain): Plain {
	const result: Plain = {};
	for (const field of changedFields(current, desired)) result[field] = desired[field];
	return result;
}

export interface UpsertGroup<T> {
	key: string;
	/** Input item indexes, in input order. */
	itemIndexes: number[];
	/** The items' fields merged in order (a later item wins on the same field). */
	desired: T;
}

/** Groups items by normalised key, merging their fields in input order, first occurrence first. */
export function groupByKey<T extends Plain>(
	entries: Array<{ itemIndex: number; key: string; fields: T }>,
): Array<UpsertGroup<T>> {
	const groups = new Map<string, UpsertGroup<T>>();
	for (const entry of entries) {
		const group = groups.get(entry.key);
		if (group) {
			group.itemIndexes.push(entry.itemIndex);
			group.desired = { ...group.desired, ...entry.fields };
		} else {
			groups.set(entry.key, { key: entry.key, itemIndexes: [entry.itemIndex], desired: { ...entry.fields } });
		}
	}
	return [...groups.values()];
}
