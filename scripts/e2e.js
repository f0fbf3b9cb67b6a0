#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * End-to-end tests against REAL n8n (the pinned release, installed once, outside the clone) and the
 * Billoget sandbox (`npm run test:e2e`).
 *
 *   node scripts/e2e.js [--no-build] [--skip-queue] [--keep] [--verbose]
 *
 * 1. Regular mode: imports the credential, the example workflows (examples/) and the test workflows
 *    (test/e2e/workflows/) with n8n's CLI; runs the action workflows with `n8n execute` and checks their
 *    output; starts n8n with the trigger workflow published and checks the sandbox subscription, a
 *    signed delivery (exactly one execution), a forged and a replayed delivery (no execution), 10,000
 *    fuzzed deliveries over HTTP (test/fuzz/webhookFuzzer.js: none starts an execution, n8n stays up,
 *    the genuine ones among them run once each), a form submission, and that deactivation removes the
 *    subscription.
 * 2. Queue mode: Redis (apt-get installs redis-server when missing) + main + one worker on the same
 *    database; the trigger and an action workflow run, executed by the worker.
 *
 * Everything it starts, it stops, also on failure and Ctrl-C. Last line: `N passed, N failed`;
 * the exit code is 1 when a check failed. A check that cannot run because an earlier one it needs
 * failed counts as failed ("not run").
 */
const cp = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');

// n8n 2.41 needs Node >= 24: re-run under the project's Node 24 (scripts/node24.sh) when needed.
if (Number(process.versions.node.split('.')[0]) < 24) {
	const r = cp.spawnSync('bash', ['-c', 'source scripts/node24.sh && exec node scripts/e2e.js "$@"', 'e2e', ...process.argv.slice(2)], {
		cwd: REPO,
		stdio: 'inherit',
	});
	process.exit(r.status === null ? 1 : r.status);
}

const n8nLib = require('./n8n');
const { N8n, freePort, installN8n, makeUserFolder, installPackage, billogetCredential, nodeOutput, runError, sleep, secondsSince, tail } =
	n8nLib;
const { startSandboxProcess } = require('./sandbox-proc');
const { fuzzDeliveries } = require('../test/fuzz/webhookFuzzer');

const args = new Set(process.argv.slice(2));
const VERBOSE = args.has('--verbose');
const KEEP = args.has('--keep');

const EXAMPLES_DIR = path.join(REPO, 'examples');
const TEST_WORKFLOWS_DIR = path.join(REPO, 'test', 'e2e', 'workflows');
/**
 * Workflows with a Billoget Trigger on budget.approved: the dedicated test workflow (trigger → No-Op)
 * and the example (trigger → Set → Code). One approval in the sandbox is delivered to both.
 */
const TRIGGERS = [
	{ wf: 'e2eTrigger', node: 'Billoget Trigger', label: 'test trigger workflow' },
	{ wf: 'exBudgetApprovedAlert', node: 'Budget approved', label: 'example "notify and record"' },
];
/** A trigger workflow whose Code node writes workflow static data (where the trigger keeps its secret). */
const STATIC_TRIGGER = { wf: 'e2eTriggerCode', node: 'Billoget Trigger', label: 'trigger + Code writing static data' };
/** Every trigger workflow that is active while the delivery checks run. */
const ALL_TRIGGERS = [...TRIGGERS, STATIC_TRIGGER];
const FORM_WF = 'exFormBudgetRequest';
/** The trigger fuzz over HTTP: same generator and seed as test/engine/trigger-fuzz.test.ts. */
const FUZZ = { seed: 20261125, count: 10_000, concurrency: 8 };
const QUEUE_ACTION_WF = 'e2eQueueCustomer';

// ---------------------------------------------------------------------------------------------------
// checks and cleanup

let passed = 0;
let failed = 0;
/** @type {string[]} */
const failures = [];
/** @type {Array<{name: string, fn: () => Promise<void> | void}>} */
const cleanups = [];
/** @type {Record<string, string>} */
const timings = {};

/** @param {string} name @param {() => Promise<void> | void} fn */
function onCleanup(name, fn) {
	cleanups.push({ name, fn });
}

let cleaningUp = false;
async function cleanupAll() {
	if (cleaningUp) return;
	cleaningUp = true;
	while (cleanups.length) {
		const c = /** @type {{name: string, fn: () => Promise<void> | void}} */ (cleanups.pop());
		try {
			await c.fn();
		} catch (e) {
			console.error(`  (cleanup "${c.name}" failed: ${e instanceof Error ? e.message : e})`);
		}
	}
}

for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(sig, () => {
		console.error(`\n${sig}: stopping everything the tests started ...`);
		cleanupAll().finally(() => {
			console.log(`\ninterrupted by ${sig} (counted as a failure)\n${passed} passed, ${failed + 1} failed`);
			process.exit(130);
		});
	});
}

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {() => Promise<string | void>} run returns an optional detail for the report
 * @property {boolean} [critical] when it fails, the rest of the phase cannot run
 */

/**
 * Runs steps in order; after a failed critical step the remaining ones count as failed ("not run").
 * @param {string} title @param {Step[]} steps @returns {Promise<boolean>} whether all critical steps passed
 */
async function phase(title, steps) {
	console.log(`\n== ${title}`);
	for (let i = 0; i < steps.length; i++) {
		const step = steps[i];
		const t0 = Date.now();
		try {
			const detail = await step.run();
			passed++;
			console.log(`  ok    ${step.name} (${secondsSince(t0)} s)${detail ? ` — ${detail}` : ''}`);
		} catch (e) {
			failed++;
			const msg = e instanceof Error ? e.message : String(e);
			failures.push(`${title} › ${step.name}: ${msg.split('\n')[0]}`);
			console.log(`  FAIL  ${step.name} (${secondsSince(t0)} s)\n${indent(msg)}`);
			if (VERBOSE && e instanceof Error && e.stack) console.log(indent(e.stack));
			if (step.critical) {
				for (const rest of steps.slice(i + 1)) {
					failed++;
					failures.push(`${title} › ${rest.name}: not run (${step.name} failed)`);
					console.log(`  FAIL  ${rest.name} — not run (${step.name} failed)`);
				}
				return false;
			}
		}
	}
	return true;
}

/** Counts every step of a phase that cannot start as failed. @param {string} title @param {Step[]} steps @param {string} why */
function notRun(title, steps, why) {
	console.log(`\n== ${title}`);
	for (const step of steps) {
		failed++;
		failures.push(`${title} › ${step.name}: not run (${why})`);
		console.log(`  FAIL  ${step.name} — not run (${why})`);
	}
}

/** @param {string} s */
const indent = (s) =>
	s
		.split('\n')
		.map((l) => `        ${l}`)
		.join('\n');

/** @param {unknown} cond @param {string} msg @returns {asserts cond} */
function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

/** @param {unknown} actual @param {unknown} expected @param {string} what */
function eq(actual, expected, what) {
	const a = JSON.stringify(actual);
	const b = JSON.stringify(expected);
	if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

/**
 * Polls until fn() returns a truthy value, and returns it.
 * @template T @param {() => Promise<T>} fn @param {string} what @param {number} [timeoutMs]
 * @returns {Promise<Exclude<T, undefined | null | false | 0 | ''>>}
 */
async function waitFor(fn, what, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return /** @type {Exclude<T, undefined | null | false | 0 | ''>} */ (v);
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(200);
	}
}

/** @param {string} dir @returns {string[]} */
const jsonFiles = (dir) =>
	fs.existsSync(dir)
		? fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.sort()
				.map((f) => path.join(dir, f))
		: [];

/** @param {string} file @returns {any} */
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Workflow JSON by id among the examples and test workflows. @param {string} id */
function workflowById(id) {
	for (const f of [...jsonFiles(EXAMPLES_DIR), ...jsonFiles(TEST_WORKFLOWS_DIR)]) {
		const wf = readJson(f);
		if (wf.id === id) return wf;
	}
	throw new Error(`no workflow with id ${id} in examples/ or test/e2e/workflows/`);
}

/** The fixed webhookId of a node of a workflow. @param {string} wfId @param {string} nodeName */
function webhookIdOf(wfId, nodeName) {
	const node = workflowById(wfId).nodes.find((/** @type {any} */ n) => n.name === nodeName);
	assert(node && node.webhookId, `workflow ${wfId} has no node "${nodeName}" with a webhookId`);
	return /** @type {string} */ (node.webhookId);
}

/**
 * Runs a workflow with `n8n execute` and returns its run; throws with n8n's error when it failed.
 * @param {import('./n8n').N8n} n8n @param {string} id
 */
async function execOk(n8n, id) {
	const r = await n8n.execute(id);
	if (!r.ok) throw new Error(`n8n execute --id=${id} failed (exit ${r.code}): ${runError(r.run) || ''}\n${tail(r.output, 25)}`);
	return r;
}

/**
 * Output items (json and binary) of a node in an n8n run.
 * @param {any} run @param {string} nodeName @returns {Array<{json: any, binary?: Record<string, any>}>}
 */
function runItems(run, nodeName) {
	const tasks = run?.data?.resultData?.runData?.[nodeName];
	if (!tasks || !tasks.length) return [];
	return tasks[tasks.length - 1].data?.main?.[0] || [];
}

/**
 * The bytes of a binary item from a run: inline base64, or n8n's filesystem store (`<user folder>/.n8n/storage`).
 * @param {any} bin @returns {string}
 */
function readBinary(bin) {
	if (typeof bin.data === 'string' && bin.data !== 'filesystem-v2' && !bin.id) return Buffer.from(bin.data, 'base64').toString('utf8');
	const id = String(bin.id || '');
	const rel = id.replace(/^filesystem(-v2)?:/, '');
	const file = path.join(userFolder, '.n8n', 'storage', rel); // n8n 2.x filesystem binary store
	assert(rel && fs.existsSync(file), `binary data ${id} not found (looked in ${file})`);
	return fs.readFileSync(file, 'utf8');
}

/** @param {any} listAnswer sandbox list answer (docs envelope) @returns {any[]} */
const dataOf = (listAnswer) =>
	Array.isArray(listAnswer) ? listAnswer : listAnswer && Array.isArray(listAnswer.data) ? listAnswer.data : listAnswer?.data?.data || [];

/** @param {any} admin answer of /__sandbox/subscriptions or /deliveries @param {string} key @returns {any[]} */
function adminList(admin, key) {
	if (Array.isArray(admin)) return admin;
	if (admin && Array.isArray(admin[key])) return admin[key];
	if (admin && Array.isArray(admin.data)) return admin.data;
	return [];
}

// ---------------------------------------------------------------------------------------------------
// shared state between phases

/** @type {import('./sandbox-proc').SandboxProcess} */
let sandbox;
/** @type {string} */
let userFolder;
/** @type {import('./n8n').N8n} */
let main;
/** @type {string | undefined} */
let apiKey;
/** @type {Record<string, string>} Data Table ids by name */
const dataTables = {};

/** Number of customers in the sandbox (all pages). */
async function customerTotal() {
	const r = await sandbox.api('GET', '/api/public/customers?page=1&limit=1');
	assert(r.status === 200, `GET customers → ${r.status}`);
	return /** @type {number} */ (r.json.pagination ? r.json.pagination.total : r.json.data.meta.totalItems);
}

/** Subscriptions the sandbox holds for a URL. @param {string} url */
async function subscriptionsFor(url) {
	return adminList(await sandbox.admin('GET', '/subscriptions'), 'subscriptions').filter((s) => s.url === url);
}

/**
 * Approves a budget through the sandbox API (which emits budget.approved to subscriptions).
 * @returns {Promise<number>} the budget id
 */
async function approveABudget() {
	const pending = await sandbox.api('GET', '/api/public/budget-approvals/pending');
	assert(pending.status === 200, `GET pending approvals → ${pending.status} ${pending.text.slice(0, 200)}`);
	let approval = dataOf(pending.json)[0];
	if (!approval) {
		const budgets = await sandbox.api('GET', '/api/public/budgets?state=0&limit=1');
		const budget = dataOf(budgets.json)[0];
		assert(budget, 'no budget in state Generated to submit for approval');
		const submitted = await sandbox.api('POST', '/api/public/budget-approvals/submit', { budgetId: budget.id, requestNotes: 'e2e' });
		assert(submitted.status === 201 || submitted.status === 200, `submit approval → ${submitted.status} ${submitted.text.slice(0, 200)}`);
		approval = submitted.json.data;
	}
	const processed = await sandbox.api('POST', `/api/public/budget-approvals/${approval.id}/process`, {
		action: 'approve',
		comments: 'approved by e2e',
	});
	assert(processed.status === 200, `process approval → ${processed.status} ${processed.text.slice(0, 200)}`);
	return /** @type {number} */ (approval.budgetId);
}

/** Sandbox delivery attempts to a URL. @param {string} url */
async function deliveriesTo(url) {
	return adminList(await sandbox.admin('GET', '/deliveries'), 'deliveries').filter((d) => d.url === url);
}

/**
 * The trigger's output item in an execution (with data).
 * @param {any} execution @param {string} nodeName @returns {any}
 */
function triggerItem(execution, nodeName) {
	const out = nodeOutput(execution, nodeName);
	assert(out.length === 1, `trigger node output: expected 1 item, got ${out.length}`);
	return out[0];
}

// ---------------------------------------------------------------------------------------------------
// phases

/** @type {Step[]} */
const setupSteps = [
	{
		name: `pinned n8n ${n8nLib.N8N_VERSION} is installed (once, reused)`,
		critical: true,
		run: async () => {
			const t0 = Date.now();
			installN8n();
			const v = readJson(path.join(n8nLib.N8N_LOCAL_DIR, 'node_modules', 'n8n', 'package.json')).version;
			eq(v, n8nLib.N8N_VERSION, 'n8n version');
			timings['n8n install (or reuse)'] = `${secondsSince(t0)} s`;
			return `${n8nLib.N8N_LOCAL_DIR}`;
		},
	},
	{
		name: 'the package is built from the current sources (npm run build when dist/ is older)',
		critical: true,
		run: async () => {
			if (args.has('--no-build')) return 'skipped (--no-build)';
			const stale = staleDistReason();
			if (!stale) return 'dist/ is up to date';
			const t0 = Date.now();
			const r = cp.spawnSync('npm', ['run', '--silent', 'build'], {
				cwd: REPO,
				encoding: 'utf8',
				env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
			});
			if (r.status !== 0) throw new Error(`npm run build exited ${r.status}\n${tail(`${r.stdout}\n${r.stderr}`, 30)}`);
			timings.build = `${secondsSince(t0)} s`;
			return `built in ${secondsSince(t0)} s (${stale})`;
		},
	},
];

/**
 * Why dist/ must be rebuilt (a source newer than the oldest built entry point), or '' when it is fresh.
 * @returns {string}
 */
function staleDistReason() {
	const pkg = readJson(path.join(REPO, 'package.json'));
	/** @type {string[]} */
	const entries = [...((pkg.n8n && pkg.n8n.nodes) || []), ...((pkg.n8n && pkg.n8n.credentials) || [])].map((f) => path.join(REPO, f));
	if (!entries.length || entries.some((f) => !fs.existsSync(f))) return 'dist/ is missing';
	const builtAt = Math.min(...entries.map((f) => fs.statSync(f).mtimeMs));
	/** @param {string} p @returns {string | undefined} */
	const newer = (p) => {
		if (!fs.existsSync(p)) return undefined;
		const st = fs.statSync(p);
		if (st.isDirectory()) {
			for (const e of fs.readdirSync(p)) {
				const hit = newer(path.join(p, e));
				if (hit) return hit;
			}
			return undefined;
		}
		return st.mtimeMs > builtAt ? p : undefined;
	};
	for (const p of ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json']) {
		const hit = newer(path.join(REPO, p));
		if (hit) return `${path.relative(REPO, hit)} is newer than dist/`;
	}
	return '';
}

/** @type {Step[]} */
const regularSteps = [
	{
		name: 'the Billoget sandbox starts',
		critical: true,
		run: async () => {
			userFolder = makeUserFolder({ name: 'e2e' });
			onCleanup('remove the n8n user folder', () => {
				if (KEEP || failed > 0) console.log(`  (kept ${userFolder} for inspection)`);
				else fs.rmSync(userFolder, { recursive: true, force: true });
			});
			sandbox = await startSandboxProcess({ port: await freePort(), logFile: path.join(userFolder, 'sandbox.log') });
			onCleanup('stop the sandbox', () => sandbox.stop());
			return sandbox.baseUrl;
		},
	},
	{
		name: 'n8n user folder: package copied in, credential and workflows imported by the CLI',
		critical: true,
		run: async () => {
			installPackage(userFolder);
			main = new N8n({ userFolder, port: await freePort(), name: 'main', onLog: VERBOSE ? (l) => console.log(l) : undefined });
			onCleanup('stop n8n (regular mode)', () => main.stop());
			const c = await main.importCredentials([billogetCredential({ baseUrl: sandbox.baseUrl })]);
			const files = [...jsonFiles(EXAMPLES_DIR), ...jsonFiles(TEST_WORKFLOWS_DIR)];
			assert(files.length > 0, 'no workflow files found');
			const w = await main.importWorkflows(files);
			assert(
				/Successfully imported \d+ workflows?/.test(w.stdout + w.stderr),
				`import:workflow did not report success:\n${tail(w.stdout + w.stderr)}`,
			);
			const imported = Number(/Successfully imported (\d+)/.exec(w.stdout + w.stderr)?.[1]);
			eq(imported, files.length, 'workflows imported');
			return `${files.length} workflows; import:credentials ${c.ms} ms, import:workflow ${w.ms} ms; folder ${userFolder}`;
		},
	},
	{
		name: 'CLI: a core-node workflow runs (infrastructure)',
		run: async () => {
			const r = await execOk(main, 'e2eCoreSmoke');
			eq(nodeOutput(r.run, 'Code'), [{ hello: 'world', sum: 42, fromCode: true }], 'Code node output');
			return `n8n execute ${r.ms} ms`;
		},
	},
	{
		name: 'CLI: Billoget customer create',
		run: async () => {
			const r = await execOk(main, 'e2eCustomerCreate');
			const out = nodeOutput(r.run, 'Create customer');
			assert(out.length === 1, `expected 1 item, got ${out.length}`);
			const c = out[0];
			assert(typeof c.id === 'number', `no numeric id in ${JSON.stringify(c)}`);
			eq(
				[c.firstName, c.lastName, c.email, c.dni, c.cuit],
				['Elena', 'Ruiz', 'elena.ruiz@e2e.example.com', 40111222, '27-40111222-3'],
				'created customer',
			);
			const stored = await sandbox.api('GET', `/api/public/customers/${c.id}`);
			assert(stored.status === 200, `sandbox GET customer ${c.id} → ${stored.status}`);
			eq(stored.json.data.email, 'elena.ruiz@e2e.example.com', 'stored email');
			return `customer ${c.id}`;
		},
	},
	{
		name: 'CLI: Billoget customer get many (limit, and return all with a search)',
		run: async () => {
			const r = await execOk(main, 'e2eCustomerList');
			const three = nodeOutput(r.run, 'First three');
			eq(three.length, 3, 'items with limit 3');
			assert(
				three.every((c) => typeof c.id === 'number'),
				'items without numeric id',
			);
			const all = nodeOutput(r.run, 'All matching');
			const expected = await sandbox.api('GET', '/api/public/customers?page=1&limit=1&search=example.com');
			const total = expected.json.pagination.total;
			eq(all.length, total, 'items with Return All (the sandbox total for the search)');
			return `${three.length} + ${all.length} items`;
		},
	},
	{
		name: 'CLI: example "sync CRM contacts" creates, updates and leaves unchanged',
		run: async () => {
			const before = await customerTotal();
			const r = await execOk(main, 'exCrmCustomerSync');
			const out = nodeOutput(r.run, 'Create or update customers');
			eq(
				out.map((c) => [c.action, c.email]),
				[
					['updated', 'maria.gonzalez@example.com'],
					['created', 'tomas.benitez@example.com'],
					['unchanged', 'ana.martinez@example.com'],
				],
				'actions',
			);
			eq(out[0].phoneNumber, '+54 11 5555-0199', 'updated phone');
			eq(await customerTotal(), before + 1, 'customers in the sandbox');
			return out.map((c) => `${c.action} ${c.id}`).join(', ');
		},
	},
	{
		name: 'CLI: example "sync CRM contacts" run again changes nothing',
		run: async () => {
			const before = await customerTotal();
			const r = await execOk(main, 'exCrmCustomerSync');
			const out = nodeOutput(r.run, 'Create or update customers');
			eq(
				out.map((c) => c.action),
				['unchanged', 'unchanged', 'unchanged'],
				'actions',
			);
			eq(await customerTotal(), before, 'customers in the sandbox');
		},
	},
	{
		name: 'CLI: example "weekly budget summary" builds the report with a CSV file',
		run: async () => {
			const r = await execOk(main, 'exWeeklyBudgetReport');
			const items = runItems(r.run, 'Budget summary');
			eq(items.length, 1, 'report items');
			const { json, binary } = items[0];
			const all = await sandbox.api('GET', '/api/public/budgets?page=1&limit=1');
			assert(binary && binary.data, `no binary field "data" (json: ${JSON.stringify(json).slice(0, 300)})`);
			eq(
				[binary.data.mimeType, /^billoget-budgets-by-week-\d{4}-\d{2}-\d{2}\.csv$/.test(binary.data.fileName)],
				['text/csv', true],
				'CSV mime type and file name',
			);
			const csv = readBinary(binary.data);
			const lines = csv
				.replace(/^\ufeff/, '')
				.trim()
				.split(/\r?\n/);
			eq(lines[0], 'period,currency,count,total', 'CSV header');
			const counted = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[2] || 0), 0);
			eq(counted, all.json.pagination.total, 'budgets counted in the CSV (all sandbox budgets are from this year)');
			return `${lines.length - 1} CSV rows, ${counted} budgets, ${json.requestsUsed} requests`;
		},
	},
	{
		name: 'published trigger and form workflows (CLI) before n8n starts',
		run: async () => {
			await main.publish([...ALL_TRIGGERS.map((t) => t.wf), FORM_WF]);
		},
	},
	{
		name: 'n8n starts with the package loaded; owner and API key set up',
		critical: true,
		run: async () => {
			const s = await main.start();
			timings['n8n start to ready (regular)'] = `${(s.ms / 1000).toFixed(1)} s`;
			await main.setupOwner();
			apiKey = await main.createApiKey('e2e');
			for (const t of n8nLib.EXAMPLE_DATA_TABLES) dataTables[t.name] = await main.ensureDataTable(t);
			const nodes = await main.http('GET', '/types/nodes.json');
			assert(nodes.status === 200, `/types/nodes.json → ${nodes.status}`);
			const names = new Set((nodes.json || []).map((/** @type {any} */ n) => n.name));
			for (const t of ['n8n-nodes-billoget.billoget', 'n8n-nodes-billoget.billogetTrigger'])
				assert(names.has(t), `node type ${t} not loaded`);
			const creds = await main.http('GET', '/types/credentials.json');
			assert(
				(creds.json || []).some((/** @type {any} */ c) => c.name === 'billogetApi'),
				'credential type billogetApi not loaded',
			);
			const loadErrors = s
				.output()
				.split('\n')
				.filter((l) => /Failed to load|Unrecognized node type|There was a problem activating/i.test(l));
			assert(loadErrors.length === 0, `n8n log has errors:\n${loadErrors.join('\n')}`);
			return `ready in ${(s.ms / 1000).toFixed(1)} s on ${main.baseUrl}`;
		},
	},
	{
		name: 'activation at start registered one subscription per trigger with its production URL',
		run: async () => subscriptionsRegistered(main),
	},
	...triggerDeliverySteps(() => main, 'regular'),
	{
		name: `regular: ${FUZZ.count.toLocaleString('en')} fuzzed deliveries over HTTP start no execution and leave n8n up; the genuine ones among them run once each`,
		run: async () => fuzzTrigger(main),
	},
	{
		name: 'example "budget from a form": a submission creates a budget',
		run: async () => formSubmission(),
	},
	{
		name: 'deactivation (public API) removes the subscriptions',
		run: async () => subscriptionsRemoved(main),
	},
	{
		name: 'n8n stops cleanly',
		run: async () => {
			const p = main.procs[0];
			assert(p, 'n8n is not running');
			const t0 = Date.now();
			await main.stopProc(p.proc);
			const code = p.proc.exitCode;
			assert(code === 0 || p.proc.signalCode === 'SIGTERM', `exit code ${code}, signal ${p.proc.signalCode}`);
			return `stopped in ${secondsSince(t0)} s`;
		},
	},
];

/** @param {import('./n8n').N8n} n8n @param {{wf: string, node: string}} t */
const triggerUrl = (n8n, t) => n8n.webhookUrl(webhookIdOf(t.wf, t.node), 'webhook');

/**
 * Every given trigger has exactly one sandbox subscription for its URL and event.
 * @param {import('./n8n').N8n} n8n
 * @param {typeof ALL_TRIGGERS} [triggers]
 */
async function subscriptionsRegistered(n8n, triggers = ALL_TRIGGERS) {
	/** @type {string[]} */
	const urls = [];
	for (const t of triggers) {
		const url = triggerUrl(n8n, t);
		const subs = await waitFor(async () => {
			const found = await subscriptionsFor(url);
			return found.length ? found : undefined;
		}, `a subscription for ${url}`);
		eq(subs.length, 1, `subscriptions for ${url}`);
		eq(subs[0].events, ['budget.approved'], `subscribed events of ${t.wf}`);
		urls.push(url.replace(n8n.baseUrl, ''));
	}
	return urls.join(', ');
}

/**
 * Deactivates every given trigger workflow and waits for its subscription to go.
 * @param {import('./n8n').N8n} n8n
 * @param {typeof ALL_TRIGGERS} [triggers]
 */
async function subscriptionsRemoved(n8n, triggers = ALL_TRIGGERS) {
	/** @type {string[]} */
	const left = [];
	for (const t of triggers) {
		await n8n.deactivate(t.wf);
		const url = triggerUrl(n8n, t);
		try {
			await waitFor(async () => (await subscriptionsFor(url)).length === 0, `the subscription of ${t.wf} to disappear`, 5000);
		} catch {
			left.push(`${t.wf} (${url})`);
		}
	}
	assert(left.length === 0, `subscriptions left in the sandbox after deactivation: ${left.join(', ')}`);
}

/**
 * Delivery checks on a running n8n whose trigger workflows are active.
 * @param {() => import('./n8n').N8n} get @param {string} mode
 * @param {{worker?: () => string}} [opts] worker output, to check executions ran there
 * @returns {Step[]}
 */
function triggerDeliverySteps(get, mode, opts = {}) {
	/** @type {Record<string, any>} delivery record (sandbox log) per trigger workflow */
	const delivered = {};
	/** @type {Record<string, number>} executions per trigger workflow after the genuine delivery */
	const executionsAfter = {};
	/** @type {number} */
	let budgetId = 0;
	/** @param {string} wf @returns {(id: string) => void} */
	const onWorker = (wf) => (id) => {
		if (!opts.worker) return;
		assert(opts.worker().includes(`Worker started execution ${id} `), `the worker log does not show execution ${id} of ${wf}`);
	};

	/**
	 * Waits for exactly one new, finished execution of a trigger workflow and returns it (with data).
	 * @param {import('./n8n').N8n} n8n @param {string} wf @param {number} before
	 */
	async function oneNewExecution(n8n, wf, before) {
		const execs = await n8n.waitForExecutions(
			wf,
			(e) => e.length >= before + 1 && e.every((x) => x.status !== 'running' && x.status !== 'new'),
			{ includeData: true },
		);
		await sleep(1000); // a second execution would show up by now
		const now = await n8n.executions(wf);
		eq(now.length, before + 1, `executions of ${wf}`);
		executionsAfter[wf] = now.length;
		return execs[0];
	}

	return [
		{
			name: `${mode}: one approval → each trigger gets one signed delivery and starts exactly one execution`,
			run: async () => {
				const n8n = get();
				/** @type {Record<string, number>} */
				const before = {};
				/** @type {Record<string, number>} */
				const deliveredBefore = {};
				for (const t of TRIGGERS) {
					before[t.wf] = (await n8n.executions(t.wf)).length;
					deliveredBefore[t.wf] = (await deliveriesTo(triggerUrl(n8n, t))).length;
				}
				budgetId = await approveABudget();
				/** @type {string[]} */
				const details = [];
				for (const t of TRIGGERS) {
					const attempts = await waitFor(async () => {
						const d = (await deliveriesTo(triggerUrl(n8n, t))).slice(deliveredBefore[t.wf]).filter((x) => x.event === 'budget.approved');
						return d.length && d.every((x) => x.status !== undefined || x.error) ? d : undefined;
					}, `the sandbox to deliver budget.approved to ${t.wf}`);
					delivered[t.wf] = attempts[0];
					eq(
						attempts.map((a) => a.status ?? a.error),
						[200],
						`delivery attempts to ${t.wf} (status)`,
					);
					const ex = await oneNewExecution(n8n, t.wf, before[t.wf]);
					eq(ex.status, 'success', `status of execution ${ex.id} of ${t.wf}`);
					const item = triggerItem(ex, t.node);
					eq(
						[item.event, item.data && item.data.id, item.deliveryId],
						['budget.approved', budgetId, attempts[0].deliveryId],
						`trigger output of ${t.wf} (event, budget id, delivery id)`,
					);
					onWorker(t.wf)(ex.id);
					details.push(`${t.wf}: execution ${ex.id}`);
				}
				return `budget ${budgetId}; ${details.join(', ')}${opts.worker ? ' (on the worker)' : ''}`;
			},
		},
		{
			name: `${mode}: example "notify and record" composed the message and recorded the approval`,
			run: async () => {
				const n8n = get();
				const ex = (await n8n.executions('exBudgetApprovedAlert', { includeData: true }))[0];
				assert(ex && ex.status === 'success', `no successful execution of the example: ${ex && ex.status}`);
				const note = nodeOutput(ex, 'Compose notification');
				eq(note.length, 1, 'items of "Compose notification"');
				assert(
					typeof note[0].message === 'string' && note[0].message.includes(`#${budgetId} `),
					`message: ${JSON.stringify(note[0].message)}`,
				);
				const rec = nodeOutput(ex, 'Record approval');
				eq(rec.length, 1, 'items of "Record approval"');
				eq(rec[0].budgetId, budgetId, 'recorded budget id');
				const rows = await n8n.dataTableRows(dataTables.billoget_approved_budgets);
				const row = rows.find((r) => r.budgetId === budgetId);
				assert(row, `no row for budget ${budgetId} in the data table billoget_approved_budgets (${rows.length} rows)`);
				eq(row.message, note[0].message, 'recorded message');
				return note[0].message;
			},
		},
		{
			name: `${mode}: a forged delivery (wrong, missing, or reused signature) gets 401 and no execution`,
			run: async () => {
				const n8n = get();
				const wf = TRIGGERS[0].wf;
				const delivery = delivered[wf];
				assert(delivery, 'no genuine delivery to forge from');
				const body = JSON.parse(delivery.body);
				body.metadata = { ...body.metadata, delivery_id: `forged-${crypto.randomUUID()}` };
				const raw = JSON.stringify(body);
				const badSig = crypto.createHmac('sha256', 'not-the-secret').update(raw).digest('hex');
				const headers = { 'content-type': 'application/json', 'x-billoget-event': body.event };
				const bad = await fetch(delivery.url, { method: 'POST', headers: { ...headers, 'x-billoget-signature': badSig }, body: raw });
				const none = await fetch(delivery.url, { method: 'POST', headers, body: raw });
				const reused = await fetch(delivery.url, {
					method: 'POST',
					headers: { ...headers, 'x-billoget-signature': delivery.signature },
					body: raw,
				});
				eq([bad.status, none.status, reused.status], [401, 401, 401], 'answers (wrong, missing, signature of another body)');
				await sleep(1000);
				eq((await n8n.executions(wf)).length, executionsAfter[wf], `executions of ${wf}`);
			},
		},
		...TRIGGERS.map((t) => ({
			name: `${mode}: ${t.label}: the same delivery sent again (same id and signature) starts no execution`,
			run: async () => {
				const n8n = get();
				const delivery = delivered[t.wf];
				assert(delivery, 'no genuine delivery to replay');
				const res = await fetch(delivery.url, { method: 'POST', headers: { ...delivery.headers }, body: delivery.body });
				const text = await res.text();
				await sleep(1000);
				eq((await n8n.executions(t.wf)).length, executionsAfter[t.wf], `executions of ${t.wf}`);
				assert(res.status === 200, `answer ${res.status} ${text.slice(0, 200)} (a duplicate is answered 200)`);
				return `answered ${res.status} ${text.slice(0, 80)}`;
			},
		})),
		// In queue mode n8n 2.41.1's worker saves static data without the trigger's node entry (a known
		// limitation written in the README), so this check runs in regular mode only.
		...(mode === 'queue' ? [] : [{
			// Runs last: its approval reaches every trigger and would upset the counts checked above.
			name: `${mode}: a Code node writing workflow static data leaves the trigger working (next delivery accepted)`,
			run: async () => {
				const n8n = get();
				const t = STATIC_TRIGGER;
				const url = triggerUrl(n8n, t);
				const execs = await n8n.executions(t.wf, { includeData: true });
				assert(execs.length >= 1 && execs[0].status === 'success', `the first approval did not run ${t.wf} (${execs.length} executions)`);
				const counted = nodeOutput(execs[0], 'Count deliveries')[0]?.deliveries;
				const deliveredBefore = (await deliveriesTo(url)).length;
				const nextBudget = await approveABudget();
				const attempt = await waitFor(async () => {
					const d = (await deliveriesTo(url)).slice(deliveredBefore).find((x) => x.event === 'budget.approved');
					return d && (d.status !== undefined || d.error) ? d : undefined;
				}, `a delivery to ${t.wf}`);
				assert(
					attempt.status === 200,
					`the next delivery was answered ${attempt.status ?? attempt.error}: the trigger lost its stored subscription secret after the Code node saved the workflow's static data`,
				);
				const ex = await oneNewExecution(n8n, t.wf, execs.length);
				eq(ex.status, 'success', `status of execution ${ex.id}`);
				eq(nodeOutput(ex, 'Count deliveries')[0]?.deliveries, counted + 1, "the Code node's own static data (count of deliveries)");
				onWorker(t.wf)(ex.id);
				return `budget ${nextBudget}, execution ${ex.id}`;
			},
		}]),
	];
}

/**
 * Sends one POST exactly as given over a plain socket: header names keep their case and order, and a
 * repeated header goes out twice (fetch would merge them). Resolves with the status and body, or with
 * the network error when n8n closed the connection before answering.
 * @param {string} url @param {Array<[string, string]>} headers @param {Buffer} body
 * @returns {Promise<{status?: number, body: string, error?: string}>}
 */
function rawPost(url, headers, body, timeoutMs = 30000) {
	const u = new URL(url);
	return new Promise((resolve) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let settled = false;
		/** @param {string} [error] */
		const settle = (error) => {
			if (settled) return;
			settled = true;
			socket.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
			const split = text.indexOf('\r\n\r\n');
			resolve({ status: match ? Number(match[1]) : undefined, body: split >= 0 ? text.slice(split + 4) : '', error: match ? undefined : error });
		};
		const socket = net.connect(Number(u.port), u.hostname, () => {
			const head = [`POST ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, `Content-Length: ${body.length}`, 'Connection: close'];
			for (const [name, value] of headers) head.push(`${name}: ${value}`);
			socket.write(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'));
			// Not end(): n8n treats a half-closed request as aborted. It closes after answering (Connection: close).
			socket.write(body);
		});
		socket.setTimeout(timeoutMs, () => settle('timeout'));
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('end', () => settle('closed'));
		socket.on('close', () => settle('closed'));
		socket.on('error', (/** @type {NodeJS.ErrnoException} */ e) => settle(e.code || e.message));
	});
}

/**
 * The trigger fuzz against real n8n: every case of test/fuzz/webhookFuzzer.js goes to the test trigger's
 * production URL, FUZZ.concurrency at a time. Hostile cases must be refused (401 from the node, or
 * n8n's own 4xx before it: 422 for JSON it cannot parse, 400 for a multipart body it cannot read) or,
 * for a duplicate or an unselected event, answered 200 without an execution.
 *
 * Two n8n 2.41.1 behaviours in front of the node are accepted as refusals: over the payload limit n8n
 * answers 500 (or closes the connection) instead of 413, and a body sent as application/xml that is not XML
 * is never answered (n8n's XML parser does not settle): such requests are given up after a few seconds.
 * Neither reaches the node or starts an execution, which the execution count below checks.
 * @param {import('./n8n').N8n} n8n
 */
async function fuzzTrigger(n8n) {
	const t = TRIGGERS[0];
	const url = triggerUrl(n8n, t);
	const subscription = (await subscriptionsFor(url))[0];
	assert(subscription && typeof subscription.secret === 'string', `no subscription with a secret for ${url}`);
	const before = (await n8n.executions(t.wf)).length;
	const t0 = Date.now();
	/** @type {Record<string, number>} */
	const statuses = {};
	/** @type {string[]} */
	const wrong = [];
	/** @type {string[]} */
	const genuineIds = [];
	/** @param {import('../test/fuzz/webhookFuzzer').FuzzCase} c */
	const send = async (c) => {
		const xml = c.headers.some(([name, value]) => name.toLowerCase() === 'content-type' && /[/+]xml$/i.test(value));
		const r = await rawPost(url, c.headers, c.body, xml ? 3000 : 30000);
		const key = r.status === undefined ? `no answer (${r.error}${xml ? ', XML' : ''})` : String(r.status);
		statuses[key] = (statuses[key] || 0) + 1;
		const refused = r.status !== undefined && r.status >= 400 && r.status < 500;
		const overLimit = c.kind === 'huge body over the payload limit' && (r.status === undefined || r.status === 500);
		const unanswered = r.status === undefined && xml;
		const ok =
			c.expect === 'reject'
				? refused || overLimit || unanswered
				: r.status === 200 && (c.expect !== 'duplicate' || r.body.includes('"duplicate":true'));
		if (!ok) wrong.push(`#${c.n} ${c.kind}: expected ${c.expect}, got ${key} ${r.body.slice(0, 120)}`);
	};
	/** @type {Set<Promise<void>>} */
	const inFlight = new Set();
	for (const c of fuzzDeliveries({ seed: FUZZ.seed, count: FUZZ.count, secret: subscription.secret })) {
		if (c.expect === 'run') {
			// Answered before the next case goes out; replays copy only older genuine deliveries.
			genuineIds.push(/** @type {string} */ (c.deliveryId));
			await send(c);
			continue;
		}
		while (inFlight.size >= FUZZ.concurrency) await Promise.race(inFlight);
		const p = send(c).finally(() => inFlight.delete(p));
		inFlight.add(p);
	}
	await Promise.all(inFlight);
	const seconds = secondsSince(t0);
	const health = await fetch(`${n8n.baseUrl}/healthz`);
	assert(health.status === 200, `n8n /healthz → ${health.status} after the fuzz`);
	assert(n8n.procs.length > 0 && n8n.procs.every((p) => p.proc.exitCode === null), 'the n8n process exited during the fuzz');
	assert(wrong.length === 0, `${wrong.length} deliveries answered wrongly, first ones:\n${wrong.slice(0, 10).join('\n')}`);
	const execs = await n8n.waitForExecutions(
		t.wf,
		(e) => e.length >= before + genuineIds.length && e.every((x) => x.status !== 'running' && x.status !== 'new'),
		{ timeoutMs: 60000, includeData: true },
	);
	await sleep(2000); // an extra execution would show up by now
	const after = await n8n.executions(t.wf, { includeData: true });
	eq(after.length, before + genuineIds.length, `executions of ${t.wf} (before + genuine deliveries)`);
	const ran = after.slice(0, genuineIds.length).map((ex) => triggerItem(ex, t.node).deliveryId).reverse();
	eq(ran, genuineIds, 'delivery ids of the new executions, oldest first');
	assert(execs.length > 0, 'no executions listed');
	timings['trigger fuzz over HTTP'] = `${seconds} s`;
	const summary = Object.entries(statuses)
		.sort((a, b) => b[1] - a[1])
		.map(([k, v]) => `${k}×${v}`)
		.join(', ');
	return `${FUZZ.count} deliveries in ${seconds} s (answers ${summary}); ${genuineIds.length} genuine → ${genuineIds.length} executions`;
}

/** Submits the example form (production URL) and checks the budget in the sandbox. */
async function formSubmission() {
	const wf = workflowById(FORM_WF);
	const form = wf.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.formTrigger');
	assert(form, 'no Form Trigger in the form example');
	const formPath = (form.parameters.options && form.parameters.options.path) || form.webhookId;
	const page = await main.http('GET', `/form/${formPath}`);
	assert(page.status === 200 && page.text.includes('<form'), `GET /form/${formPath} → ${page.status}`);
	/** @type {any[]} */
	const fields = form.parameters.formFields.values;
	/** @type {Record<string, string>} */
	const answers = {
		email: 'valentina.sosa@example.com',
		firstName: 'Valentina',
		lastName: 'Sosa',
		product: 'MON-024 — Monitor 24" IPS',
		quantity: '2',
		notes: 'Entrega en oficina',
	};
	const fd = new FormData();
	fields.forEach((f, i) => {
		const key = f.fieldName || f.fieldLabel;
		if (answers[key] !== undefined) fd.append(`field-${i}`, answers[key]);
	});
	const before = (await main.executions(FORM_WF)).length;
	const budgetsBefore = (await sandbox.api('GET', '/api/public/budgets?page=1&limit=1')).json.pagination.total;
	const res = await main.http('POST', `/form/${formPath}`, { raw: fd });
	assert(res.status === 200, `POST /form/${formPath} → ${res.status} ${res.text.slice(0, 300)}`);
	const execs = await main.waitForExecutions(
		FORM_WF,
		(e) => e.length > before && e[0].finished !== undefined && e[0].status !== 'running' && e[0].status !== 'new',
		{ includeData: true },
	);
	const ex = execs[0];
	assert(ex.status === 'success', `execution ${ex.id} status ${ex.status}: ${runError(ex) || ''}`);
	const budgets = await sandbox.api('GET', '/api/public/budgets?page=1&limit=100&search=Sosa');
	const total = (await sandbox.api('GET', '/api/public/budgets?page=1&limit=1')).json.pagination.total;
	eq(total, budgetsBefore + 1, 'budgets in the sandbox');
	const created = dataOf(budgets.json).find((b) => b.customer && b.customer.lastName === 'Sosa');
	assert(created, 'no budget for the form customer in the sandbox');
	eq(created.items.length, 1, 'budget items');
	eq([created.items[0].quantity, created.items[0].unitPrice], [2, 210000], 'item quantity and unit price');
	eq([created.subtotal, created.iva, created.total], [420000, 88200, 508200], 'subtotal, IVA, total');
	return `budget ${created.id}, execution ${ex.id}`;
}

// ---- queue mode ----

/** @type {cp.ChildProcess | undefined} */
let redis;
/** @type {number} */
let redisPort = 0;
/** @type {import('./n8n').N8n} */
let qmain;
/** @type {{output: () => string} | undefined} */
let worker;

/** @returns {string | undefined} */
function redisServerBinary() {
	const r = cp.spawnSync('bash', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/** @type {Step[]} */
const queueSteps = [
	{
		name: 'redis-server is available (apt-get installs it when missing)',
		critical: true,
		run: async () => {
			let bin = redisServerBinary();
			if (bin) return bin;
			assert(
				process.getuid && process.getuid() === 0,
				'redis-server is missing and this user cannot apt-get install it: install redis-server',
			);
			const t0 = Date.now();
			// Without an init system (CI containers) the package's postinst does not start a system redis;
			// where one does start, it listens on 6379 and these tests do not use it.
			for (const argv of [
				['apt-get', 'update'],
				['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server'],
			]) {
				const r = cp.spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
				if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}\n${tail(`${r.stdout}\n${r.stderr}`)}`);
			}
			bin = redisServerBinary();
			assert(bin, 'redis-server still missing after apt-get install');
			timings['redis-server install'] = `${secondsSince(t0)} s`;
			return `installed in ${secondsSince(t0)} s`;
		},
	},
	{
		name: 'redis starts on a free loopback port without persistence',
		critical: true,
		run: async () => {
			redisPort = await freePort();
			const dir = fs.mkdtempSync(path.join(userFolder, 'redis-'));
			const proc = cp.spawn(
				/** @type {string} */ (redisServerBinary()),
				[
					'--port',
					String(redisPort),
					'--bind',
					'127.0.0.1',
					'--save',
					'',
					'--appendonly',
					'no',
					'--daemonize',
					'no',
					'--dir',
					dir,
					'--protected-mode',
					'yes',
				],
				{ stdio: ['ignore', 'pipe', 'pipe'], detached: true },
			);
			redis = proc;
			const exited = new Promise((resolve) => proc.on('close', resolve));
			onCleanup('stop redis', async () => {
				if (proc.exitCode === null && proc.signalCode === null) {
					n8nLib.killGroup(proc, 'SIGTERM');
					const t = setTimeout(() => n8nLib.killGroup(proc, 'SIGKILL'), 5000);
					await exited;
					clearTimeout(t);
				}
			});
			let out = '';
			await new Promise((resolve, reject) => {
				/** @param {Buffer} d */
				const on = (d) => {
					out += d;
					if (out.includes('Ready to accept connections')) resolve(undefined);
				};
				proc.stdout.on('data', on);
				proc.stderr.on('data', on);
				exited.then(() => reject(new Error(`redis exited:\n${tail(out)}`)));
				setTimeout(() => reject(new Error(`redis not ready:\n${tail(out)}`)), 10000).unref();
			});
			return `127.0.0.1:${redisPort}`;
		},
	},
	{
		name: 'main and one worker start in queue mode (same database)',
		critical: true,
		run: async () => {
			const env = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(redisPort) };
			qmain = new N8n({ userFolder, port: await freePort(), name: 'qmain', env, onLog: VERBOSE ? (l) => console.log(l) : undefined });
			onCleanup('stop n8n main + worker (queue mode)', () => qmain.stop());
			const t0 = Date.now();
			const m = await qmain.start();
			const w = await qmain.start({ command: 'worker' });
			worker = w;
			timings['n8n start to ready (queue main)'] = `${(m.ms / 1000).toFixed(1)} s`;
			timings['n8n worker start to ready'] = `${(w.ms / 1000).toFixed(1)} s`;
			await qmain.setupOwner(); // logs in
			qmain.apiKey = apiKey;
			assert(apiKey, 'no API key from the regular phase');
			return `main ${(m.ms / 1000).toFixed(1)} s, worker ${(w.ms / 1000).toFixed(1)} s (together ${secondsSince(t0)} s)`;
		},
	},
	{
		name: 'queue: activation (public API) registers one subscription per trigger with its production URL',
		run: async () => {
			// Not the Code-node trigger: n8n 2.41.1's queue worker drops the trigger's static data when a
			// Code node saves its own (the known limitation in the README).
			for (const t of TRIGGERS) await qmain.activate(t.wf);
			return await subscriptionsRegistered(qmain, TRIGGERS);
		},
	},
	...triggerDeliverySteps(() => qmain, 'queue', { worker: () => (worker ? worker.output() : '') }),
	{
		name: 'queue: an action workflow (webhook → Billoget customer create) runs on the worker',
		run: async () => {
			await qmain.activate(QUEUE_ACTION_WF);
			const body = { firstName: 'Queue', lastName: 'Worker', email: 'queue.worker@e2e.example.com' };
			const res = await waitFor(
				async () => {
					const r = await qmain.http('POST', '/webhook/e2e-queue-customer', { body });
					return r.status === 404 ? undefined : r;
				},
				'the production webhook to be registered',
				10000,
			);
			assert(res.status === 200, `webhook → ${res.status} ${res.text.slice(0, 300)}`);
			assert(res.json && typeof res.json.id === 'number' && res.json.email === body.email, `answer ${res.text.slice(0, 300)}`);
			const execs = await qmain.waitForExecutions(QUEUE_ACTION_WF, (e) => e.length > 0 && e[0].status === 'success');
			const ex = execs[0];
			assert(worker && worker.output().includes(`Worker started execution ${ex.id} `), `the worker log does not show execution ${ex.id}`);
			const stored = await sandbox.api('GET', `/api/public/customers/${res.json.id}`);
			eq(stored.status, 200, 'customer in the sandbox');
			await qmain.deactivate(QUEUE_ACTION_WF);
			return `customer ${res.json.id}, execution ${ex.id} on the worker`;
		},
	},
	{
		name: 'queue: deactivation (public API) removes the subscriptions',
		run: async () => subscriptionsRemoved(qmain, TRIGGERS),
	},
	{
		name: 'queue: worker, main and redis stop cleanly',
		run: async () => {
			const t0 = Date.now();
			const procs = [...qmain.procs];
			await qmain.stop();
			for (const p of procs)
				assert(p.proc.exitCode === 0 || p.proc.signalCode === 'SIGTERM', `${p.name}: exit ${p.proc.exitCode} signal ${p.proc.signalCode}`);
			if (redis && redis.exitCode === null) {
				n8nLib.killGroup(redis, 'SIGTERM');
				await waitFor(async () => redis && (redis.exitCode !== null || redis.signalCode !== null), 'redis to stop', 5000);
			}
			return `stopped in ${secondsSince(t0)} s`;
		},
	},
];

// ---------------------------------------------------------------------------------------------------

async function main_() {
	const t0 = Date.now();
	console.log(`e2e: real n8n ${n8nLib.N8N_VERSION} + Billoget sandbox (Node ${process.version})`);
	try {
		if (!(await phase('setup', setupSteps))) {
			notRun('regular mode', regularSteps, 'setup failed');
			if (!args.has('--skip-queue')) notRun('queue mode', queueSteps, 'setup failed');
		} else {
			const regularOk = await phase('regular mode', regularSteps);
			if (args.has('--skip-queue')) console.log('\n== queue mode: skipped (--skip-queue)');
			else if (!userFolder || !sandbox) notRun('queue mode', queueSteps, 'the sandbox or the n8n user folder is missing');
			else {
				if (!regularOk) console.log('  (regular mode had failures; queue mode runs anyway)');
				await phase('queue mode', queueSteps);
			}
		}
	} finally {
		await cleanupAll();
	}
	console.log('\nTimings:');
	for (const [k, v] of Object.entries(timings)) console.log(`  ${k}: ${v}`);
	console.log(`  e2e total: ${secondsSince(t0)} s`);
	if (failures.length) {
		console.log('\nFailed:');
		for (const f of failures) console.log(`  - ${f}`);
	}
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main_().catch(async (e) => {
	console.error(e);
	await cleanupAll();
	console.log(`\n${passed} passed, ${failed + 1} failed`);
	process.exitCode = 1;
});
