#!/usr/bin/env node
// npm run check:package — packs the package as npm would publish it, checks what the tarball
// holds (dist/ only, plus README, LICENSE and package.json; no runtime dependencies), then loads
// it with n8n-core's own PackageDirectoryLoader, the loader n8n uses for community packages.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
// Inside the project, so the package finds its peer n8n-workflow as it would inside n8n.
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'pack-check-'));
process.env.N8N_USER_FOLDER = work;

function fail(message) {
	console.error(`check:package: ${message}`);
	process.exitCode = 1;
}

async function main() {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const files = packed.files.map((file) => file.path).sort();
	const outside = files.filter(
		(path) => !path.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(path),
	);
	if (outside.length) fail(`the tarball holds files outside dist/: ${outside.join(', ')}`);
	for (const needed of [
		'README.md',
		'LICENSE',
		'package.json',
		'dist/icons/juspay.svg',
		'dist/icons/juspay.dark.svg',
	]) {
		if (!files.includes(needed)) fail(`the tarball lacks ${needed}`);
	}
	if (files.some((path) => path.includes('.test.') || path.startsWith('dist/test/')))
		fail('the tarball holds tests');

	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	const packageDir = join(work, 'package');
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	if (manifest.dependencies && Object.keys(manifest.dependencies).length) {
		fail(`runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
	}

	const { PackageDirectoryLoader } = require('n8n-core');
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const nodeNames = Object.keys(loader.nodeTypes).sort();
	const credentialNames = Object.keys(loader.credentialTypes).sort();
	if (nodeNames.join() !== 'juspay,juspayTrigger')
		fail(`node types loaded: ${nodeNames.join(', ') || 'none'}`);
	if (credentialNames.join() !== 'juspayApi')
		fail(`credential types loaded: ${credentialNames.join(', ') || 'none'}`);
	// n8n serves icons from icons/<package>/<path in package>: each must exist in the tarball.
	const described = [
		...Object.values(loader.nodeTypes).map(({ type }) => type.description),
		...Object.values(loader.credentialTypes).map(({ type }) => type),
	];
	for (const description of described) {
		const { light, dark } = description.iconUrl ?? {};
		for (const url of [light, dark]) {
			const inPackage = url && url.replace(`icons/${manifest.name}/`, '');
			if (!inPackage || !files.includes(inPackage))
				fail(`${description.name}: icon ${url} is not in the tarball`);
		}
	}
	console.log(
		`check:package: ${packed.filename} (${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB) ` +
			`loads ${manifest.name}.${nodeNames.join(`, ${manifest.name}.`)} and credential ${credentialNames.join(', ')}`,
	);
}

main()
	.catch((error) => fail(error.stack || String(error)))
	.finally(() => rmSync(work, { recursive: true, force: true }));
