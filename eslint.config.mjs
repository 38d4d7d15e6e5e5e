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
];
