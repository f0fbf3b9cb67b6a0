/**
 * The Billoget Trigger under a fuzzer: 10,000 deliveries from a fixed seed (test/fuzz/webhookFuzzer.js)
 * go through n8n-core's WebhookContext with the headers Node's HTTP server would build from them.
 * None may start an execution or throw (a throw is a 500 from n8n); the genuine deliveries
 * interleaved with them each start exactly one. The same generator drives real n8n over HTTP in
 * `npm run test:e2e`, where n8n's payload limit and body parser sit in front of the node.
 */
import { fuzzDeliveries, toNodeHeaders } from '../fuzz/webhookFuzzer';
import { TriggerHarness } from '../harness/trigger';
import type { DeliveryOutcome } from '../harness/trigger';
import { credentialsFor, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { assertNoSecrets, registerSecret, safeStringify } from '../harness/secrets';

const SEED = 20261125;
const COUNT = 10_000;

interface Tally {
	cases: number;
	executions: number;
}

describe('Billoget Trigger · 10,000 fuzzed deliveries (seed 20261125)', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});

	it('no hostile delivery starts an execution or throws; every genuine one runs exactly once', async () => {
		const trigger = new TriggerHarness({
			parameters: { events: ['budget.approved'], registration: 'automatic', options: {} },
			credentials: credentialsFor(sb),
			webhookId: '5b9e2c71-0f4d-4a3e-9b8c-7d6e5f4a3b2c',
		});
		await trigger.activate('production');
		const secret = trigger.staticData().secret as string;
		expect(secret).toMatch(/^whsec_/);
		registerSecret(secret);

		const byKind = new Map<string, Tally>();
		const wrong: string[] = [];
		const thrown: string[] = [];
		const genuineIds: string[] = [];
		const executedIds: string[] = [];
		const statuses = new Map<number, number>();

		for (const delivery of fuzzDeliveries({ seed: SEED, count: COUNT, secret })) {
			const tally = byKind.get(delivery.kind) ?? { cases: 0, executions: 0 };
			byKind.set(delivery.kind, tally);
			tally.cases += 1;
			if (delivery.expect === 'run') genuineIds.push(delivery.deliveryId!);

			let outcome: DeliveryOutcome;
			try {
				outcome = await trigger.deliver({ rawBody: delivery.body, headers: toNodeHeaders(delivery.headers) });
			} catch (error) {
				thrown.push(`#${delivery.n} ${delivery.kind}: ${error instanceof Error ? error.message : String(error)}`);
				continue;
			}
			statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
			if (outcome.executed) {
				tally.executions += 1;
				executedIds.push(String(outcome.items[0]?.deliveryId));
			}
			const expected = {
				run: { status: 200, executed: true },
				duplicate: { status: 200, executed: false },
				ignored: { status: 200, executed: false },
				reject: { status: 401, executed: false },
			}[delivery.expect];
			if (outcome.status !== expected.status || outcome.executed !== expected.executed) {
				wrong.push(`#${delivery.n} ${delivery.kind}: expected ${delivery.expect}, got ${outcome.status}${outcome.executed ? ' and an execution' : ''}`);
			}
			// No answer, whatever came in, carries the signing secret.
			assertNoSecrets(`answer to #${delivery.n}`, outcome.body);
		}

		expect(thrown).toEqual([]);
		expect(wrong).toEqual([]);
		// The genuine deliveries ran once each, in order; nothing else ran.
		expect(genuineIds).toHaveLength(COUNT / 100);
		expect(executedIds).toEqual(genuineIds);
		// Every kind of hostile input was really sent, in numbers (a generator that degenerated would fail here).
		const kinds = [...byKind.entries()].filter(([kind]) => kind !== 'genuine delivery');
		expect(kinds.length).toBeGreaterThanOrEqual(20);
		for (const [kind, tally] of kinds) {
			expect({ kind, enough: kind.startsWith('huge') ? tally.cases >= 2 : tally.cases >= 300 }).toEqual({ kind, enough: true });
			expect({ kind, executions: tally.executions }).toEqual({ kind, executions: 0 });
		}
		expect(statuses.get(401)).toBeGreaterThan(8000);
		assertNoSecrets('trigger logs', safeStringify(trigger.logs));
	});
});
