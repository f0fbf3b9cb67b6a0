// @ts-check
'use strict';
/**
 * Helpers of the browser suite: Debian's Chromium (installed with apt-get when missing) started by hand
 * with a fixed set of flags and a fresh profile, driven over CDP by playwright-core (which never
 * downloads a browser here), and a real n8n 2.41.1 with this package and the Billoget sandbox.
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('../../scripts/n8n');
const { startSandboxProcess } = require('../../scripts/sandbox-proc');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = path.join(lib.REPO_ROOT, '.state', 'browser');

/** Installs Debian's chromium when it is missing (as the e2e installs redis-server). */
function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	console.log('[browser] installing Debian chromium (apt-get) ...');
	const sudo = typeof process.getuid === 'function' && process.getuid() === 0 ? [] : ['sudo'];
	const run = (/** @type {string[]} */ args) => {
		const [cmd, ...rest] = [...sudo, ...args];
		const r = cp.spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
	};
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM} after apt-get install`);
	return CHROMIUM;
}

/**
 * Starts Chromium headless with its own profile folder and connects playwright-core to it.
 * @returns {Promise<{browser: import('playwright-core').Browser, page: import('playwright-core').Page, stop: () => Promise<void>}>}
 */
async function launchChromium() {
	const { chromium } = require('playwright-core');
	const executable = ensureChromium();
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'billoget-chromium-'));
	const args = [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		`--user-data-dir=${profile}`,
		'--remote-debugging-address=127.0.0.1',
		'--remote-debugging-port=0',
		'--window-size=1440,900',
		'about:blank',
	];
	const proc = cp.spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
	const wsEndpoint = await new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${seen.slice(-2000)}`)), 60000);
		proc.stderr.on('data', (d) => {
			seen += d;
			const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		proc.on('exit', (code) => reject(new Error(`chromium exited ${code}:\n${seen.slice(-2000)}`)));
	});
	const browser = await chromium.connectOverCDP(wsEndpoint);
	const context = browser.contexts()[0];
	const page = context.pages()[0] || (await context.newPage());
	await page.setViewportSize({ width: 1440, height: 900 });
	return {
		browser,
		page,
		stop: async () => {
			await browser.close().catch(() => {});
			lib.killGroup(proc, 'SIGKILL');
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * The Billoget sandbox and a real n8n on free ports with this package, the example workflows and the
 * demo owner (fresh state folder each run).
 */
async function startN8nWithSandbox() {
	if (!lib.isN8nInstalled()) lib.installN8n();
	const userFolder = lib.makeUserFolder({ name: 'browser' });
	const sandbox = await startSandboxProcess({ port: await lib.freePort(), logFile: path.join(userFolder, 'sandbox.log') });
	const n8n = new lib.N8n({ userFolder, port: await lib.freePort(), name: 'n8n' });
	try {
		lib.installPackage(userFolder);
		await n8n.importCredentials([lib.billogetCredential({ baseUrl: sandbox.baseUrl })]);
		const dir = path.join(lib.REPO_ROOT, 'examples');
		const examples = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
		await n8n.importWorkflows(examples);
		await n8n.start();
		await n8n.setupOwner();
		await n8n.createApiKey(`browser-${Date.now()}`);
		for (const t of lib.EXAMPLE_DATA_TABLES) await n8n.ensureDataTable(t);
	} catch (e) {
		await n8n.stop().catch(() => {});
		await sandbox.stop().catch(() => {});
		throw e;
	}
	const exampleIds = fs
		.readdirSync(path.join(lib.REPO_ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(fs.readFileSync(path.join(lib.REPO_ROOT, 'examples', f), 'utf8')).id);
	return {
		n8n,
		sandbox,
		userFolder,
		exampleIds,
		stop: async () => {
			await n8n.stop().catch(() => {});
			await sandbox.stop().catch(() => {});
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

module.exports = { launchChromium, startN8nWithSandbox, ensureChromium, SCREENSHOTS, lib };
