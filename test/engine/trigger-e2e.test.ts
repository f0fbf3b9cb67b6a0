/**
 * End to end: the trigger registers itself in the sandbox, a budget is approved through the Billoget
 * API with the demo key, the sandbox signs and POSTs the delivery to the trigger's URL (a receiver
 * standing in for n8n), and those exact bytes and headers verify in webhook() through WebhookContext.
 */
import { sleep } from 'n8n-workflow';

import { startReceiver } from '../../sandbox/testReceiver';
import { TriggerHarness } from '../harness/trigger';
import type { IncomingDelivery } from '../harness/trigger';
import { DEMO_KEY, credentialsFor, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type Received = Receiver['requests'][number];

const WEBHOOK_ID = 'b5a4c3d2-e1f0-4a9b-8c7d-6e5f4a3b2c1d';

interface DeliveryLogEntry {
	subscriptionId: number | null;
	url: string;
	event: string | null;
	deliveryId: string | null;
	status?: number;
	body: string;
	signature: string | null;
	headers: Record<string, string>;
}

describe('Billoget Trigger · end to end with the sandbox', () => {
	let sb: Sandbox;
	let receiver: Receiver;

	beforeAll(async () => {
		receiver = await startReceiver();
		sb = await startSandbox({ port: 0, seed: 'demo', deliveryRetries: 0 });
	});
	afterAll(async () => {
		await sb.stop();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo', deliveryRetries: 0 });
		receiver.requests.length = 0;
	});

	const origin = () => `http://127.0.0.1:${receiver.port}`;

	async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
		const response = await fetch(`${sb.baseUrl}${path}`, {
			method,
			headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, json: text ? JSON.parse(text) : null };
	}

	/** Approves a budget whose approval is pending (the demo data has two), as a Billoget user would. */
	async function approveABudget(): Promise<number> {
		const pending = await api('GET', '/api/public/budget-approvals/pending');
		const [approval] = (pending.json as { data: Array<{ id: number; budgetId: number }> }).data;
		expect(approval).toBeDefined();
		const processed = await api('POST', `/api/public/budget-approvals/${approval.id}/process`, { action: 'approve' });
		expect(processed.status).toBe(200);
		return approval.budgetId;
	}

	function asDelivery(request: Received): IncomingDelivery {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers as Record<string, string | string[] | undefined>)) {
			if (typeof value === 'string') headers[name] = value;
		}
		return { rawBody: Buffer.from(request.rawBody, 'utf8'), headers };
	}

	const deliveryLog = () => sb.deliveries as unknown as DeliveryLogEntry[];

	it('activates, receives the signed budget.approved delivery of a real approval, verifies and runs once', async () => {
		const trigger = new TriggerHarness({
			parameters: { events: ['budget.approved'], registration: 'automatic', options: {} },
			credentials: credentialsFor(sb),
			webhookId: WEBHOOK_ID,
			baseUrl: origin(),
		});
		expect(await trigger.activate()).toBe(true);
		const [subscription] = sb.subscriptions();
		expect(subscription).toMatchObject({ url: `${origin()}/webhook/${WEBHOOK_ID}/webhook`, events: ['budget.approved'] });

		const budgetId = await approveABudget();
		const [request] = await receiver.waitFor(1);

		// What went over the wire is what the sandbox logged and signed.
		await sb.waitForDeliveries((log) => log.some((d) => d.subscriptionId === subscription.id));
		const [logged] = deliveryLog().filter((d) => d.subscriptionId === subscription.id);
		expect(logged).toMatchObject({ event: 'budget.approved', status: 200, body: request.rawBody });
		expect(request.headers['x-billoget-signature']).toBe(logged.signature);

		const outcome = await trigger.deliver(asDelivery(request));
		expect(outcome.status).toBe(200);
		expect(outcome.executed).toBe(true);
		expect(outcome.items).toEqual([
			expect.objectContaining({
				event: 'budget.approved',
				deliveryId: logged.deliveryId,
				data: expect.objectContaining({ id: budgetId, state: 1 }),
				metadata: expect.objectContaining({ source: 'api', delivery_id: logged.deliveryId }),
			}),
		]);

		// The same delivery taken from the sandbox's log (exact bytes and signature) is a repeat now.
		const fromLog = await trigger.deliver({
			rawBody: logged.body,
			headers: { 'content-type': 'application/json', 'x-billoget-signature': logged.signature ?? '' },
		});
		expect(fromLog).toMatchObject({ status: 200, executed: false, body: { received: true, duplicate: true } });

		// Deactivation removes the subscription: the next approval is delivered nowhere.
		expect(await trigger.delete()).toBe(true);
		expect(sb.subscriptions()).toEqual([]);
		const logSize = deliveryLog().length;
		await approveABudget();
		await sleep(100);
		expect(deliveryLog().length).toBe(logSize);
		expect(receiver.requests).toHaveLength(1);
	});

	it('a test listen gets its own subscription for the test URL, runs once and is cleaned up', async () => {
		const trigger = new TriggerHarness({
			parameters: { events: ['budget.approved', 'budget.rejected'], registration: 'automatic', options: {} },
			credentials: credentialsFor(sb),
			webhookId: WEBHOOK_ID,
			baseUrl: origin(),
		});
		await trigger.activate('production');
		await trigger.activate('test');
		expect(sb.subscriptions().map((s) => s.url).sort()).toEqual(
			[`${origin()}/webhook-test/${WEBHOOK_ID}/webhook`, `${origin()}/webhook/${WEBHOOK_ID}/webhook`].sort(),
		);

		await approveABudget();
		const requests = await receiver.waitFor(2);
		const toTest = requests.find((r) => r.path.startsWith('/webhook-test/'))!;
		const toProduction = requests.find((r) => r.path.startsWith('/webhook/'))!;

		expect(await trigger.deliver(asDelivery(toTest), 'test')).toMatchObject({ status: 200, executed: true });
		expect(await trigger.deliver(asDelivery(toProduction), 'production')).toMatchObject({ status: 200, executed: true });

		// n8n ends the listen after the first execution and calls delete with the test copy.
		await trigger.delete('test');
		expect(sb.subscriptions()).toEqual([expect.objectContaining({ url: `${origin()}/webhook/${WEBHOOK_ID}/webhook` })]);
	});
});
