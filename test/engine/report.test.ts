import type { IBinaryData, IDataObject } from 'n8n-workflow';

import approvalStatsSchema from '../../nodes/Billoget/__schema__/v1.0.0/report/approvalStats.json';
import budgetSummarySchema from '../../nodes/Billoget/__schema__/v1.0.0/report/budgetSummary.json';
import productCatalogSchema from '../../nodes/Billoget/__schema__/v1.0.0/report/productCatalog.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { credentialsFor, DIALECTS, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

type Store = Sandbox['store'];

const BUDGETS = '/v1/api/public/budgets';
const APPROVALS = '/v1/api/public/budget-approvals';
const PRODUCTS = '/v1/api/public/products';

/** RFC 4180 reader for the attached files (quoted fields with commas, CRLF and doubled quotes). */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				quoted = false;
			} else {
				field += char;
			}
		} else if (char === '"') {
			quoted = true;
		} else if (char === ',') {
			record.push(field);
			field = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i++;
		} else {
			field += char;
		}
	}
	if (field !== '' || record.length > 0) throw new Error('The last record does not end with CRLF');
	return records;
}

/** The attached CSV as text (BOM checked and removed) and parsed into records. */
function csvOf(binary: IBinaryData | undefined): { text: string; records: string[][] } {
	expect(binary).toBeDefined();
	const bytes = Buffer.from((binary as IBinaryData).data, 'base64');
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	return { text, records: parseCsv(text) };
}

interface Schema {
	type?: string | string[];
	enum?: unknown[];
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: Schema;
	items?: Schema;
}

/** Where a value breaks the output schema (the subset of JSON Schema the schema files use). */
function schemaProblems(value: unknown, schema: Schema, path = '$'): string[] {
	const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
	const actual =
		value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
	if (types.length && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
		return [`${path} is ${actual}, expected ${types.join(' or ')}`];
	}
	const problems: string[] = [];
	if (schema.enum && !schema.enum.includes(value)) problems.push(`${path} = ${JSON.stringify(value)} is not in the enum`);
	if (actual === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key} is missing`);
		for (const [key, child] of Object.entries(record)) {
			const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
			if (!childSchema) problems.push(`${path}.${key} is not in the schema`);
			else problems.push(...schemaProblems(child, childSchema, `${path}.${key}`));
		}
	}
	if (actual === 'array' && schema.items) {
		(value as unknown[]).forEach((entry, index) => problems.push(...schemaProblems(entry, schema.items as Schema, `${path}[${index}]`)));
	}
	return problems;
}

// ---- the fixed data set ----------------------------------------------------------------------------

interface BudgetSeed {
	currency: string;
	state: number;
	total: number;
	issueDate: string;
	customerId: number;
	sellerId?: number;
	expirationDate?: string;
	createdAt?: string;
}

function addBudget(store: Store, seed: BudgetSeed): void {
	store.createBudget({
		currency: seed.currency,
		issueDate: seed.issueDate,
		expirationDate: seed.expirationDate ?? '2026-12-31T00:00:00.000Z',
		customerId: seed.customerId,
		sellerId: seed.sellerId ?? 1,
		minimumPaymentToConfirm: 0,
		subtotal: seed.total,
		iva: 0,
		total: seed.total,
		state: seed.state,
		items: [{ productId: 1, quantity: 1, unitPrice: seed.total }],
		createdAt: seed.createdAt ?? seed.issueDate,
	});
}

function addCustomers(store: Store): void {
	store.createCustomer({ firstName: 'María', lastName: 'González' }); // 1
	store.createCustomer({ firstName: 'Acme, "Ltd"', lastName: 'SA' }); // 2
	store.createCustomer({ firstName: '=SUM(A1)', lastName: 'Corp' }); // 3
}

/**
 * Q1 2026. ARS: 1000.10 (approved, on the first day at midnight), 2000.25 (approved, on the last day
 * at 23:59:59.999), 0.10 (rejected), 0.21 (open); USD: 10.05 (approved), 20.10 (open). Just outside:
 * ARS 99999 the millisecond before and the millisecond after; an old open USD budget expiring soon.
 */
function seedBudgets(store: Store): void {
	addCustomers(store);
	addBudget(store, { currency: 'ARS', state: 1, total: 1000.1, issueDate: '2026-01-01T00:00:00.000Z', customerId: 1 }); // 1
	addBudget(store, { currency: 'ARS', state: 1, total: 2000.25, issueDate: '2026-03-31T23:59:59.999Z', customerId: 2 }); // 2
	addBudget(store, { currency: 'ARS', state: 2, total: 0.1, issueDate: '2026-02-15T12:00:00.000Z', customerId: 1 }); // 3
	addBudget(store, {
		currency: 'ARS',
		state: 0,
		total: 0.21,
		issueDate: '2026-02-15T08:00:00.000Z',
		customerId: 3,
		expirationDate: '2026-04-02T10:00:00.000Z',
	}); // 4
	addBudget(store, {
		currency: 'USD',
		state: 1,
		total: 10.05,
		issueDate: '2026-01-10T09:00:00.000Z',
		customerId: 3,
		sellerId: 2,
		createdAt: '2025-12-20T09:00:00.000Z',
	}); // 5
	addBudget(store, {
		currency: 'USD',
		state: 0,
		total: 20.1,
		issueDate: '2026-03-20T09:00:00.000Z',
		customerId: 2,
		expirationDate: '2026-03-29T00:00:00.000Z',
	}); // 6
	addBudget(store, { currency: 'ARS', state: 1, total: 99999, issueDate: '2025-12-31T23:59:59.999Z', customerId: 1 }); // 7
	addBudget(store, { currency: 'ARS', state: 1, total: 99999, issueDate: '2026-04-01T00:00:00.000Z', customerId: 1 }); // 8
	addBudget(store, {
		currency: 'USD',
		state: 0,
		total: 7.77,
		issueDate: '2025-11-01T09:00:00.000Z',
		customerId: 1,
		expirationDate: '2026-04-03T00:00:00.000Z',
	}); // 9
}

const Q1 = { fromDate: '2026-01-01', toDate: '2026-03-31' };
const REFERENCE = '2026-03-30T12:00:00.000Z';

describe.each(DIALECTS)('Billoget node · reports, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
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
		runBillogetNode({ parameters: { resource: 'report', ...parameters }, credentials: credentialsFor(sb), ...extra });

	const summary = (parameters: Record<string, unknown> = {}, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		run(
			{
				operation: 'budgetSummary',
				...Q1,
				period: 'month',
				topCustomers: 5,
				expiringWithinDays: 7,
				options: { referenceDate: REFERENCE },
				...parameters,
			},
			extra,
		);

	describe('budget summary', () => {
		beforeEach(() => sb.reset({ seed: seedBudgets }));

		it('computes every figure of Q1 to the cent, per currency, with both edges in', async () => {
			const mark = sb.requests.length;
			const result = await summary();
			expect(result.status).toBe('success');
			const sent = requestsSince(sb, mark);
			expect(requestLines(sent)).toEqual([`GET ${BUDGETS}`]);
			// No API parameter is said to filter the issue date (the SDK's startDate/endDate may filter the
			// creation date: budget 5 was created in December), so the range is applied here only.
			expect(sent[0].query).toEqual({ page: '1', limit: '100' });

			const [report] = jsonOf(result.items);
			expect(report).toMatchObject({
				report: 'budgetSummary',
				dateField: 'issueDate',
				from: '2026-01-01',
				to: '2026-03-31',
				period: 'month',
				filters: {},
				budgetCount: 6,
				currencies: ['ARS', 'USD'],
				countsByState: { generated: 2, approved: 3, rejected: 1, unknown: 0 },
				approvalRate: 0.75, // 3 / (3 + 1)
				recordsRead: 9, // every budget: an issue-date range is applied on the node's side only
				requestsUsed: 1,
				warnings: [],
			});
			expect(report.byCurrency).toEqual({
				// 1000.10 + 2000.25 + 0.10 + 0.21; average 300066 / 4 = 75016.5 → 750.17;
				// median of 10, 21, 100010, 200025 cents = (21 + 100010) / 2 = 50015.5 → 500.16
				ARS: {
					count: 4,
					total: 3000.66,
					average: 750.17,
					median: 500.16,
					approvedCount: 2,
					approvedTotal: 3000.35,
					rejectedCount: 1,
					approvalRate: 0.6667,
				},
				// 10.05 + 20.10; average and median (1005 + 2010) / 2 = 1507.5 → 15.08
				USD: {
					count: 2,
					total: 30.15,
					average: 15.08,
					median: 15.08,
					approvedCount: 1,
					approvedTotal: 10.05,
					rejectedCount: 0,
					approvalRate: 1,
				},
			});
			expect(report.byState).toEqual([
				{ state: 0, stateName: 'generated', currency: 'ARS', count: 1, total: 0.21 },
				{ state: 0, stateName: 'generated', currency: 'USD', count: 1, total: 20.1 },
				{ state: 1, stateName: 'approved', currency: 'ARS', count: 2, total: 3000.35 },
				{ state: 1, stateName: 'approved', currency: 'USD', count: 1, total: 10.05 },
				{ state: 2, stateName: 'rejected', currency: 'ARS', count: 1, total: 0.1 },
				{ state: 2, stateName: 'rejected', currency: 'USD', count: 0, total: 0 },
			]);
			expect(report.byPeriod).toEqual([
				{ period: '2026-01', currency: 'ARS', count: 1, total: 1000.1 },
				{ period: '2026-01', currency: 'USD', count: 1, total: 10.05 },
				{ period: '2026-02', currency: 'ARS', count: 2, total: 0.31 },
				{ period: '2026-02', currency: 'USD', count: 0, total: 0 },
				{ period: '2026-03', currency: 'ARS', count: 1, total: 2000.25 },
				{ period: '2026-03', currency: 'USD', count: 1, total: 20.1 },
			]);
			expect(report.topCustomers).toEqual([
				{ currency: 'ARS', rank: 1, customerId: 2, customerName: 'Acme, "Ltd" SA', approvedCount: 1, approvedTotal: 2000.25 },
				{ currency: 'ARS', rank: 2, customerId: 1, customerName: 'María González', approvedCount: 1, approvedTotal: 1000.1 },
				{ currency: 'USD', rank: 1, customerId: 3, customerName: '=SUM(A1) Corp', approvedCount: 1, approvedTotal: 10.05 },
			]);
			// Budget 6 expired the day before the reference time; budget 9 is open but issued before Q1.
			expect(report.expiring).toEqual({
				withinDays: 7,
				scope: 'range',
				referenceDate: REFERENCE,
				count: 1,
				budgets: [
					{
						budgetId: 4,
						customerId: 3,
						customerName: '=SUM(A1) Corp',
						currency: 'ARS',
						total: 0.21,
						issueDate: '2026-02-15T08:00:00.000Z',
						expirationDate: '2026-04-02T10:00:00.000Z',
						daysLeft: 3,
					},
				],
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(schemaProblems(report, budgetSummarySchema as Schema)).toEqual([]);
		});

		it('groups by ISO week and by day', async () => {
			const weekly = jsonOf((await summary({ period: 'week', fromDate: '2026-02-09', toDate: '2026-02-22' })).items)[0];
			// 9 Feb 2026 is the Monday of W07; both February budgets fall on Sunday 15 Feb (W07).
			expect(weekly.byPeriod).toEqual([
				{ period: '2026-W07', currency: 'ARS', count: 2, total: 0.31 },
				{ period: '2026-W08', currency: 'ARS', count: 0, total: 0 },
			]);
			const daily = jsonOf((await summary({ period: 'day', fromDate: '2026-03-30', toDate: '2026-03-31' })).items)[0];
			expect(daily.byPeriod).toEqual([
				{ period: '2026-03-30', currency: 'ARS', count: 0, total: 0 },
				{ period: '2026-03-31', currency: 'ARS', count: 1, total: 2000.25 },
			]);
		});

		it('reports a range holding a single budget', async () => {
			const report = jsonOf((await summary({ fromDate: '2026-01-10', toDate: '2026-01-10' })).items)[0];
			expect(report).toMatchObject({
				budgetCount: 1,
				currencies: ['USD'],
				countsByState: { generated: 0, approved: 1, rejected: 0, unknown: 0 },
				approvalRate: 1,
				byCurrency: {
					USD: { count: 1, total: 10.05, average: 10.05, median: 10.05, approvedCount: 1, approvedTotal: 10.05, rejectedCount: 0, approvalRate: 1 },
				},
				byPeriod: [{ period: '2026-01', currency: 'USD', count: 1, total: 10.05 }],
				recordsRead: 9,
				requestsUsed: 1,
			});
		});

		it('reports an empty range with zero counts and null rates', async () => {
			const report = jsonOf((await summary({ fromDate: '2026-06-01', toDate: '2026-06-30' })).items)[0];
			expect(report).toMatchObject({
				budgetCount: 0,
				currencies: [],
				countsByState: { generated: 0, approved: 0, rejected: 0, unknown: 0 },
				approvalRate: null,
				byCurrency: {},
				byState: [],
				byPeriod: [],
				topCustomers: [],
				expiring: { count: 0, budgets: [] },
				recordsRead: 9,
				requestsUsed: 1,
			});
			expect(schemaProblems(report, budgetSummarySchema as Schema)).toEqual([]);
		});

		it('leaves out the budgets one millisecond outside the range', async () => {
			const report = jsonOf((await summary({ fromDate: '2025-12-31', toDate: '2026-04-01' })).items)[0];
			expect(report.budgetCount).toBe(8);
			expect((report.byCurrency as IDataObject).ARS).toMatchObject({ count: 6, total: 202998.66 }); // 3000.66 + 2 × 99999
		});

		it('filters by creation date instead of issue date', async () => {
			const mark = sb.requests.length;
			const report = jsonOf((await summary({ dateField: 'createdAt' })).items)[0];
			expect(requestsSince(sb, mark)[0].query).toMatchObject({ createdAfter: '2025-12-31', createdBefore: '2026-04-01' });
			// Budget 5 (USD 10.05) was issued in January but created in December.
			expect(report).toMatchObject({ dateField: 'createdAt', budgetCount: 5, currencies: ['ARS', 'USD'] });
			expect((report.byCurrency as IDataObject).USD).toMatchObject({ count: 1, total: 20.1, approvedCount: 0, approvalRate: null });
		});

		it('filters by customer, seller and currency, in the request and in the figures', async () => {
			const mark = sb.requests.length;
			const byCustomer = jsonOf(
				(await summary({ filters: { customerId: { __rl: true, mode: 'id', value: '3' }, currency: 'usd' } })).items,
			)[0];
			expect(requestsSince(sb, mark)[0].query).toMatchObject({ customerId: '3', currency: 'USD' });
			expect(byCustomer).toMatchObject({ filters: { customerId: 3, currency: 'USD' }, budgetCount: 1, currencies: ['USD'] });
			expect((byCustomer.byCurrency as IDataObject).USD).toMatchObject({ total: 10.05 });

			const bySeller = jsonOf((await summary({ filters: { sellerId: 2 } })).items)[0];
			expect(bySeller).toMatchObject({ filters: { sellerId: 2 }, budgetCount: 1, byCurrency: { USD: { total: 10.05 } } });
		});

		it('takes the expiring list from all open budgets when asked, reading them once more', async () => {
			const mark = sb.requests.length;
			const report = jsonOf((await summary({ options: { referenceDate: REFERENCE, expiringScope: 'all' } })).items)[0];
			const sent = requestsSince(sb, mark);
			expect(requestLines(sent)).toEqual([`GET ${BUDGETS}`, `GET ${BUDGETS}`]);
			expect(sent[1].query).toMatchObject({ state: '0', status: '0' });
			expect(report.expiring).toMatchObject({
				scope: 'all',
				count: 2,
				budgets: [
					{ budgetId: 4, daysLeft: 3, total: 0.21, currency: 'ARS' },
					{ budgetId: 9, daysLeft: 4, total: 7.77, currency: 'USD', customerName: 'María González' },
				],
			});
			// All 9 budgets in the first answer, 3 open budgets (4, 6, 9) in the second.
			expect(report).toMatchObject({ recordsRead: 12, requestsUsed: 2 });
		});

		it('outputs one item per breakdown row for sheets', async () => {
			const result = await summary({ output: 'rows', breakdown: 'state' });
			expect(jsonOf(result.items)).toEqual([
				{ state: 0, stateName: 'generated', currency: 'ARS', count: 1, total: 0.21, recordsRead: 9, requestsUsed: 1 },
				{ state: 0, stateName: 'generated', currency: 'USD', count: 1, total: 20.1, recordsRead: 9, requestsUsed: 1 },
				{ state: 1, stateName: 'approved', currency: 'ARS', count: 2, total: 3000.35, recordsRead: 9, requestsUsed: 1 },
				{ state: 1, stateName: 'approved', currency: 'USD', count: 1, total: 10.05, recordsRead: 9, requestsUsed: 1 },
				{ state: 2, stateName: 'rejected', currency: 'ARS', count: 1, total: 0.1, recordsRead: 9, requestsUsed: 1 },
				{ state: 2, stateName: 'rejected', currency: 'USD', count: 0, total: 0, recordsRead: 9, requestsUsed: 1 },
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual(Array(6).fill({ item: 0 }));

			const currencies = jsonOf((await summary({ output: 'rows', breakdown: 'currency' })).items);
			expect(currencies.map((row) => [row.currency, row.total, row.median, row.approvalRate])).toEqual([
				['ARS', 3000.66, 500.16, 0.6667],
				['USD', 30.15, 15.08, 1],
			]);
			const empty = await summary({ output: 'rows', breakdown: 'period', fromDate: '2026-06-01', toDate: '2026-06-30' });
			expect(empty.status).toBe('success');
			expect(empty.items).toEqual([]);
		});

		it('attaches the breakdown as a CSV file that reads back to the same figures', async () => {
			const result = await summary({ breakdown: 'topCustomers', attachCsv: true, binaryPropertyName: 'report' });
			expect(result.status).toBe('success');
			const item = result.items[0];
			expect(item.binary?.report).toMatchObject({
				mimeType: 'text/csv',
				fileName: 'billoget-budget-summary-2026-01-01-2026-03-31-topCustomers.csv',
			});
			expect(item.json.csv).toEqual({
				binaryProperty: 'report',
				fileName: 'billoget-budget-summary-2026-01-01-2026-03-31-topCustomers.csv',
				breakdown: 'topCustomers',
				rows: 3,
			});
			const { text, records } = csvOf(item.binary?.report);
			expect(text.split('\r\n')[0]).toBe('currency,rank,customerId,customerName,approvedCount,approvedTotal');
			expect(text).toContain('"Acme, ""Ltd"" SA"');
			expect(records).toEqual([
				['currency', 'rank', 'customerId', 'customerName', 'approvedCount', 'approvedTotal'],
				['ARS', '1', '2', 'Acme, "Ltd" SA', '1', '2000.25'],
				['ARS', '2', '1', 'María González', '1', '1000.1'],
				// The formula guard: a spreadsheet shows this name as text instead of running it.
				['USD', '1', '3', "'=SUM(A1) Corp", '1', '10.05'],
			]);
		});

		it('writes the per-period CSV with the figures of the summary, and a custom file name', async () => {
			const result = await summary({
				breakdown: 'period',
				attachCsv: true,
				binaryPropertyName: 'data',
				options: { referenceDate: REFERENCE, fileName: 'q1.csv' },
			});
			const item = result.items[0];
			expect(item.binary?.data).toMatchObject({ fileName: 'q1.csv', mimeType: 'text/csv' });
			const { records } = csvOf(item.binary?.data);
			const [header, ...rows] = records;
			expect(header).toEqual(['period', 'currency', 'count', 'total']);
			expect(rows).toEqual([
				['2026-01', 'ARS', '1', '1000.1'],
				['2026-01', 'USD', '1', '10.05'],
				['2026-02', 'ARS', '2', '0.31'],
				['2026-02', 'USD', '0', '0'],
				['2026-03', 'ARS', '1', '2000.25'],
				['2026-03', 'USD', '1', '20.1'],
			]);
			// The same figures as the JSON.
			expect(rows.map(([period, currency, count, total]) => ({ period, currency, count: Number(count), total: Number(total) }))).toEqual(
				item.json.byPeriod,
			);
			expect(schemaProblems(item.json, budgetSummarySchema as Schema)).toEqual([]);
		});

		it('runs one report per input item, with expressions, counting each item’s requests', async () => {
			const result = await summary(
				{ fromDate: '={{ $json.from }}', toDate: '={{ $json.to }}' },
				{ items: [{ from: '2026-01-10', to: '2026-01-10' }, { from: '2026-02-01T00:00:00', to: '2026-02-28T00:00:00' }] },
			);
			expect(result.error).toBeUndefined();
			expect(jsonOf(result.items).map((report) => [report.from, report.to, report.budgetCount, report.requestsUsed])).toEqual([
				['2026-01-10', '2026-01-10', 1, 1],
				['2026-02-01', '2026-02-28', 2, 1],
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('rejects a range that ends before it starts, before sending anything', async () => {
			const mark = sb.requests.length;
			const result = await summary({ fromDate: '2026-03-31', toDate: '2026-01-01' });
			expect(result.status).toBe('error');
			expect(result.error).toMatchObject({ message: 'From (2026-03-31) is after To (2026-01-01)' });
			const missing = await summary({ fromDate: '={{ $json.missing }}' });
			expect(missing.error).toMatchObject({ message: 'From is required' });
			const odd = await summary({ filters: { currency: 'pesos' } });
			expect(odd.error).toMatchObject({ message: 'Currency "pesos" is not a currency code' });
			expect(requestsSince(sb, mark)).toEqual([]);
		});
	});

	describe('budget summary over many pages', () => {
		/** 250 budgets in Q1: cents 1000 + 137k, ARS for even k and USD for odd k, state k % 3. */
		const COUNT = 250;
		const centsOf = (k: number) => 1000 + 137 * k;
		const seedMany = (store: Store) => {
			addCustomers(store);
			for (let k = 0; k < COUNT; k++) {
				const day = new Date(Date.UTC(2026, 0, 1) + (k % 90) * 86_400_000).toISOString();
				addBudget(store, { currency: k % 2 ? 'USD' : 'ARS', state: k % 3, total: centsOf(k) / 100, issueDate: day, customerId: (k % 3) + 1 });
			}
		};

		it.each(['docs', 'sdk'] as const)('reads every page and sums in cents (%s envelope)', async (envelope) => {
			sb.reset({ seed: seedMany });
			sb.configure({ envelope });
			const mark = sb.requests.length;
			const report = jsonOf((await summary({ topCustomers: 0, expiringWithinDays: 0 })).items)[0];
			const sent = requestsSince(sb, mark);
			expect(sent.map((request) => request.query.page)).toEqual(['1', '2', '3']);
			expect(report).toMatchObject({ budgetCount: COUNT, recordsRead: COUNT, requestsUsed: 3 });

			for (const [currency, parity] of [['ARS', 0], ['USD', 1]] as const) {
				const ks = Array.from({ length: COUNT }, (_, k) => k).filter((k) => k % 2 === parity);
				const cents = ks.map(centsOf); // already ascending
				const sum = cents.reduce((a, b) => a + b, 0);
				const middle = cents.length / 2; // 125 budgets each: odd count, the middle one
				const approved = ks.filter((k) => k % 3 === 1);
				const rejected = ks.filter((k) => k % 3 === 2);
				expect(cents.length).toBe(125);
				expect((report.byCurrency as IDataObject)[currency]).toEqual({
					count: 125,
					total: sum / 100,
					average: Math.round(sum / 125) / 100,
					median: cents[Math.floor(middle)] / 100,
					approvedCount: approved.length,
					approvedTotal: approved.map(centsOf).reduce((a, b) => a + b, 0) / 100,
					rejectedCount: rejected.length,
					approvalRate: Math.round((approved.length / (approved.length + rejected.length)) * 10_000) / 10_000,
				});
			}
			// Hand check of one: ARS k = 0, 2, …, 248 → 125 × 1000 + 137 × 2 × (0 + … + 124) = 125000 + 274 × 7750 = 2248500 cents.
			expect(((report.byCurrency as IDataObject).ARS as IDataObject).total).toBe(22485);
			expect(((report.byCurrency as IDataObject).ARS as IDataObject).median).toBe(179.88); // k = 124: 1000 + 16988 cents
		});
	});

	describe('approval statistics', () => {
		const seedApprovals = (store: Store) => {
			const add = (budgetId: number, status: 'pending' | 'approved' | 'rejected' | 'cancelled', createdAt: string, decidedAt?: string) =>
				store.createApproval({
					budgetId,
					status,
					action: status === 'pending' ? 'submitted' : status,
					createdAt,
					reviewedAt: decidedAt ?? null,
					approvedAt: status === 'approved' ? (decidedAt ?? null) : null,
					rejectedAt: status === 'rejected' ? (decidedAt ?? null) : null,
				});
			add(1, 'approved', '2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00.000Z'); // 2 h, on the first day
			add(2, 'rejected', '2026-03-02T00:00:00.000Z', '2026-03-03T06:00:00.000Z'); // 30 h
			add(3, 'approved', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z'); // 24 h
			add(4, 'pending', '2026-03-12T00:00:00.000Z');
			add(5, 'cancelled', '2026-03-12T00:00:00.000Z', '2026-03-13T00:00:00.000Z');
			add(6, 'approved', '2026-03-30T00:00:00.000Z', '2026-04-01T00:00:00.000Z'); // decided after the range
			add(7, 'approved', '2026-02-27T00:00:00.000Z', '2026-02-28T23:59:59.999Z'); // decided before it
			add(8, 'rejected', '2026-03-31T20:00:00.000Z', '2026-03-31T23:59:59.999Z'); // 14 399 999 ms, on the last day
		};
		beforeEach(() => sb.reset({ seed: seedApprovals }));

		const stats = (parameters: Record<string, unknown> = {}) =>
			run({ operation: 'approvalStats', fromDate: '2026-03-01', toDate: '2026-03-31', ...parameters });

		it('adds the median time to decision from the history to the stats endpoint (even count)', async () => {
			const mark = sb.requests.length;
			const result = await stats();
			expect(result.status).toBe('success');
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/stats`, `GET ${APPROVALS}/history`]);
			const report = jsonOf(result.items)[0];
			expect(report).toMatchObject({
				report: 'approvalStats',
				from: '2026-03-01',
				to: '2026-03-31',
				stats: { pending: 1, approved: 4, rejected: 2, cancelled: 1, total: 8 },
				decisionsInRange: 4,
				approvedInRange: 2,
				rejectedInRange: 2,
				approvalRateInRange: 0.5,
				// sorted 7 200 000, 14 399 999, 86 400 000, 108 000 000 ms: (14 399 999 + 86 400 000) / 2
				// = 50 399 999.5 → 50 400 000 ms = 14 h
				medianHoursToDecision: 14,
				medianSecondsToDecision: 50400,
				averageHoursToDecision: 15, // 215 999 999 / 4 = 53 999 999.75 → 54 000 000 ms
				medianHoursToApproval: 13, // (2 h + 24 h) / 2
				medianHoursToRejection: 17, // (14 399 999 + 108 000 000) / 2 = 61 199 999.5 → 61 200 000 ms
				recordsRead: 8,
				requestsUsed: 2,
				warnings: [],
			});
			expect((report.decisions as IDataObject[]).map((decision) => [decision.approvalId, decision.hoursToDecision])).toEqual([
				[1, 2],
				[2, 30],
				[3, 24],
				[8, 4], // 3 h 59 min 59.999 s → 4.00 h
			]);
			expect(schemaProblems(report, approvalStatsSchema as Schema)).toEqual([]);
		});

		it('takes the middle value for an odd count and a single decision as its own median', async () => {
			const odd = jsonOf((await stats({ toDate: '2026-03-30' })).items)[0];
			expect(odd).toMatchObject({ decisionsInRange: 3, medianHoursToDecision: 24, medianSecondsToDecision: 86400 });
			const single = jsonOf((await stats({ fromDate: '2026-03-31' })).items)[0];
			expect(single).toMatchObject({ decisionsInRange: 1, medianHoursToDecision: 4, medianSecondsToDecision: 14400, approvalRateInRange: 0 });
			const none = jsonOf((await stats({ fromDate: '2026-05-01', toDate: '2026-05-31' })).items)[0];
			expect(none).toMatchObject({ decisionsInRange: 0, medianHoursToDecision: null, approvalRateInRange: null, stats: { total: 8 } });
		});

		it('outputs the status breakdown as rows and the decisions as CSV', async () => {
			const rows = jsonOf((await stats({ output: 'rows', breakdown: 'status' })).items);
			expect(rows).toEqual([
				{ status: 'pending', count: 1, decidedInRange: null, medianHoursToDecision: null, recordsRead: 8, requestsUsed: 2 },
				{ status: 'approved', count: 4, decidedInRange: 2, medianHoursToDecision: 13, recordsRead: 8, requestsUsed: 2 },
				{ status: 'rejected', count: 2, decidedInRange: 2, medianHoursToDecision: 17, recordsRead: 8, requestsUsed: 2 },
				{ status: 'cancelled', count: 1, decidedInRange: null, medianHoursToDecision: null, recordsRead: 8, requestsUsed: 2 },
			]);
			const withCsv = await stats({ breakdown: 'decisions', attachCsv: true, binaryPropertyName: 'data' });
			const { records } = csvOf(withCsv.items[0].binary?.data);
			expect(withCsv.items[0].binary?.data.fileName).toBe('billoget-approval-stats-2026-03-01-2026-03-31-decisions.csv');
			expect(records).toEqual([
				['approvalId', 'budgetId', 'status', 'submittedAt', 'decidedAt', 'hoursToDecision'],
				['1', '1', 'approved', '2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00.000Z', '2'],
				['2', '2', 'rejected', '2026-03-02T00:00:00.000Z', '2026-03-03T06:00:00.000Z', '30'],
				['3', '3', 'approved', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z', '24'],
				['8', '8', 'rejected', '2026-03-31T20:00:00.000Z', '2026-03-31T23:59:59.999Z', '4'],
			]);
			expect(schemaProblems(withCsv.items[0].json, approvalStatsSchema as Schema)).toEqual([]);
		});
	});

	describe('product catalogue', () => {
		const seedCatalog = (store: Store) => {
			const add = (productCode: string, category: string, type: 'product' | 'service', isActive: boolean, price: number, stock: number) =>
				store.createProduct({ productCode, description: `Item ${productCode}`, category, type, isActive, price, stock });
			add('NB-1', 'Computación', 'product', true, 850000, 12);
			add('MON-1', 'Computación', 'product', true, 210000, 0);
			add('KB-1', 'Computación', 'product', false, 65000, 0);
			add('RT-1', 'Redes', 'product', true, 120000.5, -2);
			add('SW-1', 'Redes', 'product', true, 340000.25, 3);
			add('SRV-1', 'Servicios', 'service', true, 45000, 0);
			add('SRV-2', 'Servicios', 'service', true, 60000, 0);
			// 120 more, 1.01 to 121.20 in steps of 1.01, so the catalogue takes two pages.
			for (let k = 1; k <= 120; k++) add(`BULK-${String(k).padStart(3, '0')}`, 'Bulk', 'product', true, (101 * k) / 100, 5);
		};
		beforeEach(() => sb.reset({ seed: seedCatalog }));

		it('counts per category and type with price min/median/max, over every page', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'productCatalog' });
			expect(result.status).toBe('success');
			expect(requestsSince(sb, mark).map((request) => `${request.path}?page=${String(request.query.page)}`)).toEqual([
				`${PRODUCTS}?page=1`,
				`${PRODUCTS}?page=2`,
			]);
			const report = jsonOf(result.items)[0];
			expect(report).toMatchObject({
				report: 'productCatalog',
				productCount: 127,
				active: 126,
				inactive: 1,
				categoryCount: 4,
				withoutStockCount: 2,
				recordsRead: 127,
				requestsUsed: 2,
				warnings: [],
			});
			expect(report.byCategory).toEqual([
				// 120 prices 1.01 … 121.20: (60.60 + 61.61) / 2 = 61.105 → 61.11
				{ category: 'Bulk', count: 120, active: 120, inactive: 0, products: 120, services: 0, priceMin: 1.01, priceMedian: 61.11, priceMax: 121.2, withoutStock: 0 },
				{ category: 'Computación', count: 3, active: 2, inactive: 1, products: 3, services: 0, priceMin: 65000, priceMedian: 210000, priceMax: 850000, withoutStock: 1 },
				// (120000.50 + 340000.25) / 2 = 230000.375 → 230000.38
				{ category: 'Redes', count: 2, active: 2, inactive: 0, products: 2, services: 0, priceMin: 120000.5, priceMedian: 230000.38, priceMax: 340000.25, withoutStock: 1 },
				{ category: 'Servicios', count: 2, active: 2, inactive: 0, products: 0, services: 2, priceMin: 45000, priceMedian: 52500, priceMax: 60000, withoutStock: 0 },
			]);
			expect(report.byType).toEqual([
				{ type: 'product', count: 125, active: 124, inactive: 1 },
				{ type: 'service', count: 2, active: 2, inactive: 0 },
			]);
			expect(report.withoutStock).toEqual([
				{ productId: 2, productCode: 'MON-1', description: 'Item MON-1', category: 'Computación', stock: 0 },
				{ productId: 4, productCode: 'RT-1', description: 'Item RT-1', category: 'Redes', stock: -2 },
			]);
			expect(schemaProblems(report, productCatalogSchema as Schema)).toEqual([]);
		});

		it('passes the filters to the API and applies them again', async () => {
			const mark = sb.requests.length;
			const report = jsonOf((await run({ operation: 'productCatalog', filters: { category: 'Computación', isActive: 'true' } })).items)[0];
			expect(schemaProblems(report, productCatalogSchema as Schema)).toEqual([]);
			expect(requestsSince(sb, mark)[0].query).toMatchObject({ category: 'Computación', isActive: 'true' });
			expect(report).toMatchObject({
				filters: { category: 'Computación', isActive: true },
				productCount: 2,
				active: 2,
				inactive: 0,
				byCategory: [{ category: 'Computación', count: 2, priceMin: 210000, priceMedian: 530000, priceMax: 850000, withoutStock: 1 }],
				recordsRead: 2,
				requestsUsed: 1,
			});
		});

		it('attaches the per-category CSV, which reads back to the same figures', async () => {
			const result = await run({ operation: 'productCatalog', breakdown: 'category', attachCsv: true, binaryPropertyName: 'data' });
			const item = result.items[0];
			expect(item.binary?.data).toMatchObject({ mimeType: 'text/csv', fileName: 'billoget-product-catalog-category.csv' });
			const { records } = csvOf(item.binary?.data);
			expect(records).toEqual([
				['category', 'count', 'active', 'inactive', 'products', 'services', 'priceMin', 'priceMedian', 'priceMax', 'withoutStock'],
				['Bulk', '120', '120', '0', '120', '0', '1.01', '61.11', '121.2', '0'],
				['Computación', '3', '2', '1', '3', '0', '65000', '210000', '850000', '1'],
				['Redes', '2', '2', '0', '2', '0', '120000.5', '230000.38', '340000.25', '1'],
				['Servicios', '2', '2', '0', '0', '2', '45000', '52500', '60000', '0'],
			]);
			expect(schemaProblems(item.json, productCatalogSchema as Schema)).toEqual([]);
		});

		it('outputs the products without stock as rows', async () => {
			const rows = jsonOf((await run({ operation: 'productCatalog', output: 'rows', breakdown: 'withoutStock' })).items);
			expect(rows.map((row) => [row.productCode, row.stock, row.recordsRead, row.requestsUsed])).toEqual([
				['MON-1', 0, 127, 2],
				['RT-1', -2, 127, 2],
			]);
		});
	});
});
