/**
 * End-to-end tests in a real n8n (the pinned version, installed once into a cache outside the repository by
 * scripts/n8n-cache.js). Run with `npm run test:e2e` (= jest -c test/e2e/jest.config.js --runInBand).
 * Files are *.e2e.ts so the unit-test run (`npm test`) never picks them up.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// The first run installs n8n into the cache (several minutes); later steps wait for real poll ticks.
	testTimeout: 20 * 60_000,
	maxWorkers: 1,
};
