/**
 * Billoget Trigger registration (docs/design.md, "Webhook registration") through n8n-core's HookContext against the sandbox:
 * one subscription per webhook URL whatever n8n does (activate twice, restart, re-save, test listen,
 * import, URL change), orphans repaired, 404 on delete treated as gone, Manual mode registers nothing.
 */
import { mulberry32 } from '../../sandbox/faults';
import { sign } from '../../sandbox/server';
import { TriggerHarness } from '../harness/trigger';
import type { TriggerOptions } from '../harness/trigger';
import { DEMO_KEY, READ_ONLY_KEY, credentialsFor, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

const WEBHOOK_ID = '4f6b1f0e-8a1d-4c53-9a0e-1b2c3d4e5f60';
const BASE = 'https://n8n.example.test';
const PRODUCTION_URL = `${BASE}/webhook/${WEBHOOK_ID}/webhook`;
const TEST_URL = `${BASE}/webhook-test/${WEBHOOK_ID}/webhook`;

interface SubscriptionView {
	id: number;
	url: string;
	events: string[];
	description: string | null;
	secret: string;
}

describe('Billoget Trigger · registration through HookContext against the sandbox', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'empty', deliveryRetries: 0 });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'empty', deliveryRetries: 0 });
	});

	const subscriptions = (): SubscriptionView[] => sb.subscriptions() as unknown as SubscriptionView[];

	const harness = (overrides: Partial<TriggerOptions> = {}) =>
		new TriggerHarness({
			parameters: { events: ['budget.approved', 'budget.created'], registration: 'automatic', options: {} },
			credentials: credentialsFor(sb),
			webhookId: WEBHOOK_ID,
			...overrides,
		});

	const webhookCalls = (mark: number) =>
		requestsSince(sb, mark)
			.filter((r) => r.path.includes('/api/public/webhooks'))
			.map((r) => `${r.method} ${r.path.replace(/^\/v1/, '')}`);

	it('activation creates one subscription for the production URL and stores its id and secret', async () => {
		const trigger = harness({ parameters: { events: ['budget.created', 'budget.approved', 'budget.created'], options: {} } });
		expect(trigger.webhookUrl('production')).toBe(PRODUCTION_URL);
		const mark = sb.requests.length;

		expect(await trigger.checkExists()).toBe(false);
		expect(await trigger.create()).toBe(true);

		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		expect(subs[0]).toMatchObject({ url: PRODUCTION_URL, events: ['budget.approved', 'budget.created'] });
		expect(subs[0].description).toContain('Billoget trigger test');
		expect(trigger.staticData()).toMatchObject({
			webhookId: subs[0].id,
			secret: subs[0].secret,
			webhookUrl: PRODUCTION_URL,
			events: ['budget.approved', 'budget.created'],
		});
		expect(webhookCalls(mark)).toEqual(['GET /api/public/webhooks', 'POST /api/public/webhooks']);
	});

	it('"All Events" registers just "*"', async () => {
		const trigger = harness({ parameters: { events: ['budget.approved', '*'], options: { description: 'Everything' } } });
		await trigger.activate();
		expect(subscriptions()).toEqual([expect.objectContaining({ events: ['*'], description: 'Everything' })]);
	});

	it('activating the same workflow twice keeps one subscription and sends no second POST', async () => {
		const trigger = harness();
		expect(await trigger.activate()).toBe(true);
		const first = subscriptions()[0];
		const mark = sb.requests.length;

		expect(await trigger.activate()).toBe(false);

		expect(subscriptions()).toEqual([first]);
		expect(webhookCalls(mark)).toEqual(['GET /api/public/webhooks']);
		expect(trigger.staticData()).toMatchObject({ webhookId: first.id, secret: first.secret });
	});

	it('a restart (workflow rebuilt from saved static data) adopts the existing subscription', async () => {
		const before = harness();
		await before.activate();
		const first = subscriptions()[0];

		const restarted = harness({ staticData: before.savedStaticData() });
		const mark = sb.requests.length;
		expect(await restarted.activate()).toBe(false);

		expect(subscriptions()).toEqual([first]);
		expect(webhookCalls(mark)).toEqual(['GET /api/public/webhooks']);
		expect(restarted.staticData()).toMatchObject({ webhookId: first.id, secret: first.secret });
	});

	it('re-saving (deactivate, then activate) replaces the subscription: never two', async () => {
		const trigger = harness();
		await trigger.activate();
		const first = subscriptions()[0];

		expect(await trigger.delete()).toBe(true);
		expect(subscriptions()).toEqual([]);
		expect(trigger.staticData()).not.toHaveProperty('webhookId');
		expect(trigger.staticData()).not.toHaveProperty('secret');

		await trigger.activate();
		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		expect(subs[0].id).not.toBe(first.id);
		expect(trigger.staticData()).toMatchObject({ webhookId: subs[0].id, secret: subs[0].secret });
	});

	it('the test URL and the production URL keep separate subscriptions and secrets', async () => {
		const trigger = harness();
		await trigger.activate('production');
		expect(trigger.webhookUrl('test')).toBe(TEST_URL);

		// "Listen for test event" while the workflow is active: its own subscription, its own static data.
		expect(await trigger.activate('test')).toBe(true);
		const byUrl = new Map(subscriptions().map((s) => [s.url, s]));
		expect([...byUrl.keys()].sort()).toEqual([TEST_URL, PRODUCTION_URL].sort());
		expect(trigger.staticData('test')).toMatchObject({ webhookId: byUrl.get(TEST_URL)!.id, webhookUrl: TEST_URL });
		expect(trigger.staticData('production')).toMatchObject({
			webhookId: byUrl.get(PRODUCTION_URL)!.id,
			webhookUrl: PRODUCTION_URL,
		});
		expect(trigger.staticData('test').secret).not.toBe(trigger.staticData('production').secret);

		// Checking again in either mode adopts its own subscription, never the other one.
		expect(await trigger.checkExists('production')).toBe(true);
		expect(await trigger.checkExists('test')).toBe(true);
		expect(subscriptions()).toHaveLength(2);

		// The test listen ends: only the test subscription goes.
		expect(await trigger.delete('test')).toBe(true);
		expect(subscriptions()).toEqual([expect.objectContaining({ url: PRODUCTION_URL })]);
		expect(trigger.staticData('production')).toHaveProperty('secret');
	});

	it('a subscription at our URL whose secret is not stored (orphan, e.g. after an import) is deleted and made again', async () => {
		const original = harness();
		await original.activate();
		const orphan = subscriptions()[0];

		const imported = harness(); // same node webhookId, empty static data
		const mark = sb.requests.length;
		expect(await imported.checkExists()).toBe(false);
		expect(subscriptions()).toEqual([]);
		expect(await imported.create()).toBe(true);

		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		expect(subs[0].id).not.toBe(orphan.id);
		expect(imported.staticData()).toMatchObject({ webhookId: subs[0].id, secret: subs[0].secret });
		expect(webhookCalls(mark)).toEqual([
			'GET /api/public/webhooks',
			`DELETE /api/public/webhooks/${orphan.id}`,
			'POST /api/public/webhooks',
		]);
	});

	it('stray copies at our URL are removed while our own subscription is kept', async () => {
		const trigger = harness();
		await trigger.activate();
		const ours = subscriptions()[0];
		// A copy made by someone else with the same key (its secret is unknown to the node).
		const stray = await fetch(`${sb.baseUrl}/api/public/webhooks`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: PRODUCTION_URL, events: ['budget.approved', 'budget.created'] }),
		});
		expect(stray.status).toBe(201);
		expect(subscriptions()).toHaveLength(2);

		expect(await trigger.checkExists()).toBe(true);
		expect(subscriptions()).toEqual([ours]);
	});

	it('a changed n8n URL deletes the subscription of the old URL and registers the new one', async () => {
		const before = harness();
		await before.activate();
		const old = subscriptions()[0];

		const moved = harness({ staticData: before.savedStaticData(), baseUrl: 'https://automations.example.org' });
		const newUrl = `https://automations.example.org/webhook/${WEBHOOK_ID}/webhook`;
		expect(await moved.checkExists()).toBe(false);
		expect(subscriptions()).toEqual([]);
		await moved.create();

		expect(subscriptions()).toEqual([expect.objectContaining({ url: newUrl })]);
		expect(subscriptions()[0].id).not.toBe(old.id);
		expect(moved.staticData()).toMatchObject({ webhookUrl: newUrl, webhookId: subscriptions()[0].id });
	});

	it('changed events replace the subscription instead of adding a second one', async () => {
		const before = harness();
		await before.activate();

		const edited = harness({
			staticData: before.savedStaticData(),
			parameters: { events: ['customer.created'], registration: 'automatic', options: {} },
		});
		expect(await edited.activate()).toBe(true);

		expect(subscriptions()).toEqual([expect.objectContaining({ url: PRODUCTION_URL, events: ['customer.created'] })]);
		expect(edited.staticData()).toMatchObject({ events: ['customer.created'] });
	});

	it('a stored subscription deleted in Billoget meanwhile is registered again', async () => {
		const trigger = harness();
		await trigger.activate();
		const id = subscriptions()[0].id;
		await fetch(`${sb.baseUrl}/api/public/webhooks/${id}`, {
			method: 'DELETE',
			headers: { Authorization: `Bearer ${DEMO_KEY}` },
		});

		expect(await trigger.activate()).toBe(true);
		expect(subscriptions()).toHaveLength(1);
		expect(trigger.staticData().webhookId).toBe(subscriptions()[0].id);
	});

	it('delete treats 404 as already gone and clears the static data', async () => {
		const trigger = harness();
		await trigger.activate();
		const id = subscriptions()[0].id;
		await fetch(`${sb.baseUrl}/api/public/webhooks/${id}`, {
			method: 'DELETE',
			headers: { Authorization: `Bearer ${DEMO_KEY}` },
		});
		const mark = sb.requests.length;

		expect(await trigger.delete()).toBe(true);

		expect(requestsSince(sb, mark).map((r) => r.status)).toEqual([404]);
		expect(trigger.staticData()).not.toHaveProperty('webhookId');
		expect(trigger.staticData()).not.toHaveProperty('secret');
	});

	it('delete without a stored subscription sends nothing', async () => {
		const trigger = harness();
		const mark = sb.requests.length;
		expect(await trigger.delete()).toBe(true);
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('Manual mode registers nothing: checkExists is true and create/delete send no request', async () => {
		const trigger = harness({ parameters: { events: ['*'], registration: 'manual', options: {} } });
		const mark = sb.requests.length;

		expect(await trigger.checkExists()).toBe(true);
		expect(await trigger.create()).toBe(true);
		expect(await trigger.delete()).toBe(true);

		expect(requestsSince(sb, mark)).toEqual([]);
		expect(subscriptions()).toEqual([]);
	});

	it('switching to Manual removes the subscription left from Automatic mode', async () => {
		const automatic = harness();
		await automatic.activate();
		const manual = harness({
			staticData: automatic.savedStaticData(),
			parameters: { events: ['*'], registration: 'manual', options: {} },
		});

		expect(await manual.checkExists()).toBe(true);
		expect(subscriptions()).toEqual([]);
		expect(manual.staticData()).not.toHaveProperty('secret');
	});

	it('an account without subscription endpoints (404) fails activation with a message naming Manual mode', async () => {
		// A gateway that only knows the documented endpoints: every /api/public/webhooks call is a 404.
		const trigger = harness({ credentials: { apiKey: DEMO_KEY, baseUrl: `${sb.baseUrl}/legacy` } });

		await expect(trigger.checkExists()).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: 'This Billoget account does not offer webhook subscriptions through the API',
			description: expect.stringContaining('"Registration" to "Manual"'),
		});
		await expect(trigger.create()).rejects.toMatchObject({
			message: 'This Billoget account does not offer webhook subscriptions through the API',
		});
	});

	describe('an account without subscription endpoints (the SDK reading), in Automatic mode', () => {
		const SECRET = ['whsec', 'fallback'.padEnd(48, '0')].join('_');
		beforeEach(() => {
			sb.configure({ dialect: 'sdk' });
		});
		afterEach(() => {
			sb.configure({ dialect: 'docs' });
		});

		const signedDelivery = (secret: string, deliveryId: string) => {
			const body = JSON.stringify({
				event: 'budget.approved',
				timestamp: new Date().toISOString(),
				data: { id: 1, state: 1 },
				metadata: { source: 'api', version: '1.4.0', delivery_id: deliveryId },
			});
			return {
				rawBody: body,
				headers: {
					'content-type': 'application/json',
					'x-billoget-event': 'budget.approved',
					'x-billoget-delivery': deliveryId,
					'x-billoget-signature': sign(secret, body, ''),
				},
			};
		};

		it('with a Webhook Signing Secret in the credential: activates as in Manual mode with one warning', async () => {
			const trigger = harness({ credentials: { ...credentialsFor(sb), webhookSigningSecret: SECRET } });
			const mark = sb.requests.length;
			expect(await trigger.activate()).toBe(false); // checkExists answered true: nothing to create
			expect(webhookCalls(mark)).toEqual(['GET /api/public/webhooks']);
			expect(requestsSince(sb, mark).map((r) => r.status)).toEqual([404]);
			const warnings = trigger.logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
			expect(warnings).toHaveLength(1);
			expect(warnings[0]).toContain('HTTP 404 to GET /api/public/webhooks');
			expect(warnings[0]).toContain('Working as in Manual mode');
			expect(warnings[0]).toContain(PRODUCTION_URL);
			expect(warnings[0]).not.toContain(SECRET);
			expect(trigger.staticData()).toMatchObject({ manualFallback: true });
			expect(trigger.staticData()).not.toHaveProperty('secret');

			// Deliveries to the key's webhook URL are verified with the credential's secret.
			const good = await trigger.deliver(signedDelivery(SECRET, 'dlv_fallback_1'));
			expect(good).toMatchObject({ status: 200, executed: true });
			const forged = await trigger.deliver(signedDelivery(['whsec', 'other'.padEnd(48, '1')].join('_'), 'dlv_fallback_2'));
			expect(forged).toMatchObject({ status: 401, executed: false });

			// Deactivation sends nothing and forgets the fallback.
			const before = sb.requests.length;
			expect(await trigger.delete()).toBe(true);
			expect(webhookCalls(before)).toEqual([]);
			expect(trigger.staticData()).not.toHaveProperty('manualFallback');
		});

		it('a create that meets the 404 falls back the same way', async () => {
			const trigger = harness({ credentials: { ...credentialsFor(sb), webhookSigningSecret: SECRET } });
			expect(await trigger.create()).toBe(true);
			expect(trigger.staticData()).toMatchObject({ manualFallback: true });
			expect(trigger.logs.filter((entry) => entry.level === 'warn')).toHaveLength(1);
		});

		it('without a secret: activation fails as before, naming Manual mode', async () => {
			const trigger = harness();
			await expect(trigger.checkExists()).rejects.toMatchObject({
				name: 'NodeApiError',
				httpCode: '404',
				message: 'This Billoget account does not offer webhook subscriptions through the API',
				description: expect.stringContaining('"Registration" to "Manual"'),
			});
			await expect(trigger.create()).rejects.toMatchObject({
				message: 'This Billoget account does not offer webhook subscriptions through the API',
			});
			expect(trigger.staticData()).not.toHaveProperty('manualFallback');
		});
	});

	it('a key without the WEBHOOKS scope fails activation naming the scope', async () => {
		const trigger = harness({ credentials: credentialsFor(sb, READ_ONLY_KEY) });
		await expect(trigger.checkExists()).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '403',
			message: 'The Billoget API key lacks the WEBHOOKS scope',
		});
		expect(subscriptions()).toEqual([]);
	});

	it('activation without any selected event fails before any request', async () => {
		const trigger = harness({ parameters: { events: [], registration: 'automatic', options: {} } });
		const mark = sb.requests.length;
		await expect(trigger.activate()).rejects.toMatchObject({
			message: 'Select at least one event in the Billoget Trigger',
		});
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('a POST whose answer is lost leaves no orphan: the made subscription is removed and the POST sent again', async () => {
		// A seed for which the sandbox drops the first API request after applying it, and no later one
		// (the sandbox draws two numbers per request; the first decides the fault).
		const dropRate = 0.3;
		const seed = Array.from({ length: 10_000 }, (_, i) => i + 1).find((candidate) => {
			const random = mulberry32(candidate);
			const firsts = Array.from({ length: 8 }, () => {
				const u = random();
				random();
				return u;
			});
			return firsts[0] < dropRate && firsts.slice(1).every((u) => u >= dropRate);
		})!;
		const trigger = harness();
		expect(await trigger.checkExists()).toBe(false);
		const mark = sb.requests.length;
		sb.configure({ faults: { dropRate, seed } });

		expect(await trigger.create()).toBe(true);
		sb.configure({ faults: null });

		const sent = requestsSince(sb, mark) as Array<{ method: string; path: string; fault?: string }>;
		expect(sent.map((r) => `${r.method} ${r.path.replace(/^\/v1/, '')}${r.fault ? ` (${r.fault})` : ''}`)).toEqual([
			'POST /api/public/webhooks (drop)',
			'GET /api/public/webhooks',
			'DELETE /api/public/webhooks/1',
			'POST /api/public/webhooks',
		]);
		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		expect(trigger.staticData()).toMatchObject({ webhookId: subs[0].id, secret: subs[0].secret });
	});

	it('walks every page of the subscription list to find its own subscription', async () => {
		const trigger = harness();
		for (let i = 0; i < 105; i++) {
			await fetch(`${sb.baseUrl}/api/public/webhooks`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ url: `https://elsewhere.example/hook/${i}`, events: ['*'] }),
			});
		}
		await trigger.activate();
		const mark = sb.requests.length;

		expect(await trigger.checkExists()).toBe(true);
		expect(webhookCalls(mark)).toEqual(['GET /api/public/webhooks', 'GET /api/public/webhooks']);
		expect(subscriptions()).toHaveLength(106);
	});
});
