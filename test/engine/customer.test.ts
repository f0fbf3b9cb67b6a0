import { jsonOf, runBillogetNode } from '../harness/engine';
import { credentialsFor, DIALECTS, READ_ONLY_KEY, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

const CUSTOMERS = '/v1/api/public/customers';

// A well-formed key the sandbox does not know.
const UNKNOWN_KEY = ['bk', 'test', 'unknown'.padEnd(32, '0')].join('_');

describe.each(DIALECTS)('Billoget node · customers, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'empty' });
		sb.configure({ dialect });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'customer', ...parameters }, credentials: credentialsFor(sb), ...extra });

	it('creates a customer from expressions per item and returns the record', async () => {
		const mark = sb.requests.length;
		const result = await run(
			{
				operation: 'create',
				firstName: '={{ $json.first }}',
				lastName: '={{ $json.last }}',
				additionalFields: { email: '={{ $json.mail }}', cuit: '20123456789' },
			},
			{ items: [{ first: 'Ana', last: 'Gómez', mail: 'ana@example.com' }] },
		);
		expect(result.status).toBe('success');
		const sent = requestsSince(sb, mark);
		expect(requestLines(sent)).toEqual([`POST ${CUSTOMERS}`]);
		expect(sent[0].body).toEqual({ firstName: 'Ana', lastName: 'Gómez', email: 'ana@example.com', cuit: '20-12345678-9' });
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ id: expect.any(Number), firstName: 'Ana', email: 'ana@example.com' })]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('rejects a malformed email before sending anything, naming the field', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'create', firstName: 'Ana', lastName: 'G', additionalFields: { email: 'not-an-email' } });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'Email "not-an-email" is not an email address' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('rejects an empty required name resolved from an expression, with no request', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'create', firstName: '={{ $json.missing }}', lastName: 'G' });
		expect(result.error).toMatchObject({ message: 'First Name is required' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('turns a 404 into an error that names the id', async () => {
		const result = await run({ operation: 'get', customerId: { __rl: true, mode: 'id', value: '999' } });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'No customer with ID 999 exists in Billoget', httpCode: '404' });
	});

	it('gets, updates and deletes a customer', async () => {
		const created = sb.store.createCustomer({ firstName: 'Luis', lastName: 'Paz', email: 'luis@example.com' });
		const id = String(created.id);
		const got = await run({ operation: 'get', customerId: { __rl: true, mode: 'list', value: id } });
		expect(jsonOf(got.items)[0]).toMatchObject({ id: created.id, email: 'luis@example.com' });

		const mark = sb.requests.length;
		const updated = await run({ operation: 'update', customerId: { __rl: true, mode: 'id', value: id }, updateFields: { phoneNumber: '+54 11 5555' } });
		expect(requestsSince(sb, mark)[0]).toMatchObject({ method: 'PUT', path: `${CUSTOMERS}/${id}`, body: { phoneNumber: '+54 11 5555' } });
		expect(jsonOf(updated.items)[0]).toMatchObject({ phoneNumber: '+54 11 5555', firstName: 'Luis' });

		const deleted = await run({ operation: 'delete', customerId: { __rl: true, mode: 'id', value: id } });
		expect(jsonOf(deleted.items)).toEqual([{ deleted: true, id: created.id }]);
		expect(sb.store.customers.has(created.id)).toBe(false);
	});

	it.each(['docs', 'sdk'] as const)('returns all customers across pages in the %s envelope', async (envelope) => {
		for (let n = 0; n < 230; n++) sb.store.createCustomer({ firstName: `C${n}`, lastName: 'Bulk', email: `c${n}@bulk.test` });
		sb.configure({ envelope });
		const mark = sb.requests.length;
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.items).toHaveLength(230);
		expect(new Set(jsonOf(result.items).map((c) => c.id)).size).toBe(230);
		const pages = requestsSince(sb, mark);
		expect(pages.map((r) => r.query)).toEqual([
			expect.objectContaining({ page: '1', limit: '100' }),
			expect.objectContaining({ page: '2', limit: '100' }),
			expect.objectContaining({ page: '3', limit: '100' }),
		]);
	});

	it('stops at the limit and passes the search filter', async () => {
		for (let n = 0; n < 30; n++) sb.store.createCustomer({ firstName: `C${n}`, lastName: n % 2 ? 'Odd' : 'Even', email: `c${n}@x.test` });
		const mark = sb.requests.length;
		const result = await run({ operation: 'getMany', returnAll: false, limit: 5, filters: { search: 'Odd' } });
		expect(result.items).toHaveLength(5);
		expect(jsonOf(result.items).every((c) => c.lastName === 'Odd')).toBe(true);
		expect(requestsSince(sb, mark).map((r) => r.query)).toEqual([expect.objectContaining({ page: '1', limit: '5', search: 'Odd' })]);
	});

	describe('Create or Update', () => {
		const upsert = (items: Array<Record<string, unknown>>, options: Record<string, unknown> = {}) =>
			run(
				{
					operation: 'upsert',
					matchOn: 'email',
					matchValue: '={{ $json.email }}',
					firstName: '={{ $json.first }}',
					lastName: '={{ $json.last }}',
					additionalFields: { phoneNumber: '={{ $json.phone }}' },
					options,
				},
				{ items },
			);

		it('creates, updates only changed fields, and leaves unchanged records alone (per item search)', async () => {
			const same = sb.store.createCustomer({ firstName: 'Same', lastName: 'One', email: 'same@x.test', phoneNumber: '1' });
			const changed = sb.store.createCustomer({ firstName: 'Old', lastName: 'Two', email: 'changed@x.test', phoneNumber: '2' });
			const mark = sb.requests.length;
			const result = await upsert([
				{ email: ' SAME@x.test ', first: 'Same', last: 'One', phone: '1' },
				{ email: 'changed@x.test', first: 'New', last: 'Two', phone: '2' },
				{ email: 'new@x.test', first: 'Nueva', last: 'Three', phone: '3' },
			]);
			expect(result.status).toBe('success');
			const out = jsonOf(result.items);
			expect(out.map((o) => o.action)).toEqual(['unchanged', 'updated', 'created']);
			expect(out[0]).toMatchObject({ id: same.id, changedFields: [] });
			expect(out[1]).toMatchObject({ id: changed.id, firstName: 'New', changedFields: ['firstName'] });
			expect(out[2]).toMatchObject({ firstName: 'Nueva', email: 'new@x.test' });
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

			const sent = requestsSince(sb, mark);
			// One search per item, one PUT with only the changed field, one POST; nothing for the unchanged one.
			expect(requestLines(sent)).toEqual([
				`GET ${CUSTOMERS}`,
				`GET ${CUSTOMERS}`,
				`PUT ${CUSTOMERS}/${changed.id}`,
				`GET ${CUSTOMERS}`,
				`POST ${CUSTOMERS}`,
			]);
			expect(sent[2].body).toEqual({ firstName: 'New' });
			expect(sb.store.customers.size).toBe(3);
		});

		// Found against an API whose search covers only name, email and phone (the SDK's reading): the
		// per-item search for a DNI found nothing and a duplicate was created (8 → 9 customers).
		it.each([
			['dni', '30123456', '30.123.456'],
			['cuit', '20-30123456-7', '20301234567'],
		])('Create or Update on %s updates the existing customer and creates nothing, even with Per Item Search', async (key, stored, given) => {
			for (let n = 1; n <= 7; n++) sb.store.createCustomer({ firstName: `C${n}`, lastName: 'X', email: `c${n}@x.test` });
			const existing = sb.store.createCustomer({
				firstName: 'Ana',
				lastName: 'Díaz',
				...(key === 'dni' ? { dni: Number(stored) } : { cuit: stored }),
			});
			for (const matching of ['auto', 'perItem']) {
				const mark = sb.requests.length;
				const result = await runBillogetNode({
					parameters: {
						resource: 'customer',
						operation: 'upsert',
						matchOn: key,
						matchValue: given,
						firstName: 'Ana',
						lastName: 'Díaz',
						additionalFields: { phoneNumber: '+54 11 5555-0000' },
						options: { matching },
					},
					credentials: credentialsFor(sb),
				});
				expect(result.status).toBe('success');
				expect(jsonOf(result.items)[0]).toMatchObject({ id: existing.id, phoneNumber: '+54 11 5555-0000' });
				// Matched against the full list: no search for a key that not every Billoget searches.
				const sent = requestsSince(sb, mark);
				expect(sent[0]).toMatchObject({ method: 'GET', path: CUSTOMERS, query: { page: '1', limit: '100' } });
			}
			expect(sb.store.customers.size).toBe(8);
		});

		it('sends no request at all for an unchanged record when loading all once', async () => {
			sb.store.createCustomer({ firstName: 'Same', lastName: 'One', email: 'same@x.test', phoneNumber: '1' });
			const mark = sb.requests.length;
			const result = await upsert([{ email: 'same@x.test', first: 'Same', last: 'One', phone: '1' }], { matching: 'loadAll' });
			expect(jsonOf(result.items)[0]).toMatchObject({ action: 'unchanged' });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${CUSTOMERS}`]);
		});

		it('lists once above the threshold and merges items that share a key into one write', async () => {
			for (let n = 0; n < 150; n++) sb.store.createCustomer({ firstName: `F${n}`, lastName: 'L', email: `p${n}@x.test`, phoneNumber: `${n}` });
			const items = [];
			for (let n = 0; n < 25; n++) items.push({ email: `p${n}@x.test`, first: `F${n}`, last: 'L', phone: n < 3 ? `changed-${n}` : `${n}` });
			items.push({ email: 'fresh@x.test', first: 'Fresh', last: 'One', phone: '9' });
			items.push({ email: 'FRESH@x.test', first: 'Fresh', last: 'One', phone: '10' });
			const mark = sb.requests.length;
			const result = await upsert(items);
			const out = jsonOf(result.items);
			expect(out.filter((o) => o.action === 'updated')).toHaveLength(3);
			expect(out.filter((o) => o.action === 'unchanged')).toHaveLength(22);
			expect(out.slice(25).map((o) => o.action)).toEqual(['created', 'created']);
			expect(out[25].id).toBe(out[26].id);
			expect(out[26]).toMatchObject({ phoneNumber: '10', mergedItems: [25, 26] });
			const sent = requestLines(requestsSince(sb, mark));
			// 2 list pages (150 records), 3 PUTs, 1 POST.
			expect(sent.filter((l) => l.startsWith('GET'))).toHaveLength(2);
			expect(sent.filter((l) => l.startsWith('PUT'))).toHaveLength(3);
			expect(sent.filter((l) => l.startsWith('POST'))).toHaveLength(1);
			expect([...sb.store.customers.values()].filter((c: { email?: string | null }) => c.email?.toLowerCase() === 'fresh@x.test')).toHaveLength(1);
		});

		it('fails on several matches unless told to update the first', async () => {
			const first = sb.store.createCustomer({ firstName: 'A', lastName: 'One', email: 'dup@x.test' });
			sb.store.createCustomer({ firstName: 'B', lastName: 'Two', email: 'dup@x.test' });
			const failed = await upsert([{ email: 'dup@x.test', first: 'C', last: 'One' }]);
			expect(failed.status).toBe('error');
			expect(failed.error).toMatchObject({ message: '2 customers match email "dup@x.test"' });
			const updated = await upsert([{ email: 'dup@x.test', first: 'C', last: 'One' }], { multipleMatches: 'updateFirst' });
			expect(jsonOf(updated.items)[0]).toMatchObject({ action: 'updated', id: first.id, firstName: 'C' });
		});

		it('with continueOnFail, outputs an error for a bad item and still processes the others', async () => {
			const mark = sb.requests.length;
			const result = await run(
				{ operation: 'upsert', matchOn: 'email', matchValue: '={{ $json.email }}', firstName: 'X', lastName: 'Y', options: {} },
				{ items: [{ email: 'bad email' }, { email: 'ok@x.test' }], continueOnFail: true },
			);
			expect(result.status).toBe('success');
			const out = jsonOf(result.items);
			expect(out[0]).toMatchObject({ error: 'Email "bad email" is not an email address' });
			expect(out[1]).toMatchObject({ action: 'created', email: 'ok@x.test' });
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			// The bad item cost nothing: one search and one create for the good one.
			expect(requestsSince(sb, mark)).toHaveLength(2);
		});
	});

	describe('a create whose answer is lost', () => {
		/**
		 * After `requestsBefore` requests, the next create is applied and its answer dropped; then Billoget
		 * is healthy again.
		 */
		const dropNextCreateAnswer = (requestsBefore = 0) => {
			const original = sb.store.createCustomer.bind(sb.store);
			const log = sb.requests;
			const push = log.push.bind(log);
			let seen = 0;
			const arm = () => sb.configure({ faults: { dropRate: 1, seed: 1 } });
			if (requestsBefore === 0) arm();
			else {
				log.push = (...entries) => {
					seen += entries.length;
					const length = push(...entries);
					// The fault of a request is drawn before it is logged: arming now hits the next one.
					if (seen === requestsBefore) arm();
					return length;
				};
			}
			sb.store.createCustomer = (fields: Parameters<typeof original>[0]) => {
				sb.store.createCustomer = original;
				const created = original(fields);
				sb.configure({ faults: null });
				return created;
			};
			return () => {
				sb.store.createCustomer = original;
				log.push = push;
				sb.configure({ faults: null });
			};
		};
		afterEach(() => sb.configure({ faults: null }));

		it('Create with a DNI and no email is recovered from the full list, without a duplicate', async () => {
			const twin = sb.store.createCustomer({ firstName: 'Ana', lastName: 'Díaz', dni: 30123456, createdAt: '2020-01-01T00:00:00.000Z' });
			const restore = dropNextCreateAnswer();
			try {
				const mark = sb.requests.length;
				const result = await run({ operation: 'create', firstName: 'Ana', lastName: 'Díaz', additionalFields: { dni: '30123456' } });
				expect(result.status).toBe('success');
				expect(sb.store.customers.size).toBe(2);
				const made = [...sb.store.customers.values()].pop()!;
				// The identical customer from 2020 is outside the time window: the one just made is found.
				expect(made.id).not.toBe(twin.id);
				expect(jsonOf(result.items)[0]).toMatchObject({ id: made.id, dni: 30123456 });
				const sent = requestsSince(sb, mark);
				expect(requestLines(sent)).toEqual([`POST ${CUSTOMERS}`, `GET ${CUSTOMERS}`]);
				expect(sent[0].fault).toBe('drop');
				expect(sent[1].query).toEqual({ page: '1', limit: '100' });
			} finally {
				restore();
			}
		});

		it('Create with an email is recovered through one email search', async () => {
			const restore = dropNextCreateAnswer();
			try {
				const mark = sb.requests.length;
				const result = await run({ operation: 'create', firstName: 'Bo', lastName: 'Ruiz', additionalFields: { email: 'bo@x.test' } });
				expect(result.status).toBe('success');
				expect(sb.store.customers.size).toBe(1);
				const sent = requestsSince(sb, mark);
				expect(requestLines(sent)).toEqual([`POST ${CUSTOMERS}`, `GET ${CUSTOMERS}`]);
				expect(sent[0].fault).toBe('drop');
				expect(sent[1].query).toMatchObject({ search: 'bo@x.test' });
			} finally {
				restore();
			}
		});

		it('Create or Update on CUIT is recovered without a duplicate', async () => {
			sb.store.createCustomer({ firstName: 'Other', lastName: 'One', cuit: '20-11111111-1' });
			const restore = dropNextCreateAnswer(1); // after the list walk
			try {
				const mark = sb.requests.length;
				const result = await run({
					operation: 'upsert',
					matchOn: 'cuit',
					matchValue: '20-30123456-7',
					firstName: 'Ana',
					lastName: 'Díaz',
					additionalFields: {},
					options: {},
				});
				expect(result.status).toBe('success');
				expect(jsonOf(result.items)[0]).toMatchObject({ action: 'created', cuit: '20-30123456-7' });
				expect([...sb.store.customers.values()].filter((c) => c.cuit === '20-30123456-7')).toHaveLength(1);
				expect(sb.store.customers.size).toBe(2);
				const sent = requestsSince(sb, mark);
				expect(requestLines(sent)).toEqual([`GET ${CUSTOMERS}`, `POST ${CUSTOMERS}`, `GET ${CUSTOMERS}`]);
				expect(sent[1].fault).toBe('drop');
			} finally {
				restore();
			}
		});
	});

	it('with continueOnFail, pairs an error item to its input and goes on', async () => {
		const good = sb.store.createCustomer({ firstName: 'G', lastName: 'Ood', email: 'g@x.test' });
		const result = await run(
			{ operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: 424242 }, { id: good.id }], continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(jsonOf(result.items)[0]).toMatchObject({ error: 'No customer with ID 424242 exists in Billoget', httpCode: '404' });
		expect(jsonOf(result.items)[1]).toMatchObject({ id: good.id });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('says which scope a read-only key lacks', async () => {
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'create', firstName: 'A', lastName: 'B' },
			credentials: credentialsFor(sb, READ_ONLY_KEY),
		});
		expect(result.error).toMatchObject({ message: 'The Billoget API key lacks the WRITE_CUSTOMERS scope', httpCode: '403' });
		expect(String(result.error?.description)).toContain('add WRITE_CUSTOMERS');
	});

	it('refuses a key that is not a Billoget key before sending anything', async () => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true },
			credentials: { apiKey: 'sk_live_wrong', baseUrl: sb.baseUrl },
		});
		expect(result.error).toMatchObject({ message: 'The API key in the Billoget credential is not a Billoget key' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('explains an unknown key with the fix', async () => {
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true },
			credentials: { apiKey: UNKNOWN_KEY, baseUrl: sb.baseUrl },
		});
		expect(result.error).toMatchObject({ message: 'Billoget did not accept the API key', httpCode: '401' });
		expect(JSON.stringify(result.error)).not.toContain(UNKNOWN_KEY);
	});
});
