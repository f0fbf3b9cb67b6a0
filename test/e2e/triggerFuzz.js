// @ts-check
'use strict';
/**
 * The trigger fuzz against real n8n over HTTP: the deliveries of test/fuzz/webhookFuzzer.js (the same
 * generator and seed as test/engine/trigger-fuzz.test.ts) sent over plain sockets to a running trigger's
 * production URL.
 */
const assert = require('node:assert/strict');
const net = require('node:net');

const { fuzzDeliveries } = require('../fuzz/webhookFuzzer');
const { TRIGGERS, n8nLib, subscriptionsFor, triggerItem, triggerUrl } = require('./harness');

const { secondsSince, sleep } = n8nLib;

/** Seed, number of deliveries, and how many are in flight at once. */
const FUZZ = { seed: 20261125, count: 10_000, concurrency: 8 };

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
 * @param {import('../../scripts/n8n').N8n} n8n
 */
async function fuzzTrigger(n8n) {
	const t = TRIGGERS[0];
	const url = triggerUrl(n8n, t);
	const subscription = (await subscriptionsFor(url))[0];
	assert.ok(subscription && typeof subscription.secret === 'string', `no subscription with a secret for ${url}`);
	const before = (await n8n.executions(t.wf)).length;
	const t0 = Date.now();
	/** @type {Record<string, number>} */
	const statuses = {};
	/** @type {string[]} */
	const wrong = [];
	/** @type {string[]} */
	const genuineIds = [];
	/** @param {import('../fuzz/webhookFuzzer').FuzzCase} c */
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
	assert.ok(health.status === 200, `n8n /healthz → ${health.status} after the fuzz`);
	assert.ok(n8n.procs.length > 0 && n8n.procs.every((p) => p.proc.exitCode === null), 'the n8n process exited during the fuzz');
	assert.ok(wrong.length === 0, `${wrong.length} deliveries answered wrongly, first ones:\n${wrong.slice(0, 10).join('\n')}`);
	const execs = await n8n.waitForExecutions(
		t.wf,
		(e) => e.length >= before + genuineIds.length && e.every((x) => x.status !== 'running' && x.status !== 'new'),
		{ timeoutMs: 60000, includeData: true },
	);
	await sleep(2000); // an extra execution would show up by now
	const after = await n8n.executions(t.wf, { includeData: true });
	assert.equal(after.length, before + genuineIds.length, `executions of ${t.wf} (before + genuine deliveries)`);
	const ran = after.slice(0, genuineIds.length).map((ex) => triggerItem(ex, t.node).deliveryId).reverse();
	assert.deepEqual(ran, genuineIds, 'delivery ids of the new executions, oldest first');
	assert.ok(execs.length > 0, 'no executions listed');
	const summary = Object.entries(statuses)
		.sort((a, b) => b[1] - a[1])
		.map(([k, v]) => `${k}×${v}`)
		.join(', ');
	return `${FUZZ.count} deliveries in ${seconds} s (answers ${summary}); ${genuineIds.length} genuine → ${genuineIds.length} executions`;
}

module.exports = { FUZZ, fuzzTrigger };
