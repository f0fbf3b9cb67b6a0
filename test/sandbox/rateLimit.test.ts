import { call, DEMO_KEYS, fakeClock, startSandbox } from './helpers';
import type { CallResult, Sandbox } from './helpers';

const rateHeaders = (r: CallResult) => ({
	limit: r.headers.get('x-ratelimit-limit'),
	remaining: r.headers.get('x-ratelimit-remaining'),
	reset: r.headers.get('x-ratelimit-reset'),
	window: r.headers.get('x-ratelimit-window'),
});

describe('sandbox · rate limit', () => {
	const clock = fakeClock('2026-03-01T12:00:00.000Z');
	const t0 = Date.parse('2026-03-01T12:00:00.000Z') / 1000;
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		clock.set('2026-03-01T12:00:00.000Z');
		sb.reset();
		sb.configure({ rateLimitWindowSeconds: 3600, defaultRateLimitPerHour: 1000 });
	});

	it('puts the headers on every authenticated answer, including errors after auth', async () => {
		const ok = await call(sb, 'GET', '/api/public/customers');
		expect(rateHeaders(ok)).toEqual({
			limit: '1000',
			remaining: '999',
			reset: String(t0 + 3600),
			window: '3600',
		});

		const notFound = await call(sb, 'GET', '/api/public/customers/999');
		expect(notFound.status).toBe(404);
		expect(rateHeaders(notFound).remaining).toBe('998');

		const invalid = await call(sb, 'POST', '/api/public/customers', { body: { lastName: 'X' } });
		expect(invalid.status).toBe(422);
		expect(rateHeaders(invalid).remaining).toBe('997');

		const scope = await call(sb, 'POST', '/api/public/customers', {
			key: DEMO_KEYS.readOnly,
			body: {},
		});
		expect(scope.status).toBe(403);
		expect(rateHeaders(scope)).toMatchObject({ limit: '1000', remaining: '999' });
	});

	it('has no rate-limit headers when the key is not known, and none on admin endpoints', async () => {
		const r = await call(sb, 'GET', '/api/public/customers', { key: null });
		expect(r.headers.get('x-ratelimit-limit')).toBeNull();
		const health = await call(sb, 'GET', `${sb.url}/__sandbox/health`, { key: null });
		expect(health.json).toEqual({ ok: true });
		expect(health.headers.get('x-ratelimit-limit')).toBeNull();
	});

	it('answers 429 with Retry-After past a per-key limit, and lets requests in again as the window slides', async () => {
		const small = sb.addKey({ rateLimitPerHour: 3 });
		for (let i = 0; i < 3; i++) {
			const r = await call(sb, 'GET', '/api/public/products', { key: small });
			expect(r.status).toBe(200);
			expect(r.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
			clock.advance(60);
		}
		const limited = await call(sb, 'GET', '/api/public/products', { key: small });
		expect(limited.status).toBe(429);
		// The oldest request (t0) leaves the window at t0 + 3600; it is now t0 + 180.
		expect(limited.headers.get('retry-after')).toBe('3420');
		expect(rateHeaders(limited)).toEqual({
			limit: '3',
			remaining: '0',
			reset: String(t0 + 3600),
			window: '3600',
		});
		expect(limited.json).toMatchObject({
			error: 'rate_limit_exceeded',
			details: { limit: 3, remaining: 0, resetAt: '2026-03-01T13:00:00.000Z' },
		});

		// Another key is not affected.
		expect((await call(sb, 'GET', '/api/public/products')).status).toBe(200);

		// Once the first request leaves the window, exactly one slot is free.
		clock.set('2026-03-01T13:00:00.001Z');
		const again = await call(sb, 'GET', '/api/public/products', { key: small });
		expect(again.status).toBe(200);
		expect(again.headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await call(sb, 'GET', '/api/public/products', { key: small })).status).toBe(429);
	});

	it('uses the configured window and default limit', async () => {
		sb.configure({ rateLimitWindowSeconds: 60, defaultRateLimitPerHour: 2 });
		expect((await call(sb, 'GET', '/api/public/products')).status).toBe(200);
		const second = await call(sb, 'GET', '/api/public/products');
		expect(rateHeaders(second)).toMatchObject({ limit: '2', remaining: '0', window: '60' });
		const third = await call(sb, 'GET', '/api/public/products');
		expect(third.status).toBe(429);
		expect(third.headers.get('retry-after')).toBe('60');
		clock.advance(61);
		expect((await call(sb, 'GET', '/api/public/products')).status).toBe(200);
	});

	it('does not count refused (429) requests', async () => {
		const small = sb.addKey({ rateLimitPerHour: 1 });
		expect((await call(sb, 'GET', '/api/public/products', { key: small })).status).toBe(200);
		for (let i = 0; i < 5; i++)
			expect((await call(sb, 'GET', '/api/public/products', { key: small })).status).toBe(429);
		clock.advance(3601);
		expect((await call(sb, 'GET', '/api/public/products', { key: small })).status).toBe(200);
	});

	it('starts counting afresh after reset()', async () => {
		await call(sb, 'GET', '/api/public/products');
		sb.reset();
		const r = await call(sb, 'GET', '/api/public/products');
		expect(r.headers.get('x-ratelimit-remaining')).toBe('999');
	});
});
