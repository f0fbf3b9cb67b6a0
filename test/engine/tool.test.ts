import { NOTHING_FOUND_NOTE, TOOL_LIST_CAP } from '../../nodes/Billoget/actions/toolOutput';
import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { credentialsFor, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { BILLOGET_TOOL_TYPE, callBillogetTool, toolVariant } from '../harness/tool';

const SIMPLIFIED_PRODUCT_FIELDS = ['category', 'description', 'id', 'isActive', 'price', 'productCode', 'sku', 'stock', 'type'];

describe('Billoget node · as an AI-agent tool, through n8n-core’s tool path', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'empty' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'empty' });
	});

	const seedProducts = (count: number) => {
		for (let n = 1; n <= count; n++) {
			sb.store.createProduct({
				productCode: `P-${n}`,
				description: `Widget ${n}`,
				category: 'Widgets',
				price: 10 + n,
				stock: 5,
				barcode: `779${n}`,
				imageUrl: `https://img.test/${n}.png`,
			});
		}
	};

	const searchProducts = {
		resource: 'product',
		operation: 'getMany',
		returnAll: false,
		limit: "={{ $fromAI('limit', 'How many products at most', 'number', 100) }}",
		filters: { search: "={{ $fromAI('search', 'Text to look for', 'string') }}" },
		simplify: false,
	};

	it('answers a model with simplified records, while the same node in a workflow returns them whole', async () => {
		seedProducts(2);
		const [call] = await callBillogetTool({
			toolName: 'Search Products',
			parameters: searchProducts,
			calls: [{ search: 'Widget 1' }],
			credentials: credentialsFor(sb),
		});
		expect(call.error).toBeUndefined();
		const answer = call.answer as Array<Record<string, unknown>>;
		expect(answer).toHaveLength(1);
		expect(Object.keys(answer[0]).sort()).toEqual(SIMPLIFIED_PRODUCT_FIELDS);
		expect(answer[0]).toMatchObject({ productCode: 'P-1', price: 11 });

		const workflow = await runBillogetNode({
			parameters: { ...searchProducts, limit: 100, filters: { search: 'Widget 1' } },
			credentials: credentialsFor(sb),
		});
		expect(jsonOf(workflow.items)[0]).toMatchObject({ barcode: '7791', imageUrl: 'https://img.test/1.png' });
	});

	it('caps a long list with a note on how to narrow it, and answers an empty one with a note', async () => {
		seedProducts(TOOL_LIST_CAP + 5);
		const [many, none] = await callBillogetTool({
			toolName: 'Search Products',
			parameters: searchProducts,
			calls: [{ search: 'Widget' }, { search: 'no such thing' }],
			credentials: credentialsFor(sb),
		});
		const answer = many.answer as Array<Record<string, unknown>>;
		expect(answer).toHaveLength(TOOL_LIST_CAP + 1);
		expect(answer.slice(0, TOOL_LIST_CAP).every((p) => typeof p.id === 'number')).toBe(true);
		expect(Object.keys(answer[TOOL_LIST_CAP])).toEqual(['note']);
		expect(String(answer[TOOL_LIST_CAP].note)).toMatch(/first 25 of 30 records.*more specific search text/);
		expect(none.answer).toEqual([{ note: NOTHING_FOUND_NOTE }]);

		// The same list in a workflow is not cut.
		const workflow = await runBillogetNode({
			parameters: { ...searchProducts, limit: 100, filters: { search: 'Widget' } },
			credentials: credentialsFor(sb),
		});
		expect(workflow.items).toHaveLength(TOOL_LIST_CAP + 5);
	});

	it('passes $fromAI() arguments to the operation, and a bad one fails the call with the field and the fix before any request', async () => {
		seedProducts(1);
		const customer = sb.store.createCustomer({ firstName: 'Ana', lastName: 'Paz', email: 'ana@example.test' });
		const createBudget = {
			resource: 'budget',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: "={{ $fromAI('customerId', 'Customer ID', 'number') }}" },
			sellerId: '1',
			currency: 'ARS',
			issueDate: '2026-03-01',
			expirationDate: '2026-03-31',
			minimumPaymentToConfirm: 0,
			itemsMode: 'json',
			itemsJson: "={{ $fromAI('lines', 'Lines: [{productId, quantity, unitPrice?}]', 'json') }}",
			taxRate: 21,
			options: {},
		};
		const mark = sb.requests.length;
		const [zero, good] = await callBillogetTool({
			toolName: 'Create Budget',
			parameters: createBudget,
			calls: [
				{ customerId: customer.id, lines: [{ productId: 1, quantity: 0 }] },
				{ customerId: customer.id, lines: [{ productId: 1, quantity: 3, unitPrice: 0.335 }] },
			],
			credentials: credentialsFor(sb),
		});
		expect(zero.error).toMatch(/Quantity must be greater than 0 \(got 0\)/);
		expect(zero.error).toMatch(/Details: .*positive quantity/);
		// The failed call sent nothing; the good one created its budget (and read it back).
		expect(requestLines(requestsSince(sb, mark))).toEqual(['POST /v1/api/budgets/public', expect.stringMatching(/^GET \/v1\/api\/public\/budgets\/\d+$/)]);
		const budget = good.answer as Array<Record<string, unknown>>;
		expect(budget).toHaveLength(1);
		expect(budget[0]).toMatchObject({ customerId: customer.id, subtotal: 1.01, iva: 0.21, total: 1.22 });
		expect(budget[0].items).toBeUndefined();
	});

	it('is shaped by its type alone when n8n runs the tool node as a regular step (the AI Agent of n8n 2.x)', async () => {
		seedProducts(TOOL_LIST_CAP + 1);
		const result = await runBillogetNode({
			nodeType: BILLOGET_TOOL_TYPE,
			extraTypes: { [BILLOGET_TOOL_TYPE]: toolVariant(new Billoget()) },
			parameters: { ...searchProducts, limit: 100, filters: { search: 'Widget' } },
			credentials: credentialsFor(sb),
		});
		const items = jsonOf(result.items);
		expect(items).toHaveLength(TOOL_LIST_CAP + 1);
		expect(Object.keys(items[0]).sort()).toEqual(SIMPLIFIED_PRODUCT_FIELDS);
		expect(items[TOOL_LIST_CAP].note).toMatch(/first 25 of 26/);
	});
});
