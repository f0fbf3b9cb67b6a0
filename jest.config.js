// @ts-check
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	// Engine tests start servers; keep suites apart from each other's ports and static data.
	testTimeout: 60000,
	maxWorkers: 2,
};
