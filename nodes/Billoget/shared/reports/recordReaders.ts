/** How the reports read the records they count: IDs, repeats, and the order of rows. */

export type JsonRecord = Record<string, unknown>;

/** A record's ID as a number when it is digits, else the trimmed text; undefined when absent. */
export function idOf(value: unknown): number | string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		return /^\d+$/.test(text) ? Number(text) : text;
	}
	return undefined;
}

/** The embedded object under `key` (e.g. a budget's customer), or undefined. */
export function nested(record: JsonRecord, key: string): JsonRecord | undefined {
	const value = record[key];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** The record's ID for a warning. */
export function describeId(record: JsonRecord): string {
	const id = idOf(record.id);
	return id === undefined ? 'without an ID' : String(id);
}

/**
 * Whether a record with this ID was already counted, noting it otherwise: a record moving between
 * pages while they are read can appear twice. Records without an ID are never repeats.
 */
export function isRepeat(seen: Set<string>, id: number | string | undefined): boolean {
	if (id === undefined) return false;
	if (seen.has(String(id))) return true;
	seen.add(String(id));
	return false;
}

/** Row order: case- and accent-insensitive, then by code point so that the order is total. */
export function compareText(a: string, b: string): number {
	const byLocale = a.localeCompare(b, 'en', { sensitivity: 'base' });
	if (byLocale !== 0) return byLocale;
	return a < b ? -1 : a > b ? 1 : 0;
}
