/**
 * What a poll costs against the key's hourly request limit (pure arithmetic, used by the README
 * table and the tests). One list request returns at most MAX_PAGE_SIZE (100) records.
 */
import { MAX_PAGE_SIZE } from '../shared/pagination';

/** Billoget's default per-key limit (requests per sliding hour). */
export const DEFAULT_HOURLY_LIMIT = 1000;

/** List requests needed to read `records` records: never less than one. */
export function pagesFor(records: number): number {
	return Math.max(1, Math.ceil(Math.max(0, records) / MAX_PAGE_SIZE));
}

/** Requests per hour of a trigger polling every `intervalMinutes` at `pagesPerPoll` requests a poll. */
export function requestsPerHour(intervalMinutes: number, pagesPerPoll: number): number {
	if (!(intervalMinutes > 0)) throw new Error('The poll interval must be positive');
	return Math.ceil(60 / intervalMinutes) * Math.max(1, pagesPerPoll);
}

/** The shortest whole-minute interval that keeps a trigger under `share` of the hourly limit. */
export function shortestInterval(
	pagesPerPoll: number,
	share = 0.5,
	hourlyLimit = DEFAULT_HOURLY_LIMIT,
): number {
	const allowed = hourlyLimit * share;
	for (let minutes = 1; minutes <= 60; minutes++) {
		if (requestsPerHour(minutes, pagesPerPoll) <= allowed) return minutes;
	}
	return 60 * Math.ceil(Math.max(1, pagesPerPoll) / allowed);
}
