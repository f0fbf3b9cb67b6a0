// @ts-check
'use strict';
/**
 * `npm run bench:trigger`: figures, not assertions. The Billoget Trigger against n8n's own Webhook node
 * in real n8n (the pinned 2.41.1, regular mode, SQLite), both in a published workflow of the same shape
 * (trigger → No Operation). The client is our own (node:http, keep-alive, N requests in flight): every
 * delivery is a distinct, correctly signed Billoget delivery with its own delivery id, sent to both
 * targets alike, in alternating rounds (A B, B A, …) so that a slower or busier stretch of the machine
 * falls on both. After each round the client waits until the round's executions have finished, so one
 * target's backlog never runs into the other's round.
 *
 * Printed per concurrency: p50/p95/p99 latency (request sent → answer read), deliveries per second
 * (answered deliveries / time spent sending), executions started (read from n8n's public API, must
 * equal the deliveries), and Billoget/Webhook per figure. Then the same with 10% forged deliveries (a
 * signature for other bytes) mixed in: the Webhook node cannot tell them apart and runs them all; the
 * Billoget Trigger must answer them 401 and start nothing.
 *
 * Environment: BENCH_TRIGGER_DELIVERIES (per target and concurrency, default 200), BENCH_TRIGGER_ROUND
 * (deliveries per round, default 50), BENCH_TRIGGER_CONCURRENCY (default "1,8,32"),
 * BENCH_TRIGGER_N8N_ENV ("NAME=value,NAME=value", extra settings for n8n, to compare variants),
 * BENCH_TRIGGER_GENUINE_ONLY (set: skip the forged table),
 * BENCH_TRIGGER_PACKAGE_ROOT (a folder with package.json and dist/ of a variant of this package, to
 * compare it; default: this repository's build),
 * BENCH_TRIGGER_CPU_PROF (a folder: n8n runs with --cpu-prof and writes its profile there on stop),
 * N8N_LOCAL_DIR (where n8n 2.41.1 is installed; scripts/n8n-install.sh).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const n8nLib = require('../scripts/n8n');

const DELIVERIES = Number(process.env.BENCH_TRIGGER_DELIVERIES ?? 200);
const ROUND = Number(process.env.BENCH_TRIGGER_ROUND ?? 50);
const CONCURRENCIES = (process.env.BENCH_TRIGGER_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const FORGED_SHARE = 0.1;
const WARM_UP = 30;
const FORGED_ONLY_CONCURRENCY = 8;
/** Not a secret: the signing secret of this benchmark's throwaway credential. */
const SIGNING_SECRET = 'whsec_bench_0123456789abcdef0123456789abcdef';
const CREDENTIAL_ID = 'benchTriggerCred';
const BILLOGET_WF = 'benchBillogetTrigger';
const WEBHOOK_WF = 'benchWebhookNode';
const BILLOGET_WEBHOOK_ID = 'bench000-0000-4000-8000-0000000000b1';
const WEBHOOK_NODE_PATH = 'bench-webhook-node';

/** @typedef {'webhook' | 'billoget'} Target */
/** @typedef {{status: number, ms: number, forged: boolean, error?: string}} Answer */

/** @param {string} id @param {string} name @param {any} trigger */
function workflow(id, name, trigger) {
	return {
		id,
		name,
		nodes: [
			{ ...trigger, name: 'Trigger', position: [0, 0] },
			{ parameters: {}, id: `${id}-noop`, name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { Trigger: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const WORKFLOWS = [
	workflow(WEBHOOK_WF, 'Bench: n8n Webhook node', {
		parameters: { httpMethod: 'POST', path: WEBHOOK_NODE_PATH, responseMode: 'onReceived', options: {} },
		id: `${WEBHOOK_WF}-trigger`,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: 'bench000-0000-4000-8000-0000000000a1',
	}),
	workflow(BILLOGET_WF, 'Bench: Billoget Trigger (Manual)', {
		parameters: { events: ['budget.approved'], registration: 'manual', options: {} },
		id: `${BILLOGET_WF}-trigger`,
		type: 'n8n-nodes-billoget.billogetTrigger',
		typeVersion: 1,
		webhookId: BILLOGET_WEBHOOK_ID,
		credentials: { billogetApi: { id: CREDENTIAL_ID, name: 'Billoget (bench)' } },
	}),
];

let deliverySerial = 0;
const RUN_ID = crypto.randomBytes(4).toString('hex');

/**
 * One Billoget delivery: a fresh delivery id and timestamp, signed; a forged one carries the signature
 * of other bytes (the one mistake a forger who lacks the secret cannot avoid).
 * @param {boolean} forged
 */
function delivery(forged) {
	deliverySerial++;
	const body = Buffer.from(
		JSON.stringify({
			event: 'budget.approved',
			timestamp: new Date().toISOString(),
			data: { id: deliverySerial, number: `P-${deliverySerial}`, status: 'APPROVED', total: 1210, currency: 'ARS' },
			metadata: { source: 'billoget', version: '1.0', delivery_id: `bench-${RUN_ID}-${deliverySerial}` },
		}),
	);
	const signed = forged ? Buffer.concat([body, Buffer.from(' ')]) : body;
	const signature = crypto.createHmac('sha256', SIGNING_SECRET).update(signed).digest('hex');
	return { body, signature: `sha256=${signature}`, forged };
}

/** @param {Error & {code?: string}} error */
const errorCode = (error) => error.code ?? error.message;

/**
 * POSTs one delivery over a keep-alive agent and reads the whole answer.
 * @param {http.Agent} agent @param {URL} url @param {ReturnType<typeof delivery>} d
 * @returns {Promise<Answer>}
 */
function send(agent, url, d) {
	return new Promise((resolve) => {
		const t0 = performance.now();
		const req = http.request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': d.body.length, 'x-billoget-signature': d.signature },
			},
			(res) => {
				res.on('data', () => {});
				res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, forged: d.forged }));
				res.on('error', (error) => resolve({ status: 0, ms: performance.now() - t0, forged: d.forged, error: errorCode(error) }));
			},
		);
		// Recorded, not thrown: the table shows it among the answers.
		req.on('error', (error) => resolve({ status: 0, ms: performance.now() - t0, forged: d.forged, error: errorCode(error) }));
		req.end(d.body);
	});
}

/**
 * Sends `count` deliveries with `concurrency` in flight, over `concurrency` keep-alive connections of
 * their own (closed afterwards: an idle connection that n8n closes while the next round waits for its
 * executions would otherwise break the next round's first request).
 * @param {URL} url @param {number} count @param {number} concurrency @param {number} forgedShare
 */
async function burst(url, count, concurrency, forgedShare) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	// Forged deliveries spread evenly: every (1 / share)-th one.
	const every = forgedShare > 0 ? Math.round(1 / forgedShare) : 0;
	/** @type {Answer[]} */
	const answers = [];
	let next = 0;
	const t0 = performance.now();
	const worker = async () => {
		while (next < count) {
			const n = next++;
			answers.push(await send(agent, url, delivery(every > 0 && n % every === every - 1)));
		}
	};
	try {
		await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	} finally {
		agent.destroy();
	}
	return { answers, ms: performance.now() - t0 };
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

/** @param {number[]} values */
function latency(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/**
 * What the benchmark has read back from n8n about one workflow's executions.
 * @typedef {{workflowId: string, lastId: number, started: number}} ExecutionLedger
 */

/**
 * A public-API GET that tries again (up to a minute) when n8n answers 5xx: on a saturated machine n8n
 * may briefly answer "Database is not ready!" while it is still running executions.
 * @param {import('../scripts/n8n').N8n} n8n @param {string} urlPath
 */
async function apiGet(n8n, urlPath) {
	const deadline = Date.now() + 60000;
	for (;;) {
		const r = await n8n.http('GET', urlPath).catch((error) => ({ status: 0, text: String(error), json: undefined }));
		if (r.status >= 200 && r.status < 300) return r.json;
		if ((r.status !== 0 && r.status < 500) || Date.now() > deadline) throw new Error(`GET ${urlPath} → ${r.status} ${r.text.slice(0, 300)}`);
		await n8nLib.sleep(500);
	}
}

/**
 * Counts the workflow's executions newer than the ledger's last one (public API, newest first, page by
 * page until an older one shows up) and moves the ledger on.
 * @param {import('../scripts/n8n').N8n} n8n @param {ExecutionLedger} ledger
 */
async function countNewExecutions(n8n, ledger) {
	let fresh = 0;
	let newest = ledger.lastId;
	let cursor = '';
	for (;;) {
		const qs = new URLSearchParams({ workflowId: ledger.workflowId, limit: '250' });
		if (cursor) qs.set('cursor', cursor);
		const page = await apiGet(n8n, `/api/v1/executions?${qs}`);
		let reachedOld = false;
		for (const execution of page.data) {
			const id = Number(execution.id);
			if (id > ledger.lastId) {
				fresh++;
				newest = Math.max(newest, id);
			} else reachedOld = true;
		}
		if (reachedOld || !page.nextCursor) break;
		cursor = page.nextCursor;
	}
	ledger.lastId = newest;
	ledger.started += fresh;
	return fresh;
}

/**
 * Waits until the workflow has no running execution and `expected` new executions (or two minutes).
 * @param {import('../scripts/n8n').N8n} n8n @param {ExecutionLedger} ledger @param {number} expected
 * @returns {Promise<number>} the new executions counted
 */
async function settle(n8n, ledger, expected) {
	const deadline = Date.now() + 120000;
	let counted = 0;
	for (;;) {
		const qs = new URLSearchParams({ workflowId: ledger.workflowId, status: 'running', limit: '1' });
		const running = await apiGet(n8n, `/api/v1/executions?${qs}`);
		if (running.data.length === 0) {
			counted += await countNewExecutions(n8n, ledger);
			if (counted >= expected) return counted;
		}
		if (Date.now() > deadline) return counted;
		await n8nLib.sleep(100);
	}
}

/**
 * CPU time (user + system, ms) used so far by every process of n8n's process group (n8n and its task
 * runner), from /proc.
 * @param {number} pgid
 */
function groupCpuMs(pgid) {
	const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
	let ticks = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// Fields after the command name (which may contain spaces) start at state; pgrp is the 3rd of them.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks / ticksPerMs;
}

/**
 * One table: for each concurrency, alternating rounds to both targets. A round's CPU time runs from its
 * first request until its executions have finished.
 * @param {import('../scripts/n8n').N8n} n8n @param {Record<Target, URL>} urls @param {number} forgedShare
 * @param {Record<Target, ExecutionLedger>} ledgers
 */
async function measure(n8n, urls, forgedShare, ledgers) {
	const pgid = /** @type {number} */ (n8n.procs[0].proc.pid);
	const rows = [];
	for (const concurrency of CONCURRENCIES) {
		/** @type {Record<Target, {answers: Answer[], ms: number, cpuMs: number, sent: number, runs: number, started: number}>} */
		const acc = {
			webhook: { answers: [], ms: 0, cpuMs: 0, sent: 0, runs: 0, started: 0 },
			billoget: { answers: [], ms: 0, cpuMs: 0, sent: 0, runs: 0, started: 0 },
		};
		const rounds = Math.ceil(DELIVERIES / ROUND);
		for (let round = 0; round < rounds; round++) {
			/** @type {Target[]} */
			const order = round % 2 === 0 ? ['webhook', 'billoget'] : ['billoget', 'webhook'];
			for (const target of order) {
				const count = Math.min(ROUND, DELIVERIES - round * ROUND);
				const cpuBefore = groupCpuMs(pgid);
				const { answers, ms } = await burst(urls[target], count, concurrency, forgedShare);
				// The Webhook node runs every delivery; the Billoget Trigger only the genuine ones.
				const runs = answers.filter((x) => x.status === 200 && (target === 'webhook' || !x.forged)).length;
				const a = acc[target];
				a.started += await settle(n8n, ledgers[target], runs);
				a.cpuMs += groupCpuMs(pgid) - cpuBefore;
				a.answers.push(...answers);
				a.ms += ms;
				a.sent += count;
				a.runs += runs;
			}
		}
		/** @type {Record<string, any>} */
		const row = { concurrency };
		for (const target of /** @type {Target[]} */ (['webhook', 'billoget'])) {
			const a = acc[target];
			// An execution that shows up late (after its round settled) is counted here.
			a.started += await countNewExecutions(n8n, ledgers[target]);
			const genuine = a.answers.filter((x) => !x.forged);
			const forged = a.answers.filter((x) => x.forged);
			const statuses = new Map();
			for (const x of a.answers) {
				const key = `${x.forged ? 'forged ' : ''}${x.error ?? x.status}`;
				statuses.set(key, (statuses.get(key) ?? 0) + 1);
			}
			row[target] = {
				sent: a.sent,
				genuine: latency(genuine.map((x) => x.ms)),
				forged: latency(forged.map((x) => x.ms)),
				perSecond: (a.sent / a.ms) * 1000,
				cpuPerDelivery: a.cpuMs / a.sent,
				expectedRuns: a.runs,
				started: a.started,
				statuses: Object.fromEntries(statuses),
			};
		}
		rows.push(row);
	}
	return rows;
}

/**
 * The Billoget Trigger alone: rounds of genuine deliveries against rounds of forged ones, alternating.
 * @param {import('../scripts/n8n').N8n} n8n @param {URL} url @param {ExecutionLedger} ledger
 */
async function forgedOnly(n8n, url, ledger) {
	const pgid = /** @type {number} */ (n8n.procs[0].proc.pid);
	/** @type {Record<'genuine' | 'forged', {answers: Answer[], ms: number, cpuMs: number, sent: number, runs: number, started: number}>} */
	const acc = {
		genuine: { answers: [], ms: 0, cpuMs: 0, sent: 0, runs: 0, started: 0 },
		forged: { answers: [], ms: 0, cpuMs: 0, sent: 0, runs: 0, started: 0 },
	};
	const rounds = Math.ceil(DELIVERIES / ROUND);
	for (let round = 0; round < rounds; round++) {
		/** @type {Array<'genuine' | 'forged'>} */
		const order = round % 2 === 0 ? ['genuine', 'forged'] : ['forged', 'genuine'];
		for (const kind of order) {
			const count = Math.min(ROUND, DELIVERIES - round * ROUND);
			const cpuBefore = groupCpuMs(pgid);
			const { answers, ms } = await burst(url, count, FORGED_ONLY_CONCURRENCY, kind === 'forged' ? 1 : 0);
			const runs = kind === 'forged' ? 0 : answers.filter((x) => x.status === 200).length;
			const a = acc[kind];
			// Forged rounds wait as long as genuine ones would, so that a late execution is still seen.
			a.started += await settle(n8n, ledger, runs);
			if (kind === 'forged') {
				await n8nLib.sleep(300);
				a.started += await countNewExecutions(n8n, ledger);
			}
			a.cpuMs += groupCpuMs(pgid) - cpuBefore;
			a.answers.push(...answers);
			a.ms += ms;
			a.sent += count;
			a.runs += runs;
		}
	}
	return Object.entries(acc).map(([kind, a]) => ({
		kind,
		sent: a.sent,
		latency: latency(a.answers.map((x) => x.ms)),
		perSecond: (a.sent / a.ms) * 1000,
		cpuPerDelivery: a.cpuMs / a.sent,
		expectedRuns: a.runs,
		started: a.started,
		statuses: Object.fromEntries(
			a.answers.reduce((m, x) => m.set(x.error ?? String(x.status), (m.get(x.error ?? String(x.status)) ?? 0) + 1), new Map()),
		),
	}));
}

/** @param {number} n @param {number} [digits] */
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
/** @param {number} a @param {number} b */
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
/** @param {string} s @param {number} n */
const pad = (s, n) => s.padEnd(n);

/** @param {any[]} rows @param {boolean} withForged */
function print(rows, withForged) {
	const head = [pad('conc', 6), pad('target', 10), pad('sent', 6), pad('p50 ms', 9), pad('p95 ms', 9), pad('p99 ms', 9), pad('deliv/s', 9), pad('CPU ms/d', 10)];
	if (withForged) head.push(pad('forged p50', 12), pad('forged p99', 12));
	head.push(pad('executions', 12), 'answers');
	const lines = [head.join('')];
	for (const row of rows) {
		for (const target of ['webhook', 'billoget']) {
			const r = row[target];
			const cells = [
				pad(String(row.concurrency), 6),
				pad(target === 'webhook' ? 'Webhook' : 'Billoget', 10),
				pad(String(r.sent), 6),
				pad(fmt(r.genuine.p50), 9),
				pad(fmt(r.genuine.p95), 9),
				pad(fmt(r.genuine.p99), 9),
				pad(fmt(r.perSecond), 9),
				pad(fmt(r.cpuPerDelivery), 10),
			];
			if (withForged) cells.push(pad(fmt(r.forged.p50), 12), pad(fmt(r.forged.p99), 12));
			cells.push(pad(`${r.started}/${r.expectedRuns}${r.started === r.expectedRuns ? '' : ' (!)'}`, 12), JSON.stringify(r.statuses));
			lines.push(cells.join(''));
		}
		const w = row.webhook;
		const b = row.billoget;
		const cells = [
			pad('', 6),
			pad('ratio B/W', 10),
			pad('', 6),
			pad(ratio(b.genuine.p50, w.genuine.p50), 9),
			pad(ratio(b.genuine.p95, w.genuine.p95), 9),
			pad(ratio(b.genuine.p99, w.genuine.p99), 9),
			pad(ratio(b.perSecond, w.perSecond), 9),
			pad(ratio(b.cpuPerDelivery, w.cpuPerDelivery), 10),
		];
		if (withForged) cells.push(pad(`${ratio(b.forged.p50, b.genuine.p50)} of B`, 12), pad(`${ratio(b.forged.p99, b.genuine.p99)} of B`, 12));
		lines.push(cells.join(''));
	}
	process.stdout.write(`${lines.join('\n')}\n`);
}

/** @param {Awaited<ReturnType<typeof forgedOnly>>} rows */
function printForgedOnly(rows) {
	const lines = [
		[pad('kind', 10), pad('sent', 6), pad('p50 ms', 9), pad('p95 ms', 9), pad('p99 ms', 9), pad('deliv/s', 9), pad('CPU ms/d', 10), pad('executions', 12), 'answers'].join(''),
	];
	for (const r of rows) {
		lines.push(
			[
				pad(r.kind, 10),
				pad(String(r.sent), 6),
				pad(fmt(r.latency.p50), 9),
				pad(fmt(r.latency.p95), 9),
				pad(fmt(r.latency.p99), 9),
				pad(fmt(r.perSecond), 9),
				pad(fmt(r.cpuPerDelivery), 10),
				pad(`${r.started}/${r.expectedRuns}${r.started === r.expectedRuns ? '' : ' (!)'}`, 12),
				JSON.stringify(r.statuses),
			].join(''),
		);
	}
	const [genuine, forged] = rows;
	lines.push(
		[
			pad('forged/genuine', 16),
			pad(ratio(forged.latency.p50, genuine.latency.p50), 9),
			pad(ratio(forged.latency.p95, genuine.latency.p95), 9),
			pad(ratio(forged.latency.p99, genuine.latency.p99), 9),
			pad(ratio(forged.perSecond, genuine.perSecond), 9),
			pad(ratio(forged.cpuPerDelivery, genuine.cpuPerDelivery), 10),
		].join(''),
	);
	process.stdout.write(`${lines.join('\n')}\n`);
}

/** @returns {Record<string, string>} */
function extraN8nEnv() {
	/** @type {Record<string, string>} */
	const env = {};
	for (const pair of (process.env.BENCH_TRIGGER_N8N_ENV ?? '').split(',')) {
		const at = pair.indexOf('=');
		if (at > 0) env[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
	}
	return env;
}

async function main() {
	if (!n8nLib.isN8nInstalled()) {
		throw new Error(`n8n ${n8nLib.N8N_VERSION} is not installed in ${n8nLib.N8N_LOCAL_DIR}: run scripts/n8n-install.sh (or set N8N_LOCAL_DIR)`);
	}
	const userFolder = n8nLib.makeUserFolder({ name: 'bench' });
	n8nLib.installPackage(userFolder, process.env.BENCH_TRIGGER_PACKAGE_ROOT ? path.resolve(process.env.BENCH_TRIGGER_PACKAGE_ROOT) : undefined);
	const port = await n8nLib.freePort();
	const extra = extraN8nEnv();
	const cpuProf = process.env.BENCH_TRIGGER_CPU_PROF;
	if (cpuProf) {
		fs.mkdirSync(cpuProf, { recursive: true });
		extra.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.resolve(cpuProf)}`;
	}
	const n8n = new n8nLib.N8n({
		userFolder,
		port,
		name: 'bench',
		// Keep every execution: the count is read back from n8n.
		env: { EXECUTIONS_DATA_PRUNE: 'false', ...extra },
	});
	const stopAll = async () => {
		await n8n.stop();
		if (!process.env.BENCH_TRIGGER_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
		else process.stdout.write(`n8n user folder kept: ${userFolder}\n`);
	};
	process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
	try {
		process.stdout.write(
			`Billoget Trigger vs n8n Webhook node in n8n ${n8nLib.N8N_VERSION} (regular mode), Node ${process.version}; ` +
				`${DELIVERIES} deliveries per target and concurrency, rounds of ${ROUND}, alternating` +
				`${Object.keys(extra).length ? `; n8n env: ${Object.entries(extra).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}\n`,
		);
		await n8n.importCredentials([
			{ id: CREDENTIAL_ID, name: 'Billoget (bench)', type: 'billogetApi', data: { apiKey: n8nLib.SANDBOX_DEMO_KEY, baseUrl: 'http://127.0.0.1:9', webhookSigningSecret: SIGNING_SECRET } },
		]);
		const dir = fs.mkdtempSync(path.join(userFolder, 'bench-workflows-'));
		const files = WORKFLOWS.map((wf) => {
			const file = path.join(dir, `${wf.id}.json`);
			fs.writeFileSync(file, JSON.stringify(wf));
			return file;
		});
		await n8n.importWorkflows(files);
		await n8n.publish(WORKFLOWS.map((wf) => wf.id));
		await n8n.start();
		await n8n.setupOwner();
		await n8n.createApiKey('bench');
		/** @type {Record<Target, URL>} */
		const urls = {
			webhook: new URL(`${n8n.webhookBase}webhook/${WEBHOOK_NODE_PATH}`),
			billoget: new URL(n8n.webhookUrl(BILLOGET_WEBHOOK_ID, 'webhook')),
		};
		/** @type {Record<Target, ExecutionLedger>} */
		const ledgers = { webhook: { workflowId: WEBHOOK_WF, lastId: 0, started: 0 }, billoget: { workflowId: BILLOGET_WF, lastId: 0, started: 0 } };
		// Warm-up (not measured): n8n's first calls load code and fill caches.
		for (const target of /** @type {Target[]} */ (['webhook', 'billoget'])) {
			await burst(urls[target], WARM_UP, 4, 0);
			await settle(n8n, ledgers[target], WARM_UP);
		}
		process.stdout.write('\nGenuine deliveries only:\n');
		print(await measure(n8n, urls, 0, ledgers), false);
		if (process.env.BENCH_TRIGGER_GENUINE_ONLY) return;
		process.stdout.write(
			`\nWith ${FORGED_SHARE * 100}% forged deliveries (signature of other bytes) mixed in; latency columns are the genuine ones', the forged ones' p50/p99 are against Billoget's genuine:\n`,
		);
		print(await measure(n8n, urls, FORGED_SHARE, ledgers), true);
		process.stdout.write(`\nBilloget Trigger alone, genuine rounds against all-forged rounds, alternating, concurrency ${FORGED_ONLY_CONCURRENCY}:\n`);
		printForgedOnly(await forgedOnly(n8n, urls.billoget, ledgers.billoget));
	} finally {
		await stopAll();
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
