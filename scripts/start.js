#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The demo (run through `bash scripts/start.sh`, which installs and builds first): starts the Billoget
 * sandbox and a real n8n with this package, the "Billoget Sandbox" credential and the example
 * workflows, prints the URLs and the owner login, and stops both on Ctrl-C.
 *
 * The package is installed as users install it: packed, published to a local registry (verdaccio on
 * 127.0.0.1, see scripts/local-registry.js) and installed through the endpoint of n8n's Settings →
 * Community Nodes screen, which therefore lists it with its version.
 *
 *   node scripts/start.js [--port 5678] [--sandbox-port 4010] [--keep] [--verbose] [--state-dir DIR]
 *
 * --keep       reuse the n8n state of the previous run (your own workflows and executions); the
 *              examples are imported only into a new state folder
 * --verbose    print n8n's log here (it always goes to <state>/n8n.log)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./n8n');
const { startSandboxProcess } = require('./sandbox-proc');
const reg = require('./local-registry');

/** @param {string} name @param {string} fallback */
function opt(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const PORT = Number(opt('--port', process.env.N8N_DEMO_PORT || '5678'));
const SANDBOX_PORT = Number(opt('--sandbox-port', process.env.BILLOGET_SANDBOX_PORT || '4010'));
const KEEP = process.argv.includes('--keep');
const VERBOSE = process.argv.includes('--verbose');
// Outside the repository on purpose: see makeUserFolder() in scripts/n8n.js.
const STATE_DIR = path.resolve(opt('--state-dir', path.join(os.tmpdir(), 'n8n-nodes-billoget-demo')));

const EXAMPLES_DIR = path.join(lib.REPO_ROOT, 'examples');
/** Example workflows the demo activates: the Billoget Trigger, the form and the MCP server. */
const ACTIVATE = ['exBudgetApprovedAlert', 'exFormBudgetRequest', 'exMcpServer'];

/** @type {Array<() => Promise<void>>} */
const stops = [];
let stopping = false;
/** @param {number} code */
async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	console.log('\n[start] stopping n8n and the sandbox ...');
	for (const stop of stops.reverse()) {
		try {
			await stop();
		} catch (e) {
			console.error(`[start] ${e instanceof Error ? e.message : e}`);
		}
	}
	console.log('[start] stopped.');
	process.exit(code);
}
for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(sig, () => void shutdown(0));

async function main() {
	const t0 = Date.now();
	for (const [what, port] of /** @type {Array<[string, number]>} */ ([
		['n8n', PORT],
		['the sandbox', SANDBOX_PORT],
	])) {
		if (await lib.isPortBusy(port))
			throw new Error(`port ${port} (for ${what}) is in use: stop what uses it, or pick another with --port / --sandbox-port`);
	}
	if (!lib.isN8nInstalled()) lib.installN8n();

	const reuse = KEEP && fs.existsSync(path.join(STATE_DIR, '.n8n', 'database.sqlite'));
	const userFolder = lib.makeUserFolder({ dir: STATE_DIR, fresh: !reuse });
	console.log(`[start] n8n state: ${userFolder}${reuse ? ' (kept from the last run)' : ' (new)'}`);

	const sandbox = await startSandboxProcess({
		port: SANDBOX_PORT,
		logFile: path.join(userFolder, 'sandbox.log'),
		onLog: (l) => console.log(l),
	});
	stops.push(() => sandbox.stop());
	console.log(`[start] Billoget sandbox: ${sandbox.baseUrl}`);

	// The package, packed and published to a local registry that n8n's npm is sent to.
	const registry = await reg.startLocalRegistry({ dir: path.join(lib.REPO_ROOT, '.state', 'demo-registry') });
	stops.push(() => registry.stop());
	const pack = reg.packPackage(path.join(lib.REPO_ROOT, '.state', 'demo-pack'));
	registry.publish(pack.file);
	const npm = reg.writeNpmWrapper(path.join(userFolder, 'npm-wrapper'), registry.url);
	const n8n = new lib.N8n({
		userFolder,
		port: PORT,
		name: 'n8n',
		onLog: VERBOSE ? (l) => console.log(l) : undefined,
		pathPrefix: [npm.dir],
		env: await reg.offlineProxyEnv(),
	});
	stops.push(() => n8n.stop());
	const installedDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', lib.PACKAGE_NAME);
	if (reuse && fs.existsSync(installedDir)) {
		// Installed by an earlier run: bring this build into place (same version, new code).
		lib.installPackage(userFolder);
	} else {
		console.log(`[start] installing ${pack.name}@${pack.version} through n8n's Community Nodes endpoint ...`);
		await n8n.start();
		await n8n.setupOwner();
		const r = await n8n.http('POST', '/rest/community-packages', { body: { name: pack.name } });
		if (r.status !== 200) throw new Error(`installing the package in n8n → ${r.status} ${r.text.slice(0, 500)}`);
		await n8n.stop();
	}
	// The credential is written every time: the sandbox URL may differ from the last run.
	await n8n.importCredentials([lib.billogetCredential({ baseUrl: sandbox.baseUrl })]);
	const examples = fs.existsSync(EXAMPLES_DIR) ? fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')) : [];
	if (!reuse && examples.length) {
		await n8n.importWorkflows(examples.map((f) => path.join(EXAMPLES_DIR, f)));
		const ids = new Set(examples.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')).id));
		await n8n.publish(ACTIVATE.filter((id) => ids.has(id)));
		console.log(`[start] imported ${examples.length} example workflows; active: ${ACTIVATE.filter((id) => ids.has(id)).join(', ')}`);
	}

	console.log(`[start] starting n8n ${lib.N8N_VERSION} (log: ${n8n.logFile}) ...`);
	const started = await n8n.start();
	console.log(`[start] n8n ready in ${(started.ms / 1000).toFixed(1)} s`);
	await n8n.setupOwner();
	await n8n.createApiKey(`demo-${Date.now()}`);
	for (const t of lib.EXAMPLE_DATA_TABLES) await n8n.ensureDataTable(t);
	if (reuse) {
		// The sandbox starts empty at each run: let active Billoget Triggers register again.
		const wfs = (await n8n.call('GET', '/api/v1/workflows?active=true')).data || [];
		for (const wf of wfs) {
			if (!wf.nodes.some((/** @type {any} */ n) => n.type === `${lib.PACKAGE_NAME}.billogetTrigger`)) continue;
			await n8n.deactivate(wf.id);
			await n8n.activate(wf.id);
		}
	}

	const o = lib.DEMO_OWNER;
	const pending = await sandbox.api('GET', '/api/public/budget-approvals/pending');
	const approvalId =
		(pending.json && Array.isArray(pending.json.data) && pending.json.data[0] && pending.json.data[0].id) || '<approvalId>';
	const listed = ((await n8n.call('GET', '/rest/community-packages')).data || []).find(
		(/** @type {any} */ p) => p.packageName === lib.PACKAGE_NAME,
	);
	if (!listed) throw new Error(`${lib.PACKAGE_NAME} is not installed in n8n (Settings → Community Nodes)`);
	console.log(`
================================================================================
 n8n ${lib.N8N_VERSION} with ${lib.PACKAGE_NAME} ${listed.installedVersion} (Settings → Community Nodes):
   ${n8n.baseUrl}
   login:     ${o.email}
   password:  ${o.password}
 Billoget sandbox API: ${sandbox.baseUrl}   (credential "${lib.DEMO_CREDENTIAL_NAME}",
   demo key ${lib.SANDBOX_DEMO_KEY})
 Budget request form:  ${n8n.baseUrl}/form/budget-request
 MCP server for AI agents (Billoget tools):  ${n8n.baseUrl}/mcp/billoget
 Try the trigger: approve a budget in the sandbox and open Executions in n8n:
   curl -s -X POST -H 'Authorization: Bearer ${lib.SANDBOX_DEMO_KEY}' \\
     -H 'Content-Type: application/json' -d '{"action":"approve"}' \\
     ${sandbox.baseUrl}/api/public/budget-approvals/${approvalId}/process
 Started in ${lib.secondsSince(t0)} s. Ctrl-C stops n8n and the sandbox.
================================================================================`);

	// Stay up until a signal, or until n8n or the sandbox dies.
	await Promise.race([
		new Promise((resolve) => started.proc.on('close', resolve)).then(() => stopping || console.error('[start] n8n exited')),
		new Promise((resolve) => sandbox.proc.on('close', resolve)).then(() => stopping || console.error('[start] the sandbox exited')),
	]);
	await shutdown(1);
}

main().catch(async (e) => {
	console.error(`[start] ${e instanceof Error ? e.message : e}`);
	await shutdown(1);
});
