// @ts-check
'use strict';
/**
 * Files of this repository for TypeScript tests, which n8n's lint keeps away from Node's own modules.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The `scripts` of package.json.
 * @returns {Record<string, string>}
 */
function packageScripts() {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	return manifest.scripts ?? {};
}

/**
 * Whether a path relative to the repository root is an existing file.
 * @param {string} relativePath
 * @returns {boolean}
 */
function repoFileExists(relativePath) {
	try {
		return fs.statSync(path.join(REPO_ROOT, relativePath)).isFile();
	} catch {
		return false;
	}
}

module.exports = { packageScripts, repoFileExists };
