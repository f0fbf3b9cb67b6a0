// @ts-check
'use strict';
/**
 * The GitHub Actions workflows cannot run here; this checks that they parse as YAML, run on the events
 * they are for, and call the commands the README gives (the test command; build, test and a publish
 * with provenance on a tag).
 *
 *   node --test test/install/workflows.test.js
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { it } = require('node:test');
const YAML = require('yaml');

const { REPO_ROOT } = require('../../scripts/n8n');

/** @param {string} name @returns {any} */
function workflow(name) {
	const text = fs.readFileSync(path.join(REPO_ROOT, '.github', 'workflows', name), 'utf8');
	const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true });
	assert.deepEqual(
		doc.errors.map((e) => e.message),
		[],
		`${name} is not valid YAML`,
	);
	return doc.toJS();
}

/** Every `run:` of a workflow's jobs, in order. @param {any} wf @returns {string[]} */
function runs(wf) {
	return Object.values(wf.jobs || {}).flatMap((/** @type {any} */ job) => (job.steps || []).map((/** @type {any} */ s) => s.run).filter(Boolean));
}

/** The shell commands of the README's "Developing this package" code blocks. */
function readmeCommands() {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf('\n## Developing this package');
	assert.ok(start >= 0, 'README has no "Developing this package" section');
	const next = readme.indexOf('\n## ', start + 1);
	const section = readme.slice(start, next < 0 ? undefined : next);
	return [...section.matchAll(/```(?:bash|sh)?\n([\s\S]*?)```/g)]
		.flatMap((m) => m[1].split('\n'))
		.map((l) => l.replace(/\s+#.*$/, '').trim())
		.filter(Boolean);
}

it("the README's development section gives the two commands", () => {
	const cmds = readmeCommands();
	assert.ok(cmds.includes('bash scripts/test.sh'), `commands: ${cmds.join(' | ')}`);
	assert.ok(cmds.includes('bash scripts/start.sh'), `commands: ${cmds.join(' | ')}`);
	for (const c of cmds.filter((x) => x.startsWith('bash scripts/')))
		assert.ok(fs.existsSync(path.join(REPO_ROOT, c.split(' ')[1])), `${c}: no such script`);
});

it("ci.yml runs the README's test command on push and pull request", () => {
	const wf = workflow('ci.yml');
	assert.ok(wf.on && 'push' in wf.on && 'pull_request' in wf.on, `on: ${JSON.stringify(wf.on)}`);
	assert.ok(runs(wf).includes('bash scripts/test.sh'), `runs: ${runs(wf).join(' | ')}`);
	const job = /** @type {any} */ (Object.values(wf.jobs)[0]);
	assert.ok(job['timeout-minutes'] <= 90, 'a run must end within 90 minutes');
	const node = job.steps.find((/** @type {any} */ s) => String(s.uses || '').startsWith('actions/setup-node'));
	assert.equal(String(node?.with?.['node-version']), '24', 'Node 24, as n8n 2.x needs');
});

it('publish.yml builds, tests and publishes with provenance on a version tag, allowed to mint an id token', () => {
	const wf = workflow('publish.yml');
	assert.ok(wf.on?.push?.tags?.length > 0, `on: ${JSON.stringify(wf.on)}`);
	assert.ok(!('branches' in wf.on.push) && !('pull_request' in wf.on), 'publishes on tags only');
	const job = /** @type {any} */ (Object.values(wf.jobs)[0]);
	assert.equal(job.permissions?.['id-token'], 'write');
	assert.equal(job.permissions?.contents, 'read');
	const r = runs(wf);
	const at = (/** @type {RegExp} */ re) => r.findIndex((x) => re.test(x));
	const build = at(/^npm run build$/);
	const test = at(/^bash scripts\/test\.sh$/);
	const publish = at(/^npm publish\b.*--provenance\b/);
	assert.ok(build >= 0 && test > build && publish > test, `build, test, publish --provenance in that order; runs: ${r.join(' | ')}`);
	const setup = job.steps.find((/** @type {any} */ s) => String(s.uses || '').startsWith('actions/setup-node'));
	assert.match(String(setup?.with?.['registry-url']), /^https:\/\/registry\.npmjs\.org\/?$/);
});
