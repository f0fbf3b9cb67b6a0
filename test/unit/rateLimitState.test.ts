import { RateLimitState } from '../../nodes/Billoget/transport/rateLimit';

describe('rate-limit state kept between polls (RateLimitState snapshot and restore)', () => {
	it('keeps the key’s window and not the run’s request count', () => {
		const state = new RateLimitState();
		state.limit = 1000;
		state.remaining = 0;
		state.resetAtMs = 1_800_000_000_000;
		state.requests = 7;
		expect(state.snapshot()).toEqual({ limit: 1000, remaining: 0, resetAtMs: 1_800_000_000_000 });

		const next = new RateLimitState();
		next.restore(JSON.parse(JSON.stringify(state.snapshot())));
		expect(next.available(1_799_999_000_000)).toBe(0);
		expect(next.available(1_800_000_000_000)).toBe(1000);
		expect(next.requests).toBe(0);
	});

	it('an empty state keeps nothing, and restoring nothing leaves the window unknown', () => {
		expect(new RateLimitState().snapshot()).toStrictEqual({});
		const partial = new RateLimitState();
		partial.remaining = 3;
		expect(partial.snapshot()).toStrictEqual({ remaining: 3 });
		const state = new RateLimitState();
		state.restore(undefined);
		expect(state.available(0)).toBe(Number.POSITIVE_INFINITY);
	});

	it.each([null, 'x', 42, { remaining: 'none', resetAtMs: Number.NaN, limit: Infinity }])('ignores what is not a snapshot: %p', (kept) => {
		const state = new RateLimitState();
		state.restore(kept);
		expect(state.snapshot()).toStrictEqual({});
	});
});
