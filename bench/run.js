// @ts-check
'use strict';
/**
 * `npm run bench`: figures, not assertions. Runs the Billoget node inside n8n-core's WorkflowExecute
 * against the sandbox and prints, for every Match On key of customers and products, a bulk input and a
 * small one: records, existing, changed, new; how the node looked records up; requests our Create or
 * Update spent; requests a per-item search-then-write would spend; the floor; wall time and peak
 * memory; then Get Many with Return All over 10,000 products against the same page requests in a bare
 * fetch loop and in a loop over n8n's own HTTP helper (median, IQR, min, max).
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

/** @typedef {'customer' | 'product'} Kind */
/** @typedef {'email' | 'dni' | 'cuit' | 'sku' | 'productCode'} Key */

/**
 * Every Match On key of Create or Update. Email and SKU are searched per item on small inputs (every
 * reading of Billoget's API searches them); DNI, CUIT and product code are always matched against the
 * full list, since not every reading's search covers them.
 * @type {Array<{kind: Kind, key: Key, searchable: boolean}>}
 */
const KEYS = [
	{ kind: 'customer', key: 'email', searchable: true },
	{ kind: 'customer', key: 'dni', searchable: false },
	{ kind: 'customer', key: 'cuit', searchable: false },
	{ kind: 'product', key: 'sku', searchable: true },
	{ kind: 'product', key: 'productCode', searchable: false },
];

/** Input items of the small run (below the Load All threshold of 20). */
const SMALL_INPUT = 10;

const padded = (/** @type {number} */ n) => String(n).padStart(6, '0');

/**
 * Record n of a kind. Keys are zero-padded so that one key is never a substring of another (a search
 * for one then returns exactly one record).
 * @param {Kind} kind
 * @param {number} n
 * @param {boolean} fresh a record that does not exist yet
 */
function recordFor(kind, n, fresh) {
	const id = fresh ? 900000 + n : n;
	if (kind === 'customer') {
		return {
			firstName: fresh ? `New${n}` : `First${n}`,
			lastName: fresh ? 'Contact' : `Last${n}`,
			email: `person${padded(id)}@crm.test`,
			dni: 20000000 + id,
			cuit: `20-${String(30000000 + id)}-${id % 10}`,
			phoneNumber: `+54 11 ${1000 + id}`,
		};
	}
	return {
		productCode: `HW-${padded(id)}`,
		sku: `SKU-${padded(id)}`,
		description: fresh ? `New ${n}` : `Product ${n}`,
		category: fresh ? 'Fresh' : `Cat${n % 7}`,
		price: 10 + (n % 50),
		stock: n % 9,
	};
}

/**
 * `existing` records in the sandbox; an input of `size` items of which NEW_SHARE are new records,
 * CHANGED_SHARE change one field, the rest are equal.
 * @param {Kind} kind
 * @param {number} existingCount
 * @param {number} size
 */
function scenario(kind, existingCount, size) {
	const fresh = Math.round(size * NEW_SHARE) || (size < 50 ? 1 : 0);
	const changed = Math.round(size * CHANGED_SHARE) || (size < 50 ? 1 : 0);
	/** @type {any[]} */ const existing = [];
	/** @type {any[]} */ const input = [];
	for (let n = 0; n < existingCount; n++) existing.push(recordFor(kind, n, false));
	for (let n = 0; n < size; n++) {
		if (n < fresh) {
			input.push(recordFor(kind, n, true));
			continue;
		}
		const record = { ...existing[n] };
		if (n < fresh + changed) {
			if (kind === 'customer') record.phoneNumber = `+54 11 changed-${n}`;
			else record.price = record.price + 0.5;
		}
		input.push(record);
	}
	return { existing, input, fresh, changed };
}

/** Node parameters of Create or Update matching on `key`, every other field mapped from the item. */
function upsertParameters(/** @type {Kind} */ kind, /** @type {Key} */ key) {
	const fields = kind === 'customer' ? ['email', 'dni', 'cuit', 'phoneNumber'] : ['productCode', 'sku', 'description', 'category', 'price', 'stock'];
	/** @type {Record<string, string>} */ const mapped = {};
	for (const field of fields) if (field !== key) mapped[field] = `={{ $json.${field} }}`;
	return kind === 'customer'
		? {
				resource: 'customer',
				operation: 'upsert',
				matchOn: key,
				matchValue: `={{ $json.${key} }}`,
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				additionalFields: mapped,
				options: {},
			}
		: { resource: 'product', operation: 'upsert', matchOn: key, matchValue: `={{ $json.${key} }}`, fields: mapped, options: {} };
}

/**
 * Runs Create or Update over `size` items against `existingCount` records, matching on `key`, and
 * checks the data afterwards. The floor: with a list walk, one request per 100 existing records plus
 * one write per new or changed record; with per-item search, one search per item plus the writes.
 * @param {{kind: Kind, key: Key, searchable: boolean}} spec
 * @param {number} existingCount
 * @param {number} size
 */
async function upsertBenchmark(spec, existingCount, size) {
	const { kind, key } = spec;
	const sb = await startSandbox({ port: 0, seed: 'empty', defaultRateLimitPerHour: 1_000_000 });
	try {
		const { existing, input, fresh, changed } = scenario(kind, existingCount, size);
		for (const record of existing) {
			if (kind === 'customer') sb.store.createCustomer(record);
			else sb.store.createProduct(record);
		}
		const mark = sb.requests.length;
		const run = await measured(() =>
			engine.runBillogetNode({
				parameters: upsertParameters(kind, key),
				items: input,
				credentials: { apiKey: 'bk_test_5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e', baseUrl: sb.baseUrl },
			}),
		);
		const requests = sb.requests.length - mark;
		const perItem = spec.searchable && size <= 20;
		const floor = (perItem ? size : Math.ceil(existing.length / 100)) + fresh + changed;
		const naive = 2 * input.length;
		const actions = new Map();
		for (const item of run.result.items) actions.set(item.json.action, (actions.get(item.json.action) ?? 0) + 1);

		// The sandbox afterwards must equal the expected data exactly (keyed on the match key).
		/** @type {Map<string, any>} */ const expected = new Map();
		for (const record of [...existing, ...input]) expected.set(String(record[key]), record);
		const records = /** @type {any[]} */ (kind === 'customer' ? [...sb.store.customers.values()] : [...sb.store.products.values()]);
		let mismatches = Math.abs(records.length - expected.size);
		for (const record of records) {
			const want = expected.get(String(record[key]));
			if (!want || Object.entries(want).some(([k, v]) => record[k] !== v)) mismatches++;
		}
		return {
			kind,
			key,
			mode: perItem ? 'search per item' : 'list walk',
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

/** Prints one table of upsert results. */
function printUpserts(/** @type {string} */ title, /** @type {Awaited<ReturnType<typeof upsertBenchmark>>[]} */ rows) {
	process.stdout.write(`${title}\n`);
	process.stdout.write(
		`${pad('resource', 10)}${pad('match on', 13)}${pad('lookup', 17)}${pad('records', 9)}${pad('existing', 10)}${pad('changed', 9)}${pad('new', 6)}${pad('our requests', 14)}${pad('per-item', 10)}${pad('floor', 7)}${pad('over floor', 12)}${pad('wall', 9)}${pad('peak RSS', 10)}${pad('data check', 12)}\n`,
	);
	for (const r of rows) {
		process.stdout.write(
			`${pad(r.kind, 10)}${pad(r.key, 13)}${pad(r.mode, 17)}${pad(String(r.records), 9)}${pad(String(r.existing), 10)}${pad(String(r.changed), 9)}${pad(String(r.fresh), 6)}${pad(String(r.requests), 14)}${pad(String(r.naive), 10)}${pad(String(r.floor), 7)}${pad(`${r.overFloor.toFixed(1)}%`, 12)}${pad(`${(r.ms / 1000).toFixed(2)} s`, 9)}${pad(mb(r.peakRss), 10)}${pad(r.mismatches === 0 ? 'exact' : `${r.mismatches} off`, 12)}\n`,
		);
		process.stdout.write(`          outcomes: ${JSON.stringify(r.actions)}; run status: ${r.status}\n`);
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
	const bulk = [];
	for (const spec of KEYS) bulk.push(await upsertBenchmark(spec, EXISTING, EXISTING));
	printUpserts(`Create or Update, ${EXISTING} items against ${EXISTING} records (Load All Once for every key):`, bulk);
	const small = [];
	for (const spec of KEYS) small.push(await upsertBenchmark(spec, EXISTING, SMALL_INPUT));
	printUpserts(
		`\nCreate or Update, ${SMALL_INPUT} items against ${EXISTING} records (Auto: email and SKU searched per item; DNI, CUIT and product code need the list walk):`,
		small,
	);
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
