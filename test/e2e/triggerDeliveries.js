// @ts-check
'use strict';
/**
 * The Billoget Trigger in a running n8n, the same in regular and in queue mode: subscriptions made and
 * removed with activation, and what a genuine, a forged and a replayed delivery start.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { test } = require('node:test');

const {
	ALL_TRIGGERS,
	STATIC_TRIGGER,
	TRIGGERS,
	approveABudget,
	deliveriesTo,
	n8nLib,
	run,
	subscriptionsFor,
	triggerItem,
	triggerUrl,
	waitFor,
} = require('./harness');

const { nodeOutput, sleep } = n8nLib;

/**
 * Every given trigger has exactly one sandbox subscription for its URL and event.
 * @param {import('../../scripts/n8n').N8n} n8n
 * @param {typeof ALL_TRIGGERS} [triggers]
 * @returns {Promise<string>} the subscribed paths
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
		assert.equal(subs.length, 1, `subscriptions for ${url}`);
		assert.deepEqual(subs[0].events, ['budget.approved'], `subscribed events of ${t.wf}`);
		urls.push(url.replace(n8n.baseUrl, ''));
	}
	return urls.join(', ');
}

/**
 * Deactivates every given trigger workflow and waits for its subscription to go.
 * @param {import('../../scripts/n8n').N8n} n8n
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
	assert.equal(left.length, 0, `subscriptions left in the sandbox after deactivation: ${left.join(', ')}`);
}

/**
 * Declares the delivery tests, in order, on a running n8n whose trigger workflows are active.
 * @param {() => import('../../scripts/n8n').N8n} get @param {'regular' | 'queue'} mode
 * @param {{worker?: () => string}} [opts] worker output, to check executions ran there
 */
function triggerDeliveryTests(get, mode, opts = {}) {
	/** @type {Record<string, any>} delivery record (sandbox log) per trigger workflow */
	const delivered = {};
	/** @type {Record<string, number>} executions per trigger workflow after the genuine delivery */
	const executionsAfter = {};
	/** @type {number} */
	let budgetId = 0;
	/** @param {string} wf @returns {(id: string) => void} */
	const onWorker = (wf) => (id) => {
		if (!opts.worker) return;
		assert.ok(opts.worker().includes(`Worker started execution ${id} `), `the worker log does not show execution ${id} of ${wf}`);
	};

	/**
	 * Waits for exactly one new, finished execution of a trigger workflow and returns it (with data).
	 * @param {import('../../scripts/n8n').N8n} n8n @param {string} wf @param {number} before
	 */
	async function oneNewExecution(n8n, wf, before) {
		const execs = await n8n.waitForExecutions(
			wf,
			(e) => e.length >= before + 1 && e.every((x) => x.status !== 'running' && x.status !== 'new'),
			{ includeData: true },
		);
		await sleep(1000); // a second execution would show up by now
		const now = await n8n.executions(wf);
		assert.equal(now.length, before + 1, `executions of ${wf}`);
		executionsAfter[wf] = now.length;
		return execs[0];
	}

	test(`${mode}: one approval → each trigger gets one signed delivery and starts exactly one execution`, async (t) => {
		const n8n = get();
		/** @type {Record<string, number>} */
		const before = {};
		/** @type {Record<string, number>} */
		const deliveredBefore = {};
		for (const tr of TRIGGERS) {
			before[tr.wf] = (await n8n.executions(tr.wf)).length;
			deliveredBefore[tr.wf] = (await deliveriesTo(triggerUrl(n8n, tr))).length;
		}
		budgetId = await approveABudget();
		/** @type {string[]} */
		const details = [];
		for (const tr of TRIGGERS) {
			const attempts = await waitFor(async () => {
				const d = (await deliveriesTo(triggerUrl(n8n, tr))).slice(deliveredBefore[tr.wf]).filter((x) => x.event === 'budget.approved');
				return d.length && d.every((x) => x.status !== undefined || x.error) ? d : undefined;
			}, `the sandbox to deliver budget.approved to ${tr.wf}`);
			delivered[tr.wf] = attempts[0];
			assert.deepEqual(
				attempts.map((a) => a.status ?? a.error),
				[200],
				`delivery attempts to ${tr.wf} (status)`,
			);
			const ex = await oneNewExecution(n8n, tr.wf, before[tr.wf]);
			assert.equal(ex.status, 'success', `status of execution ${ex.id} of ${tr.wf}`);
			const item = triggerItem(ex, tr.node);
			assert.deepEqual(
				[item.event, item.data && item.data.id, item.deliveryId],
				['budget.approved', budgetId, attempts[0].deliveryId],
				`trigger output of ${tr.wf} (event, budget id, delivery id)`,
			);
			onWorker(tr.wf)(ex.id);
			details.push(`${tr.wf}: execution ${ex.id}`);
		}
		t.diagnostic(`budget ${budgetId}; ${details.join(', ')}${opts.worker ? ' (on the worker)' : ''}`);
	});

	test(`${mode}: example "notify and record" composed the message and recorded the approval`, async (t) => {
		const n8n = get();
		const ex = (await n8n.executions('exBudgetApprovedAlert', { includeData: true }))[0];
		assert.ok(ex && ex.status === 'success', `no successful execution of the example: ${ex && ex.status}`);
		const note = nodeOutput(ex, 'Compose notification');
		assert.equal(note.length, 1, 'items of "Compose notification"');
		assert.ok(
			typeof note[0].message === 'string' && note[0].message.includes(`#${budgetId} `),
			`message: ${JSON.stringify(note[0].message)}`,
		);
		const rec = nodeOutput(ex, 'Record approval');
		assert.equal(rec.length, 1, 'items of "Record approval"');
		assert.equal(rec[0].budgetId, budgetId, 'recorded budget id');
		const rows = await n8n.dataTableRows(run.dataTables.billoget_approved_budgets);
		const row = rows.find((r) => r.budgetId === budgetId);
		assert.ok(row, `no row for budget ${budgetId} in the data table billoget_approved_budgets (${rows.length} rows)`);
		assert.equal(row.message, note[0].message, 'recorded message');
		t.diagnostic(note[0].message);
	});

	test(`${mode}: a forged delivery (wrong, missing, or reused signature) gets 401 and no execution`, async () => {
		const n8n = get();
		const wf = TRIGGERS[0].wf;
		const delivery = delivered[wf];
		assert.ok(delivery, 'no genuine delivery to forge from');
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
		assert.deepEqual([bad.status, none.status, reused.status], [401, 401, 401], 'answers (wrong, missing, signature of another body)');
		await sleep(1000);
		assert.equal((await n8n.executions(wf)).length, executionsAfter[wf], `executions of ${wf}`);
	});

	for (const tr of TRIGGERS) {
		test(`${mode}: ${tr.label}: the same delivery sent again (same id and signature) starts no execution`, async (t) => {
			const n8n = get();
			const delivery = delivered[tr.wf];
			assert.ok(delivery, 'no genuine delivery to replay');
			const res = await fetch(delivery.url, { method: 'POST', headers: { ...delivery.headers }, body: delivery.body });
			const text = await res.text();
			await sleep(1000);
			assert.equal((await n8n.executions(tr.wf)).length, executionsAfter[tr.wf], `executions of ${tr.wf}`);
			assert.equal(res.status, 200, `answer ${res.status} ${text.slice(0, 200)} (a duplicate is answered 200)`);
			t.diagnostic(`answered ${res.status} ${text.slice(0, 80)}`);
		});
	}

	// In queue mode n8n 2.41.1's worker saves static data without the trigger's node entry (a known
	// limitation written in the README), so this check runs in regular mode only.
	if (mode === 'queue') return;
	// Runs last: its approval reaches every trigger and would upset the counts checked above.
	test(`${mode}: a Code node writing workflow static data leaves the trigger working (next delivery accepted)`, async (t) => {
		const n8n = get();
		const tr = STATIC_TRIGGER;
		const url = triggerUrl(n8n, tr);
		const execs = await n8n.executions(tr.wf, { includeData: true });
		assert.ok(execs.length >= 1 && execs[0].status === 'success', `the first approval did not run ${tr.wf} (${execs.length} executions)`);
		const counted = nodeOutput(execs[0], 'Count deliveries')[0]?.deliveries;
		const deliveredBefore = (await deliveriesTo(url)).length;
		const nextBudget = await approveABudget();
		const attempt = await waitFor(async () => {
			const d = (await deliveriesTo(url)).slice(deliveredBefore).find((x) => x.event === 'budget.approved');
			return d && (d.status !== undefined || d.error) ? d : undefined;
		}, `a delivery to ${tr.wf}`);
		assert.equal(
			attempt.status,
			200,
			`the next delivery was answered ${attempt.status ?? attempt.error}: the trigger lost its stored subscription secret after the Code node saved the workflow's static data`,
		);
		const ex = await oneNewExecution(n8n, tr.wf, execs.length);
		assert.equal(ex.status, 'success', `status of execution ${ex.id}`);
		assert.equal(nodeOutput(ex, 'Count deliveries')[0]?.deliveries, counted + 1, "the Code node's own static data (count of deliveries)");
		onWorker(tr.wf)(ex.id);
		t.diagnostic(`budget ${nextBudget}, execution ${ex.id}`);
	});
}

module.exports = { subscriptionsRegistered, subscriptionsRemoved, triggerDeliveryTests };
