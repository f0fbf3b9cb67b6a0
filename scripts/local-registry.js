// @ts-check
'use strict';
/**
 * Installing the package into real n8n the way users do, without the public registry: `npm pack`,
 * a local npm registry (verdaccio, a dev dependency) on 127.0.0.1, and an `npm` wrapper for n8n.
 *
 * Why the wrapper: n8n's Community Nodes install (`POST /rest/community-packages`, what Settings →
 * Community Nodes calls) runs `npm pack` / `npm install` / `npm outdated` with
 * `--registry=<N8N_COMMUNITY_PACKAGES_REGISTRY>` itself, and a registry other than the default one
 * needs an enterprise licence. So n8n keeps the default registry and finds, first on its PATH, a small
 * `npm` that replaces that one argument with the local registry before running the real npm.
 *
 * n8n also asks two HTTPS services directly (its package-status service and the registry's metadata
 * URL); it falls back to `npm view` when they fail. `offlineProxyEnv()` makes them fail at once on the
 * loopback interface, so the whole install stays on this machine.
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT, freePort, killGroup, nodeBinary, sleep, tail } = require('./n8n');

const DEFAULT_REGISTRY = 'https://registry.npmjs.org';
const VERDACCIO_BIN = path.join(REPO_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');

/**
 * `npm pack` of the built package into `dir`.
 * @param {string} dir
 * @param {string} [packageRoot] a folder with package.json (default: this repository)
 * @returns {{file: string, name: string, version: string, files: Array<{path: string, size: number}>, size: number, unpackedSize: number}}
 */
function packPackage(dir, packageRoot = REPO_ROOT) {
	fs.mkdirSync(dir, { recursive: true });
	const out = cp.execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, packageRoot], {
		cwd: dir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(out);
	return {
		file: path.join(dir, info.filename),
		name: info.name,
		version: info.version,
		files: info.files.map((/** @type {any} */ f) => ({ path: f.path, size: f.size })),
		size: info.size,
		unpackedSize: info.unpackedSize,
	};
}

/**
 * The same tarball with another version in its package.json (the "next release" for update tests).
 * @param {string} tarball @param {string} version @param {string} dir
 */
function repackWithVersion(tarball, version, dir) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'billoget-repack-'));
	try {
		cp.execFileSync('tar', ['-xzf', tarball, '-C', work]);
		const pkgFile = path.join(work, 'package', 'package.json');
		const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
		pkg.version = version;
		fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
		return packPackage(dir, path.join(work, 'package'));
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/** x.y.z → x.y.(z+1) @param {string} version */
function nextPatch(version) {
	const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
	if (!m) throw new Error(`not a semver version: ${version}`);
	return `${m[1]}.${m[2]}.${Number(m[3]) + 1}`;
}

/**
 * @typedef {object} LocalRegistry
 * @property {string} url e.g. http://127.0.0.1:43121/
 * @property {string} npmrc a userconfig file with the publish token
 * @property {(tarball: string) => void} publish
 * @property {(name: string) => Promise<any>} packument
 * @property {() => string} output
 * @property {() => Promise<void>} stop
 */

/**
 * Starts verdaccio on a free loopback port with no uplinks (it serves only what is published to it) and
 * its storage in `dir` (emptied first), creates a publishing user and returns helpers.
 * @param {{dir: string, port?: number, onLog?: (line: string) => void}} opts
 * @returns {Promise<LocalRegistry>}
 */
async function startLocalRegistry(opts) {
	fs.rmSync(opts.dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(opts.dir, 'storage'), { recursive: true });
	const port = opts.port || (await freePort());
	const url = `http://127.0.0.1:${port}/`;
	const config = path.join(opts.dir, 'config.yaml');
	fs.writeFileSync(
		config,
		[
			'# local registry for install tests: no uplinks, so nothing is fetched from elsewhere',
			`storage: ${JSON.stringify(path.join(opts.dir, 'storage'))}`,
			'auth:',
			'  htpasswd:',
			`    file: ${JSON.stringify(path.join(opts.dir, 'htpasswd'))}`,
			'    max_users: 10',
			'uplinks: {}',
			'packages:',
			"  '**':",
			'    access: $all',
			'    publish: $authenticated',
			'    unpublish: $authenticated',
			'middlewares:',
			'  audit:',
			'    enabled: false',
			'log: { type: stdout, format: pretty, level: warn }',
			'',
		].join('\n'),
	);
	const proc = cp.spawn(nodeBinary(), [VERDACCIO_BIN, '--config', config, '--listen', `127.0.0.1:${port}`], {
		cwd: opts.dir,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		env: { ...process.env, NODE_OPTIONS: '' },
	});
	let output = '';
	/** @param {Buffer} d */
	const onData = (d) => {
		output += d;
		if (opts.onLog) for (const l of String(d).split('\n')) if (l) opts.onLog(`[registry] ${l}`);
	};
	proc.stdout.on('data', onData);
	proc.stderr.on('data', onData);
	/** @type {number | null | undefined} */
	let exitCode;
	const exited = new Promise((resolve) => proc.on('close', (code) => resolve((exitCode = code))));
	const stop = async () => {
		if (exitCode !== undefined) return;
		killGroup(proc, 'SIGTERM');
		const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	};
	const deadline = Date.now() + 60000;
	for (;;) {
		if (exitCode !== undefined) throw new Error(`verdaccio exited (${exitCode}) at start:\n${tail(output)}`);
		const up = await fetch(`${url}-/ping`).then(
			(r) => r.ok,
			() => false,
		);
		if (up) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`verdaccio did not answer on ${url}:\n${tail(output)}`);
		}
		await sleep(200);
	}
	const user = { name: 'billoget-ci', password: 'local-registry-only' };
	const res = await fetch(`${url}-/user/org.couchdb.user:${user.name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(user),
	});
	const created = /** @type {{token?: string}} */ (await res.json());
	if (!created.token) {
		await stop();
		throw new Error(`could not create a user on the local registry: ${res.status} ${JSON.stringify(created)}`);
	}
	const npmrc = path.join(opts.dir, 'npmrc');
	fs.writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=${created.token}\n`);
	return {
		url,
		npmrc,
		publish: (tarball) => {
			cp.execFileSync('npm', ['publish', tarball, `--registry=${url}`, `--userconfig=${npmrc}`, '--ignore-scripts', '--access=public'], {
				cwd: opts.dir,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
		},
		packument: async (name) => {
			const r = await fetch(`${url}${encodeURIComponent(name).replace('%40', '@')}`);
			return r.ok ? r.json() : undefined;
		},
		output: () => output,
		stop,
	};
}

/**
 * Writes `<dir>/npm`, which runs the real npm with n8n's default-registry argument replaced by
 * `registryUrl` (also the registry of calls that name none), logging each call (one line of arguments) to `<dir>/npm-calls.log`. Put `dir` first
 * on n8n's PATH.
 * @param {string} dir @param {string} registryUrl
 * @returns {{dir: string, log: string, calls: () => string[]}}
 */
function writeNpmWrapper(dir, registryUrl) {
	fs.mkdirSync(dir, { recursive: true });
	const realNpm = cp.execFileSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
	if (!realNpm) throw new Error('npm is not on PATH');
	const log = path.join(dir, 'npm-calls.log');
	const target = registryUrl.replace(/\/+$/, '');
	const script = `#!/usr/bin/env bash
# npm for n8n's Community Nodes install in tests: n8n passes --registry=${DEFAULT_REGISTRY} itself
# (or no registry, meaning that one); send it to the local registry instead, and log what n8n ran.
args=()
for a in "$@"; do
  case "$a" in
    --registry=${DEFAULT_REGISTRY}|--registry=${DEFAULT_REGISTRY}/) a="--registry=${target}" ;;
  esac
  args+=("$a")
done
printf '%s\\n' "\${args[*]}" >> ${JSON.stringify(log)}
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy
# calls without a --registry (n8n's update check, \`npm outdated\`) mean the default registry too
export npm_config_registry=${JSON.stringify(target)}
exec ${JSON.stringify(realNpm)} "\${args[@]}"
`;
	fs.writeFileSync(path.join(dir, 'npm'), script, { mode: 0o755 });
	fs.writeFileSync(log, '');
	return { dir, log, calls: () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

/**
 * Environment for an n8n whose own HTTPS calls must not leave the machine: a proxy on a closed
 * loopback port, loopback excepted (the task runner, the local registry).
 * @returns {Promise<Record<string, string>>}
 */
async function offlineProxyEnv() {
	const closed = `http://127.0.0.1:${await freePort()}`;
	const noProxy = '127.0.0.1,localhost,::1';
	return { HTTP_PROXY: closed, HTTPS_PROXY: closed, http_proxy: closed, https_proxy: closed, NO_PROXY: noProxy, no_proxy: noProxy };
}

module.exports = {
	DEFAULT_REGISTRY,
	packPackage,
	repackWithVersion,
	nextPatch,
	startLocalRegistry,
	writeNpmWrapper,
	offlineProxyEnv,
};
