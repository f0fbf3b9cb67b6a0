import { createHmac } from 'crypto';
import { sleep } from 'n8n-workflow';
import { startReceiver } from '../../sandbox/testReceiver';
import { call, dataOf, DEMO_KEYS, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
interface Sub {
	id: number;
	url: string;
	events: string[];
	description: string | null;
	createdAt: string;
	secret?: string;
}
interface Payload {
	event: string;
	timestamp: string;
	data: Record<string, unknown>;
	metadata: { source: string; version: string; delivery_id: string };
}

const hmacHex = (secret: string, raw: string) =>
	createHmac('sha256', secret).update(raw).digest('hex');

describe('sandbox · webhook subscriptions and deliveries', () => {
	let sb: Sandbox;
	let receiver: Receiver;

	const subscribe = async (events: string[], url = receiver.url, key: string = DEMO_KEYS.full) => {
		const r = await call(sb, 'POST', '/api/public/webhooks', {
			key,
			body: { url, events, description: 'test hook' },
		});
		expect(r.status).toBe(201);
		return dataOf<Sub & { secret: string }>(r);
	};
	const createCustomer = (firstName = 'Hook') =>
		call(sb, 'POST', '/api/public/customers', {
			body: { firstName, lastName: 'Test', email: 'hook@example.com' },
		});

	beforeAll(async () => {
		receiver = await startReceiver();
		sb = await startSandbox({ deliveryBaseDelayMs: 20 });
	});
	afterAll(async () => {
		await sb.stop();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ signaturePrefix: '', deliveryRetries: 5, deliveryBaseDelayMs: 20 });
		receiver.requests.length = 0;
		receiver.failFirst(0);
	});

	describe('subscriptions API', () => {
		it('creates a subscription and shows its secret only once', async () => {
			const sub = await subscribe(['customer.created', 'budget.approved']);
			expect(sub).toEqual({
				id: 1,
				url: receiver.url,
				events: ['customer.created', 'budget.approved'],
				description: 'test hook',
				secret: expect.stringMatching(/^whsec_[0-9a-f]{48}$/),
				createdAt: expect.any(String),
			});
			const list = await call(sb, 'GET', '/api/public/webhooks');
			expect(list.json).toEqual({
				data: [
					{
						id: 1,
						url: receiver.url,
						events: ['customer.created', 'budget.approved'],
						description: 'test hook',
						createdAt: sub.createdAt,
					},
				],
				pagination: { page: 1, limit: 10, total: 1, hasMore: false },
				meta: expect.any(Object),
			});
			expect(list.text).not.toContain('whsec_');
		});

		it('uses the sdk list envelope when configured', async () => {
			await subscribe(['*']);
			sb.configure({ envelope: 'sdk' });
			const list = await call(sb, 'GET', '/api/public/webhooks');
			expect(list.json).toMatchObject({
				data: { data: [{ id: 1, events: ['*'] }], meta: { totalItems: 1 } },
			});
			sb.configure({ envelope: 'docs' });
		});

		it('scopes subscriptions per API key', async () => {
			const other = sb.addKey({ scopes: ['WEBHOOKS'] });
			const mine = await subscribe(['*']);
			const theirs = await subscribe(['product.created'], receiver.url, other);
			expect(dataOf<Sub[]>(await call(sb, 'GET', '/api/public/webhooks')).map((s) => s.id)).toEqual(
				[mine.id],
			);
			expect(
				dataOf<Sub[]>(await call(sb, 'GET', '/api/public/webhooks', { key: other })).map(
					(s) => s.id,
				),
			).toEqual([theirs.id]);
			expect((await call(sb, 'DELETE', `/api/public/webhooks/${theirs.id}`)).status).toBe(404);
			expect(sb.subscriptions().map((s) => s.id)).toEqual([mine.id, theirs.id]);
		});

		it('deletes (204) and answers 404 for an unknown id', async () => {
			const sub = await subscribe(['*']);
			expect((await call(sb, 'DELETE', `/api/public/webhooks/${sub.id}`)).status).toBe(204);
			expect(dataOf<Sub[]>(await call(sb, 'GET', '/api/public/webhooks'))).toEqual([]);
			const again = await call(sb, 'DELETE', `/api/public/webhooks/${sub.id}`);
			expect(again.status).toBe(404);
			expect(again.json).toMatchObject({ error: 'not_found' });
		});

		it.each([
			[{ events: ['*'] }, 'url'],
			[{ url: 'ftp://example.com/hook', events: ['*'] }, 'url'],
			[{ url: 'not a url', events: ['*'] }, 'url'],
			[{ url: 'https://example.com/hook' }, 'events'],
			[{ url: 'https://example.com/hook', events: [] }, 'events'],
			[
				{ url: 'https://example.com/hook', events: ['customer.created', 'invoice.paid'] },
				'events[1]',
			],
			[{ url: 'https://example.com/hook', events: ['*'], description: 5 }, 'description'],
		])('answers 422 for %j naming %s', async (body, field) => {
			const r = await call(sb, 'POST', '/api/public/webhooks', { body });
			expect(r.status).toBe(422);
			expect(r.json).toMatchObject({ error: 'validation_error', details: { field } });
		});
	});

	describe('deliveries', () => {
		it('delivers a signed event that verifies with the secret over the exact bytes', async () => {
			const sub = await subscribe(['customer.created']);
			await createCustomer('Signed');
			const [req] = await receiver.waitFor(1);
			expect(req.method).toBe('POST');
			expect(req.headers['content-type']).toBe('application/json');
			expect(req.headers['user-agent']).toBe('Billoget-Webhooks/1.0');
			expect(req.headers['x-billoget-event']).toBe('customer.created');
			expect(req.headers['x-billoget-signature']).toBe(hmacHex(sub.secret, req.rawBody));
			const payload = JSON.parse(req.rawBody) as Payload;
			expect(payload).toEqual({
				event: 'customer.created',
				timestamp: expect.any(String),
				data: expect.objectContaining({ id: 9, firstName: 'Signed', lastName: 'Test' }),
				metadata: {
					source: 'api',
					version: '1.4.0',
					delivery_id: req.headers['x-billoget-delivery'],
				},
			});
			expect(payload.metadata.delivery_id).toMatch(/^dlv_[0-9a-f]+$/);

			const [logged] = await sb.waitForDeliveries((d) => d.length >= 1);
			expect(logged).toMatchObject({
				subscriptionId: sub.id,
				url: receiver.url,
				event: 'customer.created',
				deliveryId: payload.metadata.delivery_id,
				attempt: 1,
				status: 200,
				body: req.rawBody,
				signature: req.headers['x-billoget-signature'],
			});
		});

		it('signs with a sha256= prefix when configured', async () => {
			sb.configure({ signaturePrefix: 'sha256=' });
			const sub = await subscribe(['*']);
			await createCustomer();
			const [req] = await receiver.waitFor(1);
			expect(req.headers['x-billoget-signature']).toBe(
				`sha256=${hmacHex(sub.secret, req.rawBody)}`,
			);
		});

		it('sends only the events a subscription asked for; "*" gets all', async () => {
			const other = await startReceiver();
			try {
				await subscribe(['product.created'], other.url);
				await subscribe(['*']);
				await createCustomer();
				await call(sb, 'POST', '/api/public/products', {
					body: { productCode: 'W', description: 'W', category: 'C', price: 1 },
				});
				await receiver.waitFor(2);
				await other.waitFor(1);
				await sleep(50);
				expect(receiver.requests.map((r) => r.headers['x-billoget-event']).sort()).toEqual([
					'customer.created',
					'product.created',
				]);
				expect(other.requests.map((r) => r.headers['x-billoget-event'])).toEqual([
					'product.created',
				]);
			} finally {
				await other.close();
			}
		});

		it('retries a failing receiver with backoff, same delivery id and same bytes', async () => {
			receiver.failFirst(2, 500);
			await subscribe(['customer.created']);
			await createCustomer();
			const got = await receiver.waitFor(3, 5000);
			expect(got.map((r) => r.status)).toEqual([500, 500, 200]);
			expect(new Set(got.map((r) => r.headers['x-billoget-delivery'])).size).toBe(1);
			expect(new Set(got.map((r) => r.rawBody)).size).toBe(1);
			expect(new Set(got.map((r) => r.headers['x-billoget-signature'])).size).toBe(1);

			const log = await sb.waitForDeliveries((d) => d.length >= 3);
			expect(log.map((d) => [d.attempt, d.status, d.nextRetryInMs])).toEqual([
				[1, 500, 20],
				[2, 500, 40],
				[3, 200, undefined],
			]);
		});

		it('retries network errors and gives up after deliveryRetries', async () => {
			sb.configure({ deliveryRetries: 2, deliveryBaseDelayMs: 5 });
			const gone = await startReceiver();
			await gone.close();
			await subscribe(['*'], gone.url);
			await createCustomer();
			const log = await sb.waitForDeliveries((d) => d.length >= 3);
			expect(log.map((d) => d.attempt)).toEqual([1, 2, 3]);
			expect(log.every((d) => typeof d.error === 'string' && d.status === undefined)).toBe(true);
			await sleep(60);
			expect(sb.deliveries).toHaveLength(3);
		});

		it("sends every event to a key's webhookUrl, signed with the key's webhookSecret", async () => {
			const secret = ['manual', 'mode', 'signing', 'value'].join('-');
			sb.addKey({ scopes: ['READ_BUDGETS'], webhookUrl: receiver.url, webhookSecret: secret });
			const token = sb.store.budgets.get(1)?.publicToken ?? '';
			await call(sb, 'POST', `/api/public/budgets/token/${token}/confirm`);
			const [req] = await receiver.waitFor(1);
			expect(req.headers['x-billoget-event']).toBe('budget.approved');
			expect(req.headers['x-billoget-signature']).toBe(hmacHex(secret, req.rawBody));
			expect((JSON.parse(req.rawBody) as Payload).data).toMatchObject({ id: 1, state: 1 });
			const [logged] = await sb.waitForDeliveries((d) => d.length >= 1);
			expect(logged).toMatchObject({
				subscriptionId: null,
				keyId: expect.any(Number),
				event: 'budget.approved',
				status: 200,
			});
		});

		it('POST /webhooks/test sends the event to the calling key only', async () => {
			const other = sb.addKey({ scopes: ['WEBHOOKS'] });
			const mine = await subscribe(['*']);
			const elsewhere = await startReceiver();
			try {
				await subscribe(['*'], elsewhere.url, other);
				const r = await call(sb, 'POST', '/api/public/webhooks/test', {
					body: { event: 'connection_test', data: { hello: 'world' } },
				});
				expect(r.status).toBe(200);
				expect(r.json).toEqual({
					data: {
						message: expect.any(String),
						timestamp: expect.any(String),
						apiKey: 'bk_test_5a1e',
						event: 'connection_test',
						deliveries: 1,
					},
				});
				const [req] = await receiver.waitFor(1);
				expect(JSON.parse(req.rawBody)).toMatchObject({
					event: 'connection_test',
					data: { hello: 'world' },
				});
				expect(req.headers['x-billoget-signature']).toBe(hmacHex(mine.secret, req.rawBody));
				await sleep(50);
				expect(elsewhere.requests).toHaveLength(0);
				expect(
					(await call(sb, 'POST', '/api/public/webhooks/test', { body: {} })).json,
				).toMatchObject({ details: { field: 'event' } });
			} finally {
				await elsewhere.close();
			}
		});

		it('emit() sends any event to matching subscriptions', async () => {
			const sub = await subscribe(['budget.expired']);
			const sent = sb.emit('budget.expired', { id: 3 });
			expect(sent).toEqual([
				{ deliveryId: expect.stringMatching(/^dlv_/), url: receiver.url, subscriptionId: sub.id },
			]);
			const [req] = await receiver.waitFor(1);
			expect(JSON.parse(req.rawBody)).toMatchObject({
				event: 'budget.expired',
				data: { id: 3 },
				metadata: { delivery_id: sent[0].deliveryId },
			});
		});

		it('deliverRaw() sends exactly the given bytes and headers once', async () => {
			const raw = '{"event":"customer.created",  "data":{"id":1}}';
			const result = await sb.deliverRaw(receiver.url, raw, {
				'X-Billoget-Signature': 'deadbeef',
				'X-Billoget-Event': 'customer.created',
			});
			expect(result).toEqual({ status: 200 });
			const [req] = await receiver.waitFor(1);
			expect(req.rawBody).toBe(raw);
			expect(req.headers['x-billoget-signature']).toBe('deadbeef');
			expect(sb.deliveries[sb.deliveries.length - 1]).toMatchObject({
				raw: true,
				body: raw,
				signature: 'deadbeef',
				status: 200,
				event: 'customer.created',
			});
		});

		it('forgets subscriptions, the delivery log and pending retries on reset', async () => {
			receiver.failFirst(100);
			sb.configure({ deliveryBaseDelayMs: 30 });
			await subscribe(['*']);
			await createCustomer();
			await receiver.waitFor(1);
			sb.reset();
			const seen = receiver.requests.length;
			await sleep(150);
			expect(receiver.requests.length).toBe(seen);
			expect(sb.subscriptions()).toEqual([]);
			expect(sb.deliveries).toEqual([]);
		});
	});
});
