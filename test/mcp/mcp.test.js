// @ts-check
'use strict';
/**
 * The example workflow examples/billoget-mcp-server.json in real n8n, driven by the official MCP client
 * (`npm run test:mcp`, node's test runner): the Billoget sandbox and n8n 2.41.1 are started on free
 * ports, the example is imported with a sandbox credential and activated, and a client connects to the
 * MCP Server Trigger over Streamable HTTP and over SSE. It lists the tools, calls each one with arguments
 * as a model sends them, and checks the sandbox afterwards: the customer exists once, the budget's
 * totals are right to the cent (computed here, independently of the node), bad arguments come back as
 * error results that name the field and the fix and create nothing, and long lists are capped with a note.
 *
 * Needs the built package (`npm run build`; rebuilt here when dist/ is older than the sources).
 * MCP_PRINT_ANSWERS=1 prints every call and the text the client received; KEEP_MCP_STATE=1 keeps n8n's
 * user folder (logs, database) in the OS temp dir.
 */
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');

const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { SSEClientTransport } = require('@modelcontextprotocol/sdk/client/sse.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const lib = require('../../scripts/n8n');
const { startSandboxProcess } = require('../../scripts/sandbox-proc');

const EXAMPLE = path.join(lib.REPO_ROOT, 'examples', 'billoget-mcp-server.json');
const WORKFLOW_ID = 'exMcpServer';
const TOOL_LIST_CAP = 25;

/** The tools the example exposes, by the name n8n gives them (the node name, spaces as underscores). */
const EXPECTED_TOOLS = {
	Find_Customer: { required: ['search'], optional: ['limit'] },
	Create_or_Update_Customer: { required: ['email', 'firstName', 'lastName'], optional: ['phone', 'cuit'] },
	Search_Products: { required: ['search'], optional: ['limit'] },
	Create_Budget: {
		required: ['customerId', 'lines'],
		optional: ['currency', 'validDays', 'taxRatePercent', 'comments'],
	},
	Get_Budget: { required: ['budgetId'], optional: [] },
	Submit_Budget_for_Approval: { required: ['budgetId'], optional: ['notes'] },
	List_Pending_Approvals: { required: [], optional: ['limit'] },
	Approve_Budget: { required: ['approvalId'], optional: ['comments'] },
	Reject_Budget: { required: ['approvalId', 'reason'], optional: [] },
	Budget_Summary: { required: ['fromDate', 'toDate'], optional: [] },
};

// ---- money, computed here on decimal strings (not with the node's helpers) ----

/** "1234.57" → { units: 123457n, scale: 2 } @param {number | string} value */
function decimal(value) {
	const text = typeof value === 'number' ? String(value) : value;
	assert.match(text, /^\d+(\.\d+)?$/, `not a plain decimal: ${text}`);
	const [whole, fraction = ''] = text.split('.');
	return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** Half-up rounding of units / 10^shift (non-negative). @param {bigint} units @param {number} shift */
function roundHalfUp(units, shift) {
	if (shift <= 0) return units * 10n ** BigInt(-shift);
	const divisor = 10n ** BigInt(shift);
	return (units * 2n + divisor) / (divisor * 2n);
}

/**
 * Subtotal, IVA and total in cents: each line quantity × unit price rounded half-up to the cent, IVA the
 * rate's share of the subtotal rounded half-up.
 * @param {Array<{quantity: number | string, unitPrice: number | string}>} lines
 * @param {number | string} ratePercent
 */
function expectedTotals(lines, ratePercent) {
	let subtotal = 0n;
	for (const line of lines) {
		const q = decimal(line.quantity);
		const p = decimal(line.unitPrice);
		subtotal += roundHalfUp(q.units * p.units, q.scale + p.scale - 2);
	}
	const rate = decimal(ratePercent);
	const iva = roundHalfUp(subtotal * rate.units, rate.scale + 2);
	return { subtotal, iva, total: subtotal + iva };
}

/** An amount as Billoget returns it, in cents. @param {unknown} amount */
function cents(amount) {
	assert.ok(typeof amount === 'number' || typeof amount === 'string', `not an amount: ${JSON.stringify(amount)}`);
	return roundHalfUp(decimal(Number(amount).toFixed(4)).units, 2);
}

// ---- n8n, the sandbox and the MCP clients ----

/** @type {import('../../scripts/sandbox-proc').SandboxProcess} */
let sandbox;
/** @type {InstanceType<typeof lib.N8n>} */
let n8n;
/** @type {string} */
let mcpUrl;
/** @type {Client} */
let client;
/** Every text a tool answered, to check that no secret leaked into any. @type {string[]} */
const answers = [];

/** Rebuilds dist/ when a TypeScript source is newer than the built node. */
function ensureBuilt() {
	const built = path.join(lib.REPO_ROOT, 'dist', 'nodes', 'Billoget', 'Billoget.node.js');
	const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
	/** @param {string} dir @returns {number} */
	const newest = (dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
			const full = path.join(dir, entry.name);
			return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
		}, 0);
	const sources = Math.max(newest(path.join(lib.REPO_ROOT, 'nodes')), newest(path.join(lib.REPO_ROOT, 'credentials')));
	if (sources <= builtAt) return;
	const r = cp.spawnSync('npm', ['run', '--silent', 'build'], {
		cwd: lib.REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${path.dirname(lib.nodeBinary())}:${process.env.PATH}` },
	});
	if (r.status !== 0) throw new Error(`npm run build exited ${r.status}\n${lib.tail(`${r.stdout}\n${r.stderr}`)}`);
}

/** @param {import('@modelcontextprotocol/sdk/shared/transport.js').Transport} transport */
async function connect(transport) {
	const c = new Client({ name: 'billoget-mcp-test', version: '1.0.0' });
	await c.connect(transport);
	return c;
}

/**
 * Calls a tool and returns its text and, when the text is JSON, the parsed value.
 * @param {string} name @param {Record<string, unknown>} args @param {Client} [via]
 * @returns {Promise<{isError: boolean, text: string, json: any}>}
 */
async function call(name, args, via = client) {
	const result = await via.callTool({ name, arguments: args });
	const content = /** @type {Array<{type: string, text?: string}>} */ (result.content);
	const text = content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
	answers.push(text);
	if (process.env.MCP_PRINT_ANSWERS) console.log(`${name} ${JSON.stringify(args)}\n  → ${result.isError ? 'ERROR ' : ''}${text}`);
	/** @type {any} */
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { isError: result.isError === true, text, json };
}

/**
 * A successful tool answer as a list of records.
 * @param {string} name @param {Record<string, unknown>} args @param {Client} [via] @returns {Promise<any[]>}
 */
async function records(name, args, via) {
	const r = await call(name, args, via);
	assert.equal(r.isError, false, `${name} failed: ${r.text}`);
	assert.ok(Array.isArray(r.json), `${name} did not answer a JSON list: ${r.text.slice(0, 300)}`);
	return r.json;
}

/** One record from a successful tool answer. @param {string} name @param {Record<string, unknown>} args @param {Client} [via] */
async function record(name, args, via) {
	const list = await records(name, args, via);
	assert.equal(list.length, 1, `${name} answered ${list.length} records: ${JSON.stringify(list).slice(0, 300)}`);
	return list[0];
}

/** Billoget API call to the sandbox that must succeed. @param {string} method @param {string} p @param {unknown} [body] */
async function api(method, p, body) {
	const r = await sandbox.api(method, p, body);
	assert.ok(r.status >= 200 && r.status < 300, `${method} ${p} → ${r.status} ${r.text.slice(0, 300)}`);
	return r.json;
}

/** One record from the sandbox (answered in a `data` envelope). @param {string} p */
const one = async (p) => (await api('GET', p)).data;

/** Records of a sandbox list answer (either list envelope). @param {any} body @returns {any[]} */
const listOf = (body) => (Array.isArray(body) ? body : Array.isArray(body.data) ? body.data : body.data.items || body.items);

/** POSTs the sandbox received to a path since the request log was cleared. @param {string} suffix */
async function postsTo(suffix) {
	const log = await sandbox.admin('GET', '/requests');
	return log.data.filter((/** @type {any} */ r) => r.method === 'POST' && r.path.endsWith(suffix)).length;
}

before(
	async () => {
		ensureBuilt();
		if (!lib.isN8nInstalled()) lib.installN8n();
		sandbox = await startSandboxProcess({ port: await lib.freePort() });
		const userFolder = lib.makeUserFolder({ name: 'mcp' });
		lib.installPackage(userFolder);
		n8n = new lib.N8n({ userFolder, port: await lib.freePort(), name: 'n8n-mcp' });
		await n8n.importCredentials([lib.billogetCredential({ baseUrl: sandbox.baseUrl })]);
		await n8n.importWorkflows([EXAMPLE]);
		await n8n.publish([WORKFLOW_ID]);
		await n8n.start();
		const trigger = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')).nodes.find(
			(/** @type {any} */ n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger',
		);
		mcpUrl = `${n8n.baseUrl}/mcp/${trigger.parameters.path}`;
		// n8n activates published workflows just after it says the editor is up: wait for the endpoint.
		const deadline = Date.now() + 180_000;
		for (;;) {
			try {
				client = await connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
				break;
			} catch (error) {
				if (!/404|Cannot POST/.test(String(error)) || Date.now() > deadline) throw error;
				await lib.sleep(500);
			}
		}
	},
	{ timeout: 600_000 },
);

after(async () => {
	await client?.close().catch(() => {});
	await n8n?.stop();
	await sandbox?.stop();
	if (n8n && !process.env.KEEP_MCP_STATE) fs.rmSync(n8n.userFolder, { recursive: true, force: true });
});

test('tools/list: every tool with its name, a description for a model and its input schema', async () => {
	const { tools } = await client.listTools();
	assert.deepEqual(tools.map((t) => t.name).sort(), Object.keys(EXPECTED_TOOLS).sort());
	for (const tool of tools) {
		const expected = EXPECTED_TOOLS[/** @type {keyof typeof EXPECTED_TOOLS} */ (tool.name)];
		const description = tool.description || '';
		assert.match(description, /Needs/, `${tool.name}: the description says what it needs`);
		assert.match(description, /Returns/, `${tool.name}: the description says what it returns`);
		assert.match(description, /Costs \d+ API request|Costs 1 API request|API requests?/, `${tool.name}: the description says what it costs`);
		const schema = /** @type {{properties?: Record<string, {description?: string, type?: string}>, required?: string[]}} */ (
			tool.inputSchema
		);
		const properties = schema.properties || {};
		assert.deepEqual(
			Object.keys(properties).sort(),
			[...expected.required, ...expected.optional].sort(),
			`${tool.name}: parameters`,
		);
		assert.deepEqual([...(schema.required || [])].sort(), [...expected.required].sort(), `${tool.name}: required parameters`);
		for (const [key, property] of Object.entries(properties)) {
			assert.ok((property.description || '').length >= 10, `${tool.name}.${key} has a description`);
		}
	}
	const budget = /** @type {any} */ (tools.find((t) => t.name === 'Create_Budget')).inputSchema.properties;
	assert.equal(budget.customerId.type, 'number');
	assert.equal(budget.taxRatePercent.default, 21);
	assert.equal(budget.currency.default, 'ARS');
	assert.match(budget.lines.description, /productId/);
	assert.match(budget.lines.description, /quantity/);
});

/** @type {any} */
let customer;
const EMAIL = `lucia.mcp.${process.pid}@example.test`;

test('Create or Update Customer: created once, a second call with the same email changes nothing', async () => {
	const created = await record('Create_or_Update_Customer', {
		email: EMAIL,
		firstName: 'Lucía',
		lastName: 'Ferreyra',
		phone: '+54 11 5555-0199',
		cuit: '',
	});
	assert.equal(created.action, 'created');
	assert.ok(Number.isInteger(created.id) && created.id > 0, `customer id: ${JSON.stringify(created)}`);
	// The model repeats itself, with the email in another case: still the same customer.
	const again = await record('Create_or_Update_Customer', {
		email: `  ${EMAIL.toUpperCase()} `,
		firstName: 'Lucía',
		lastName: 'Ferreyra',
	});
	assert.equal(again.action, 'unchanged');
	assert.equal(again.id, created.id);
	const stored = listOf(await api('GET', `/api/public/customers?search=${encodeURIComponent(EMAIL)}&limit=100`));
	assert.equal(stored.filter((c) => String(c.email).toLowerCase() === EMAIL).length, 1, 'the customer exists once');
	assert.equal(stored[0].phoneNumber, '+54 11 5555-0199');
	customer = created;
});

test('Find Customer: finds it by email; nothing found is a note, not an empty answer', async () => {
	const found = await record('Find_Customer', { search: EMAIL });
	assert.equal(found.id, customer.id);
	assert.equal(found.firstName, 'Lucía');
	const none = await record('Find_Customer', { search: 'no-such-customer-zz9' });
	assert.deepEqual(Object.keys(none), ['note']);
	assert.match(none.note, /No records matched/);
});

/** @type {any} */
let consultancy;

test('Search Products: simplified products with id and price', async () => {
	const products = await records('Search_Products', { search: 'Consultoría' });
	consultancy = products.find((p) => p.productCode === 'SRV-CONS');
	assert.ok(consultancy, `SRV-CONS in ${JSON.stringify(products)}`);
	assert.equal(Number(consultancy.price), 30000);
	for (const p of products) {
		assert.deepEqual(
			Object.keys(p).filter((k) => !['id', 'productCode', 'sku', 'description', 'category', 'type', 'price', 'stock', 'isActive'].includes(k)),
			[],
			'only the simplified fields',
		);
	}
});

/** @type {any} */
let budget;
/** The lines as the model sends them; the first takes the catalogue price. */
const LINES = () => [
	{ productId: consultancy.id, quantity: 3 },
	{ productId: consultancy.id, quantity: 1.5, unitPrice: 1234.57 },
	{ productId: consultancy.id, quantity: 7, unitPrice: 0.335 },
];

test('Create Budget: totals right to the cent, in the answer and in Billoget', async () => {
	await sandbox.admin('DELETE', '/requests');
	budget = await record('Create_Budget', { customerId: customer.id, lines: LINES(), comments: 'Entrega en 10 días' });
	const want = expectedTotals(
		[
			{ quantity: 3, unitPrice: consultancy.price },
			{ quantity: '1.5', unitPrice: '1234.57' },
			{ quantity: 7, unitPrice: '0.335' },
		],
		21,
	);
	// 90000.00 + 1851.86 (1851.855) + 2.35 (2.345) = 91854.21; IVA 21 % = 19289.38 (19289.3841)
	assert.deepEqual(want, { subtotal: 9185421n, iva: 1928938n, total: 11114359n });
	for (const [field, value] of Object.entries(want)) assert.equal(cents(budget[field]), value, `answer: ${field}`);
	assert.equal(budget.customerId, customer.id);
	assert.equal(budget.currency, 'ARS');
	assert.equal(budget.stateName, 'generated');
	assert.ok(budget.publicUrl, 'the answer carries the public link');

	const stored = await one(`/api/public/budgets/${budget.id}`);
	for (const [field, value] of Object.entries(want)) assert.equal(cents(stored[field]), value, `Billoget: ${field}`);
	assert.equal(stored.items.length, 3);
	assert.deepEqual(
		stored.items.map((/** @type {any} */ i) => [Number(i.productId), Number(i.quantity), Number(i.unitPrice)]),
		[
			[consultancy.id, 3, 30000],
			[consultancy.id, 1.5, 1234.57],
			[consultancy.id, 7, 0.335],
		],
		'the lines, the first at the catalogue price',
	);
	assert.equal(stored.comments, 'Entrega en 10 días');
	assert.equal(await postsTo('/budgets/public'), 1, 'one create request');
	assert.equal(Date.parse(stored.expirationDate) - Date.parse(stored.issueDate) >= 29 * 86400_000, true, 'valid 30 days');
});

test('Get Budget: the same totals, compact', async () => {
	const got = await record('Get_Budget', { budgetId: budget.id });
	assert.equal(got.id, budget.id);
	assert.equal(cents(got.total), cents(budget.total));
	assert.equal(got.items, undefined, 'simplified: no line items');
});

test('Submit, list pending, approve: the budget becomes approved', async () => {
	const submitted = await record('Submit_Budget_for_Approval', { budgetId: budget.id, notes: 'Cliente nuevo' });
	assert.equal(submitted.status, 'pending');
	assert.equal(submitted.budgetId, budget.id);
	const pending = await records('List_Pending_Approvals', {});
	assert.ok(pending.some((a) => a.id === submitted.id), 'the new approval is pending');
	const approved = await record('Approve_Budget', { approvalId: submitted.id, comments: 'OK' });
	assert.equal(approved.status, 'approved');
	const stored = await one(`/api/public/budgets/${budget.id}`);
	assert.equal(Number(stored.state), 1, 'the budget is approved in Billoget');
});

test('Reject Budget: a pending approval is rejected with the reason', async () => {
	const pending = listOf(await api('GET', '/api/public/budget-approvals/pending'));
	const target = pending.find((a) => a.budgetId !== budget.id);
	assert.ok(target, 'a seeded pending approval');
	const rejected = await record('Reject_Budget', { approvalId: target.id, reason: 'Precio fuera de presupuesto' });
	assert.equal(rejected.status, 'rejected');
	assert.equal(rejected.comments, 'Precio fuera de presupuesto');
	const stored = await one(`/api/public/budgets/${target.budgetId}`);
	assert.equal(Number(stored.state), 2, 'the budget is rejected in Billoget');
});

test('Budget Summary: counts the budget just created', async () => {
	const today = new Date().toISOString().slice(0, 10);
	const summary = await record('Budget_Summary', { fromDate: today, toDate: today });
	const text = JSON.stringify(summary);
	assert.match(text, /"ARS"/);
	assert.ok(text.includes(String(Number(budget.total))), `the total ${budget.total} is in the summary: ${text.slice(0, 400)}`);
});

test('bad arguments: an error result naming the field and the fix, and nothing created', async () => {
	await sandbox.admin('DELETE', '/requests');
	const zero = await call('Create_Budget', { customerId: customer.id, lines: [{ productId: consultancy.id, quantity: 0 }] });
	assert.equal(zero.isError, true, zero.text);
	assert.match(zero.text, /Quantity/);
	assert.match(zero.text, /greater than 0/);
	assert.match(zero.text, /positive quantity/, 'says the fix');
	assert.equal(await postsTo('/budgets/public'), 0, 'no create request for a quantity of 0');

	const unknown = await call('Create_Budget', { customerId: 987654, lines: [{ productId: consultancy.id, quantity: 1, unitPrice: 10 }] });
	assert.equal(unknown.isError, true, unknown.text);
	assert.match(unknown.text, /customerId/);
	assert.match(unknown.text, /987654 does not exist/);
	assert.match(unknown.text, /Correct the value/, 'says the fix');
	const theirs = listOf(await api('GET', '/api/public/budgets?customerId=987654&limit=100'));
	assert.equal(theirs.length, 0, 'no budget for the unknown customer');
	const ours = listOf(await api('GET', `/api/public/budgets?customerId=${customer.id}&limit=100`));
	assert.equal(ours.length, 1, 'still only the one budget of the customer');

	const badId = await call('Get_Budget', { budgetId: -3 });
	assert.equal(badId.isError, true, badId.text);
	assert.match(badId.text, /Budget must be a Billoget ID/);
});

test('a long list is capped with a note on how to narrow it', async () => {
	for (let i = 1; i <= 30; i++) {
		await api('POST', '/api/public/customers', { firstName: `Capdemo${i}`, lastName: 'Lista', email: `capdemo${i}@example.test` });
	}
	const list = await records('Find_Customer', { search: 'capdemo', limit: 50 });
	assert.equal(list.length, TOOL_LIST_CAP + 1);
	assert.ok(list.slice(0, TOOL_LIST_CAP).every((c) => /^Capdemo/.test(c.firstName)));
	const note = list[TOOL_LIST_CAP];
	assert.deepEqual(Object.keys(note), ['note']);
	assert.match(note.note, new RegExp(`first ${TOOL_LIST_CAP} of 30`));
	assert.match(note.note, /more specific search text/);
});

test('SSE transport: the same tools and answers', async () => {
	const sse = await connect(new SSEClientTransport(new URL(mcpUrl)));
	try {
		const { tools } = await sse.listTools();
		assert.deepEqual(tools.map((t) => t.name).sort(), Object.keys(EXPECTED_TOOLS).sort());
		const got = await record('Get_Budget', { budgetId: budget.id }, sse);
		assert.equal(cents(got.total), cents(budget.total));
	} finally {
		await sse.close();
	}
});

test('no answer carries the API key', () => {
	assert.ok(answers.length >= 15, `${answers.length} answers`);
	for (const text of answers) assert.ok(!text.includes(lib.SANDBOX_DEMO_KEY), `the API key leaked: ${text.slice(0, 200)}`);
});
