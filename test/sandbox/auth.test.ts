import { createHash } from 'crypto';
import { call, DEMO_KEYS, fakeClock, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

describe('sandbox · authentication and scopes', () => {
	const clock = fakeClock('2026-03-01T12:00:00.000Z');
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset();
	});

	it('accepts the demo keys', async () => {
		expect((await call(sb, 'GET', '/api/public/customers')).status).toBe(200);
		expect(
			(await call(sb, 'GET', '/api/public/customers', { key: DEMO_KEYS.readOnly })).status,
		).toBe(200);
	});

	it('answers 401 unauthorized without an Authorization header', async () => {
		const r = await call(sb, 'GET', '/api/public/customers', { key: null });
		expect(r.status).toBe(401);
		expect(r.json).toMatchObject({
			error: 'unauthorized',
			details: { expected: 'Authorization: Bearer <api_key>' },
			requestId: expect.stringMatching(/^req_/),
			timestamp: '2026-03-01T12:00:00.000Z',
		});
	});

	it('answers 401 unauthorized for a malformed header', async () => {
		const r = await call(sb, 'GET', '/api/public/customers', {
			key: null,
			headers: { authorization: 'Basic abc' },
		});
		expect(r.status).toBe(401);
		expect(r.json.error).toBe('unauthorized');
	});

	it('answers 401 invalid_api_key with the key prefix for an unknown key', async () => {
		const unknown = `bk_test_${'0'.repeat(32)}`;
		const r = await call(sb, 'GET', '/api/public/customers', { key: unknown });
		expect(r.status).toBe(401);
		expect(r.json).toMatchObject({
			error: 'invalid_api_key',
			details: { keyPrefix: 'bk_test_0000' },
		});
		expect(r.text).not.toContain(unknown);
	});

	it('answers 401 invalid_api_key for a token that is not a Billoget key', async () => {
		const r = await call(sb, 'GET', '/api/public/customers', { key: 'sk_live_something' });
		expect(r.status).toBe(401);
		expect(r.json.error).toBe('invalid_api_key');
	});

	it('answers 401 api_key_expired once the key expired (sandbox clock)', async () => {
		const expiring = sb.addKey({ expiresAt: '2026-03-01T13:00:00.000Z' });
		expect((await call(sb, 'GET', '/api/public/products', { key: expiring })).status).toBe(200);
		clock.advance(3600);
		const r = await call(sb, 'GET', '/api/public/products', { key: expiring });
		expect(r.status).toBe(401);
		expect(r.json).toMatchObject({
			error: 'api_key_expired',
			details: { expiredAt: '2026-03-01T13:00:00.000Z' },
		});
		clock.set('2026-03-01T12:00:00.000Z');
	});

	it('answers 403 ip_not_allowed outside the allow-list, and accepts exact IPs and CIDR ranges', async () => {
		const elsewhere = sb.addKey({ allowedIps: ['10.1.2.3'] });
		const r = await call(sb, 'GET', '/api/public/products', { key: elsewhere });
		expect(r.status).toBe(403);
		expect(r.json).toMatchObject({ error: 'ip_not_allowed', details: { ip: '127.0.0.1' } });

		const local = sb.addKey({ allowedIps: ['10.0.0.0/8', '127.0.0.0/8'] });
		expect((await call(sb, 'GET', '/api/public/products', { key: local })).status).toBe(200);
		const exact = sb.addKey({ allowedIps: ['127.0.0.1'] });
		expect((await call(sb, 'GET', '/api/public/products', { key: exact })).status).toBe(200);
	});

	it('answers 403 insufficient_scope naming the missing scope', async () => {
		const r = await call(sb, 'POST', '/api/public/customers', {
			key: DEMO_KEYS.readOnly,
			body: { firstName: 'A', lastName: 'B' },
		});
		expect(r.status).toBe(403);
		expect(r.json.error).toBe('insufficient_scope');
		expect(r.json.message).toMatch(/required scope: WRITE_CUSTOMERS$/);
		expect(r.json.details).toMatchObject({ requiredScope: 'WRITE_CUSTOMERS' });
		expect(sb.store.customers.size).toBe(8);
	});

	it.each([
		['GET', '/api/public/budgets', 'READ_BUDGETS'],
		['POST', '/api/budgets/public', 'WRITE_BUDGETS'],
		['GET', '/api/public/budget-approvals/stats', 'READ_BUDGETS'],
		['GET', '/api/public/webhooks', 'WEBHOOKS'],
		['POST', '/api/public/webhooks/test', 'WEBHOOKS'],
		['DELETE', '/api/public/products/1', 'WRITE_PRODUCTS'],
	])('%s %s needs %s', async (method, path, scope) => {
		const onlyCustomers = sb.addKey({ scopes: ['READ_CUSTOMERS'] });
		const r = await call(sb, method, path, {
			key: onlyCustomers,
			body: method === 'GET' ? undefined : {},
		});
		expect(r.status).toBe(403);
		expect(r.json.message).toMatch(new RegExp(`required scope: ${scope}$`));
	});

	it('keeps only a bcrypt hash of each key, and logs only the key prefix', async () => {
		const plaintext = sb.addKey({ name: 'CI' });
		expect(plaintext).toMatch(/^bk_test_[0-9a-f]{32}$/);
		await call(sb, 'GET', '/api/public/customers', { key: plaintext });
		const logged = sb.requests[sb.requests.length - 1];
		expect(logged.keyPrefix).toBe(plaintext.slice(0, 12));
		expect(JSON.stringify(sb.requests)).not.toContain(plaintext);

		const admin = await call(sb, 'GET', `${sb.url}/__sandbox/keys`, { key: null });
		const ci = (admin.json.data as Array<Record<string, unknown>>).find((k) => k.name === 'CI');
		expect(ci).toMatchObject({
			keyPrefix: plaintext.slice(0, 12),
			scopes: expect.arrayContaining(['WEBHOOKS']),
		});
		expect(JSON.stringify(admin.json)).not.toContain(plaintext);
		expect(JSON.stringify(admin.json)).not.toContain(
			createHash('sha256').update(plaintext).digest('hex'),
		);
	});

	it('rejects bad key specs', () => {
		expect(() => sb.addKey({ scopes: ['READ_EVERYTHING'] })).toThrow(
			/unknown scopes: READ_EVERYTHING/,
		);
		expect(() => sb.addKey({ key: 'not-a-billoget-key-at-all' })).toThrow(/bk_/);
		expect(() => sb.addKey({ key: DEMO_KEYS.full })).toThrow(/already exists/);
	});

	it('accepts a given key, and only the configured keys when `keys` is passed', async () => {
		const own = await startSandbox({
			keys: [{ key: `bk_live_${'ab'.repeat(16)}`, scopes: ['READ_PRODUCTS'] }],
		});
		try {
			expect(
				(await call(own, 'GET', '/api/public/products', { key: `bk_live_${'ab'.repeat(16)}` }))
					.status,
			).toBe(200);
			expect((await call(own, 'GET', '/api/public/products')).status).toBe(401);
		} finally {
			await own.stop();
		}
	});
});
