/**
 * The periods of the per-period breakdown, on UTC days (shared/dates.ts). Keys: day 'YYYY-MM-DD',
 * ISO week 'YYYY-Www', month 'YYYY-MM'.
 */

import { addDays, DAY_MS, dayStart, utcDay } from '../dates';

export type Period = 'day' | 'week' | 'month';

/** ISO 8601 week of a day: '2026-W01' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
	const date = new Date(dayStart(day));
	const weekday = date.getUTCDay() || 7;
	// The Thursday of this week decides the ISO year.
	const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
	const year = thursday.getUTCFullYear();
	const firstJanuary = Date.UTC(year, 0, 1);
	const week = Math.floor((thursday.getTime() - firstJanuary) / DAY_MS / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodKey(day: string, period: Period): string {
	if (period === 'day') return day;
	if (period === 'month') return day.slice(0, 7);
	return isoWeek(day);
}

/** Every period key from the period of `fromDay` to the period of `toDay`, in order. */
export function periodsBetween(fromDay: string, toDay: string, period: Period): string[] {
	const keys: string[] = [];
	if (fromDay > toDay) return keys;
	let day = fromDay;
	const step = period === 'day' ? 1 : period === 'week' ? 7 : 0;
	for (;;) {
		const key = periodKey(day, period);
		if (keys[keys.length - 1] !== key) keys.push(key);
		if (period === 'month') {
			const year = Number(day.slice(0, 4));
			const month = Number(day.slice(5, 7));
			day = utcDay(Date.UTC(year, month, 1));
		} else {
			day = addDays(day, step);
		}
		if (day > toDay) {
			const last = periodKey(toDay, period);
			if (keys[keys.length - 1] !== last) keys.push(last);
			return keys;
		}
	}
}
