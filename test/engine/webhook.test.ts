import sendTestSchema from '../../nodes/Billoget/__schema__/v1.0.0/webhook/sendTest.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { schemaProblems } from '../harness/schema';
import { credentialsFor, READ_ONLY_KEY, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

const TEST_PATH = '/v1/api/public/webhooks/test';

describe('Billoget node · webhook test events, in n8n’s engine against the sandbox', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo' });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'webhook', operation: 'sendTest', ...parameters }, credentials: credentialsFor(sb), ...extra });

	it('sends a documented event with JSON data mapped per item, and never outputs the API key', async () => {
		const mark = sb.requests.length;
		const result = await run({ event: 'budget.approved', data: '={{ JSON.stringify($json) }}' }, { items: [{ id: 42, total: 1210.5 }] });
		expect(result.status).toBe('success');
		expect(requestsSince(sb, mark)).toEqual([
			expect.objectContaining({ method: 'POST', path: TEST_PATH, body: { event: 'budget.approved', data: { id: 42, total: 1210.5 } } }),
		]);
		const out = jsonOf(result.items)[0];
		expect(out).toMatchObject({ event: 'budget.approved', message: 'Webhook test event sent', timestamp: expect.any(String) });
		const key = credentialsFor(sb).apiKey;
		expect(JSON.stringify(result.items)).not.toContain(key);
		// Not even the prefix Billoget echoes (bk_test_5a1e…) is output.
		expect(out).not.toHaveProperty('apiKey');
		expect(JSON.stringify(result.items)).not.toContain(key.slice(0, 12));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(schemaProblems(out, sendTestSchema)).toEqual([]);
	});

	it.each([
		['budget.approved', { state: 1, stateName: 'approved', currency: 'ARS', total: 205700 }],
		['budget.created', { state: 0, items: expect.any(Array), customer: expect.objectContaining({ firstName: 'Ana' }) }],
		['customer.updated', { firstName: 'Ana', email: 'ana.perez@example.com' }],
		['product.created', { productCode: 'SRV-001', price: 85000 }],
	])('with Data (JSON) left empty, sends a sample %s record without an ID, marked as a sample', async (event, fields) => {
		const mark = sb.requests.length;
		const result = await run({ event });
		expect(result.status).toBe('success');
		const { data } = requestsSince(sb, mark)[0].body as { data: Record<string, unknown> };
		expect(data).toMatchObject({ ...fields, sample: true });
		expect(data).not.toHaveProperty('id');
		expect(jsonOf(result.items)[0]).toMatchObject({ event, sample: true });
	});

	it('sends a custom event name with an object from an expression', async () => {
		const mark = sb.requests.length;
		await run({ event: '__custom', customEvent: 'connection_test', data: '={{ { ping: true } }}' });
		expect(requestsSince(sb, mark)[0].body).toEqual({ event: 'connection_test', data: { ping: true } });
	});

	it.each([
		['invalid JSON data', { event: 'budget.created', data: '{not json' }, 'Data (JSON) is not valid JSON'],
		['a JSON array as data', { event: 'budget.created', data: '[1, 2]' }, 'Data (JSON) must be a JSON object'],
		['a custom name with spaces', { event: '__custom', customEvent: 'my event' }, 'Custom Event Name "my event" is not an event name'],
		['an unknown event from an expression', { event: '={{ "budget.exploded" }}' }, 'Event "budget.exploded" is not a Billoget event'],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const mark = sb.requests.length;
		const result = await run(parameters);
		expect(result.error).toMatchObject({ message });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('with Continue On Fail, a key without the WEBHOOKS scope gives an error item that names the scope', async () => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: { resource: 'webhook', operation: 'sendTest', event: 'budget.created', data: '{}' },
			credentials: credentialsFor(sb, READ_ONLY_KEY),
			items: [{ a: 1 }, { a: 2 }],
			continueOnFail: true,
		});
		expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${TEST_PATH}`, `POST ${TEST_PATH}`]);
		expect(jsonOf(result.items)).toEqual([
			expect.objectContaining({ error: 'The Billoget API key lacks the WEBHOOKS scope', httpCode: '403' }),
			expect.objectContaining({ error: 'The Billoget API key lacks the WEBHOOKS scope', httpCode: '403' }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
