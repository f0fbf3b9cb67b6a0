import { jsonOf, runBillogetNode } from '../harness/engine';
import { DEMO_KEY, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { LoggedRequest, Sandbox } from '../harness/sandbox';

const BUDGETS = '/v1/api/public/budgets';
const CREATE_BUDGET = '/v1/api/budgets/public';

/** One budget line as the test describes it: quantity in hundredths, unit price in thousandths (mills). */
interface LineSpec {
	productId?: number;
	packageId?: number;
	quantityHundredths: number;
	/** Undefined: the product's catalogue price. */
	unitPriceMills?: number;
}

interface BudgetSpec {
	ref: string;
	customerId: number;
	sellerId: number;
	currency: string;
	issueDate: string;
	expirationDate: string;
	minimumPaymentToConfirm: number;
	/** Tax rate in hundredths of a percent (2100 = 21 %). */
	taxRateHundredths: number;
	lines: LineSpec[];
	/** A discount given as the node's Total Override, in cents. */
	totalOverrideCents?: number;
}

interface ExpectedBudget {
	lines: Array<{ productId: number | null; packageId: number | null; quantity: number; unitPrice: number }>;
	subtotalCents: number;
	ivaCents: number;
	totalCents: number;
}

/** Half-up integer division of a non-negative numerator. */
const divideHalfUp = (numerator: number, divisor: number) => Math.floor((numerator + divisor / 2) / divisor);

/** The budget Billoget should hold for a spec, computed in integer cents (each line rounded, then the IVA). */
function expectedBudget(spec: BudgetSpec, catalogueCents: Map<number, number>): ExpectedBudget {
	let subtotalCents = 0;
	const lines = spec.lines.map((line) => {
		const mills = line.unitPriceMills ?? (catalogueCents.get(line.productId!) as number) * 10;
		// (hundredths × mills) / 1000 = cents.
		subtotalCents += divideHalfUp(line.quantityHundredths * mills, 1000);
		return {
			productId: line.productId ?? null,
			packageId: line.packageId ?? null,
			quantity: line.quantityHundredths / 100,
			unitPrice: mills / 1000,
		};
	});
	const ivaCents = divideHalfUp(subtotalCents * spec.taxRateHundredths, 10_000);
	return { lines, subtotalCents, ivaCents, totalCents: spec.totalOverrideCents ?? subtotalCents + ivaCents };
}

/** The input item the node reads a spec from (Items (JSON) mode, every field an expression). */
function inputOf(spec: BudgetSpec): Record<string, unknown> {
	return {
		ref: spec.ref,
		customerId: spec.customerId,
		sellerId: String(spec.sellerId),
		currency: spec.currency,
		issueDate: spec.issueDate,
		expirationDate: spec.expirationDate,
		minimumPaymentToConfirm: spec.minimumPaymentToConfirm,
		taxRate: spec.taxRateHundredths / 100,
		totalOverride: spec.totalOverrideCents === undefined ? '' : spec.totalOverrideCents / 100,
		lines: spec.lines.map((line) => ({
			...(line.productId !== undefined ? { productId: line.productId } : { packageId: line.packageId }),
			quantity: line.quantityHundredths / 100,
			...(line.unitPriceMills !== undefined ? { unitPrice: line.unitPriceMills / 1000 } : {}),
		})),
	};
}

const budgetCreateParameters = (requestOptions: Record<string, unknown>) => ({
	resource: 'budget',
	operation: 'create',
	customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
	sellerId: '={{ $json.sellerId }}',
	currency: '={{ $json.currency }}',
	issueDate: '={{ $json.issueDate }}',
	expirationDate: '={{ $json.expirationDate }}',
	minimumPaymentToConfirm: '={{ $json.minimumPaymentToConfirm }}',
	itemsMode: 'json',
	itemsJson: '={{ $json.lines }}',
	taxRate: '={{ $json.taxRate }}',
	additionalFields: { comments: '={{ $json.ref }}' },
	options: { totalOverride: '={{ $json.totalOverride }}' },
	requestOptions,
});

/** Budgets in the store by their comments (each spec's unique reference). */
function budgetsByRef(sb: Sandbox): Map<string, Array<Record<string, unknown>>> {
	const byRef = new Map<string, Array<Record<string, unknown>>>();
	for (const budget of sb.store.budgets.values() as Iterable<Record<string, unknown>>) {
		const list = byRef.get(String(budget.comments)) ?? [];
		list.push(budget);
		byRef.set(String(budget.comments), list);
	}
	return byRef;
}

interface Catalogue {
	customers: number[];
	products: number[];
	/** Catalogue price of each product, in cents. */
	priceCents: Map<number, number>;
}

/** 15 customers and 10 products with prices that have cents. */
function seedCatalogue(sb: Sandbox): Catalogue {
	const customers = Array.from(
		{ length: 15 },
		(_, n) => sb.store.createCustomer({ firstName: `Cliente ${n}`, lastName: 'Presupuesto', email: `budget${n}@crm.test` }).id,
	);
	const priceCents = new Map<number, number>();
	for (let n = 0; n < 10; n++) {
		const price = 1_999 + n * 123_457; // 19.99 … 11131.12
		const product = sb.store.createProduct({ productCode: `P-${n}`, description: `Producto ${n}`, category: 'Pruebas', price: price / 100 });
		priceCents.set(product.id, price);
	}
	return { customers, products: [...priceCents.keys()], priceCents };
}

/**
 * Budget n: one of 15 customers, 1–4 lines mixing products with a given price (half-cent cases
 * included), products at their catalogue price and packages, fractional quantities, IVA 21 / 10.5 /
 * 27 / 0 %, and every tenth one a 5 % discount on the total (Total Override). No two share customer
 * and issue date, and the comments carry a unique reference.
 */
function budgetSpec(n: number, catalogue: Catalogue): BudgetSpec {
	const { customers, products } = catalogue;
	const day = String(1 + (n % 28)).padStart(2, '0');
	const lines: LineSpec[] = [];
	for (let j = 0; j <= n % 4; j++) {
		const quantityHundredths = [100, 250, 3, 1000, 75, 33][(n + 2 * j) % 6];
		const productId = products[(n + 3 * j) % products.length];
		const kind = (n + j) % 3;
		if (kind === 0) lines.push({ productId, quantityHundredths, unitPriceMills: 1_005 + 37 * n + 1_013 * j });
		else if (kind === 1) lines.push({ productId, quantityHundredths });
		else lines.push({ packageId: 1 + ((n + j) % 5), quantityHundredths, unitPriceMills: 49_990 + 10 * n });
	}
	const spec: BudgetSpec = {
		ref: `Presupuesto BG-${String(n).padStart(3, '0')}`,
		customerId: customers[(n * 7) % customers.length],
		sellerId: 1 + (n % 3),
		currency: ['ARS', 'USD', 'EUR'][n % 3],
		issueDate: `2026-04-${day}`,
		expirationDate: `2026-05-${day}`,
		minimumPaymentToConfirm: n % 5 === 0 ? 0 : n * 10 + 0.5,
		taxRateHundredths: [2100, 1050, 2700, 0][n % 4],
		lines,
	};
	if (n % 10 === 7) spec.totalOverrideCents = divideHalfUp(expectedBudget(spec, catalogue.priceCents).totalCents * 95, 100);
	return spec;
}

const cents = (amount: unknown) => Math.round(Number(amount) * 100);

/** A budget as stored, in the terms of ExpectedBudget. */
function storedAsExpected(budget: Record<string, unknown>): ExpectedBudget {
	return {
		lines: (budget.items as Array<Record<string, unknown>>).map((line) => ({
			productId: line.productId as number | null,
			packageId: line.packageId as number | null,
			quantity: line.quantity as number,
			unitPrice: line.unitPrice as number,
		})),
		subtotalCents: cents(budget.subtotal),
		ivaCents: cents(budget.iva),
		totalCents: cents(budget.total),
	};
}

/** Whether a logged request is the look-up of a lost budget create: the list of one customer's recent budgets. */
const isBudgetLookup = (request: LoggedRequest) =>
	request.method === 'GET' && request.path === BUDGETS && request.query.customerId !== undefined && request.query.createdAfter !== undefined;

/**
 * Billoget slow, flaky or rate-limiting: nothing is lost or duplicated, and the user is told of
 * anything whose outcome is unknown.
 */
describe('Billoget node · faults, rate limits and timeouts', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	afterEach(() => {
		sb.configure({ faults: null, rateLimitWindowSeconds: 3600 });
	});

	it('a 1,000-item customer upsert under 10% 503s, 5% dropped-after-write connections and latency ends exactly right', async () => {
		sb.reset({ seed: 'empty' });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS', 'WRITE_CUSTOMERS'], rateLimitPerHour: 1_000_000 });
		for (let n = 0; n < 600; n++) sb.store.createCustomer({ firstName: `F${n}`, lastName: 'L', email: `c${n}@crm.test`, phoneNumber: `${n}` });
		const input = Array.from({ length: 1000 }, (_, n) => ({
			firstName: `F${n}`,
			lastName: 'L',
			email: `c${n}@crm.test`,
			phoneNumber: n % 10 === 0 ? `changed-${n}` : `${n}`,
		}));
		sb.configure({ faults: { errorRate: 0.1, dropRate: 0.05, latencyMs: [0, 3], seed: 'customers-1000' } });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'customer',
				operation: 'upsert',
				matchOn: 'email',
				matchValue: '={{ $json.email }}',
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				additionalFields: { phoneNumber: '={{ $json.phoneNumber }}' },
				options: { matching: 'loadAll' },
				requestOptions: { maxRetries: 8 },
			},
			items: input,
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		sb.configure({ faults: null });
		const sent = requestsSince(sb, mark);
		const injected = sent.filter((r) => r.fault !== undefined);
		expect(injected.filter((r) => r.fault === 'error').length).toBeGreaterThan(30);
		expect(injected.filter((r) => r.fault === 'drop').length).toBeGreaterThan(15);

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expect(out.filter((o) => o.error)).toEqual([]);
		// Every item ends correct, and no customer exists twice.
		const byEmail = new Map<string, Array<Record<string, unknown>>>();
		for (const c of sb.store.customers.values() as Iterable<Record<string, unknown>>) {
			const list = byEmail.get(String(c.email)) ?? [];
			list.push(c);
			byEmail.set(String(c.email), list);
		}
		expect(sb.store.customers.size).toBe(1000);
		expect([...byEmail.values()].filter((list) => list.length > 1)).toEqual([]);
		for (const item of input) expect(byEmail.get(item.email)?.[0]).toMatchObject(item);
	});

	it('a 200-budget create under 10% 503s, 5% dropped-after-write connections and latency: each budget once, to the cent', async () => {
		sb.reset({ seed: 'empty' });
		const key = sb.addKey({ scopes: ['READ_BUDGETS', 'WRITE_BUDGETS', 'READ_PRODUCTS'], rateLimitPerHour: 1_000_000 });
		const catalogue = seedCatalogue(sb);
		const specs = Array.from({ length: 200 }, (_, n) => budgetSpec(n, catalogue));
		const expected = specs.map((spec) => expectedBudget(spec, catalogue.priceCents));
		sb.configure({ faults: { errorRate: 0.1, dropRate: 0.05, latencyMs: [0, 3], seed: 'budgets-200' } });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: budgetCreateParameters({ maxRetries: 8 }),
			items: specs.map(inputOf),
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		sb.configure({ faults: null });
		const sent = requestsSince(sb, mark);
		expect(sent.filter((r) => r.fault === 'error').length).toBeGreaterThan(30);
		expect(sent.filter((r) => r.fault === 'drop').length).toBeGreaterThan(15);

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual(specs.map((_, item) => ({ item })));
		const out = jsonOf(result.items);
		const stored = budgetsByRef(sb);
		const unknown = out.flatMap((o, index) => (o.outcome === 'unknown' ? [index] : []));

		// Billoget holds each budget exactly once (at most once where the outcome is unknown), with its lines
		// and totals to the cent, and nothing else.
		expect([...stored].filter(([, list]) => list.length > 1).map(([ref]) => ref)).toEqual([]);
		expect(specs.filter((spec, index) => !unknown.includes(index) && !stored.has(spec.ref)).map((spec) => spec.ref)).toEqual([]);
		expect([...stored.keys()].filter((ref) => !specs.some((spec) => spec.ref === ref))).toEqual([]);
		const present = specs.flatMap((spec, index) => (stored.has(spec.ref) ? [index] : []));
		expect(present.map((index) => ({ ref: specs[index].ref, ...storedAsExpected(stored.get(specs[index].ref)![0]) }))).toEqual(
			present.map((index) => ({ ref: specs[index].ref, ...expected[index] })),
		);
		for (const index of present) {
			const spec = specs[index];
			expect(stored.get(spec.ref)![0]).toMatchObject({
				customerId: spec.customerId,
				sellerId: spec.sellerId,
				currency: spec.currency,
				issueDate: `${spec.issueDate}T00:00:00.000Z`,
				minimumPaymentToConfirm: spec.minimumPaymentToConfirm,
			});
		}

		// Every output item is the budget it asked for, or says its outcome is unknown and to check in Billoget.
		expect(
			out.map((o, index) =>
				o.outcome === 'unknown'
					? { index, outcome: 'unknown', tellsToCheck: /Check in Billoget/.test(String(o.description)) }
					: { index, id: o.id, comments: o.comments, subtotal: cents(o.subtotal), iva: cents(o.iva), total: cents(o.total), error: o.error },
			),
		).toEqual(
			specs.map((spec, index) =>
				unknown.includes(index)
					? { index, outcome: 'unknown', tellsToCheck: true }
					: {
							index,
							id: stored.get(spec.ref)?.[0]?.id,
							comments: spec.ref,
							subtotal: expected[index].subtotalCents,
							iva: expected[index].ivaCents,
							total: expected[index].totalCents,
							error: undefined,
						},
			),
		);

		// Every POST that was not answered 503 was applied (the sandbox applies a write before dropping
		// its connection), and no budget was applied twice.
		const posts = sent.filter((r) => r.method === 'POST' && r.path === CREATE_BUDGET);
		const rejected503 = posts.filter((r) => r.fault === 'error');
		const applied = posts.filter((r) => r.status === 201);
		expect(posts.length - rejected503.length).toBe(applied.length);
		expect(applied.length).toBe(sb.store.budgets.size);
		const appliedRefs = applied.map((r) => String((r.body as Record<string, unknown>).comments));
		expect(appliedRefs.filter((ref, index) => appliedRefs.indexOf(ref) !== index)).toEqual([]);

		// A dropped POST is followed by a look-up of that customer's new budgets, never by a second POST.
		let droppedPosts = 0;
		let lookupsAfterDrops = 0;
		const repostedAfterDrop: string[] = [];
		sent.forEach((request, index) => {
			if (request.method !== 'POST' || request.path !== CREATE_BUDGET || request.fault !== 'drop') return;
			droppedPosts++;
			const body = request.body as Record<string, unknown>;
			const next = sent[index + 1];
			if (next !== undefined && isBudgetLookup(next) && next.query.customerId === String(body.customerId)) lookupsAfterDrops++;
			const later = sent.slice(index + 1).filter((r) => r.method === 'POST' && (r.body as Record<string, unknown>).comments === body.comments);
			if (later.length > 0) repostedAfterDrop.push(String(body.comments));
		});
		expect(droppedPosts).toBeGreaterThan(5);
		expect(lookupsAfterDrops).toBe(droppedPosts);
		expect(repostedAfterDrop).toEqual([]);
		// Unknown outcomes, if any, only come from a create whose answer was lost.
		expect(unknown.length).toBeLessThanOrEqual(droppedPosts + rejected503.length);
	}, 120_000);

	it('a budget whose create answer is lost and whose look-up fails too is reported as unknown, posted once; the others are created once', async () => {
		sb.reset({ seed: 'empty' });
		const catalogue = seedCatalogue(sb);
		// Budgets whose lines all have a given price: each budget's requests are its POST and its read-back.
		const specs = [0, 5, 8].map((n) => budgetSpec(n, catalogue));
		expect(specs.every((spec) => spec.lines.every((line) => line.unitPriceMills !== undefined))).toBe(true);
		// A fault is drawn when a request arrives, so switching faults as a request is logged decides the
		// next one: after the first budget's read-back, the second budget's POST is dropped (after the write),
		// and its look-up hangs until the node's timeout; then Billoget is healthy again.
		let phase = 0;
		const onLogged = (request: LoggedRequest) => {
			if (phase === 0 && request.method === 'GET' && request.path.startsWith(`${BUDGETS}/`)) {
				sb.configure({ faults: { dropRate: 1, seed: 1 } });
				phase = 1;
			} else if (phase === 1 && request.method === 'POST') {
				sb.configure({ faults: { hangRate: 1, seed: 1 } });
				phase = 2;
			} else if (phase === 2 && isBudgetLookup(request)) {
				sb.configure({ faults: null });
				phase = 3;
			}
		};
		const log = sb.requests;
		const push = log.push.bind(log);
		log.push = (...entries) => {
			const length = push(...entries);
			for (const entry of entries) onLogged(entry as unknown as LoggedRequest);
			return length;
		};
		try {
			const mark = sb.requests.length;
			const result = await runBillogetNode({
				parameters: budgetCreateParameters({ timeout: 1000, maxRetries: 3 }),
				items: specs.map(inputOf),
				credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
				continueOnFail: true,
			});
			expect(phase).toBe(3);
			expect(result.status).toBe('success');
			const stored = budgetsByRef(sb);
			const [first, second, third] = specs.map((spec) => stored.get(spec.ref) ?? []);
			// Each budget exists once: the second one too, as the dropped POST was applied.
			expect([first.length, second.length, third.length]).toEqual([1, 1, 1]);
			const sent = requestsSince(sb, mark).filter((r) => r.path.startsWith(BUDGETS) || r.path === CREATE_BUDGET);
			expect(requestLines(sent)).toEqual([
				`POST ${CREATE_BUDGET}`,
				`GET ${BUDGETS}/${String(first[0].id)}`,
				`POST ${CREATE_BUDGET}`,
				`GET ${BUDGETS}`,
				`POST ${CREATE_BUDGET}`,
				`GET ${BUDGETS}/${String(third[0].id)}`,
			]);
			expect(sent.map((r) => r.fault)).toEqual([undefined, undefined, 'drop', 'hang', undefined, undefined]);
			expect(sent.filter((r) => r.method === 'POST').map((r) => (r.body as Record<string, unknown>).comments)).toEqual(specs.map((spec) => spec.ref));

			const out = jsonOf(result.items);
			const expected = specs.map((spec) => expectedBudget(spec, catalogue.priceCents));
			expect(out[0]).toMatchObject({ id: first[0].id, comments: specs[0].ref, total: expected[0].totalCents / 100 });
			expect(out[1]).toMatchObject({ outcome: 'unknown', error: expect.stringMatching(/did not answer within 1000 ms/) });
			expect(String(out[1].description)).toContain('Check in Billoget before running this item again');
			expect(out[2]).toMatchObject({ id: third[0].id, comments: specs[2].ref, total: expected[2].totalCents / 100 });
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		} finally {
			Reflect.deleteProperty(log, 'push');
		}
	});

	it('a dropped create answer is looked up before anything is sent again, and recovered', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { dropRate: 1, seed: 1 } });
		// Only the first request (the POST) is dropped: turn faults off as soon as it was applied.
		const stopAfterFirstWrite = sb.store.createCustomer.bind(sb.store);
		sb.store.createCustomer = (fields: Parameters<typeof stopAfterFirstWrite>[0]) => {
			const created = stopAfterFirstWrite(fields);
			sb.configure({ faults: null });
			return created;
		};
		try {
			const mark = sb.requests.length;
			const result = await runBillogetNode({
				parameters: { resource: 'customer', operation: 'create', firstName: 'Ana', lastName: 'Once', additionalFields: { email: 'once@x.test' } },
				credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
			});
			expect(result.status).toBe('success');
			expect(jsonOf(result.items)[0]).toMatchObject({ email: 'once@x.test', firstName: 'Ana' });
			expect(sb.store.customers.size).toBe(1);
			expect(requestsSince(sb, mark).map((r) => r.method)).toEqual(['POST', 'GET']);
		} finally {
			sb.store.createCustomer = stopAfterFirstWrite;
		}
	});

	it('a hanging Billoget ends at the node’s timeout with a clear error', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { hangRate: 1, seed: 3 } });
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true, requestOptions: { timeout: 1000 } },
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
		});
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'Billoget did not answer within 1000 ms' });
		expect(String(result.error?.description)).toContain('Timeout option');
	});

	it('a hanging create is reported as of unknown outcome, never re-posted blindly', async () => {
		sb.reset({ seed: 'empty' });
		sb.configure({ faults: { hangRate: 1, seed: 3 } });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: {
				resource: 'product',
				operation: 'create',
				productCode: 'HANG-1',
				description: 'Hangs',
				category: 'X',
				price: 1,
				requestOptions: { timeout: 1000, maxRetries: 0 },
			},
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
			continueOnFail: true,
		});
		// The POST hung, then the look-up (also hanging) failed: one POST, never a second one.
		expect(requestsSince(sb, mark).filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(jsonOf(result.items)[0]).toMatchObject({ error: expect.stringMatching(/did not answer within 1000 ms/), outcome: 'unknown' });
		expect(String(jsonOf(result.items)[0].description)).toContain('Check in Billoget before running this item again');
	});

	it('a 429 storm is paced by Retry-After and the run completes', async () => {
		sb.reset({ seed: 'empty' });
		for (let n = 0; n < 2500; n++) sb.store.createCustomer({ firstName: `F${n}`, lastName: 'L', email: `s${n}@x.test` });
		sb.configure({ rateLimitWindowSeconds: 1 });
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS'], rateLimitPerHour: 5 });
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: true, requestOptions: { maxRateLimitWait: 10 } },
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2500);
		const sent = requestsSince(sb, mark);
		const served = sent.filter((r) => r.status === 200);
		expect(served).toHaveLength(25);
		// The node waits for the reset it was told about instead of hammering: few 429s, bounded.
		expect(sent.filter((r) => r.status === 429).length).toBeLessThanOrEqual(5);
	});

	it.each([
		['expired', { expiresAt: '2020-01-01T00:00:00Z' }, 'The Billoget API key has expired', '401'],
		['IP not allowed', { allowedIps: ['10.9.9.9'] }, "This n8n's IP address is not allowed to use the Billoget API key", '403'],
	])('explains a key that is %s with what to change', async (_, spec, message, httpCode) => {
		const key = sb.addKey({ scopes: ['READ_CUSTOMERS'], ...spec });
		const result = await runBillogetNode({
			parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 },
			credentials: { apiKey: key, baseUrl: sb.baseUrl },
		});
		expect(result.error).toMatchObject({ message, httpCode });
		expect(String(result.error?.description)).toMatch(/Billoget → Settings → API Keys/);
	});
});
