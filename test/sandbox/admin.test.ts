import { call, dataOf, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

describe('sandbox · admin endpoints', () => {
	let sb: Sandbox;
	const admin = (method: string, path: string, body?: unknown) =>
		call(sb, method, `${sb.url}/__sandbox${path}`, { key: null, body });

	beforeAll(async () => {
		sb = await startSandbox({ port: 0 });
	});
	afterAll(async () => {
		await sb.stop();
	});

	it('exposes baseUrl, url and port', () => {
		expect(sb.baseUrl).toBe(`http://127.0.0.1:${sb.port}/v1`);
		expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
		expect(sb.port).toBeGreaterThan(0);
	});

	it('health, config, keys, reset, requests, deliveries, subscriptions', async () => {
		expect((await admin('GET', '/health')).json).toEqual({ ok: true });

		const cfg = await admin('POST', '/config', { envelope: 'sdk', defaultRateLimitPerHour: 50 });
		expect(cfg.json).toMatchObject({
			data: { envelope: 'sdk', defaultRateLimitPerHour: 50, errorFormat: 'docs' },
		});
		expect((await call(sb, 'GET', '/api/public/products')).json).toMatchObject({
			data: { meta: { totalItems: 12 } },
		});
		const bad = await admin('POST', '/config', { envelope: 'xml' });
		expect(bad.status).toBe(400);
		expect(bad.json.message).toContain('envelope');
		expect((await admin('POST', '/config', { port: 1 })).status).toBe(400);

		const created = await admin('POST', '/keys', { name: 'From admin', scopes: ['READ_PRODUCTS'] });
		expect(created.status).toBe(201);
		const key = String(created.json.key);
		expect((await call(sb, 'GET', '/api/public/products', { key })).status).toBe(200);
		expect((await call(sb, 'GET', '/api/public/customers', { key })).status).toBe(403);
		expect((await admin('POST', '/keys', { scopes: ['NOPE'] })).status).toBe(400);

		const sub = await call(sb, 'POST', '/api/public/webhooks', {
			body: { url: 'http://127.0.0.1:9/hook', events: ['*'] },
		});
		const subs = await admin('GET', '/subscriptions');
		expect(dataOf<Array<Record<string, unknown>>>(subs)).toEqual([
			expect.objectContaining({
				id: 1,
				secret: dataOf<{ secret: string }>(sub).secret,
				keyPrefix: 'bk_test_5a1e',
			}),
		]);

		const emitted = await admin('POST', '/emit', { event: 'budget.expired', data: { id: 1 } });
		expect(dataOf<unknown[]>(emitted)).toHaveLength(1);
		await sb.waitForDeliveries((d) => d.length >= 1);
		expect(dataOf<unknown[]>(await admin('GET', '/deliveries')).length).toBeGreaterThanOrEqual(1);

		const requests = await admin('GET', '/requests');
		expect(dataOf<Array<{ path: string }>>(requests).map((r) => r.path)).toContain(
			'/v1/api/public/products',
		);
		expect((await admin('DELETE', '/requests')).status).toBe(204);
		expect(dataOf<unknown[]>(await admin('GET', '/requests'))).toEqual([]);

		expect((await admin('POST', '/reset', { seed: 'empty', envelope: 'docs' })).json).toEqual({
			ok: true,
		});
		expect((await call(sb, 'GET', '/api/public/products')).json.pagination).toMatchObject({
			total: 0,
		});
		expect((await call(sb, 'GET', '/api/public/products', { key })).status).toBe(401);
		expect(dataOf<unknown[]>(await admin('GET', '/subscriptions'))).toEqual([]);
		expect((await admin('POST', '/reset', { seed: 'other' })).status).toBe(400);
		expect((await admin('GET', '/nothing')).status).toBe(404);
		await admin('POST', '/reset', { seed: 'demo' });
	});
});
