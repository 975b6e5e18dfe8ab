// The ESLint rules n8n's verification scanner (@n8n/scan-community-package 0.32, scanner.mjs
// buildScanConfig/analyzePackage) applies to a community package, run offline: the scanner
// itself downloads the package from npm, so its configuration is rebuilt here from the same
// plugins, pinned as dev dependencies. Inline eslint-disable comments are ignored, as there.
const { ESLint } = require('eslint');
const { defineConfig } = require('eslint/config');
const parser = require('@typescript-eslint/parser');
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');

/** The scanner's two legs: the attested source, and the JavaScript of the tarball. */
const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

async function scanConfig() {
	const { n8nCommunityNodesPlugin } = await import('@n8n/eslint-plugin-community-nodes');
	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
		{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser } },
		{ files: ['**/*.ts'], languageOptions: { parser } },
	);
}

/**
 * Lints `patterns` under `dir` as the scanner does. Returns every error as
 * `{ file, line, ruleId, message }` (file relative to dir); an empty list means it passes.
 */
async function scannerFindings(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanConfig(),
		errorOnUnmatchedPattern: false,
		ignorePatterns: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(patterns);
	return results.flatMap((result) =>
		result.messages
			.filter((message) => message.severity === 2)
			.map((message) => ({
				file: result.filePath.slice(dir.length + 1),
				line: message.line,
				ruleId: message.ruleId,
				message: message.message,
			})),
	);
}

function formatFindings(findings) {
	return findings
		.map(({ file, line, ruleId, message }) => `  ${file}:${line} ${ruleId ?? ''} ${message}`)
		.join('\n');
}

module.exports = { scannerFindings, formatFindings, SOURCE_PATTERNS, TARBALL_PATTERNS };
