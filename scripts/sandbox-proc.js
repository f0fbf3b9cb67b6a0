// @ts-check
'use strict';
/**
 * Starts the Billoget sandbox (sandbox/cli.js, see sandbox/README.md) as a child process for the demo
 * and the end-to-end tests, and talks to its admin endpoints.
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, SANDBOX_DEMO_KEY, killGroup, nodeBinary, readBody, sleep, tail } = require('./n8n');

/** The sandbox entry point: sandbox/cli.js (or cli.mjs). */
function sandboxCli() {
	for (const f of ['cli.js', 'cli.mjs']) {
		const p = path.join(REPO_ROOT, 'sandbox', f);
		if (fs.existsSync(p)) return p;
	}
	throw new Error('sandbox/cli.js is missing: the Billoget sandbox is not written yet');
}

/**
 * @typedef {object} SandboxProcess
 * @property {number} port
 * @property {string} origin e.g. http://127.0.0.1:4010
 * @property {string} baseUrl API base URL, e.g. http://127.0.0.1:4010/v1 (what the credential needs)
 * @property {cp.ChildProcess} proc
 * @property {() => string} output
 * @property {() => Promise<void>} stop
 * @property {(method: string, p: string, body?: unknown, key?: string) => Promise<{status: number, json: any, text: string}>} api
 *   Billoget API call (path relative to baseUrl) with the demo key (or `key`)
 * @property {(method: string, p: string, body?: unknown) => Promise<any>} admin  `/__sandbox/...` call; throws unless 2xx
 */

/**
 * @param {{port: number, logFile?: string, onLog?: (line: string) => void, args?: string[], timeoutMs?: number}} opts
 * @returns {Promise<SandboxProcess>}
 */
async function startSandboxProcess(opts) {
	const origin = `http://127.0.0.1:${opts.port}`;
	const proc = cp.spawn(nodeBinary(), [sandboxCli(), '--port', String(opts.port), ...(opts.args || [])], {
		cwd: REPO_ROOT,
		env: { ...process.env, BILLOGET_SANDBOX_PORT: String(opts.port) },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
	let output = '';
	let buf = '';
	/** @type {number | null | undefined} */
	let exitCode;
	const exited = new Promise((resolve) =>
		proc.on('close', (code) => {
			exitCode = code;
			if (log) log.end();
			resolve(code);
		}),
	);
	/** @param {Buffer} chunk */
	const onData = (chunk) => {
		const s = chunk.toString();
		output += s;
		if (log) log.write(s);
		buf += s;
		let nl;
		while ((nl = buf.indexOf('\n')) >= 0) {
			const line = buf.slice(0, nl);
			buf = buf.slice(nl + 1);
			if (opts.onLog) opts.onLog(`[sandbox] ${line}`);
		}
	};
	proc.stdout.on('data', onData);
	proc.stderr.on('data', onData);

	const stop = async () => {
		if (exitCode !== undefined) return;
		killGroup(proc, 'SIGTERM');
		const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	};

	/** @type {SandboxProcess['api']} */
	const api = async (method, p, body, key = SANDBOX_DEMO_KEY) => {
		/** @type {Record<string, string>} */
		const headers = { authorization: `Bearer ${key}` };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${origin}/v1${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const { text, json } = await readBody(res);
		return { status: res.status, json, text };
	};
	/** @type {SandboxProcess['admin']} */
	const admin = async (method, p, body) => {
		const res = await fetch(`${origin}/__sandbox${p}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /__sandbox${p} → ${res.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : undefined;
	};

	const deadline = Date.now() + (opts.timeoutMs || 20000);
	for (;;) {
		if (exitCode !== undefined) throw new Error(`the sandbox exited (${exitCode}) at start:\n${tail(output)}`);
		try {
			const res = await fetch(`${origin}/__sandbox/health`);
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`the sandbox did not answer /__sandbox/health on ${origin}:\n${tail(output)}`);
		}
		await sleep(100);
	}
	return { port: opts.port, origin, baseUrl: `${origin}/v1`, proc, output: () => output, stop, api, admin };
}

module.exports = { startSandboxProcess, sandboxCli };
