// @ts-check
/**
 * The tests `npm run test:mutation` runs against the mutants of the pure helpers, the transport and
 * the trigger's delivery handling: the unit tests (Stryker runs only those related to the mutated
 * file and covering the mutant). They drive each of those modules directly, in well under a second;
 * the engine suites, which start servers and wait out real back-offs, would make every mutant cost
 * many seconds. Create or Update (actions/upsert.ts) has its own run, jest.mutation-upsert.config.js.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	// Stryker runs only the tests related to the mutated file, and jest finds them through the files it
	// indexes: without the sources among the roots, a test that reaches the file through another is missed.
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
	// Stryker runs the test runner beside the type checker; one jest worker keeps that within 2 cores.
	maxWorkers: 1,
};
