// @ts-check
'use strict';
/**
 * The n8n releases the install-and-run suite (test/install/) checks the package on, each with the Node.js
 * it runs on. Each is installed once by scripts/n8n-install.sh into the cache folder (see N8N_CACHE_DIR
 * in scripts/n8n.js) and reused. README's compatibility table lists exactly these.
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { N8N_VERSION, N8N_LOCAL_DIR, N8N_CACHE_DIR, REPO_ROOT, nodeBinary } = require('./n8n');

/**
 * @typedef {object} N8nRelease
 * @property {string} version n8n version
 * @property {number} nodeMajor the Node.js major it runs on
 * @property {string} why why it is in the matrix
 * @property {Record<string, string>} [env] environment this release needs on top of scripts/n8n.js's
 */

/** @type {N8nRelease[]} */
const RELEASES = [
	{ version: N8N_VERSION, nodeMajor: 24, why: 'the release the demo and the end-to-end suite run' },
	// 2.x's mcp-registry module (switched off, it calls n8n's servers at start) does not exist in 1.x,
	// which refuses unknown module names.
	{ version: '1.123.81', nodeMajor: 22, why: 'the newest n8n 1.x', env: { N8N_DISABLED_MODULES: '' } },
];

/** Install folder of a release (N8N_LOCAL_DIR for the pinned one, as scripts/n8n-install.sh). @param {N8nRelease} r */
function releaseDir(r) {
	return r.version === N8N_VERSION ? N8N_LOCAL_DIR : path.join(N8N_CACHE_DIR, `n8n-${r.version}`);
}

/** @param {N8nRelease} r */
function isReleaseInstalled(r) {
	const dir = releaseDir(r);
	const marker = path.join(dir, '.installed-version');
	return fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n')) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === r.version;
}

/**
 * Installs the release when missing (minutes, once; progress on stderr) and returns what runs it.
 * @param {N8nRelease} r
 * @returns {{n8nBin: string, nodeBin: string, dir: string, installedNow: boolean}}
 */
function ensureRelease(r) {
	const dir = releaseDir(r);
	const installedNow = !isReleaseInstalled(r);
	if (installedNow) {
		cp.execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'n8n-install.sh')], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, N8N_VERSION: r.version, N8N_LOCAL_DIR: dir },
		});
	}
	return { n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), nodeBin: nodeFor(r), dir, installedNow };
}

/** The Node.js binary for a release: this process's Node 24, or Node 22 from scripts/node22.sh. @param {N8nRelease} r */
function nodeFor(r) {
	if (r.nodeMajor === 24) return nodeBinary();
	if (r.nodeMajor === 22) {
		const dir = cp
			.execFileSync('bash', ['-c', 'source scripts/node22.sh >&2 && printf %s "$NODE22_DIR"'], {
				cwd: REPO_ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			})
			.trim();
		return path.join(dir, 'bin', 'node');
	}
	throw new Error(`no Node.js ${r.nodeMajor} is set up for n8n ${r.version}`);
}

/** `v22.23.5` of a Node binary. @param {string} nodeBin */
function nodeVersionOf(nodeBin) {
	return cp.execFileSync(nodeBin, ['-v'], { encoding: 'utf8' }).trim();
}

module.exports = { RELEASES, releaseDir, isReleaseInstalled, ensureRelease, nodeFor, nodeVersionOf };
