import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{ ignores: ['dist/**', 'test/**', 'workflows-templates/**', 'jest.config.js', 'gulpfile.js', 'index.js'] },
	{
		// The store needs a database driver at runtime; pg is pure JavaScript and installs with --ignore-scripts.
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// The framework-free core, the CLI and the benchmark are not n8n nodes: plain errors, Node APIs.
		files: ['core/**/*.ts', 'bench/**/*.ts', 'cli.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
];
