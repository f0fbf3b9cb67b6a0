/**
 * Instants as Billoget and users write them, read by one set of rules everywhere: webhook timestamps
 * (shared/signature.ts), poll cursors (poll/state.ts), rate-limit resets (transport/rateLimit.ts),
 * report dates (shared/reports/) and the dates of a budget (actions/parameters.ts). Pure.
 *
 * - A number, or a string of digits, is a Unix time. Below EPOCH_MS_CUTOFF it counts seconds, from it
 *   on milliseconds: 1e11 seconds is the year 5138 and 1e11 milliseconds is 3 March 1973, so every
 *   date a budget can carry is read right whichever unit the sender used.
 * - Text is ISO 8601: a calendar day 'YYYY-MM-DD' (midnight UTC), or a day and a time ('T' or a
 *   space between them) with 'Z' or an offset (+03, +0300, +03:00).
 * - A date and time WITHOUT an offset is UTC, never the local time of the machine n8n runs on: the
 *   same workflow must mean the same instant on a laptop and on a server in another time zone.
 * - An HTTP date (IMF-fixdate, as in a Retry-After header) is accepted; it always says GMT.
 * - Anything else is not a date (undefined): '03/07/2026' or 'next week' would be a guess. So is an
 *   impossible calendar day such as 2026-02-30, which Date.parse would silently move to 2 March.
 */

/** Unix times below this are seconds, from it on milliseconds. */
export const EPOCH_MS_CUTOFF = 1e11;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(?:(Z)|([+-]\d{2})(?::?(\d{2}))?)?$/i;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const DIGITS = /^\d+(?:\.\d+)?$/;

/** Milliseconds of a Unix time given in seconds or milliseconds (see EPOCH_MS_CUTOFF). */
export function epochToMs(value: number): number {
	return value < EPOCH_MS_CUTOFF ? value * 1000 : value;
}

export const DAY_MS = 86_400_000;

/** The UTC day 'YYYY-MM-DD' of an instant (ms). */
export function utcDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** Whether the text is a real calendar day 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDay(text: string): boolean {
	const match = DAY.exec(text);
	if (!match) return false;
	return utcDay(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) === text;
}

/** Whether an ISO date-time names its offset ('Z' or ±hh[:mm]). */
export function hasZone(text: string): boolean {
	const match = DATE_TIME.exec(text.trim());
	return match !== null && (match[4] !== undefined || match[5] !== undefined);
}

export interface InstantOptions {
	/** Refuse a bare calendar day: the caller needs a time of day too (a webhook's timestamp). */
	requireTime?: boolean;
}

/** Milliseconds of ISO 8601 text only (a day, or a day and a time); undefined for anything else. */
export function parseIsoDate(value: string, options: InstantOptions = {}): number | undefined {
	const text = value.trim();
	if (DAY.test(text)) {
		if (options.requireTime || !isDay(text)) return undefined;
		return Date.parse(`${text}T00:00:00Z`);
	}
	const match = DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, day, hoursMinutes, seconds, utc, offsetHours, offsetMinutes] = match;
	if (!isDay(day)) return undefined;
	const zone = utc || offsetHours === undefined ? 'Z' : `${offsetHours}:${offsetMinutes ?? '00'}`;
	const time = Date.parse(`${day}T${hoursMinutes}${seconds ?? ':00'}${zone}`);
	return Number.isNaN(time) ? undefined : time;
}

function parseText(text: string, options: InstantOptions): number | undefined {
	if (DIGITS.test(text)) return epochToMs(Number(text));
	if (HTTP_DATE.test(text)) {
		const time = Date.parse(text);
		return Number.isNaN(time) ? undefined : time;
	}
	return parseIsoDate(text, options);
}

/**
 * Milliseconds since the epoch of a date as Billoget or a user gives it: a Date, a Unix time (number
 * or digits) or ISO 8601 text, read by the rules above. Undefined when it is not a date.
 */
export function parseInstant(value: unknown, options: InstantOptions = {}): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? epochToMs(value) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text === '' ? undefined : parseText(text, options);
}

// ---- calendar days ----
// Reports place records on days in UTC and count in whole days; these work on 'YYYY-MM-DD' keys.

const DAY_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/** The UTC day of a record's date, or undefined when it is not a date. */
export function dayOf(value: unknown): string | undefined {
	const time = parseInstant(value);
	return time === undefined ? undefined : utcDay(time);
}

/**
 * The calendar day of a range edge as the user wrote it: '2026-03-31', '2026-03-31T00:00:00' and
 * '2026-03-31T23:00:00-03:00' are all 31 March. Values that do not start with a date are parsed and
 * placed on their UTC day.
 */
export function calendarDay(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const match = DAY_PREFIX.exec(value.trim());
		if (match) return isDay(match[1]) ? match[1] : undefined;
	}
	return dayOf(value);
}

/** Midnight UTC (ms) of a day 'YYYY-MM-DD'. */
export function dayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
	return utcDay(dayStart(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}
