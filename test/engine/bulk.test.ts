import { jsonOf, runBillogetNode } from '../harness/engine';
import { DIALECTS, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

/**
 * Bulk Create or Update at the request floor (one list page per 100 existing records, one write per new
 * or changed record, nothing for an unchanged one) and rate-limit pacing that never loses or duplicates.
 * The 5,000-record figures are in `npm run bench`; these tests check the same rules at a smaller size.
 */
describe.each(DIALECTS)('Billoget node · bulk customer Create or Update (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});

	const parameters = {
		resource: 'customer',
		operation: 'upsert',
		matchOn: 'email',
		matchValue: '={{ $json.email }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		additionalFields: { phoneNumber: '={{ $json.phoneNumber }}' },
		options: {},
	};

	const contact = (n: number, phone = `+54 ${n}`) => ({ firstName: `F${n}`, lastName: `L${n}`, email: `c${n}@crm.test`, phoneNumber: phone });

	function customersByEmail(): Map<string, Record<string, unknown>> {
		const result = new Map<string, Record<string, unknown>>();
		for (const c of sb.store.customers.values() as Iterable<Record<string, unknown>>) result.set(String(c.email), c);
		return result;
	}

	it('spends exactly the floor and leaves exactly the expected data (300 existing, 5% changed, 2% new)', async () => {
		sb.reset({ seed: 'empty' });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 100000 });
		for (let n = 0; n < 300; n++) sb.store.createCustomer(contact(n));
		const input = [];
		for (let n = 0; n < 300; n++) {
			if (n < 6) input.push(contact(1000 + n));
			else input.push(n < 21 ? contact(n, `changed-${n}`) : contact(n));
		}
		const mark = sb.requests.length;
		const result = await runBillogetNode({ parameters, items: input, credentials: { apiKey: key, baseUrl: sb.baseUrl } });
		expect(result.status).toBe('success');
		const sent = requestsSince(sb, mark);
		expect(sent).toHaveLength(3 + 15 + 6);
		expect(sent.filter((r) => r.method === 'GET')).toHaveLength(3);
		expect(sent.filter((r) => r.method === 'PUT').every((r) => Object.keys(r.body as object).join() === 'phoneNumber')).toBe(true);

		const expected = new Map<string, Record<string, unknown>>();
		for (let n = 0; n < 300; n++) expected.set(`c${n}@crm.test`, contact(n));
		for (const item of input) expected.set(item.email, item);
		const actual = customersByEmail();
		expect(actual.size).toBe(expected.size);
		for (const [email, want] of expected) expect(actual.get(email)).toMatchObject(want);
	});

	it('stops before the rate limit with the list of items done and not done; a rerun finishes without duplicates', async () => {
		sb.reset({ seed: 'empty' });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 10 });
		const input = Array.from({ length: 20 }, (_, n) => contact(n));
		const options = { matching: 'loadAll' };
		const first = await runBillogetNode({
			parameters: { ...parameters, options, requestOptions: { maxRateLimitWait: 5 } },
			items: input,
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
		});
		expect(first.status).toBe('error');
		expect(first.error).toMatchObject({ message: 'Billoget rate limit reached for this API key', httpCode: '429' });
		// 1 list request + 9 creates fit in the 10 requests; nothing was sent only to earn a 429.
		expect(String(first.error?.description)).toContain('Written or checked: 9 item(s) (0–8). Not done: 11 item(s) (9–19).');
		expect(sb.store.customers.size).toBe(9);
		expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(0);

		// With continueOnFail the same stop comes out per item.
		const cont = await runBillogetNode({
			parameters: { ...parameters, options, requestOptions: { maxRateLimitWait: 5 } },
			items: input,
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		expect(cont.status).toBe('success');
		expect(jsonOf(cont.items).every((o) => o.action === 'notProcessed')).toBe(true);

		const fresh = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 1000 });
		const rerun = await runBillogetNode({ parameters: { ...parameters, options }, items: input, credentials: { apiKey: fresh, baseUrl: sb.baseUrl } });
		expect(rerun.status).toBe('success');
		const actions = jsonOf(rerun.items).map((o) => o.action);
		expect(actions.slice(0, 9).every((a) => a === 'unchanged')).toBe(true);
		expect(actions.slice(9).every((a) => a === 'created')).toBe(true);
		expect(sb.store.customers.size).toBe(20);
		expect(customersByEmail().size).toBe(20);
	});

	it('waits for the window to reset when that is within the maximum wait, and finishes', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ rateLimitWindowSeconds: 2 });
		try {
			const key = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 8 });
			const input = Array.from({ length: 12 }, (_, n) => contact(n));
			const result = await runBillogetNode({
				parameters: { ...parameters, options: { matching: 'loadAll' }, requestOptions: { maxRateLimitWait: 30 } },
				items: input,
				credentials: { apiKey: key, baseUrl: sb.baseUrl },
			});
			expect(result.status).toBe('success');
			expect(jsonOf(result.items).every((o) => o.action === 'created')).toBe(true);
			expect(sb.store.customers.size).toBe(12);
		} finally {
			sb.configure({ rateLimitWindowSeconds: 3600 });
		}
	});
});
