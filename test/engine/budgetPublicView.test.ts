import getPublicViewSchema from '../../nodes/Billoget/__schema__/v1.0.0/budget/getPublicView.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { credentialsFor, DIALECTS, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { schemaProblems } from '../harness/schema';
import type { Schema } from '../harness/schema';

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

describe.each(DIALECTS)('Billoget node · Budget › Get Public View, in n8n’s engine (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo', dialect });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo', dialect });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'budget', operation: 'getPublicView', ...parameters }, credentials: credentialsFor(sb), ...extra });

	it('gets what the customer sees of a budget by its ID: seller and business, no internal IDs', async () => {
		const mark = sb.requests.length;
		const result = await run({ budgetId: byId('={{ $json.id }}'), simplify: false }, { items: [{ id: 2 }] });
		expect(requestLines(requestsSince(sb, mark))).toEqual(['GET /v1/api/public/budgets/public/2']);
		const out = jsonOf(result.items)[0];
		const stored = sb.store.budgets.get(2)!;
		expect(out).toMatchObject({ id: 2, state: 1, stateName: 'approved', total: stored.total, publicToken: stored.publicToken, seller: expect.objectContaining({ displayName: expect.any(String) }) });
		expect(out).not.toHaveProperty('customerId');
		expect(out).not.toHaveProperty('sellerId');
		expect(schemaProblems(out, getPublicViewSchema as Schema)).toEqual([]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('simplifies on request, and names a budget that does not exist (an error item with Continue On Fail)', async () => {
		const simple = await run({ budgetId: byId(1) });
		expect(jsonOf(simple.items)[0]).not.toHaveProperty('items');
		expect(schemaProblems(jsonOf(simple.items)[0], getPublicViewSchema as Schema)).toEqual([]);
		const result = await run({ budgetId: byId('={{ $json.id }}') }, { items: [{ id: 404 }, { id: 3 }], continueOnFail: true });
		expect(jsonOf(result.items)[0]).toMatchObject({ error: 'No public view of a budget with ID 404 exists in Billoget', httpCode: '404' });
		expect(jsonOf(result.items)[1]).toMatchObject({ id: 3 });
	});
});
