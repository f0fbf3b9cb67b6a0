// @ts-check
// Tests run in a time zone other than UTC (Billoget's own, UTC-3), so that any date read as the
// machine's local time instead of UTC (the rule of nodes/Billoget/shared/dates.ts) makes a test fail.
process.env.TZ = 'America/Argentina/Buenos_Aires';

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
