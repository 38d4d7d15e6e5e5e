import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{ ignores: ['dist/**', '.tmp/**', 'workflows-templates/**', 'jest.config.js', 'gulpfile.js', 'index.js', 'test/e2e/jest.config.js', 'test/setup/**/*.js'] },
	{
		// The store needs a database driver at runtime; pg is pure JavaScript and installs with --ignore-scripts.
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// Issue 13: users pick n8n's own Shopify and WooCommerce credentials (shopifyAccessTokenApi,
		// shopifyOAuth2Api, wooCommerceApi) so the ones they already have work. This package is self-hosted and
		// unverified (see the README); the multi-channel nodes list those types in their credentials, each shown
		// only for its Authentication option. The poll triggers build the same list (nodes/shared/channels).
		files: ['nodes/OmsStatusSync/OmsStatusSync.node.ts', 'nodes/OmsWebhookTrigger/OmsWebhookTrigger.node.ts'],
		rules: { '@n8n/community-nodes/no-credential-reuse': 'off', '@n8n/community-nodes/valid-credential-references': 'off' },
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
	{
		// Tests (simulators and e2e included) are linted like the code, except: they are not n8n nodes (fake
		// tokens, child processes for crash tests), they read published payloads as loose JSON (any), and `_name`
		// marks a field dropped on purpose (rest destructuring).
		files: ['test/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
];
