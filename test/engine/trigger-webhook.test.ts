/**
 * Billoget Trigger webhook() through n8n-core's WebhookContext, fed with real deliveries: the sandbox
 * signs and POSTs them over HTTP to a receiver standing in for n8n's URL, and the exact bytes and
 * headers the receiver got go into the trigger. Every case asserts the status the sender sees and
 * whether n8n would start an execution.
 */
import { randomBytes } from 'crypto';

import { startReceiver } from '../../sandbox/testReceiver';

import { TriggerHarness } from '../harness/trigger';
import type { DeliveryOutcome, IncomingDelivery, TriggerMode } from '../harness/trigger';
import { DEMO_KEY, credentialsFor, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { sign } from '../../sandbox/server';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type Received = Receiver['requests'][number];

const WEBHOOK_ID = '0d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
const SIGNATURE = 'x-billoget-signature';
/** A fresh signing secret like Billoget's (whsec_ + 48 hex). */
const newSecret = () => `whsec_${randomBytes(24).toString('hex')}`;
const BUDGET = { id: 41, state: 1, total: 1210.5, currency: 'ARS', customer: { id: 3, firstName: 'Lucía' } };

describe('Billoget Trigger · webhook() through WebhookContext with signed sandbox deliveries', () => {
	let sb: Sandbox;
	let receiver: Receiver;

	beforeAll(async () => {
		receiver = await startReceiver();
		sb = await startSandbox({ port: 0, seed: 'empty', deliveryRetries: 0 });
	});
	afterAll(async () => {
		await sb.stop();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset({ seed: 'empty', deliveryRetries: 0, deliveryBaseDelayMs: 10, signaturePrefix: '', now: () => Date.now() });
		receiver.requests.length = 0;
		receiver.failFirst(0);
	});

	const origin = () => `http://127.0.0.1:${receiver.port}`;

	/** An Automatic-mode trigger whose n8n URL is the receiver, activated in `mode`. */
	async function activeTrigger(
		parameters: Record<string, unknown> = {},
		mode: TriggerMode = 'production',
	): Promise<TriggerHarness> {
		const trigger = new TriggerHarness({
			parameters: { events: ['budget.approved'], registration: 'automatic', options: {}, ...parameters },
			credentials: credentialsFor(sb),
			webhookId: WEBHOOK_ID,
			baseUrl: origin(),
		});
		await trigger.activate(mode);
		return trigger;
	}

	function asDelivery(request: Received): IncomingDelivery {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers as Record<string, string | string[] | undefined>)) {
			if (typeof value === 'string') headers[name] = value;
			else if (Array.isArray(value)) headers[name] = value.join(', ');
		}
		return { rawBody: Buffer.from(request.rawBody, 'utf8'), headers };
	}

	/** Lets the sandbox emit an event and returns what arrived at the receiver. */
	async function emitted(event: string, data: unknown = BUDGET): Promise<Received> {
		const before = receiver.requests.length;
		const sent = sb.emit(event, data);
		expect(sent.length).toBeGreaterThan(0);
		await receiver.waitFor(before + 1);
		return receiver.requests[before];
	}

	/** Lets the sandbox POST exactly these bytes and headers, and returns what arrived. */
	async function sentRaw(url: string, body: string, headers: Record<string, string>): Promise<Received> {
		const before = receiver.requests.length;
		const result = await sb.deliverRaw(url, body, headers);
		expect(result.status).toBe(200);
		return receiver.requests[before];
	}

	/** The Billoget headers of a received delivery, with one of them replaced (or removed). */
	function withHeader(request: Received, name: string, value: string | undefined): Record<string, string> {
		const headers: Record<string, string> = {};
		for (const [key, header] of Object.entries(asDelivery(request).headers)) {
			if (key.startsWith('x-billoget-') && key !== name && header !== undefined) headers[key] = header;
		}
		if (value !== undefined) headers[name] = value;
		return headers;
	}

	const rejected = (outcome: DeliveryOutcome) => {
		expect(outcome.status).toBe(401);
		expect(outcome.executed).toBe(false);
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.warnings).toHaveLength(1);
	};

	it('accepts a valid delivery (lowercase hex) and outputs event, ids, data, metadata and redacted headers', async () => {
		const trigger = await activeTrigger();
		const secret = trigger.staticData().secret as string;
		const request = await emitted('budget.approved');
		expect(request.path).toBe(`/webhook/${WEBHOOK_ID}/webhook`);
		expect(request.headers[SIGNATURE]).toMatch(/^[0-9a-f]{64}$/);

		const outcome = await trigger.deliver(asDelivery(request));

		const payload = JSON.parse(request.rawBody);
		expect(outcome.status).toBe(200);
		expect(outcome.executed).toBe(true);
		expect(outcome.body).toEqual({ received: true, deliveryId: payload.metadata.delivery_id });
		// The node answers itself, so n8n saves the remembered delivery id before the execution starts.
		expect(outcome.result.noWebhookResponse).toBe(true);
		expect(trigger.staticData().recentDeliveryIds).toEqual([payload.metadata.delivery_id]);
		expect(outcome.items).toEqual([
			{
				event: 'budget.approved',
				deliveryId: payload.metadata.delivery_id,
				timestamp: payload.timestamp,
				data: BUDGET,
				metadata: { source: 'api', version: '1.4.0', delivery_id: payload.metadata.delivery_id },
				headers: expect.objectContaining({
					'x-billoget-event': 'budget.approved',
					'x-billoget-delivery': payload.metadata.delivery_id,
					'x-billoget-signature': '[redacted]',
					'content-type': 'application/json',
				}),
			},
		]);
		const output = JSON.stringify(outcome.items);
		expect(output).not.toContain(secret);
		expect(output).not.toContain(request.headers[SIGNATURE] as string);
		expect(outcome.warnings).toEqual([]);
	});

	it('accepts a sha256= prefixed signature', async () => {
		const trigger = await activeTrigger();
		sb.configure({ signaturePrefix: 'sha256=' });
		const request = await emitted('budget.approved');
		expect(request.headers[SIGNATURE]).toMatch(/^sha256=[0-9a-f]{64}$/);

		const outcome = await trigger.deliver(asDelivery(request));
		expect(outcome).toMatchObject({ status: 200, executed: true });
	});

	it('accepts an uppercase hex signature', async () => {
		const trigger = await activeTrigger();
		const original = await emitted('budget.approved');
		const upper = (original.headers[SIGNATURE] as string).toUpperCase();
		const request = await sentRaw(trigger.webhookUrl(), original.rawBody, withHeader(original, SIGNATURE, upper));
		expect(request.headers[SIGNATURE]).toBe(upper);

		const outcome = await trigger.deliver(asDelivery(request));
		expect(outcome).toMatchObject({ status: 200, executed: true });
	});

	it('refuses a body changed after signing (401, no execution)', async () => {
		const trigger = await activeTrigger();
		const original = await emitted('budget.approved');
		const tampered = original.rawBody.replace('1210.5', '1.5');
		expect(tampered).not.toBe(original.rawBody);
		const request = await sentRaw(trigger.webhookUrl(), tampered, withHeader(original, SIGNATURE, original.headers[SIGNATURE] as string));

		const outcome = await trigger.deliver(asDelivery(request));
		rejected(outcome);
		expect(outcome.body).toEqual({
			error: 'unauthorized',
			message: 'The delivery could not be verified: the signature does not match the body',
		});
		expect(outcome.warnings[0]).toContain('the signature does not match the body');
		expect(outcome.warnings[0]).not.toContain(trigger.staticData().secret as string);
	});

	it('refuses a delivery signed with another secret', async () => {
		const trigger = await activeTrigger();
		const original = await emitted('budget.approved');
		const forged = sign(newSecret(), original.rawBody);
		const request = await sentRaw(trigger.webhookUrl(), original.rawBody, withHeader(original, SIGNATURE, forged));

		rejected(await trigger.deliver(asDelivery(request)));
	});

	it('refuses a delivery without the signature header', async () => {
		const trigger = await activeTrigger();
		const original = await emitted('budget.approved');
		const request = await sentRaw(trigger.webhookUrl(), original.rawBody, withHeader(original, SIGNATURE, undefined));
		expect(request.headers[SIGNATURE]).toBeUndefined();

		const outcome = await trigger.deliver(asDelivery(request));
		rejected(outcome);
		expect(outcome.warnings[0]).toContain('header is missing');
	});

	it('refuses a truncated signature', async () => {
		const trigger = await activeTrigger();
		const original = await emitted('budget.approved');
		const truncated = (original.headers[SIGNATURE] as string).slice(0, 40);
		const request = await sentRaw(trigger.webhookUrl(), original.rawBody, withHeader(original, SIGNATURE, truncated));

		const outcome = await trigger.deliver(asDelivery(request));
		rejected(outcome);
		expect(outcome.warnings[0]).toContain('not a hex HMAC-SHA256 digest');
	});

	it('refuses a correctly signed delivery whose timestamp is outside the tolerance', async () => {
		const trigger = await activeTrigger();
		sb.configure({ now: () => Date.now() - 10 * 60_000 }); // Billoget's clock: ten minutes ago
		const request = await emitted('budget.approved');

		const outcome = await trigger.deliver(asDelivery(request));
		rejected(outcome);
		expect(outcome.warnings[0]).toContain('outside the allowed tolerance');
	});

	it('accepts the same old delivery when the tolerance is raised, and with 0 (check off)', async () => {
		sb.configure({ now: () => Date.now() - 10 * 60_000 });
		const wide = await activeTrigger({ options: { timestampTolerance: 900 } });
		const request = await emitted('budget.approved');
		expect(await wide.deliver(asDelivery(request))).toMatchObject({ status: 200, executed: true });

		sb.reset({ seed: 'empty', now: () => Date.now() - 24 * 3600_000 });
		const off = await activeTrigger({ options: { timestampTolerance: 0 } });
		const day = await emitted('budget.approved');
		expect(await off.deliver(asDelivery(day))).toMatchObject({ status: 200, executed: true });
	});

	it('runs once for a delivery Billoget sends twice (a retry after a failed attempt)', async () => {
		const trigger = await activeTrigger();
		sb.configure({ deliveryRetries: 1, deliveryBaseDelayMs: 10 });
		receiver.failFirst(1, 503);
		sb.emit('budget.approved', BUDGET);
		const [first, retry] = await receiver.waitFor(2);
		expect(first.rawBody).toBe(retry.rawBody);
		const deliveryId = JSON.parse(first.rawBody).metadata.delivery_id as string;

		const once = await trigger.deliver(asDelivery(first));
		const twice = await trigger.deliver(asDelivery(retry));

		expect(once).toMatchObject({ status: 200, executed: true });
		expect(twice).toMatchObject({ status: 200, executed: false, body: { received: true, duplicate: true } });
		expect(twice.warnings).toEqual([]);
		expect(trigger.staticData().recentDeliveryIds).toEqual([deliveryId]);
	});

	it('answers 200 without an execution for an event that is not selected', async () => {
		// Manual mode: the API key's webhook URL receives every event, selected or not.
		const secret = newSecret();
		const url = `${origin()}/webhook/${WEBHOOK_ID}/webhook`;
		const apiKey = sb.addKey({ name: 'manual', webhookUrl: url, webhookSecret: secret });
		const trigger = new TriggerHarness({
			parameters: { events: ['budget.approved'], registration: 'manual', options: {} },
			credentials: { apiKey, baseUrl: sb.baseUrl, webhookSigningSecret: secret },
			webhookId: WEBHOOK_ID,
			baseUrl: origin(),
		});
		await trigger.activate();

		const other = await emitted('customer.created', { id: 5, firstName: 'Ana' });
		const ignored = await trigger.deliver(asDelivery(other));
		expect(ignored).toMatchObject({ status: 200, executed: false, body: { received: true, ignored: true } });

		const selected = await emitted('budget.approved');
		expect(await trigger.deliver(asDelivery(selected))).toMatchObject({ status: 200, executed: true });
	});

	it('verifies the raw bytes even when the JSON re-serialises differently', async () => {
		const trigger = await activeTrigger();
		const secret = trigger.staticData().secret as string;
		const raw = [
			'{',
			'  "event" : "budget.approved",',
			`  "timestamp" : "${new Date().toISOString()}",`,
			'  "data" : { "id" : 41, "total" : 1210.50, "note" : "Luc\\u00eda \\/ caf\u00e9" },',
			'  "metadata" : { "source" : "api", "version" : "1.4.0", "delivery_id" : "dlv_reserialised" }',
			'}',
		].join('\n');
		expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
		const request = await sentRaw(trigger.webhookUrl(), raw, {
			'X-Billoget-Signature': sign(secret, raw),
			'X-Billoget-Event': 'budget.approved',
		});

		const outcome = await trigger.deliver(asDelivery(request));
		expect(outcome).toMatchObject({ status: 200, executed: true });
		expect(outcome.items[0]).toMatchObject({
			deliveryId: 'dlv_reserialised',
			data: { id: 41, total: 1210.5, note: 'Lucía / café' },
		});
		// The same bytes with a signature over the re-serialised JSON would not verify.
		const wrong = await sentRaw(trigger.webhookUrl(), raw, {
			'X-Billoget-Signature': sign(secret, JSON.stringify(JSON.parse(raw))),
		});
		rejected(await trigger.deliver(asDelivery(wrong)));
	});

	it('refuses a signed body that is not a JSON object', async () => {
		const trigger = await activeTrigger();
		const secret = trigger.staticData().secret as string;
		for (const raw of ['[{"event":"budget.approved"}]', 'event=budget.approved']) {
			const request = await sentRaw(trigger.webhookUrl(), raw, { 'X-Billoget-Signature': sign(secret, raw) });
			const outcome = await trigger.deliver(asDelivery(request));
			rejected(outcome);
			expect(outcome.warnings[0]).toContain('not a JSON object');
		}
	});

	it('fails closed for a request without a raw body', async () => {
		const trigger = await activeTrigger();
		const request = await emitted('budget.approved');

		const outcome = await trigger.deliver({ rawBody: undefined, headers: asDelivery(request).headers });
		rejected(outcome);
		expect(outcome.warnings[0]).toContain('no raw body');
	});

	it('Automatic mode without a stored secret (e.g. an imported workflow) answers 401 and says to re-activate', async () => {
		const active = await activeTrigger();
		const request = await emitted('budget.approved');
		const imported = new TriggerHarness({
			parameters: { events: ['budget.approved'], registration: 'automatic', options: {} },
			credentials: credentialsFor(sb),
			webhookId: WEBHOOK_ID,
			baseUrl: origin(),
		});
		expect(active.staticData().secret).toEqual(expect.any(String));

		const outcome = await imported.deliver(asDelivery(request));
		rejected(outcome);
		expect((outcome.body as { message: string }).message).toContain('Deactivate and re-activate the workflow');
		expect(outcome.warnings[0]).toContain('Deactivate and re-activate the workflow');
	});

	it('Manual mode verifies with the credential secret, and without one answers 401 saying how to set it', async () => {
		const secret = newSecret();
		const url = `${origin()}/webhook/${WEBHOOK_ID}/webhook`;
		const apiKey = sb.addKey({ name: 'manual', webhookUrl: url, webhookSecret: secret });
		const manual = (webhookSigningSecret?: string) =>
			new TriggerHarness({
				parameters: { events: ['*'], registration: 'manual', options: {} },
				credentials: { apiKey, baseUrl: sb.baseUrl, webhookSigningSecret },
				webhookId: WEBHOOK_ID,
				baseUrl: origin(),
			});
		// The test endpoint of the API sends a signed event to the key's webhook URL.
		const before = receiver.requests.length;
		const test = await fetch(`${sb.baseUrl}/api/public/webhooks/test`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ event: 'budget.created', data: { id: 9 } }),
		});
		expect(test.status).toBe(200);
		const [request] = (await receiver.waitFor(before + 1)).slice(before);

		const configured = await manual(secret).deliver(asDelivery(request));
		expect(configured).toMatchObject({ status: 200, executed: true, items: [{ event: 'budget.created', data: { id: 9 } }] });

		const missing = await manual(undefined).deliver(asDelivery(request));
		rejected(missing);
		expect((missing.body as { message: string }).message).toContain('"Webhook Signing Secret"');

		const wrong = await manual(newSecret()).deliver(asDelivery(request));
		rejected(wrong);
	});

	it('Only Data outputs just the data object', async () => {
		const trigger = await activeTrigger({ options: { onlyData: true } });
		const request = await emitted('budget.approved');
		const outcome = await trigger.deliver(asDelivery(request));
		expect(outcome).toMatchObject({ status: 200, executed: true });
		expect(outcome.items).toEqual([BUDGET]);
	});

	it('deliveries for the test URL verify only with the test subscription secret', async () => {
		const trigger = await activeTrigger({}, 'production');
		await trigger.activate('test');
		sb.emit('budget.approved', BUDGET);
		const requests = await receiver.waitFor(2);
		const toTest = requests.find((r) => r.path === `/webhook-test/${WEBHOOK_ID}/webhook`)!;
		const toProduction = requests.find((r) => r.path === `/webhook/${WEBHOOK_ID}/webhook`)!;

		expect(await trigger.deliver(asDelivery(toTest), 'test')).toMatchObject({ status: 200, executed: true });
		expect(await trigger.deliver(asDelivery(toProduction), 'production')).toMatchObject({ status: 200, executed: true });
		// Crossed over, neither verifies: the two subscriptions have different secrets.
		rejected(await trigger.deliver(asDelivery(toTest), 'production'));
		rejected(await trigger.deliver(asDelivery(toProduction), 'test'));
	});

	it('remembers only the newest 500 delivery ids', async () => {
		const trigger = await activeTrigger({ events: ['*'] });
		const secret = trigger.staticData().secret as string;
		const timestamp = new Date().toISOString();
		for (let i = 0; i < 503; i++) {
			const raw = JSON.stringify({
				event: 'budget.updated',
				timestamp,
				data: { id: i },
				metadata: { source: 'api', version: '1.4.0', delivery_id: `dlv_${i}` },
			});
			const outcome = await trigger.deliver({ rawBody: raw, headers: { [SIGNATURE]: sign(secret, raw) } });
			expect(outcome.executed).toBe(true);
		}
		const remembered = trigger.staticData().recentDeliveryIds as string[];
		expect(remembered).toHaveLength(500);
		expect(remembered[0]).toBe('dlv_3');
		expect(remembered[499]).toBe('dlv_502');
	});

	it('never puts the API key or the secret into static data output or logs', async () => {
		const trigger = await activeTrigger();
		const request = await emitted('budget.approved');
		await trigger.deliver(asDelivery(request));
		const secret = trigger.staticData().secret as string;
		const logged = JSON.stringify(trigger.logs);
		expect(logged).not.toContain(secret);
		expect(logged).not.toContain(DEMO_KEY);
	});
});
