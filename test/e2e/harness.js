// @ts-check
'use strict';
/**
 * Start-up, teardown and shared helpers of the end-to-end suite (test/e2e/e2e.test.js): the pinned n8n
 * and the build, the Billoget sandbox, redis for queue mode, the workflows under test, and the order in
 * which the suite's steps depend on each other.
 *
 * Environment: E2E_NO_BUILD=1 uses dist/ as it is; E2E_KEEP=1 keeps the n8n user folder (it is also
 * kept after any failure); E2E_VERBOSE=1 prints n8n's log lines as they come.
 */
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { beforeEach, test } = require('node:test');

const n8nLib = require('../../scripts/n8n');

const { REPO_ROOT, nodeOutput, runError, sleep, tail } = n8nLib;

const VERBOSE = Boolean(process.env.E2E_VERBOSE);
const KEEP = Boolean(process.env.E2E_KEEP);
const NO_BUILD = Boolean(process.env.E2E_NO_BUILD);

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const TEST_WORKFLOWS_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'workflows');
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

/**
 * What the steps of the suite hand on to each other.
 * @type {{
 *   sandbox?: import('../../scripts/sandbox-proc').SandboxProcess,
 *   userFolder?: string,
 *   apiKey?: string,
 *   dataTables: Record<string, string>,
 *   failed: boolean,
 * }}
 */
const run = { dataTables: {}, failed: false };

/** The running sandbox; throws when it did not start. */
function sandbox() {
	assert.ok(run.sandbox, 'the Billoget sandbox is not running');
	return run.sandbox;
}

// ---- teardown ----

/** @type {Array<{name: string, fn: () => Promise<void> | void}>} */
const cleanups = [];

/** Registers a teardown step; they run last-registered first. @param {string} name @param {() => Promise<void> | void} fn */
function onCleanup(name, fn) {
	cleanups.push({ name, fn });
}

/** @type {Promise<void> | undefined} */
let cleaning;
/**
 * Stops everything the suite started (the suite's `after`, and on Ctrl-C). A second call, as when the
 * test runner signals the suite again while it stops, waits for the same teardown.
 */
function cleanupAll() {
	cleaning ??= runCleanups();
	return cleaning;
}

async function runCleanups() {
	while (cleanups.length) {
		const c = /** @type {{name: string, fn: () => Promise<void> | void}} */ (cleanups.pop());
		try {
			await c.fn();
		} catch (e) {
			console.error(`  (cleanup "${c.name}" failed: ${e instanceof Error ? e.message : e})`);
		}
	}
}

// n8n, its task runners and redis run in their own process groups: a signal to the suite would leave them running.
for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(sig, () => {
		console.error(`\n${sig}: stopping everything the tests started ...`);
		cleanupAll().finally(() => process.exit(130));
	});
}

/** A fresh n8n user folder, removed at teardown unless E2E_KEEP is set or a test failed. */
function makeUserFolder() {
	const folder = n8nLib.makeUserFolder({ name: 'e2e' });
	onCleanup('remove the n8n user folder', () => {
		if (KEEP || run.failed) console.log(`(kept ${folder} for inspection)`);
		else fs.rmSync(folder, { recursive: true, force: true });
	});
	return folder;
}

// ---- the order of steps ----

/**
 * Makes the tests of the enclosing `describe` dependent steps, as they run in order: once a critical
 * step fails, every later test of it fails as "not run" (it needs what that step set up), and none runs
 * while `prerequisite()` names a step of an earlier phase that failed.
 * @param {() => string} [prerequisite] the name of a failed step this phase needs, or ''
 */
function dependentSteps(prerequisite = () => '') {
	let brokenBy = '';
	beforeEach(() => {
		const missing = brokenBy || prerequisite();
		if (missing) throw new Error(`not run (${missing} failed)`);
	});
	return {
		/** The critical step that failed in this phase, or ''. */
		get failedStep() {
			return brokenBy;
		},
		/**
		 * A step the rest of the phase needs.
		 * @param {string} name @param {(t: import('node:test').TestContext) => Promise<void>} fn
		 */
		critical(name, fn) {
			test(name, async (t) => {
				try {
					await fn(t);
				} catch (e) {
					brokenBy = name;
					throw e;
				}
			});
		},
	};
}

// ---- set-up ----

/** Installs the pinned n8n once (reused afterwards) and returns its version as installed. */
function ensureN8n() {
	n8nLib.installN8n();
	return readJson(path.join(n8nLib.N8N_LOCAL_DIR, 'node_modules', 'n8n', 'package.json')).version;
}

/**
 * Builds the package when dist/ is older than the sources (not with E2E_NO_BUILD).
 * @returns {string} what was done
 */
function ensureBuilt() {
	if (NO_BUILD) return 'skipped (E2E_NO_BUILD)';
	const stale = staleDistReason();
	if (!stale) return 'dist/ is up to date';
	const t0 = Date.now();
	const r = cp.spawnSync('npm', ['run', '--silent', 'build'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${path.dirname(n8nLib.nodeBinary())}:${process.env.PATH}` },
	});
	if (r.status !== 0) throw new Error(`npm run build exited ${r.status}\n${tail(`${r.stdout}\n${r.stderr}`, 30)}`);
	return `built in ${n8nLib.secondsSince(t0)} s (${stale})`;
}

/**
 * Why dist/ must be rebuilt (a source newer than the oldest built entry point), or '' when it is fresh.
 * @returns {string}
 */
function staleDistReason() {
	const pkg = readJson(path.join(REPO_ROOT, 'package.json'));
	/** @type {string[]} */
	const entries = [...((pkg.n8n && pkg.n8n.nodes) || []), ...((pkg.n8n && pkg.n8n.credentials) || [])].map((f) => path.join(REPO_ROOT, f));
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
		const hit = newer(path.join(REPO_ROOT, p));
		if (hit) return `${path.relative(REPO_ROOT, hit)} is newer than dist/`;
	}
	return '';
}

/**
 * An n8n instance on the suite's user folder and a free port, stopped at teardown.
 * @param {string} name @param {Record<string, string>} [env]
 */
async function startableN8n(name, env) {
	const n8n = new n8nLib.N8n({
		userFolder: /** @type {string} */ (run.userFolder),
		port: await n8nLib.freePort(),
		name,
		env,
		onLog: VERBOSE ? (l) => console.log(l) : undefined,
	});
	onCleanup(`stop n8n (${name})`, () => n8n.stop());
	return n8n;
}

// ---- redis (queue mode) ----

/** @returns {string | undefined} */
function redisServerBinary() {
	const r = cp.spawnSync('bash', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * redis-server's path; apt-get installs it when missing (as root).
 * @returns {string} what was found or done
 */
function ensureRedisServer() {
	let bin = redisServerBinary();
	if (bin) return bin;
	assert.ok(process.getuid && process.getuid() === 0, 'redis-server is missing and this user cannot apt-get install it: install redis-server');
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
	assert.ok(bin, 'redis-server still missing after apt-get install');
	return `installed in ${n8nLib.secondsSince(t0)} s`;
}

/**
 * Starts redis on a free loopback port without persistence (data under the user folder), stopped at teardown.
 * @returns {Promise<{port: number, proc: cp.ChildProcess, stop: () => Promise<void>}>}
 */
async function startRedis() {
	const port = await n8nLib.freePort();
	const dir = fs.mkdtempSync(path.join(/** @type {string} */ (run.userFolder), 'redis-'));
	const proc = cp.spawn(
		/** @type {string} */ (redisServerBinary()),
		[
			'--port',
			String(port),
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
	const exited = new Promise((resolve) => proc.on('close', resolve));
	const stop = async () => {
		if (proc.exitCode === null && proc.signalCode === null) {
			n8nLib.killGroup(proc, 'SIGTERM');
			const t = setTimeout(() => n8nLib.killGroup(proc, 'SIGKILL'), 5000);
			await exited;
			clearTimeout(t);
		}
	};
	onCleanup('stop redis', stop);
	let out = '';
	await new Promise((resolve, reject) => {
		/** @param {Buffer} d */
		const on = (d) => {
			out += d;
			if (out.includes('Ready to accept connections')) resolve(undefined);
		};
		/** @type {import('node:stream').Readable} */ (proc.stdout).on('data', on);
		/** @type {import('node:stream').Readable} */ (proc.stderr).on('data', on);
		exited.then(() => reject(new Error(`redis exited:\n${tail(out)}`)));
		setTimeout(() => reject(new Error(`redis not ready:\n${tail(out)}`)), 10000).unref();
	});
	return { port, proc, stop };
}

// ---- waiting, workflows and runs ----

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

/** The example and test workflow files the suite imports. */
const workflowFiles = () => [...jsonFiles(EXAMPLES_DIR), ...jsonFiles(TEST_WORKFLOWS_DIR)];

/** Workflow JSON by id among the examples and test workflows. @param {string} id */
function workflowById(id) {
	for (const f of workflowFiles()) {
		const wf = readJson(f);
		if (wf.id === id) return wf;
	}
	throw new Error(`no workflow with id ${id} in examples/ or test/e2e/workflows/`);
}

/** The fixed webhookId of a node of a workflow. @param {string} wfId @param {string} nodeName */
function webhookIdOf(wfId, nodeName) {
	const node = workflowById(wfId).nodes.find((/** @type {any} */ n) => n.name === nodeName);
	assert.ok(node && node.webhookId, `workflow ${wfId} has no node "${nodeName}" with a webhookId`);
	return /** @type {string} */ (node.webhookId);
}

/** The production URL of a trigger. @param {import('../../scripts/n8n').N8n} n8n @param {{wf: string, node: string}} t */
const triggerUrl = (n8n, t) => n8n.webhookUrl(webhookIdOf(t.wf, t.node), 'webhook');

/**
 * Runs a workflow with `n8n execute` and returns its run; throws with n8n's error when it failed.
 * @param {import('../../scripts/n8n').N8n} n8n @param {string} id
 */
async function execOk(n8n, id) {
	const r = await n8n.execute(id);
	if (!r.ok) throw new Error(`n8n execute --id=${id} failed (exit ${r.code}): ${runError(r.run) || ''}\n${tail(r.output, 25)}`);
	return r;
}

/**
 * Output items (json and binary) of a node in an n8n run.
 * @param {any} r the run @param {string} nodeName @returns {Array<{json: any, binary?: Record<string, any>}>}
 */
function runItems(r, nodeName) {
	const tasks = r?.data?.resultData?.runData?.[nodeName];
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
	const file = path.join(/** @type {string} */ (run.userFolder), '.n8n', 'storage', rel); // n8n 2.x filesystem binary store
	assert.ok(rel && fs.existsSync(file), `binary data ${id} not found (looked in ${file})`);
	return fs.readFileSync(file, 'utf8');
}

/**
 * The trigger's output item in an execution (with data).
 * @param {any} execution @param {string} nodeName @returns {any}
 */
function triggerItem(execution, nodeName) {
	const out = nodeOutput(execution, nodeName);
	assert.equal(out.length, 1, `trigger node output: expected 1 item, got ${out.length}`);
	return out[0];
}

// ---- the sandbox ----

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

/** Number of customers in the sandbox (all pages). */
async function customerTotal() {
	const r = await sandbox().api('GET', '/api/public/customers?page=1&limit=1');
	assert.equal(r.status, 200, `GET customers → ${r.status}`);
	return /** @type {number} */ (r.json.pagination ? r.json.pagination.total : r.json.data.meta.totalItems);
}

/** Subscriptions the sandbox holds for a URL. @param {string} url */
async function subscriptionsFor(url) {
	return adminList(await sandbox().admin('GET', '/subscriptions'), 'subscriptions').filter((s) => s.url === url);
}

/** Sandbox delivery attempts to a URL. @param {string} url */
async function deliveriesTo(url) {
	return adminList(await sandbox().admin('GET', '/deliveries'), 'deliveries').filter((d) => d.url === url);
}

/**
 * Approves a budget through the sandbox API (which emits budget.approved to subscriptions).
 * @returns {Promise<number>} the budget id
 */
async function approveABudget() {
	const api = sandbox().api;
	const pending = await api('GET', '/api/public/budget-approvals/pending');
	assert.equal(pending.status, 200, `GET pending approvals → ${pending.status} ${pending.text.slice(0, 200)}`);
	let approval = dataOf(pending.json)[0];
	if (!approval) {
		const budgets = await api('GET', '/api/public/budgets?state=0&limit=1');
		const budget = dataOf(budgets.json)[0];
		assert.ok(budget, 'no budget in state Generated to submit for approval');
		const submitted = await api('POST', '/api/public/budget-approvals/submit', { budgetId: budget.id, requestNotes: 'e2e' });
		assert.ok(submitted.status === 201 || submitted.status === 200, `submit approval → ${submitted.status} ${submitted.text.slice(0, 200)}`);
		approval = submitted.json.data;
	}
	const processed = await api('POST', `/api/public/budget-approvals/${approval.id}/process`, {
		action: 'approve',
		comments: 'approved by e2e',
	});
	assert.equal(processed.status, 200, `process approval → ${processed.status} ${processed.text.slice(0, 200)}`);
	return /** @type {number} */ (approval.budgetId);
}

module.exports = {
	n8nLib,
	run,
	sandbox,
	VERBOSE,
	TRIGGERS,
	STATIC_TRIGGER,
	ALL_TRIGGERS,
	onCleanup,
	cleanupAll,
	makeUserFolder,
	dependentSteps,
	ensureN8n,
	ensureBuilt,
	startableN8n,
	ensureRedisServer,
	startRedis,
	waitFor,
	workflowFiles,
	workflowById,
	triggerUrl,
	execOk,
	runItems,
	readBinary,
	triggerItem,
	dataOf,
	customerTotal,
	subscriptionsFor,
	deliveriesTo,
	approveABudget,
};
