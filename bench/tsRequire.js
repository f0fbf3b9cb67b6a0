// @ts-check
'use strict';
// Lets the benchmark `require` the TypeScript node sources and the engine harness the tests use,
// transpiled on the fly with the project's own TypeScript (no build step, no second harness).
const fs = require('fs');
const ts = require('typescript');

/** @type {any} */ (require).extensions['.ts'] = (/** @type {any} */ module, /** @type {string} */ filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			resolveJsonModule: true,
		},
	});
	module._compile(outputText, filename);
};

// Node tries extensions in registration order; `Billoget.node` must resolve to Billoget.node.ts,
// not to the codex file Billoget.node.json beside it.
const extensions = /** @type {Record<string, any>} */ (require.extensions);
for (const later of ['.json', '.node']) {
	const handler = extensions[later];
	delete extensions[later];
	extensions[later] = handler;
}
