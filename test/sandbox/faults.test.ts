import { call, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

describe('sandbox · fault injection', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.configure({ faults: null });
		sb.reset();
	});

	it('errorRate 1: every API request answers 503 service_unavailable and applies nothing', async () => {
		sb.configure({ faults: { errorRate: 1 } });
		const r = await call(sb, 'POST', '/api/public/customers', {
			body: { firstName: 'No', lastName: 'Write' },
		});
		expect(r.status).toBe(503);
		expect(r.json).toMatchObject({
			error: 'service_unavailable',
			message: expect.any(String),
			requestId: expect.any(String),
		});
		expect(sb.store.customers.size).toBe(8);
		expect(sb.requests[sb.requests.length - 1]).toMatchObject({
			method: 'POST',
			status: 503,
			fault: 'error',
		});
		// 503 comes before auth: even a request without a key gets it.
		expect((await call(sb, 'GET', '/api/public/customers', { key: null })).status).toBe(503);
		// Admin endpoints are never faulted.
		expect((await call(sb, 'GET', `${sb.url}/__sandbox/health`, { key: null })).json).toEqual({
			ok: true,
		});
	});

	it('uses the sdk error format for the 503 when configured', async () => {
		sb.configure({ faults: { errorRate: 1 }, errorFormat: 'sdk' });
		const r = await call(sb, 'GET', '/api/public/products');
		expect(r.json).toEqual({
			statusCode: 503,
			message: expect.any(String),
			error: 'Service Unavailable',
		});
		sb.configure({ errorFormat: 'docs' });
	});

	it('dropRate 1 on a POST: the record is created but the client sees a network error', async () => {
		sb.configure({ faults: { dropRate: 1 } });
		await expect(
			call(sb, 'POST', '/api/public/customers', {
				body: { firstName: 'Dropped', lastName: 'Answer' },
			}),
		).rejects.toThrow();
		expect([...sb.store.customers.values()].map((c) => c.firstName)).toContain('Dropped');
		expect(sb.requests[sb.requests.length - 1]).toMatchObject({
			method: 'POST',
			status: 201,
			fault: 'drop',
		});

		sb.configure({ faults: null });
		const check = await call(sb, 'GET', '/api/public/customers?search=dropped');
		expect(check.json.pagination).toMatchObject({ total: 1 });
	});

	it('dropRate 1 on a GET: the socket is destroyed without an answer', async () => {
		sb.configure({ faults: { dropRate: 1 } });
		await expect(call(sb, 'GET', '/api/public/products')).rejects.toThrow();
	});

	it('hangRate 1: never answers (the client has to time out)', async () => {
		sb.configure({ faults: { hangRate: 1 } });
		await expect(
			call(sb, 'GET', '/api/public/products', { signal: AbortSignal.timeout(200) }),
		).rejects.toThrow();
		expect(sb.requests[sb.requests.length - 1]).toMatchObject({ status: null, fault: 'hang' });
	});

	it('latencyMs delays answers', async () => {
		sb.configure({ faults: { latencyMs: 120 } });
		const started = Date.now();
		expect((await call(sb, 'GET', '/api/public/products')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
	});

	it('is deterministic for a seed and the order of requests', async () => {
		const run = async () => {
			const statuses: string[] = [];
			for (let i = 0; i < 20; i++) {
				try {
					statuses.push(String((await call(sb, 'GET', '/api/public/products?limit=1')).status));
				} catch {
					statuses.push('dropped');
				}
			}
			return statuses;
		};
		sb.configure({ faults: { errorRate: 0.3, dropRate: 0.2, seed: 'billoget' } });
		const first = await run();
		sb.configure({ faults: { errorRate: 0.3, dropRate: 0.2, seed: 'billoget' } });
		const second = await run();
		expect(second).toEqual(first);
		expect(first).toContain('200');
		expect(first).toContain('503');
		expect(first).toContain('dropped');

		sb.configure({ faults: { errorRate: 0.3, dropRate: 0.2, seed: 'another seed' } });
		expect(await run()).not.toEqual(first);
	});

	it('rejects invalid fault options', () => {
		expect(() => sb.configure({ faults: { errorRate: 2 } })).toThrow(/errorRate/);
		expect(() => sb.configure({ faults: { latencyMs: -1 } })).toThrow(/latencyMs/);
		expect(() => sb.configure({ faults: { explode: 1 } as never })).toThrow(
			/unknown fault options/,
		);
	});
});
