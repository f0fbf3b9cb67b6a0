// @ts-check
'use strict';
/**
 * `npm run bench`: figures, not assertions. Runs the Billoget node inside n8n-core's WorkflowExecute
 * against the sandbox and prints, for customers and products: records, existing, changed, new;
 * requests our Create or Update spent; requests a per-item search-then-write would spend; the floor;
 * wall time and peak memory; then Get Many with Return All over 10,000 products against the same
 * page requests in a bare fetch loop and in a loop over n8n's own HTTP helper (median, IQR, min, max).
 * Sizes: BENCH_EXISTING (default 5000), BENCH_PRODUCTS (default 10000); BENCH_RETURN_ALL_RUNS (default 7)
 * timed Return All runs of each, in rotating order.
 */
require('./tsRequire');
const { performance } = require('perf_hooks');
const path = require('path');
const { startSandbox } = require('../sandbox/server');
/** @type {typeof import('../test/harness/engine')} */
const engine = require('../test/harness/engine');

// n8n's outbound HTTP service, from the very copies n8n-core loads (same module instances).
const n8nCoreDir = path.dirname(require.resolve('n8n-core'));
/** @type {{Container: {get: (type: any) => any}}} */
const { Container } = require(require.resolve('@n8n/di', { paths: [n8nCoreDir] }));
const { OutboundHttp } = require(require.resolve('@n8n/backend-network', { paths: [n8nCoreDir] }));
const outboundHttp = Container.get(OutboundHttp);

const EXISTING = Number(process.env.BENCH_EXISTING ?? 5000);
const PRODUCT_COUNT = Number(process.env.BENCH_PRODUCTS ?? 10000);
/** Timed Return All runs of each (node, bare loop); at least 7 for a median worth quoting. */
const RETURN_ALL_RUNS = Math.max(1, Number(process.env.BENCH_RETURN_ALL_RUNS ?? 7));
const CHANGED_SHARE = 0.05;
const NEW_SHARE = 0.02;

/** Peak RSS and heap during `fn`, sampled every 20 ms. */
async function measured(/** @type {() => Promise<any>} */ fn) {
	let peakRss = process.memoryUsage().rss;
	let peakHeap = process.memoryUsage().heapUsed;
	const timer = setInterval(() => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	}, 20);
	const started = performance.now();
	try {
		const result = await fn();
		return { result, ms: performance.now() - started, peakRss, peakHeap };
	} finally {
		clearInterval(timer);
	}
}

/**
 * Median, quartiles and extremes of a list of figures.
 * @param {number[]} list
 */
function spread(list) {
	const sorted = [...list].sort((a, b) => a - b);
	/** Linear interpolation between closest ranks. @param {number} q */
	const at = (q) => {
		const pos = (sorted.length - 1) * q;
		const low = Math.floor(pos);
		const high = Math.ceil(pos);
		return sorted[low] + (sorted[high] - sorted[low]) * (pos - low);
	};
	return { median: at(0.5), q1: at(0.25), q3: at(0.75), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pad = (/** @type {string} */ s, /** @type {number} */ n) => s.padEnd(n);

/**
 * Builds the input: EXISTING records in the sandbox; an input of EXISTING items of which NEW_SHARE are
 * new records (replacing as many existing ones), CHANGED_SHARE change one field, the rest are equal.
 * @param {'customer' | 'product'} kind
 */
function scenario(kind) {
	const total = EXISTING;
	const fresh = Math.round(total * NEW_SHARE);
	const changed = Math.round(total * CHANGED_SHARE);
	/** @type {any[]} */ const existing = [];
	/** @type {any[]} */ const input = [];
	/** @type {Map<string, any>} */ const expected = new Map();
	for (let n = 0; n < total; n++) {
		const record =
			kind === 'customer'
				? { firstName: `First${n}`, lastName: `Last${n}`, email: `person${n}@crm.test`, phoneNumber: `+54 11 ${1000 + n}` }
				: { productCode: `SKU-${n}`, description: `Product ${n}`, category: `Cat${n % 7}`, price: 10 + (n % 50), stock: n % 9 };
		existing.push(record);
	}
	for (let n = 0; n < total; n++) {
		if (n < fresh) {
			const record =
				kind === 'customer'
					? { firstName: `New${n}`, lastName: 'Contact', email: `new${n}@crm.test`, phoneNumber: `+54 9 ${n}` }
					: { productCode: `NEW-${n}`, description: `New ${n}`, category: 'Fresh', price: 1 + n, stock: 1 };
			input.push(record);
			continue;
		}
		const record = { ...existing[n] };
		if (n < fresh + changed) {
			if (kind === 'customer') record.phoneNumber = `+54 11 changed-${n}`;
			else record.price = record.price + 0.5;
		}
		input.push(record);
	}
	for (const record of existing) expected.set(kind === 'customer' ? record.email : record.productCode, record);
	for (const record of input) expected.set(kind === 'customer' ? record.email : record.productCode, record);
	return { existing, input, fresh, changed, expected };
}

/** @param {'customer' | 'product'} kind */
async function upsertBenchmark(kind) {
	const sb = await startSandbox({ port: 0, seed: 'empty', defaultRateLimitPerHour: 1_000_000 });
	try {
		const { existing, input, fresh, changed, expected } = scenario(kind);
		for (const record of existing) {
			if (kind === 'customer') sb.store.createCustomer(record);
			else sb.store.createProduct(record);
		}
		const parameters =
			kind === 'customer'
				? {
						resource: 'customer',
						operation: 'upsert',
						matchOn: 'email',
						matchValue: '={{ $json.email }}',
						firstName: '={{ $json.firstName }}',
						lastName: '={{ $json.lastName }}',
						additionalFields: { phoneNumber: '={{ $json.phoneNumber }}' },
						options: {},
					}
				: {
						resource: 'product',
						operation: 'upsert',
						matchOn: 'productCode',
						matchValue: '={{ $json.productCode }}',
						fields: {
							description: '={{ $json.description }}',
							category: '={{ $json.category }}',
							price: '={{ $json.price }}',
							stock: '={{ $json.stock }}',
						},
						options: {},
					};
		const mark = sb.requests.length;
		const run = await measured(() =>
			engine.runBillogetNode({ parameters, items: input, credentials: { apiKey: 'bk_test_5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e', baseUrl: sb.baseUrl } }),
		);
		const sent = sb.requests.slice(mark);
		const requests = sent.length;
		const floor = Math.ceil(existing.length / 100) + fresh + changed;
		const naive = 2 * input.length;
		const actions = new Map();
		for (const item of run.result.items) actions.set(item.json.action, (actions.get(item.json.action) ?? 0) + 1);

		// The sandbox afterwards must equal the expected data exactly.
		const records = kind === 'customer' ? [...sb.store.customers.values()] : [...sb.store.products.values()];
		let mismatches = records.length === expected.size ? 0 : Math.abs(records.length - expected.size);
		for (const record of /** @type {any[]} */ (records)) {
			const want = expected.get(kind === 'customer' ? record.email : record.productCode);
			if (!want || Object.entries(want).some(([k, v]) => record[k] !== v)) mismatches++;
		}
		return {
			kind,
			status: run.result.status,
			records: input.length,
			existing: existing.length,
			changed,
			fresh,
			requests,
			naive,
			floor,
			overFloor: ((requests - floor) / floor) * 100,
			ms: run.ms,
			peakRss: run.peakRss,
			peakHeap: run.peakHeap,
			actions: Object.fromEntries(actions),
			mismatches,
		};
	} finally {
		await sb.stop();
	}
}

async function getManyBenchmark() {
	const sb = await startSandbox({ port: 0, seed: 'empty', defaultRateLimitPerHour: 1_000_000 });
	try {
		for (let n = 0; n < PRODUCT_COUNT; n++) {
			sb.store.createProduct({ productCode: `P-${n}`, description: `Product ${n}`, category: `Cat${n % 11}`, price: n % 100, stock: 1 });
		}
		const key = 'bk_test_5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e';
		const bareLoop = async () => {
			let page = 1;
			let count = 0;
			for (;;) {
				const response = await fetch(`${sb.baseUrl}/api/public/products?page=${page}&limit=100`, {
					headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
				});
				const body = /** @type {any} */ (await response.json());
				count += body.data.length;
				if (!body.pagination.hasMore) break;
				page++;
			}
			return count;
		};
		// The same loop through n8n's own HTTP helper (what `this.helpers.httpRequest*` calls), which every
		// node must use: the floor for anything that talks to Billoget from inside n8n.
		const helperLoop = async () => {
			let page = 1;
			let count = 0;
			for (;;) {
				const response = /** @type {any} */ (
					await outboundHttp.requests().request({
						method: 'GET',
						url: `${sb.baseUrl}/api/public/products`,
						qs: { page, limit: 100 },
						headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
						json: true,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						timeout: 30000,
					})
				);
				count += response.body.data.length;
				if (!response.body.pagination.hasMore) break;
				page++;
			}
			return count;
		};
		// Start → Billoget in WorkflowExecute, as the tests run it, without the tests' secret scan (which
		// serialises the whole run of 10,000 items: a cost of the test harness, not of the node).
		const nodes = /** @type {import('n8n-workflow').INode[]} */ ([
			{ id: 'start', name: 'Start', type: engine.START_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: [{}] } },
			{
				id: 'billoget',
				name: 'Billoget',
				type: engine.BILLOGET_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'product', operation: 'getMany', returnAll: true, simplify: false },
				credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
			},
		]);
		const connections = { Start: { main: [[{ node: 'Billoget', type: /** @type {const} */ ('main'), index: 0 }]] } };
		const node = async () => {
			const run = await engine.runWorkflow(nodes, connections, { apiKey: key, baseUrl: sb.baseUrl });
			if (run.status !== 'success') throw new Error(`Return All run ended ${run.status}`);
			return { items: run.data.resultData.runData.Billoget[0].data?.main?.[0] ?? [] };
		};
		// Warm every path once, then time them in rotating order (bare, helper, node; helper, node, bare;
		// …) so that a slower stretch of the machine falls on each.
		await bareLoop();
		await helperLoop();
		await node();
		/** @type {number[]} */ const bareTimes = [];
		/** @type {number[]} */ const helperTimes = [];
		/** @type {number[]} */ const nodeTimes = [];
		let nodeItems = 0;
		let bareItems = 0;
		let helperItems = 0;
		let peakRss = 0;
		let peakHeap = 0;
		const timed = [
			async () => {
				const bare = await measured(bareLoop);
				bareTimes.push(bare.ms);
				bareItems = bare.result;
			},
			async () => {
				const helper = await measured(helperLoop);
				helperTimes.push(helper.ms);
				helperItems = helper.result;
			},
			async () => {
				const viaNode = await measured(node);
				nodeTimes.push(viaNode.ms);
				nodeItems = viaNode.result.items.length;
				peakRss = Math.max(peakRss, viaNode.peakRss);
				peakHeap = Math.max(peakHeap, viaNode.peakHeap);
			},
		];
		for (let round = 0; round < RETURN_ALL_RUNS; round++) {
			for (let k = 0; k < timed.length; k++) await timed[(round + k) % timed.length]();
		}
		return {
			products: PRODUCT_COUNT,
			nodeItems,
			bareItems,
			helperItems,
			bare: spread(bareTimes),
			helper: spread(helperTimes),
			node: spread(nodeTimes),
			ratios: spread(nodeTimes.map((ms, n) => ms / bareTimes[n])),
			helperRatios: spread(nodeTimes.map((ms, n) => ms / helperTimes[n])),
			peakRss,
			peakHeap,
		};
	} finally {
		await sb.stop();
	}
}

async function main() {
	process.stdout.write(`Billoget bulk benchmark (Node ${process.version}), existing records: ${EXISTING}\n\n`);
	const rows = [];
	for (const kind of /** @type {const} */ (['customer', 'product'])) rows.push(await upsertBenchmark(kind));
	process.stdout.write(
		`${pad('resource', 10)}${pad('records', 9)}${pad('existing', 10)}${pad('changed', 9)}${pad('new', 6)}${pad('our requests', 14)}${pad('per-item', 10)}${pad('floor', 7)}${pad('over floor', 12)}${pad('wall', 9)}${pad('peak RSS', 10)}${pad('data check', 12)}\n`,
	);
	for (const r of rows) {
		process.stdout.write(
			`${pad(r.kind, 10)}${pad(String(r.records), 9)}${pad(String(r.existing), 10)}${pad(String(r.changed), 9)}${pad(String(r.fresh), 6)}${pad(String(r.requests), 14)}${pad(String(r.naive), 10)}${pad(String(r.floor), 7)}${pad(`${r.overFloor.toFixed(1)}%`, 12)}${pad(`${(r.ms / 1000).toFixed(2)} s`, 9)}${pad(mb(r.peakRss), 10)}${pad(r.mismatches === 0 ? 'exact' : `${r.mismatches} off`, 12)}\n`,
		);
		process.stdout.write(`          outcomes: ${JSON.stringify(r.actions)}; run status: ${r.status}\n`);
	}
	const g = await getManyBenchmark();
	const ms = (/** @type {number} */ n) => `${n.toFixed(0)} ms`;
	const x = (/** @type {number} */ n) => `${n.toFixed(2)}x`;
	/** @param {string} label @param {{median: number, q1: number, q3: number, min: number, max: number}} t @param {(n: number) => string} f */
	const line = (label, t, f) => `${pad(label, 26)}${pad(f(t.median), 10)}${pad(`${f(t.q1)} – ${f(t.q3)}`, 22)}${pad(f(t.min), 10)}${f(t.max)}\n`;
	process.stdout.write(
		`\nGet Many, Return All over ${g.products} products, ${g.node.runs} runs of each in rotating order ` +
			`(items: node ${g.nodeItems}, n8n helper loop ${g.helperItems}, bare loop ${g.bareItems}):\n` +
			`${pad('', 26)}${pad('median', 10)}${pad('IQR', 22)}${pad('min', 10)}max\n` +
			line('node (WorkflowExecute)', g.node, ms) +
			line("loop over n8n's helper", g.helper, ms) +
			line('bare fetch loop', g.bare, ms) +
			line('node / bare, per round', g.ratios, x) +
			line('node / helper, per round', g.helperRatios, x) +
			`ratio of medians: node / bare ${x(g.node.median / g.bare.median)}, node / helper ${x(g.node.median / g.helper.median)}; ` +
			`peak RSS ${mb(g.peakRss)}, peak heap ${mb(g.peakHeap)}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
