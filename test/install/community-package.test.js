// @ts-check
'use strict';
/**
 * The package installed as n8n users install it, on every n8n release of the compatibility matrix
 * (scripts/n8n-releases.js): `npm pack`, published to a local registry, installed through
 * `POST /rest/community-packages` (what Settings → Community Nodes → Install calls), then listed, run
 * (an action and a signed trigger delivery), kept across a restart, updated to the next version and
 * uninstalled.
 *
 *   node --test test/install/community-package.test.js
 *   BILLOGET_N8N_RELEASES=1.123.81 node --test test/install/community-package.test.js   # one release
 *
 * Needs the build (`npm run build`) and Node 24 (`source scripts/node24.sh`).
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, it } = require('node:test');

const lib = require('../../scripts/n8n');
const { startSandboxProcess } = require('../../scripts/sandbox-proc');
const reg = require('../../scripts/local-registry');
const { RELEASES, ensureRelease, nodeVersionOf } = require('../../scripts/n8n-releases');

const PACKAGE = lib.PACKAGE_NAME;
const NODE_TYPES = ['billoget', 'billogetTrigger', 'billogetPollTrigger'].map((n) => `${PACKAGE}.${n}`);
const CREDENTIAL_TYPE = 'billogetApi';
const only = (process.env.BILLOGET_N8N_RELEASES || '').split(',').filter(Boolean);
const releases = only.length ? RELEASES.filter((r) => only.includes(r.version)) : RELEASES;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'billoget-install-'));
/** @type {Array<() => Promise<void>>} */
const cleanups = [];
let failed = false;

/** @type {ReturnType<typeof reg.packPackage>} */
let first;
/** @type {ReturnType<typeof reg.packPackage>} */
let second;
/** @type {import('../../scripts/sandbox-proc').SandboxProcess} */
let sandbox;

before(async () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(lib.REPO_ROOT, 'package.json'), 'utf8'));
	for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
		assert.ok(fs.existsSync(path.join(lib.REPO_ROOT, f)), `${f} is missing: run \`npm run build\` first`);
	first = reg.packPackage(path.join(work, 'packs'));
	second = reg.repackWithVersion(first.file, reg.nextPatch(first.version), path.join(work, 'packs-next'));
	sandbox = await startSandboxProcess({ port: await lib.freePort(), logFile: path.join(work, 'sandbox.log') });
	cleanups.push(() => sandbox.stop());
});

/**
 * A registry of its own for each release (the next version is published in the middle of the test),
 * with the first version published; its storage lives in an ignored folder of the clone, emptied first.
 * @param {string} name
 */
async function startLocalRegistry(name) {
	const r = await reg.startLocalRegistry({ dir: path.join(lib.REPO_ROOT, '.state', 'local-registry', name) });
	cleanups.push(() => r.stop());
	r.publish(first.file);
	return r;
}

after(async () => {
	for (const c of cleanups.reverse()) await c().catch(() => {});
	if (!failed) fs.rmSync(work, { recursive: true, force: true });
	else console.log(`# n8n user folders and logs kept in ${work}`);
});

/**
 * Sequential steps of one release: once a step fails, the later ones fail too ("not run"), so that
 * nothing is reported as passing without having run.
 */
function steps() {
	/** @type {string | undefined} */
	let brokenBy;
	/** @param {string} name @param {() => Promise<void>} fn @param {number} [timeout] */
	return (name, fn, timeout = 120000) =>
		it(name, { timeout }, async () => {
			if (brokenBy) assert.fail(`not run: "${brokenBy}" failed`);
			try {
				await fn();
			} catch (e) {
				brokenBy = name;
				failed = true;
				throw e;
			}
		});
}

/** @template T @param {() => Promise<T>} fn @param {string} what @param {number} [timeoutMs] @returns {Promise<NonNullable<T>>} */
async function waitFor(fn, what, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return /** @type {NonNullable<T>} */ (v);
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await lib.sleep(250);
	}
}

/** @param {any} answer @returns {any[]} */
const listOf = (answer) => (Array.isArray(answer) ? answer : Array.isArray(answer?.data) ? answer.data : answer?.data?.data || []);

/** Node type names and credential type names n8n offers its editor. @param {lib.N8n} n8n */
async function loadedTypes(n8n) {
	const nodes = await n8n.http('GET', '/types/nodes.json');
	assert.equal(nodes.status, 200, `/types/nodes.json → ${nodes.status}`);
	const creds = await n8n.http('GET', '/types/credentials.json');
	assert.equal(creds.status, 200, `/types/credentials.json → ${creds.status}`);
	return {
		nodes: new Set((nodes.json || []).map((/** @type {any} */ n) => String(n.name))),
		credentials: new Set((creds.json || []).map((/** @type {any} */ c) => String(c.name))),
	};
}

/** The Billoget node types n8n lists, sorted. @param {lib.N8n} n8n */
async function billogetNodeTypes(n8n) {
	const { nodes } = await loadedTypes(n8n);
	return [...nodes].filter((n) => n.startsWith(`${PACKAGE}.`)).sort();
}

/** @param {lib.N8n} n8n @returns {Promise<any[]>} */
async function installedPackages(n8n) {
	return listOf(await n8n.call('GET', '/rest/community-packages'));
}

/**
 * Approves a budget in the sandbox (which sends budget.approved to the subscriptions); returns its id.
 * @returns {Promise<number>}
 */
async function approveABudget() {
	const pending = await sandbox.api('GET', '/api/public/budget-approvals/pending');
	assert.equal(pending.status, 200, `pending approvals → ${pending.status} ${pending.text.slice(0, 200)}`);
	let approval = listOf(pending.json)[0];
	if (!approval) {
		const budget = listOf((await sandbox.api('GET', '/api/public/budgets?state=0&limit=1')).json)[0];
		assert.ok(budget, 'no budget in state Generated to submit for approval');
		const submitted = await sandbox.api('POST', '/api/public/budget-approvals/submit', { budgetId: budget.id, requestNotes: 'install test' });
		assert.ok([200, 201].includes(submitted.status), `submit approval → ${submitted.status} ${submitted.text.slice(0, 200)}`);
		approval = submitted.json.data;
	}
	const processed = await sandbox.api('POST', `/api/public/budget-approvals/${approval.id}/process`, { action: 'approve', comments: 'install test' });
	assert.equal(processed.status, 200, `process approval → ${processed.status} ${processed.text.slice(0, 200)}`);
	return Number(approval.budgetId);
}

for (const release of releases) {
	// n8n 1.x checks a version tag ("latest", what the install screen sends by default) at the public
	// registry's URL directly; its npm fallback accepts only an exact version, so offline it is given one.
	const exactVersionNeeded = release.version.startsWith('1.');
	describe(`n8n ${release.version} on Node ${release.nodeMajor} (${release.why})`, () => {
		const step = steps();
		/** @type {lib.N8n} */
		let n8n;
		/** @type {ReturnType<typeof reg.writeNpmWrapper>} */
		let npm;
		const tag = release.version.replace(/\./g, '');
		const actionPath = `billoget-install-${tag}`;
		const triggerWebhookId = `inst0000-0000-4000-8000-0000${tag.padStart(8, '0').slice(-8)}`;
		/** @type {string} */
		let triggerWorkflowId;
		/** @type {string} */
		let packageDir;
		/** @type {import('../../scripts/local-registry').LocalRegistry} */
		let registry;

		/** Runs Customer › Get Many (limit 3) through the webhook workflow; returns the customers. */
		async function runAction() {
			// an activation's webhook can take a moment to be served
			const r = await waitFor(async () => {
				const answer = await n8n.http('GET', `/webhook/${actionPath}`);
				return answer.status === 404 ? undefined : answer;
			}, 'the action workflow\'s webhook to be served');
			assert.equal(r.status, 200, `action workflow → ${r.status} ${r.text.slice(0, 300)}`);
			const items = Array.isArray(r.json) ? r.json : [r.json];
			const expected = listOf((await sandbox.api('GET', '/api/public/customers?limit=3')).json).map((c) => c.id);
			assert.deepEqual(
				items.map((c) => c.id),
				expected,
				'the node returns the first three customers the sandbox has',
			);
			return items;
		}

		step(`n8n ${release.version} is installed once into the cache folder and reused`, async () => {
			const r = ensureRelease(release);
			registry = await startLocalRegistry(`n8n-${release.version}`);
			n8n = new lib.N8n({
				userFolder: lib.makeUserFolder({ dir: path.join(work, `n8n-${release.version}`), fresh: true }),
				port: await lib.freePort(),
				name: `n8n-${release.version}`,
				n8nBin: r.n8nBin,
				nodeBin: r.nodeBin,
				pathPrefix: [],
				env: { ...(await reg.offlineProxyEnv()), N8N_COMMUNITY_PACKAGES_ENABLED: 'true', ...(release.env || {}) },
			});
			npm = reg.writeNpmWrapper(path.join(n8n.userFolder, 'npm-wrapper'), registry.url);
			n8n.pathPrefix.push(npm.dir);
			const got = JSON.parse(fs.readFileSync(path.join(r.dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
			assert.equal(got, release.version);
			const nodeVersion = nodeVersionOf(r.nodeBin);
			assert.equal(nodeVersion.split('.')[0], `v${release.nodeMajor}`);
			console.log(`# n8n ${got} on Node ${nodeVersion} (${r.installedNow ? 'installed now' : 'reused'} from ${r.dir})`);
		}, 1800000);

		step('starts without the package; owner and API key are set up', async () => {
			cleanups.push(() => n8n.stop());
			await n8n.start({ timeoutMs: 240000 });
			await n8n.setupOwner();
			await n8n.createApiKey('install-test');
			assert.deepEqual(await billogetNodeTypes(n8n), [], 'no Billoget node type before the install');
			assert.deepEqual(await installedPackages(n8n), []);
		}, 300000);

		step(`POST /rest/community-packages installs ${PACKAGE} from the registry`, async () => {
			const body = exactVersionNeeded ? { name: PACKAGE, version: first.version } : { name: PACKAGE };
			const r = await n8n.http('POST', '/rest/community-packages', { body });
			assert.equal(r.status, 200, `install → ${r.status} ${r.text.slice(0, 500)}`);
			const installed = r.json.data;
			assert.equal(installed.packageName, PACKAGE);
			assert.equal(installed.installedVersion, first.version);
			assert.deepEqual(installed.installedNodes.map((/** @type {any} */ n) => n.type).sort(), [...NODE_TYPES].sort());
			// n8n ran npm itself, with its default registry argument, which the wrapper sent to the local one
			const calls = npm.calls();
			assert.ok(
				calls.some((c) => c.startsWith(`pack ${PACKAGE}@`) && c.includes(`--registry=${registry.url.replace(/\/$/, '')}`)),
				`npm pack through the local registry; npm calls:\n${calls.join('\n')}`,
			);
			packageDir = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
			assert.equal(JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version, first.version);
			// the peer dependency is n8n's own: no second n8n-workflow next to the package
			assert.equal(fs.existsSync(path.join(packageDir, 'node_modules', 'n8n-workflow')), false, 'n8n-workflow installed beside the package');
			assert.deepEqual(
				(await installedPackages(n8n)).map((p) => [p.packageName, p.installedVersion]),
				[[PACKAGE, first.version]],
				'the Community Nodes list shows the package with its version',
			);
		}, 240000);

		step('the three node types and the credential are listed for the editor', async () => {
			const types = await billogetNodeTypes(n8n);
			for (const t of NODE_TYPES) assert.ok(types.includes(t), `${t} missing; listed: ${types.join(', ')}`);
			// the action node is usable as an AI tool: n8n adds its Tool variant
			assert.ok(types.includes(`${PACKAGE}.billogetTool`), `${PACKAGE}.billogetTool missing; listed: ${types.join(', ')}`);
			assert.ok((await loadedTypes(n8n)).credentials.has(CREDENTIAL_TYPE), `credential type ${CREDENTIAL_TYPE} missing`);
		});

		step('the credential Test is the nodes’ own: a good key passes, a key without bk_ is refused unsent', async () => {
			const testCredential = async (/** @type {string} */ apiKey) => {
				const answer = await n8n.call('POST', '/rest/credentials/test', {
					credentials: { id: '', name: 'Billoget Sandbox', type: CREDENTIAL_TYPE, data: { apiKey, baseUrl: sandbox.baseUrl } },
				});
				return answer.data || answer;
			};
			assert.deepEqual(await testCredential(lib.SANDBOX_DEMO_KEY), { status: 'OK', message: 'Connection successful!' });
			const refused = await testCredential('sk_live_wrong');
			const logged = (await sandbox.admin('GET', '/requests')).data;
			assert.equal(logged.filter((/** @type {{ keyPrefix: string | null }} */ r) => r.keyPrefix === 'sk_live_wron').length, 0, 'the Test sent a request for a key without bk_');
			assert.equal(refused.status, 'Error');
			assert.match(refused.message, /^The API key in the Billoget credential is not a Billoget key\. Billoget API keys start with bk_live_ or bk_test_/);
		});

		step('an action runs: Customer › Get Many (limit 3) through an active workflow', async () => {
			const cred = await n8n.call('POST', '/rest/credentials', {
				name: 'Billoget Sandbox',
				type: CREDENTIAL_TYPE,
				data: { apiKey: lib.SANDBOX_DEMO_KEY, baseUrl: sandbox.baseUrl, webhookSigningSecret: '' },
			});
			const credential = { [CREDENTIAL_TYPE]: { id: (cred.data || cred).id, name: 'Billoget Sandbox' } };
			const action = await n8n.call('POST', '/api/v1/workflows', {
				name: 'Install test: customers',
				nodes: [
					{
						parameters: { path: actionPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
						id: 'inst-webhook',
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: [0, 0],
						webhookId: `inst0000-0000-4000-8000-a${tag.padStart(11, '0').slice(-11)}`,
					},
					{
						parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 3 },
						id: 'inst-billoget',
						name: 'Billoget',
						type: `${PACKAGE}.billoget`,
						typeVersion: 1,
						position: [220, 0],
						credentials: credential,
					},
				],
				connections: { Webhook: { main: [[{ node: 'Billoget', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			await n8n.activate(action.id);
			const trigger = await n8n.call('POST', '/api/v1/workflows', {
				name: 'Install test: approved budgets',
				nodes: [
					{
						parameters: { events: ['budget.approved'], registration: 'automatic', options: {} },
						id: 'inst-trigger',
						name: 'Billoget Trigger',
						type: `${PACKAGE}.billogetTrigger`,
						typeVersion: 1,
						position: [0, 0],
						webhookId: triggerWebhookId,
						credentials: credential,
					},
					{ parameters: {}, id: 'inst-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
				],
				connections: { 'Billoget Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			triggerWorkflowId = trigger.id;
			const customers = await runAction();
			assert.equal(customers.length, 3);
		});

		step('the trigger registers itself; a signed delivery starts one execution, a forged one gets 401', async () => {
			await n8n.activate(triggerWorkflowId);
			const url = n8n.webhookUrl(triggerWebhookId, 'webhook');
			/** @type {any[]} */
			let all = [];
			const subs = await waitFor(async () => {
				all = listOf(await sandbox.admin('GET', '/subscriptions'));
				const mine = all.filter((s) => s.url === url);
				return mine.length ? mine : undefined;
			}, `a subscription for ${url}`).catch((e) => assert.fail(`${e.message}; subscriptions: ${JSON.stringify(all)}`));
			assert.equal(subs.length, 1, `one subscription for ${url}`);
			const budgetId = await approveABudget();
			const execs = await n8n.waitForExecutions(triggerWorkflowId, (e) => e.length >= 1, { includeData: true });
			assert.equal(execs.length, 1, 'one execution for one delivery');
			assert.equal(execs[0].status, 'success');
			const out = lib.nodeOutput(execs[0], 'Billoget Trigger');
			assert.equal(out[0]?.event, 'budget.approved');
			assert.equal(Number(out[0]?.data?.id ?? out[0]?.data?.budgetId ?? out[0]?.data?.budget?.id), budgetId);
			const body = JSON.stringify({ event: 'budget.approved', timestamp: new Date().toISOString(), data: { id: budgetId }, metadata: { delivery_id: crypto.randomUUID() } });
			const forged = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-billoget-signature': crypto.createHmac('sha256', 'not-the-secret').update(body).digest('hex') },
				body,
			});
			assert.equal(forged.status, 401, 'a delivery signed with another secret is refused');
		});

		step('after a restart the package is still installed, loaded and running', async () => {
			const p = n8n.procs[0];
			assert.ok(p, 'n8n is not running');
			await n8n.stopProc(p.proc);
			await n8n.start({ timeoutMs: 240000 });
			await n8n.setupOwner();
			assert.deepEqual(
				(await installedPackages(n8n)).map((x) => [x.packageName, x.installedVersion]),
				[[PACKAGE, first.version]],
			);
			for (const t of NODE_TYPES) assert.ok((await billogetNodeTypes(n8n)).includes(t), `${t} missing after the restart`);
			await runAction();
		}, 300000);

		step(`updates to ${reg.nextPatch(first.version)} when the registry has it`, async () => {
			registry.publish(second.file);
			const listed = (await installedPackages(n8n)).find((x) => x.packageName === PACKAGE);
			assert.equal(listed?.updateAvailable, second.version, 'the Community Nodes list offers the update');
			const body = exactVersionNeeded ? { name: PACKAGE, version: second.version } : { name: PACKAGE };
			const r = await n8n.http('PATCH', '/rest/community-packages', { body });
			assert.equal(r.status, 200, `update → ${r.status} ${r.text.slice(0, 500)}`);
			assert.equal(r.json.data.installedVersion, second.version);
			assert.equal(JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version, second.version);
			assert.deepEqual(
				(await installedPackages(n8n)).map((x) => [x.packageName, x.installedVersion]),
				[[PACKAGE, second.version]],
			);
			await runAction();
		}, 240000);

		step('uninstalls: the package, its node types and the credential type are gone', async () => {
			await n8n.deactivate(triggerWorkflowId);
			const r = await n8n.http('DELETE', `/rest/community-packages?name=${PACKAGE}`);
			assert.equal(r.status, 200, `uninstall → ${r.status} ${r.text.slice(0, 500)}`);
			assert.deepEqual(await installedPackages(n8n), []);
			await waitFor(async () => (await billogetNodeTypes(n8n)).length === 0, 'the node types to be unlisted');
			assert.equal((await loadedTypes(n8n)).credentials.has(CREDENTIAL_TYPE), false, 'credential type still listed');
			assert.equal(fs.existsSync(packageDir), false, `${packageDir} still exists`);
		}, 240000);

		step('n8n stops cleanly', async () => {
			const p = n8n.procs[0];
			assert.ok(p, 'n8n is not running');
			await n8n.stopProc(p.proc);
			assert.ok(p.proc.exitCode === 0 || p.proc.signalCode === 'SIGTERM', `exit ${p.proc.exitCode} / ${p.proc.signalCode}`);
		});
	});
}
