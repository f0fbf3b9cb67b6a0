/**
 * Billoget Poll Trigger through n8n-core's PollContext against the sandbox: a sequence of polls with
 * creates, updates, approvals, rejections, deletes, an unchanged poll and a restart, for every event;
 * the exact events of each poll (none twice, none missed, none on the first activation), the requests
 * each poll costs, manual sample data, and a 429 in the middle of a poll.
 */
import type { IDataObject } from 'n8n-workflow';

import { pagesFor } from '../../nodes/Billoget/poll/cost';
import type { PollEventName } from '../../nodes/Billoget/poll/events';
import { PollHarness } from '../harness/poll';
import type { PollResult } from '../harness/poll';
import { credentialsFor, DIALECTS, startSandbox } from '../harness/sandbox';
import type { LoggedRequest, Sandbox } from '../harness/sandbox';

type Store = Sandbox['store'];

const T0 = Date.parse('2026-06-01T12:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const BUDGETS = '/v1/api/public/budgets';
const CUSTOMERS = '/v1/api/public/customers';
const PRODUCTS = '/v1/api/public/products';

const ALL_EVENTS: PollEventName[] = [
	'budget.created',
	'budget.approved',
	'budget.rejected',
	'budget.stateChanged',
	'budget.expiring',
	'customer.created',
	'customer.updated',
	'product.created',
	'product.updated',
	'product.priceChanged',
];

function addCustomers(store: Store, count: number, from = 1): void {
	for (let i = from; i < from + count; i++) {
		store.createCustomer({
			firstName: `Customer${i}`,
			lastName: 'Test',
			email: `c${i}@example.com`,
			createdAt: iso(T0 - 30 * DAY + i * MINUTE),
		});
	}
}

function addBudget(store: Store, fields: { state?: number; expiresAt: number; createdAt?: number }) {
	return store.createBudget({
		currency: 'ARS',
		issueDate: iso(T0 - 10 * DAY),
		expirationDate: iso(fields.expiresAt),
		customerId: 1,
		sellerId: 1,
		minimumPaymentToConfirm: 100,
		subtotal: 1000,
		iva: 210,
		total: 1210,
		state: fields.state ?? 0,
		items: [{ productId: 1, quantity: 1, unitPrice: 1000 }],
		...(fields.createdAt !== undefined ? { createdAt: iso(fields.createdAt) } : {}),
	});
}

function addProduct(store: Store, code: string, price: number, createdAt?: number) {
	return store.createProduct({
		productCode: code,
		description: `Product ${code}`,
		category: 'Test',
		price,
		...(createdAt !== undefined ? { createdAt: iso(createdAt) } : {}),
	});
}

/** "GET /v1/api/public/budgets?state=1&page=1" lines without the page size. */
function lines(requests: LoggedRequest[]): string[] {
	return requests.map((r) => {
		const query = Object.entries(r.query)
			.filter(([name]) => name !== 'limit')
			.map(([name, value]) => `${name}=${String(value)}`)
			.join('&');
		return `${r.method} ${r.path}${query ? `?${query}` : ''}`;
	});
}

/** The ids of the emitted records, or null for "nothing new". */
function ids(result: PollResult): number[] | null {
	if (result.error) throw result.error;
	return result.items === null ? null : result.items.map((item) => (item.data as IDataObject).id as number);
}

describe.each(DIALECTS)('Billoget Poll Trigger · polls through PollContext against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;
	let clock = T0;
	const now = () => clock;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'empty', now });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		clock = T0;
		sb.reset({ seed: 'empty', dialect, now });
	});

	const trigger = (event: PollEventName, options: IDataObject = {}, extra: IDataObject = {}, apiKey?: string) =>
		new PollHarness({
			sb,
			credentials: credentialsFor(sb, apiKey),
			parameters: { event, expiringWithinDays: 7, options, ...extra },
			name: event,
			now,
		});

	/** Runs one step (activate, tick, restart…) on every trigger, in order, one after the other. */
	async function pollAll(
		triggers: Record<PollEventName, PollHarness>,
		step: (h: PollHarness) => Promise<PollResult>,
	): Promise<Record<PollEventName, PollResult>> {
		const results = {} as Record<PollEventName, PollResult>;
		for (const event of ALL_EVENTS) results[event] = await step(triggers[event]);
		return results;
	}

	const idsOf = (results: Record<PollEventName, PollResult>) =>
		Object.fromEntries(ALL_EVENTS.map((event) => [event, ids(results[event])]));

	const costOf = (results: Record<PollEventName, PollResult>) =>
		Object.fromEntries(ALL_EVENTS.map((event) => [event, results[event].requests.length]));

	it('emits every change exactly once across creates, updates, approvals, deletes, an idle poll and a restart', async () => {
		// 105 customers (two pages), three products, three budgets (two open, one approved).
		addCustomers(sb.store, 105);
		addProduct(sb.store, 'P1', 1000, T0 - 20 * DAY);
		addProduct(sb.store, 'P2', 2000, T0 - 19 * DAY);
		addProduct(sb.store, 'P3', 3000, T0 - 18 * DAY);
		const b1 = addBudget(sb.store, { expiresAt: T0 + 30 * DAY, createdAt: T0 - 3 * DAY });
		const b2 = addBudget(sb.store, { expiresAt: T0 + 3 * DAY, createdAt: T0 - 2 * DAY }); // already expiring
		const b3 = addBudget(sb.store, { state: 1, expiresAt: T0 + 20 * DAY, createdAt: T0 - DAY });

		const triggers = Object.fromEntries(ALL_EVENTS.map((event) => [event, trigger(event)])) as Record<
			PollEventName,
			PollHarness
		>;

		// Poll 0: activation records the present and emits nothing.
		const p0 = await pollAll(triggers, (h) => h.activate());
		expect(idsOf(p0)).toEqual(Object.fromEntries(ALL_EVENTS.map((event) => [event, null])));
		const fullCost = {
			'budget.created': 1,
			'budget.approved': 1,
			'budget.rejected': 1,
			'budget.stateChanged': 1,
			'budget.expiring': 1,
			'customer.created': 2,
			'customer.updated': 2,
			'product.created': 1,
			'product.updated': 1,
			'product.priceChanged': 1,
		};
		expect(costOf(p0)).toEqual(fullCost);
		expect(lines(p0['budget.created'].requests)).toEqual([`GET ${BUDGETS}?page=1`]);
		expect(lines(p0['budget.approved'].requests)).toEqual([`GET ${BUDGETS}?state=1&status=1&page=1`]);
		expect(lines(p0['budget.rejected'].requests)).toEqual([`GET ${BUDGETS}?state=2&status=2&page=1`]);
		expect(lines(p0['budget.expiring'].requests)).toEqual([`GET ${BUDGETS}?state=0&status=0&page=1`]);
		expect(lines(p0['customer.updated'].requests)).toEqual([`GET ${CUSTOMERS}?page=1`, `GET ${CUSTOMERS}?page=2`]);
		expect(triggers['customer.updated'].stored()).toMatchObject({ v: 1, scope: expect.stringContaining('customer.updated') });
		expect(Object.keys(triggers['customer.updated'].stored()!.seen as IDataObject)).toHaveLength(105);
		expect(triggers['budget.expiring'].stored()!.seen).toEqual({ [String(b2.id)]: expect.any(String) });

		// Changes: a customer created and one updated, a product created, a price and a description
		// changed, two budgets created (one expiring in two days), a budget approved.
		clock = T0 + 2 * MINUTE;
		const c106 = sb.store.createCustomer({ firstName: 'Nina', lastName: 'Paz', email: 'nina@example.com' });
		sb.store.updateCustomer(5, { email: 'new5@example.com' });
		const p4 = addProduct(sb.store, 'P4', 4000);
		sb.store.updateProduct(1, { price: 1500 });
		sb.store.updateProduct(2, { description: 'Monitor 27"' });
		const b4 = addBudget(sb.store, { expiresAt: T0 + 40 * DAY });
		clock = T0 + 3 * MINUTE;
		const b5 = addBudget(sb.store, { expiresAt: T0 + 2 * DAY });
		sb.store.setBudgetState(sb.store.budgets.get(b1.id)!, 1);

		clock = T0 + 5 * MINUTE;
		const p1 = await pollAll(triggers, (h) => h.tick());
		expect(idsOf(p1)).toEqual({
			'budget.created': [b4.id, b5.id],
			'budget.approved': [b1.id],
			'budget.rejected': null,
			'budget.stateChanged': [b1.id],
			'budget.expiring': [b5.id],
			'customer.created': [c106.id],
			'customer.updated': [5],
			'product.created': [p4.id],
			'product.updated': [1, 2],
			'product.priceChanged': [1],
		});
		expect(costOf(p1)).toEqual(fullCost);
		// Budgets created: only those created since the cursor (newest createdAt seen) minus the margin.
		expect(lines(p1['budget.created'].requests)).toEqual([
			`GET ${BUDGETS}?createdAfter=${iso(T0 - DAY - 10 * MINUTE)}&page=1`,
		]);
		expect(p1['customer.updated'].items).toEqual([
			{
				event: 'customer.updated',
				detectedAt: iso(T0 + 5 * MINUTE),
				data: expect.objectContaining({ id: 5, email: 'new5@example.com', firstName: 'Customer5' }),
				changedFields: ['email'],
				previous: { email: 'c5@example.com' },
			},
		]);
		expect(p1['product.priceChanged'].items).toEqual([
			expect.objectContaining({ event: 'product.priceChanged', changedFields: ['price'], previous: { price: 1000 }, data: expect.objectContaining({ id: 1, price: 1500 }) }),
		]);
		expect(p1['product.updated'].items!.map((item) => [item.changedFields, item.previous])).toEqual([
			[['price'], { price: 1000 }],
			[['description'], { description: 'Product P2' }],
		]);
		expect(p1['budget.stateChanged'].items).toEqual([
			expect.objectContaining({
				event: 'budget.stateChanged',
				data: expect.objectContaining({ id: b1.id, state: 1, stateName: 'approved' }),
				previous: { state: 0, stateName: 'generated' },
			}),
		]);
		expect(p1['budget.approved'].items![0]).toMatchObject({ event: 'budget.approved', data: { id: b1.id, state: 1 } });
		expect(p1['budget.expiring'].items).toEqual([
			expect.objectContaining({ event: 'budget.expiring', expiresAt: iso(T0 + 2 * DAY), daysLeft: 2, data: expect.objectContaining({ id: b5.id }) }),
		]);
		expect(p1['budget.created'].items!.map((item) => item.event)).toEqual(['budget.created', 'budget.created']);

		// Poll 2: nothing changed, nothing emitted, the same cost, and the stored state is unchanged.
		const storedBefore = Object.fromEntries(ALL_EVENTS.map((event) => [event, triggers[event].stored()]));
		clock = T0 + 10 * MINUTE;
		const p2 = await pollAll(triggers, (h) => h.tick());
		expect(idsOf(p2)).toEqual(Object.fromEntries(ALL_EVENTS.map((event) => [event, null])));
		expect(costOf(p2)).toEqual(fullCost);
		expect(Object.fromEntries(ALL_EVENTS.map((event) => [event, triggers[event].stored()]))).toEqual(storedBefore);

		// Deletes, a rejection, an update of the new customer, a no-op price write, a budget that
		// comes within the expiry window.
		clock = T0 + 12 * MINUTE;
		sb.store.updateCustomer(c106.id, { lastName: 'Ruiz' });
		sb.store.deleteCustomer(7);
		sb.store.deleteProduct(p4.id);
		sb.store.updateProduct(3, { price: 3000 });
		sb.store.setBudgetState(sb.store.budgets.get(b2.id)!, 2);
		sb.store.deleteBudget(b3.id);
		sb.store.updateBudget(b4.id, { expirationDate: iso(T0 + 5 * DAY) });

		clock = T0 + 15 * MINUTE;
		const p3 = await pollAll(triggers, (h) => h.tick());
		expect(idsOf(p3)).toEqual({
			'budget.created': null,
			'budget.approved': null,
			'budget.rejected': [b2.id],
			'budget.stateChanged': [b2.id],
			'budget.expiring': [b4.id],
			'customer.created': null,
			'customer.updated': [c106.id],
			'product.created': null,
			'product.updated': null,
			'product.priceChanged': null,
		});
		expect(p3['customer.updated'].items![0]).toMatchObject({ changedFields: ['lastName'], previous: { lastName: 'Paz' } });
		expect(p3['budget.stateChanged'].items![0]).toMatchObject({ previous: { state: 0, stateName: 'generated' }, data: { state: 2 } });
		expect(p3['budget.expiring'].items![0]).toMatchObject({ daysLeft: 5, expiresAt: iso(T0 + 5 * DAY) });
		// Deleted ids are kept one more poll (in case the list only shifted), then forgotten.
		expect(triggers['customer.updated'].stored()!.seen).toMatchObject({ '7': expect.stringMatching(/^~/) });

		// n8n restarts: the static data comes back from the database; no re-baseline, nothing repeated.
		clock = T0 + 18 * MINUTE;
		const c108 = sb.store.createCustomer({ firstName: 'Olga', lastName: 'Sanz' });
		sb.store.setBudgetState(sb.store.budgets.get(b4.id)!, 1);
		clock = T0 + 20 * MINUTE;
		const p4r = await pollAll(triggers, (h) => h.restart());
		expect(idsOf(p4r)).toEqual({
			'budget.created': null,
			'budget.approved': [b4.id],
			'budget.rejected': null,
			'budget.stateChanged': [b4.id],
			'budget.expiring': null,
			'customer.created': [c108.id],
			'customer.updated': null,
			'product.created': null,
			'product.updated': null,
			'product.priceChanged': null,
		});
		expect(triggers['customer.updated'].stored()!.seen).not.toHaveProperty('7');

		clock = T0 + 25 * MINUTE;
		const p5 = await pollAll(triggers, (h) => h.tick());
		expect(idsOf(p5)).toEqual(Object.fromEntries(ALL_EVENTS.map((event) => [event, null])));
	});

	it('a manual run returns the newest matching record as sample data and stores nothing', async () => {
		addCustomers(sb.store, 3);
		sb.store.updateCustomer(2, { phoneNumber: '+54 11 5555' });
		addProduct(sb.store, 'P1', 10);
		addProduct(sb.store, 'P2', 20);
		const open = addBudget(sb.store, { expiresAt: T0 + 6 * DAY, createdAt: T0 - 2 * DAY });
		const soon = addBudget(sb.store, { expiresAt: T0 + 1 * DAY, createdAt: T0 - 3 * DAY });
		clock = T0 + MINUTE;
		sb.store.setBudgetState(sb.store.budgets.get(open.id)!, 1);

		const sampleOf = async (event: PollEventName) => {
			const h = trigger(event);
			const result = await h.manual();
			expect(h.stored()).toBeUndefined();
			if (result.error) throw result.error;
			return result.items;
		};
		expect(await sampleOf('customer.created')).toEqual([
			{ event: 'customer.created', detectedAt: iso(T0 + MINUTE), data: expect.objectContaining({ id: 3 }) },
		]);
		expect(await sampleOf('customer.updated')).toEqual([
			expect.objectContaining({
				data: expect.objectContaining({ id: 2 }),
				changedFields: [],
				previous: { firstName: null, lastName: null, email: null, phoneNumber: null, dni: null, cuit: null },
			}),
		]);
		expect((await sampleOf('budget.created'))![0]).toMatchObject({ data: { id: open.id } });
		expect((await sampleOf('budget.approved'))![0]).toMatchObject({ data: { id: open.id, state: 1 } });
		// Nothing matches: the n8n wording of its own poll triggers, with what to do in Billoget.
		const none = await trigger('budget.rejected').manual();
		expect(none.items).toBeNull();
		expect(none.error?.message).toBe('No data with the current filter could be found');
		expect(none.error?.description).toContain('Reject a budget in Billoget and fetch again');
		expect(none.error?.description).toContain('https://github.com/billoget/n8n-nodes-billoget#billoget-poll-trigger');
		expect((await sampleOf('budget.stateChanged'))![0]).toMatchObject({ previous: { state: null, stateName: null } });
		expect((await sampleOf('budget.expiring'))![0]).toMatchObject({ data: { id: soon.id }, daysLeft: 1 });
		expect((await sampleOf('product.priceChanged'))![0]).toMatchObject({ data: { id: 2 }, previous: { price: null } });

		// A manual run next to an active trigger does not disturb its state.
		const active = trigger('customer.created');
		await active.activate();
		const before = active.stored();
		sb.store.createCustomer({ firstName: 'New', lastName: 'One' });
		expect(ids(await active.manual())).toEqual([4]);
		expect(active.stored()).toEqual(before);
		expect(ids(await active.tick())).toEqual([4]);
	});

	it('costs the documented number of requests per poll', async () => {
		addCustomers(sb.store, 250);
		for (let i = 0; i < 230; i++) {
			addBudget(sb.store, { state: i < 120 ? 1 : 0, expiresAt: T0 + 60 * DAY, createdAt: T0 - 5 * DAY + i * MINUTE });
		}
		const cases: Array<[PollEventName, number, number]> = [
			// event, activation cost, cost of a later poll
			// A later poll asks for createdAfter the cursor: one page where the API applies it; where it
			// ignores it (the SDK's reading has no such parameter) the whole list, compared on the node's side.
			['budget.created', pagesFor(230), dialect === 'docs' ? 1 : pagesFor(230)],
			['budget.approved', pagesFor(120), pagesFor(120)],
			['budget.rejected', pagesFor(0), pagesFor(0)],
			['budget.stateChanged', pagesFor(230), pagesFor(230)],
			['budget.expiring', pagesFor(110), pagesFor(110)],
			['customer.created', pagesFor(250), pagesFor(250)],
			['customer.updated', pagesFor(250), pagesFor(250)],
			['product.priceChanged', pagesFor(0), pagesFor(0)],
		];
		for (const [event, activation, later] of cases) {
			const h = trigger(event);
			const first = await h.activate();
			expect([event, first.error, first.requests.length]).toEqual([event, undefined, activation]);
			clock += MINUTE;
			const next = await h.tick();
			expect([event, next.error, next.requests.length]).toEqual([event, undefined, later]);
		}
		expect([pagesFor(230), pagesFor(120), pagesFor(0), pagesFor(250)]).toEqual([3, 2, 1, 3]);
	});

	it('stops at Max Pages per Poll with an explanation and stores nothing', async () => {
		addCustomers(sb.store, 150);
		const h = trigger('customer.updated', { maxPages: 1 });
		const result = await h.activate();
		expect(result.error).toMatchObject({ message: 'The Billoget customers list is longer than 1 pages (100 records)' });
		expect(result.error!.description).toContain('Max Pages per Poll');
		expect(result.requests).toHaveLength(1);
		expect(h.stored()).toBeUndefined();

		await h.update({ event: 'customer.updated', options: { maxPages: 2 } });
		expect(h.stored()).toMatchObject({ scope: 'customer.updated|firstName,lastName,email,phoneNumber,dni,cuit' });
	});

	it('loses nothing when a 429 hits the middle of a poll: the poll fails, the next one emits the change', async () => {
		addCustomers(sb.store, 150); // two pages
		addProduct(sb.store, 'P1', 10, T0 - DAY);
		const key = sb.addKey({ name: 'small', rateLimitPerHour: 5 });
		const main = trigger('customer.updated', {}, {}, key);
		// Another workflow polls with the same key and eats into its hourly budget.
		const other = trigger('product.created', {}, {}, key);

		expect((await main.activate()).requests).toHaveLength(2);
		expect((await other.activate()).requests).toHaveLength(1);
		const baseline = main.stored();

		clock = T0 + MINUTE;
		sb.store.updateCustomer(140, { email: 'changed140@example.com' });
		main.beforeRequest(async (index) => {
			if (index === 1) await other.tick(); // lands between our page 1 and page 2
		});
		clock = T0 + 2 * MINUTE;
		const failed = await main.tick();
		main.beforeRequest(undefined);
		expect(failed.items).toBeNull();
		expect(failed.error).toMatchObject({ httpCode: '429', message: 'Billoget rate limit reached for this API key' });
		expect(failed.requests.map((r) => [r.path, r.query.page, r.status])).toEqual([
			[CUSTOMERS, '1', 200],
			[PRODUCTS, '1', 200], // the other workflow's poll
			[CUSTOMERS, '2', 429],
		]);
		expect(main.stored()).toEqual(baseline);

		// Still within the hour: the transport knows the key has nothing left and does not even ask.
		clock = T0 + 5 * MINUTE;
		const early = await main.tick();
		expect(early.error).toMatchObject({ httpCode: '429' });
		expect(early.requests).toEqual([]);
		expect(main.stored()).toEqual(baseline);

		// After the window: the change the failed polls could not see is emitted, once.
		clock = T0 + 62 * MINUTE;
		const recovered = await main.tick();
		expect(recovered.error).toBeUndefined();
		expect(recovered.requests).toHaveLength(2);
		expect(recovered.items).toEqual([
			expect.objectContaining({ event: 'customer.updated', changedFields: ['email'], previous: { email: 'c140@example.com' }, data: expect.objectContaining({ id: 140 }) }),
		]);
		clock = T0 + 63 * MINUTE;
		expect(ids(await main.tick())).toBeNull();
	});

	it('a created event missed by a failed poll is emitted by the next one (budgets, createdAfter cursor)', async () => {
		addBudget(sb.store, { expiresAt: T0 + 30 * DAY, createdAt: T0 - DAY });
		const key = sb.addKey({ name: 'tiny', rateLimitPerHour: 2 });
		const h = trigger('budget.created', {}, {}, key);
		expect(ids(await h.activate())).toBeNull();
		clock = T0 + MINUTE;
		const created = addBudget(sb.store, { expiresAt: T0 + 30 * DAY });
		clock = T0 + 2 * MINUTE;
		expect(ids(await h.tick())).toEqual([created.id]); // second request of the hour
		clock = T0 + 3 * MINUTE;
		const missed = addBudget(sb.store, { expiresAt: T0 + 30 * DAY });
		clock = T0 + 4 * MINUTE;
		const failed = await h.tick();
		expect(failed.error).toMatchObject({ httpCode: '429' });
		clock = T0 + 70 * MINUTE;
		expect(ids(await h.tick())).toEqual([missed.id]);
		clock = T0 + 71 * MINUTE;
		expect(ids(await h.tick())).toBeNull();
	});

	it('reads the SDK envelope across pages too', async () => {
		sb.configure({ envelope: 'sdk' });
		addCustomers(sb.store, 120);
		const h = trigger('customer.created');
		expect((await h.activate()).requests).toHaveLength(2);
		clock = T0 + MINUTE;
		const c = sb.store.createCustomer({ firstName: 'Sdk', lastName: 'Shape' });
		clock = T0 + 2 * MINUTE;
		const result = await h.tick();
		expect(ids(result)).toEqual([c.id]);
		expect(result.requests).toHaveLength(2);
	});

	it('starts a fresh baseline when the event or the watched fields change, without emitting the past', async () => {
		addCustomers(sb.store, 3);
		const h = trigger('customer.updated');
		await h.activate();
		clock = T0 + MINUTE;
		sb.store.updateCustomer(1, { email: 'x1@example.com' });
		sb.store.updateCustomer(2, { phoneNumber: '+54 9' });

		// Saved with another event while active: the present is recorded again, nothing is emitted.
		expect(ids(await h.update({ event: 'customer.created', options: {} }))).toBeNull();
		expect(h.stored()).toMatchObject({ scope: 'customer.created' });
		const created = sb.store.createCustomer({ firstName: 'Z', lastName: 'Z' });
		clock = T0 + 2 * MINUTE;
		expect(ids(await h.tick())).toEqual([created.id]);

		// Watching only the email: a phone change does not trigger, an email change does.
		expect(ids(await h.update({ event: 'customer.updated', options: { customerFields: ['email'] } }))).toBeNull();
		sb.store.updateCustomer(2, { phoneNumber: '+54 10' });
		clock = T0 + 3 * MINUTE;
		expect(ids(await h.tick())).toBeNull();
		sb.store.updateCustomer(3, { email: 'x3@example.com' });
		clock = T0 + 4 * MINUTE;
		const emailChange = await h.tick();
		expect(emailChange.items).toEqual([expect.objectContaining({ changedFields: ['email'], previous: { email: 'c3@example.com' } })]);
	});
});
