import { jsonOf, runBillogetNode } from '../harness/engine';
import { DEMO_KEY, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

/**
 * Billoget slow, flaky or rate-limiting: nothing is lost or duplicated, and the user is told of
 * anything whose outcome is unknown.
 */
describe('Billoget node · faults, rate limits and timeouts', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	afterEach(() => {
		sb.configure({ faults: null, rateLimitWindowSeconds: 3600 });
	});

	it('a 1,000-item customer upsert under 10% 503s, 5% dropped-after-write connections and latency ends exactly right', async () => {
		sb.reset({ seed: 'empty' });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 1_000_000 });
		for (let n = 0; n < 600; n++) sb.store.createCustomer({ firstName: `F${n}`, lastName: 'L', email: `c${n}@crm.test`, phoneNumber: `${n}` });
		const input = Array.from({ length: 1000 }, (_, n) => ({
			firstName: `F${n}`,
			lastName: 'L',
			email: `c${n}@crm.test`,
			phoneNumber: n % 10 === 0 ? `changed-${n}` : `${n}`,
		}));
		sb.configure({ faults: { errorRate: 0.1, dropRate: 0.05, latencyMs: [0, 3], seed: 'customers-1000' } });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'customer',
				operation: 'upsert',
				matchOn: 'email',
				matchValue: '={{ $json.email }}',
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				additionalFields: { phoneNumber: '={{ $json.phoneNumber }}' },
				options: { matching: 'loadAll' },
				requestOptions: { maxRetries: 8 },
			},
			items: input,
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		sb.configure({ faults: null });
		const sent = requestsSince(sb, mark);
		const injected = sent.filter((r) => r.fault !== undefined);
		expect(injected.filter((r) => r.fault === 'error').length).toBeGreaterThan(30);
		expect(injected.filter((r) => r.fault === 'drop').length).toBeGreaterThan(15);

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expect(out.filter((o) => o.error)).toEqual([]);
		// Every item ends correct, and no customer exists twice.
		const byEmail = new Map<string, Array<Record<string, unknown>>>();
		for (const c of sb.store.customers.values() as Iterable<Record<string, unknown>>) {
			const list = byEmail.get(String(c.email)) ?? [];
			list.push(c);
			byEmail.set(String(c.email), list);
		}
		expect(sb.store.customers.size).toBe(1000);
		expect([...byEmail.values()].filter((list) => list.length > 1)).toEqual([]);
		for (const item of input) expect(byEmail.get(item.email)?.[0]).toMatchObject(item);
	});

	it('a dropped create answer is looked up before anything is sent again, and recovered', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { dropRate: 1, seed: 1 } });
		// Only the first request (the POST) is dropped: turn faults off as soon as it was applied.
		const stopAfterFirstWrite = sb.store.createCustomer.bind(sb.store);
		sb.store.createCustomer = (fields: Parameters<typeof stopAfterFirstWrite>[0]) => {
			const created = stopAfterFirstWrite(fields);
			sb.configure({ faults: null });
			return created;
		};
		try {
			const mark = sb.requests.length;
			const result = await runBillogetNode({
				parameters: { resource: 'customer', operation: 'create', firstName: 'Ana', lastName: 'Once', additionalFields: { email: 'once@x.test' } },
				credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
			});
			expect(result.status).toBe('success');
			expect(jsonOf(result.items)[0]).toMatchObject({ email: 'once@x.test', firstName: 'Ana' });
			expect(sb.store.customers.size).toBe(1);
			expect(requestsSince(sb, mark).map((r) => r.method)).toEqual(['POST', 'GET']);
		} finally {
			sb.store.createCustomer = stopAfterFirstWrite;
		}
	});

	it('a hanging Billoget ends at the node’s timeout with a clear error', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { hangRate: 1, seed: 3 } });
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true, requestOptions: { timeout: 1000 } },
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
		});
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'Billoget did not answer within 1000 ms' });
		expect(String(result.error?.description)).toContain('Timeout option');
	});

	it('a hanging create is reported as of unknown outcome, never re-posted blindly', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { hangRate: 1, seed: 3 } });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'product',
				operation: 'create',
				productCode: 'HANG-1',
				description: 'Hangs',
				category: 'X',
				price: 1,
				requestOptions: { timeout: 1000, maxRetries: 0 },
			},
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		// The POST hung, then the look-up (also hanging) failed: one POST, never a second one.
		expect(requestsSince(sb, mark).filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(jsonOf(result.items)[0]).toMatchObject({ error: expect.stringMatching(/did not answer within 1000 ms/), outcome: 'unknown' });
		expect(String(jsonOf(result.items)[0].description)).toContain('Check in Billoget before running this item again');
	});

	it('a 429 storm is paced by Retry-After and the run completes', async () => {
		sb.reset({ seed: 'empty' });
		for (let n = 0; n < 2500; n++) sb.store.createCustomer({ firstName: `F${n}`, lastName: 'L', email: `s${n}@x.test` });
		sb.configure({ rateLimitWindowSeconds: 1 });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS'], rateLimitPerHour: 5 });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true, requestOptions: { maxRateLimitWait: 10 } },
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2500);
		const sent = requestsSince(sb, mark);
		const served = sent.filter((r) => r.status === 200);
		expect(served).toHaveLength(25);
		// The node waits for the reset it was told about instead of hammering: few 429s, bounded.
		expect(sent.filter((r) => r.status === 429).length).toBeLessThanOrEqual(5);
	});

	it.each([
		['expired', { expiresAt: '2020-01-01T00:00:00Z' }, 'The Billoget API key has expired', '401'],
		['IP not allowed', { allowedIps: ['10.9.9.9'] }, "This n8n's IP address is not allowed to use the Billoget API key", '403'],
	])('explains a key that is %s with what to change', async (_, spec, message, httpCode) => {
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS'], ...spec });
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 },
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
		});
		expect(result.error).toMatchObject({ message, httpCode });
		expect(String(result.error?.description)).toMatch(/Billoget → Settings → API Keys/);
	});
});
