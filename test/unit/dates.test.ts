import { calendarDay, dayOf, EPOCH_MS_CUTOFF, epochToMs, hasZone, isDay, parseInstant, parseIsoDate } from '../../nodes/Billoget/shared/dates';
import { parseTimestamp } from '../../nodes/Billoget/shared/signature';
import { noteRateLimitHeaders, RateLimitState } from '../../nodes/Billoget/transport/rateLimit';
import { diffCreated } from '../../nodes/Billoget/poll/state';

const T = Date.UTC(2026, 10, 25, 12, 0, 0); // 2026-11-25T12:00:00Z

describe('Unix times: one cut-off between seconds and milliseconds', () => {
	it('reads numbers below 1e11 as seconds and from 1e11 on as milliseconds', () => {
		expect(EPOCH_MS_CUTOFF).toBe(1e11);
		expect(epochToMs(T / 1000)).toBe(T);
		expect(epochToMs(T)).toBe(T);
		expect(epochToMs(0)).toBe(0);
		expect(epochToMs(1)).toBe(1000);
		expect(epochToMs(1e11 - 1)).toBe((1e11 - 1) * 1000);
		expect(epochToMs(1e11)).toBe(1e11);
		expect(epochToMs(1.5)).toBe(1500);
	});

	it('reads numbers and strings of digits alike', () => {
		expect(parseInstant(T / 1000)).toBe(T);
		expect(parseInstant(T)).toBe(T);
		expect(parseInstant(String(T / 1000))).toBe(T);
		expect(parseInstant(` ${T} `)).toBe(T);
		expect(parseInstant('1764072000.5')).toBe(1764072000500);
		expect(parseInstant(Number.NaN)).toBeUndefined();
		expect(parseInstant(Number.POSITIVE_INFINITY)).toBeUndefined();
	});

	/** 5e11 was milliseconds in the poll (cut-off 1e11) but seconds in the signature check (cut-off 1e12). */
	it('gives the same instant for a value between the two old cut-offs, wherever it is read', () => {
		const between = 5e11; // 1985-11-05 in milliseconds
		expect(parseInstant(between)).toBe(between);
		expect(parseTimestamp(between)).toBe(between);
		const [record] = diffCreated(undefined, [{ id: 1, createdAt: between }], 0, true).recent.map((id) => ({ id }));
		expect(record).toEqual({ id: '1' });
		expect(diffCreated(undefined, [{ id: 1, createdAt: between }], 0, true).cursor).toBe(between);
		const state = new RateLimitState();
		noteRateLimitHeaders(state, { 'x-ratelimit-reset': String(between) }, T);
		expect(state.resetAtMs).toBe(between);
	});
});

describe('ISO 8601 text', () => {
	it('reads a calendar day as midnight UTC', () => {
		expect(parseInstant('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
		expect(parseIsoDate(' 2026-03-01 ')).toBe(Date.UTC(2026, 2, 1));
	});

	it('reads a date and time without a zone as UTC, never as local time', () => {
		expect(parseInstant('2026-03-01T10:30:00')).toBe(Date.UTC(2026, 2, 1, 10, 30));
		expect(parseInstant('2026-03-01T10:30')).toBe(Date.UTC(2026, 2, 1, 10, 30));
		expect(parseInstant('2026-03-01 10:30')).toBe(Date.UTC(2026, 2, 1, 10, 30));
		expect(parseInstant('2026-03-01t10:30:00.250')).toBe(Date.UTC(2026, 2, 1, 10, 30, 0, 250));
	});

	it('applies Z and offsets in every written form', () => {
		expect(parseInstant('2026-03-01T10:30:00Z')).toBe(Date.UTC(2026, 2, 1, 10, 30));
		expect(parseInstant('2026-03-01T10:30:00z')).toBe(Date.UTC(2026, 2, 1, 10, 30));
		expect(parseInstant('2026-03-01T10:30:00-03:00')).toBe(Date.UTC(2026, 2, 1, 13, 30));
		expect(parseInstant('2026-03-01T10:30:00-0300')).toBe(Date.UTC(2026, 2, 1, 13, 30));
		expect(parseInstant('2026-03-01T10:30:00-03')).toBe(Date.UTC(2026, 2, 1, 13, 30));
		expect(parseInstant('2026-03-01T10:30+05:30')).toBe(Date.UTC(2026, 2, 1, 5, 0));
	});

	it('refuses impossible days and times instead of moving them', () => {
		expect(parseInstant('2026-02-30')).toBeUndefined();
		expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
		expect(parseInstant('2026-13-01')).toBeUndefined();
		expect(parseInstant('2026-03-01T25:00:00Z')).toBeUndefined();
		expect(parseInstant('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
	});

	it('refuses text that is not ISO 8601', () => {
		for (const text of ['03/07/2026', 'next week', 'March 7, 2026', '2026-3-1', '2026-03-01T10', '2026-03-01T10:30:00+3', '', '  ']) {
			expect(parseInstant(text)).toBeUndefined();
		}
		expect(parseIsoDate('1764072000')).toBeUndefined();
		expect(parseIsoDate('Tue, 01 Dec 2026 10:00:00 GMT')).toBeUndefined();
	});

	it('refuses a bare day where a time is required', () => {
		expect(parseInstant('2026-03-01', { requireTime: true })).toBeUndefined();
		expect(parseInstant('2026-03-01T00:00:00', { requireTime: true })).toBe(Date.UTC(2026, 2, 1));
	});

	it('says whether a date-time names its zone', () => {
		expect(hasZone('2026-03-01T10:30:00Z')).toBe(true);
		expect(hasZone('2026-03-01T10:30:00+01:00')).toBe(true);
		expect(hasZone(' 2026-03-01T10:30:00-03 ')).toBe(true);
		expect(hasZone('2026-03-01T10:30:00')).toBe(false);
		expect(hasZone('2026-03-01')).toBe(false);
	});

	it('knows real calendar days', () => {
		expect(isDay('2026-12-31')).toBe(true);
		expect(isDay('2026-02-29')).toBe(false);
		expect(isDay('2026-1-01')).toBe(false);
		expect(isDay('2026-01-01T00:00:00Z')).toBe(false);
	});
});

describe('other forms', () => {
	it('reads an HTTP date and a Date', () => {
		expect(parseInstant('Wed, 25 Nov 2026 12:00:00 GMT')).toBe(T);
		expect(parseInstant(new Date(T))).toBe(T);
		expect(parseInstant(new Date(Number.NaN))).toBeUndefined();
		expect(parseInstant('Wed, 25 Nov 2026 12:00:00 CET')).toBeUndefined();
	});

	it('refuses a date with other text before or after it', () => {
		for (const text of ['x Wed, 25 Nov 2026 12:00:00 GMT', 'Wed, 25 Nov 2026 12:00:00 GMT+0100', 'on 2026-03-01T10:30:00Z', 'x2026-03-01']) {
			expect(parseInstant(text)).toBeUndefined();
		}
	});

	it('reads a Unix time with any number of decimals', () => {
		expect(parseInstant('1764072000.25')).toBe(1764072000250);
		expect(parseInstant('1764072000.')).toBeUndefined();
	});

	it.each([null, undefined, {}, [], true])('is undefined for %p', (value) => {
		expect(parseInstant(value)).toBeUndefined();
	});
});

/**
 * A time without a zone used to be UTC in the reports but local time in the poll state and in the
 * dates a budget is created with. Every reader now gives the same instant.
 */
describe('every reader agrees on a time without a zone', () => {
	const text = '2026-03-01T23:30:00';
	const utc = Date.UTC(2026, 2, 1, 23, 30);

	it('reports, poll, webhook timestamps and rate-limit resets', () => {
		expect(dayOf(text)).toBe('2026-03-01');
		expect(diffCreated(undefined, [{ id: 1, createdAt: text }], 0, true).cursor).toBe(utc);
		expect(parseTimestamp(text)).toBe(utc);
		const state = new RateLimitState();
		expect(state.retryAfterMs({ 'retry-after': '2026-03-01T23:31:00' }, utc)).toBe(60_000);
	});
});

describe('the calendar day of a range edge', () => {
	it('is the day written at its start, spaces around it ignored; other text is read as a date or refused', () => {
		expect(calendarDay(' 2026-03-31T23:00:00-03:00 ')).toBe('2026-03-31');
		expect(calendarDay('x2026-03-31T10:00:00Z')).toBeUndefined();
		expect(calendarDay('2026-02-30T10:00:00Z')).toBeUndefined();
	});
});
