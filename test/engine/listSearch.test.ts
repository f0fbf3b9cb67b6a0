/**
 * The "From List" mode of the Customer, Product, Budget and Approval locators: each list search runs
 * in n8n-core's LoadOptionsContext against the sandbox, with the labels the user picks from, the
 * search sent to Billoget (or applied here where Billoget has none) and pagination.
 */
import { jsonOf, runBillogetNode, searchList } from '../harness/engine';
import { credentialsFor, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

describe('Billoget node · list searches of the resource locators', () => {
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

	it('lists customers 50 at a time, labelled by name and email, until the last page', async () => {
		sb.reset({ seed: 'empty' });
		for (let n = 1; n <= 120; n++) sb.store.createCustomer({ firstName: `Ana${n}`, lastName: 'Ruiz', email: `ana${n}@crm.test` });
		const mark = sb.requests.length;
		const pages = [await searchList('searchCustomers', credentialsFor(sb))];
		while (pages[pages.length - 1].paginationToken) {
			pages.push(await searchList('searchCustomers', credentialsFor(sb), undefined, pages[pages.length - 1].paginationToken));
		}
		expect(pages.map((page) => page.results.length)).toEqual([50, 50, 20]);
		expect(pages.map((page) => page.paginationToken)).toEqual(['2', '3', undefined]);
		const results = pages.flatMap((page) => page.results);
		const stored = [...sb.store.customers.values()] as Array<Record<string, unknown>>;
		expect(results.map((result) => result.value).sort()).toEqual(stored.map((c) => String(c.id)).sort());
		const first = stored.find((c) => String(c.id) === results[0].value)!;
		expect(results[0].name).toBe(`${String(first.firstName)} Ruiz (${String(first.email)})`);
		expect(requestsSince(sb, mark).map((r) => r.query)).toEqual([
			{ page: '1', limit: '50' },
			{ page: '2', limit: '50' },
			{ page: '3', limit: '50' },
		]);
	});

	it('sends what the user types as Billoget’s search', async () => {
		const mark = sb.requests.length;
		const { results } = await searchList('searchCustomers', credentialsFor(sb), 'gonzález');
		expect(requestsSince(sb, mark)[0].query).toMatchObject({ search: 'gonzález' });
		expect(results.length).toBeGreaterThan(0);
		for (const result of results) expect(result.name.toLowerCase()).toContain('gonzález');
	});

	it('labels products by code, description and price (what an empty Unit Price takes), and filters them', async () => {
		const product = [...sb.store.products.values()][0] as Record<string, unknown>;
		const { results } = await searchList('searchProducts', credentialsFor(sb), String(product.productCode));
		const price = Number(product.price).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		expect(results).toContainEqual({
			name: `${String(product.productCode)} · ${String(product.description)} · ${price}`,
			value: String(product.id),
		});
	});

	it('labels budgets by number, customer, total and state', async () => {
		const { results } = await searchList('searchBudgets', credentialsFor(sb));
		expect(results).toHaveLength(sb.store.budgets.size);
		const budget = [...sb.store.budgets.values()][0] as Record<string, unknown>;
		const label = results.find((result) => result.value === String(budget.id))?.name;
		// Amounts with thousands separators and two decimals, e.g. "1,028,500.00 ARS", not "1028500 ARS".
		const total = Number(budget.total).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		expect(total).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
		expect(label).toMatch(new RegExp(`^#${String(budget.id)} · .+ · ${total.replace(/\./g, '\\.')} ${String(budget.currency)} · (Generated|Approved|Rejected)$`));
	});

	it('lists only pending approvals, filters them here, and Approve takes the one picked', async () => {
		const pending = ([...sb.store.approvals.values()] as Array<Record<string, unknown>>).filter((a) => a.status === 'pending');
		expect(pending.length).toBeGreaterThanOrEqual(2);
		const { results } = await searchList('searchPendingApprovals', credentialsFor(sb));
		expect(results.map((result) => result.value)).toEqual(pending.map((a) => String(a.id)));
		const withNotes = pending.find((a) => typeof a.requestNotes === 'string')!;
		expect(results.find((result) => result.value === String(withNotes.id))?.name).toBe(
			`#${String(withNotes.id)} · budget #${String(withNotes.budgetId)} · ${String(withNotes.createdAt).slice(0, 10)} · ${String(withNotes.requestNotes)}`,
		);

		const mark = sb.requests.length;
		const filtered = await searchList('searchPendingApprovals', credentialsFor(sb), String(withNotes.requestNotes).toUpperCase());
		expect(filtered.results.map((result) => result.value)).toEqual([String(withNotes.id)]);
		// Billoget's pending list has no search: the filter is not sent.
		expect(requestsSince(sb, mark)[0].query).toEqual({});

		const approved = await runBillogetNode({
			parameters: { resource: 'approval', operation: 'approve', approvalId: { __rl: true, mode: 'list', value: filtered.results[0].value } },
			credentials: credentialsFor(sb),
		});
		expect(approved.status).toBe('success');
		expect(jsonOf(approved.items)[0]).toMatchObject({ id: withNotes.id, status: 'approved' });
		const after = await searchList('searchPendingApprovals', credentialsFor(sb));
		expect(after.results.map((result) => result.value)).not.toContain(String(withNotes.id));
	});
});
