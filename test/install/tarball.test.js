// @ts-check
'use strict';
/**
 * The tarball npm publishes: what must ship (the built nodes and credential, their icons and codex
 * files, the output schemas, README, LICENSE) and what must not (sources, type declarations, tests,
 * sandbox, scripts, build caches, a second package.json), and its size.
 *
 *   node --test test/install/tarball.test.js      (after `npm run build`)
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, it } = require('node:test');

const { REPO_ROOT } = require('../../scripts/n8n');
const { packPackage } = require('../../scripts/local-registry');

/** Upper bounds that the package is far below; a build cache or a stray folder crosses them. */
const MAX_PACKED_BYTES = 250_000;
const MAX_UNPACKED_BYTES = 1_000_000;

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billoget-pack-'));
/** @type {ReturnType<typeof packPackage>} */
let pack;
/** @type {string[]} */
let files;

before(() => {
	for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
		assert.ok(fs.existsSync(path.join(REPO_ROOT, f)), `${f} is missing: run \`npm run build\` first`);
	pack = packPackage(dir);
	files = pack.files.map((f) => f.path).sort();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('ships package.json, README.md, LICENSE.md and every node and credential package.json declares', () => {
	for (const f of ['package.json', 'README.md', 'LICENSE.md', ...pkg.n8n.nodes, ...pkg.n8n.credentials])
		assert.ok(files.includes(f), `${f} is not in the tarball`);
});

it("ships each node's codex file and each icon a node or the credential points at", () => {
	for (const nodeFile of pkg.n8n.nodes) {
		const codex = nodeFile.replace(/\.js$/, '.json');
		assert.ok(files.includes(codex), `${codex} (codex) is not in the tarball`);
		const info = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, codex), 'utf8'));
		assert.equal(info.node, `${pkg.name}.${path.basename(nodeFile, '.node.js').replace(/^./, (c) => c.toLowerCase())}`);
	}
	/** @type {string[]} */
	const icons = [];
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		const mod = require(path.join(REPO_ROOT, file));
		for (const Cls of Object.values(mod)) {
			if (typeof Cls !== 'function') continue;
			const obj = new (/** @type {new () => any} */ (Cls))();
			const icon = obj.description ? obj.description.icon : obj.icon;
			for (const i of typeof icon === 'string' ? [icon] : icon ? Object.values(icon) : []) {
				assert.ok(String(i).startsWith('file:'), `${file}: icon ${i} is not a file`);
				icons.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), String(i).slice('file:'.length))));
			}
		}
	}
	assert.ok(icons.length >= 4, `expected the icons of three nodes and the credential, found ${icons.length}`);
	for (const i of icons) assert.ok(files.includes(i), `icon ${i} is not in the tarball`);
});

it('ships an output schema for each operation', () => {
	const schemas = files.filter((f) => /^dist\/nodes\/Billoget\/__schema__\/v\d+\.\d+\.\d+\/[^/]+\/[^/]+\.json$/.test(f));
	const sources = fs
		.readdirSync(path.join(REPO_ROOT, 'nodes', 'Billoget', '__schema__'), { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.json'));
	assert.ok(schemas.length >= 29, `found ${schemas.length} schemas`);
	assert.equal(schemas.length, sources.length, 'every schema of nodes/Billoget/__schema__ is shipped');
});

it('ships no sources, type declarations, tests, sandbox, scripts, docs, build caches or second package.json', () => {
	const allowedTop = new Set(['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md']);
	const stray = files.filter((f) => !f.startsWith('dist/') && !allowedTop.has(f));
	assert.deepEqual(stray, [], 'files outside dist/');
	const forbidden = files.filter(
		(f) =>
			f.endsWith('.tsbuildinfo') ||
			f === 'dist/package.json' ||
			// n8n loads the built JavaScript only; nothing imports this package's types.
			f.endsWith('.ts') ||
			/(^|\/)(test|tests|__tests__|sandbox|scripts|bench|examples|docs|node_modules|coverage)\//.test(f) ||
			/\.test\.[jt]s$/.test(f),
	);
	assert.deepEqual(forbidden, [], 'files that must not ship');
});

it(`weighs at most ${MAX_PACKED_BYTES / 1000} kB packed and ${MAX_UNPACKED_BYTES / 1000} kB unpacked`, () => {
	console.log(`# ${pack.name}@${pack.version}: ${files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} bytes unpacked`);
	assert.ok(pack.size <= MAX_PACKED_BYTES, `packed ${pack.size} bytes`);
	assert.ok(pack.unpackedSize <= MAX_UNPACKED_BYTES, `unpacked ${pack.unpackedSize} bytes`);
});
