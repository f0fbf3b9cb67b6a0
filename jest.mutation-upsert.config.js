// @ts-check
/**
 * The tests `npm run test:mutation` runs against the mutants of Create or Update (actions/upsert.ts): its
 * unit test, and the engine suites that run it inside n8n's WorkflowExecute against the sandbox.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: [
		'<rootDir>/test/unit/upsert.test.ts',
		'<rootDir>/test/engine/bulk.test.ts',
		'<rootDir>/test/engine/customer.test.ts',
		'<rootDir>/test/engine/product.test.ts',
	],
	maxWorkers: 1,
	// Stryker runs only the tests related to the mutated file, and jest finds them through the files it
	// indexes: without the sources among the roots, a test that reaches the file through another is missed.
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
};
