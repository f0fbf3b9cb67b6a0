// @ts-check
'use strict';
/**
 * n8n's verification scanner, `@n8n/scan-community-package`, on this package with zero findings.
 *
 * Its command line (`npx @n8n/scan-community-package n8n-nodes-billoget`) works on a published package
 * only: it reads the package's metadata from the public npm registry (a fixed URL), requires an npm
 * provenance statement (made by .github/workflows/publish.yml when a tag is published), and downloads
 * the source that statement names from GitHub. None of that exists before a release, nor offline. Its
 * exported analyser `analyzePackage(dir, patterns)` is what it then runs on both, so here it runs on the
 * same two inputs: the packed tarball (compiled `.js` and package.json, as the scanner scopes the
 * tarball) and the source tree (the scanner's SOURCE_FILE_PATTERNS, as it scopes the attested source).
 *
 *   node --test test/install/scanner.test.js      (after `npm run build`)
 */
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, it } = require('node:test');

const { REPO_ROOT } = require('../../scripts/n8n');
const { packPackage } = require('../../scripts/local-registry');

/**
 * @typedef {{passed: boolean, message?: string, details?: string}} ScanResult
 * @typedef {{analyzePackage: (dir: string, patterns?: string[]) => Promise<ScanResult>, SOURCE_FILE_PATTERNS: string[]}} Scanner
 */

/** The scanner's library (ES module, no type declarations; its package has no `exports` map). */
const SCANNER_MODULE = '@n8n/scan-community-package/scanner/scanner.mjs';
/** The patterns the scanner applies to a downloaded tarball (compiled output and package.json). */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billoget-scan-'));
const unpacked = path.join(dir, 'package');
/** @type {Scanner} */
let scanner;

before(async () => {
	scanner = /** @type {Scanner} */ (await import(SCANNER_MODULE));
	const pack = packPackage(path.join(dir, 'tarball'));
	fs.mkdirSync(unpacked);
	cp.execFileSync('tar', ['-xzf', pack.file, '-C', unpacked, '--strip-components=1']);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** @param {ScanResult} r */
const report = (r) => `${r.message || ''}\n${r.details || ''}`;

it('the packed tarball passes the scanner with zero findings', async () => {
	const r = await scanner.analyzePackage(unpacked, TARBALL_PATTERNS);
	assert.equal(r.passed, true, report(r));
	assert.notEqual(r.message, 'No files found to analyze');
});

it('the source tree passes the scanner with zero findings', async () => {
	assert.ok(scanner.SOURCE_FILE_PATTERNS.some((p) => p.includes('nodes')), `patterns: ${scanner.SOURCE_FILE_PATTERNS}`);
	const r = await scanner.analyzePackage(REPO_ROOT, scanner.SOURCE_FILE_PATTERNS);
	assert.equal(r.passed, true, report(r));
	assert.notEqual(r.message, 'No files found to analyze');
});

it('the scanner does find what it forbids (an overrides field, console use) in a copy of the tarball', async () => {
	const bad = path.join(dir, 'tampered');
	fs.cpSync(unpacked, bad, { recursive: true });
	const pkgFile = path.join(bad, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	pkg.overrides = { 'node-fetch': '2.7.0' };
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	const credential = path.join(bad, pkg.n8n.credentials[0]);
	fs.appendFileSync(credential, '\nconsole.log("tampered");\n');
	const r = await scanner.analyzePackage(bad, TARBALL_PATTERNS);
	assert.equal(r.passed, false, 'the tampered copy passed');
	assert.match(String(r.details), /overrides/, report(r));
	assert.match(String(r.details), /no-console/, report(r));
});
