import { packageScripts, repoFileExists } from '../harness/repoFiles';

/**
 * Every `npm run` script starts something that exists: a file it runs with node or bash, a config file
 * it passes to tsc or stryker, another script, or a tool installed in node_modules/.bin.
 */

/** What a script's command needs before it can start, by its first words. */
function entryOf(command: string): { kind: 'file' | 'bin' | 'script'; name: string } {
	const words = command.trim().split(/\s+/);
	const [tool] = words;
	if (tool === 'node' || tool === 'bash' || tool === 'sh') {
		const file = words.slice(1).find((word) => !word.startsWith('-'));
		return { kind: 'file', name: file ?? '' };
	}
	if (tool === 'npm' && words[1] === 'run') return { kind: 'script', name: words[2] ?? '' };
	const config = words.findIndex((word) => word === '-p' || word === '--project' || word === '--config');
	if (config > 0) return { kind: 'file', name: words[config + 1] ?? '' };
	return { kind: 'bin', name: `node_modules/.bin/${tool}` };
}

/**
 * Scripts known not to start, each with what is wrong. When one is repaired its test below fails
 * ("passed but was expected to fail"): remove it from this list then.
 */
const KNOWN_BROKEN: Record<string, string> = {};

describe('package.json scripts', () => {
	const scripts = packageScripts();
	const starts = (name: string): boolean => {
		const entry = entryOf(scripts[name]);
		if (entry.kind === 'script') return scripts[entry.name] !== undefined;
		return entry.name !== '' && repoFileExists(entry.name);
	};

	it('reads the entry of each kind of command', () => {
		expect(entryOf('node --test --test-reporter=spec test/e2e/e2e.test.js')).toEqual({ kind: 'file', name: 'test/e2e/e2e.test.js' });
		expect(entryOf('node --max-old-space-size=4096 bench/run.js --quick')).toEqual({ kind: 'file', name: 'bench/run.js' });
		expect(entryOf('bash scripts/test.sh')).toEqual({ kind: 'file', name: 'scripts/test.sh' });
		expect(entryOf('tsc -p tsconfig.dev.json')).toEqual({ kind: 'file', name: 'tsconfig.dev.json' });
		expect(entryOf('npm run build')).toEqual({ kind: 'script', name: 'build' });
		expect(entryOf('n8n-node lint --fix')).toEqual({ kind: 'bin', name: 'node_modules/.bin/n8n-node' });
	});

	it('has scripts to check', () => {
		expect(Object.keys(scripts).length).toBeGreaterThan(5);
		expect(starts('test')).toBe(true);
	});

	it('notices an entry file that does not exist', () => {
		expect(repoFileExists('bench/run.js')).toBe(true);
		expect(repoFileExists('bench/does-not-exist.js')).toBe(false);
		expect(repoFileExists('bench')).toBe(false);
	});

	const names = Object.keys(scripts);
	it.each(names.filter((name) => !(name in KNOWN_BROKEN)))('"%s" starts something that exists', (name) => {
		expect({ script: name, command: scripts[name], starts: starts(name) }).toEqual({ script: name, command: scripts[name], starts: true });
	});

	const broken = names.filter((name) => name in KNOWN_BROKEN);
	if (broken.length > 0) {
		it.failing.each(broken)('"%s" is known not to start (see KNOWN_BROKEN)', (name) => {
			expect(starts(name)).toBe(true);
		});
	}
});
