#!/usr/bin/env node
// npm run check:package: builds (from a clean dist/), packs the package as npm would publish
// it, checks what the tarball holds (what n8n loads: dist/ JavaScript, codex JSON and icons, plus
// README, LICENSE and package.json; at most 45 KB; no runtime dependencies), runs the
// verification scanner's ESLint rules over the source and the unpacked tarball (and proves they
// can fail), then loads it with n8n-core's own PackageDirectoryLoader, the loader n8n uses for
// community packages.
const { execFileSync } = require('node:child_process');
const {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} = require('node:fs');
const { join, resolve } = require('node:path');

const {
	formatFindings,
	scannerFindings,
	SOURCE_PATTERNS,
	TARBALL_PATTERNS,
} = require('./lib/scanner-lint');

const root = resolve(__dirname, '..');
const MAX_PACKED_BYTES = 45 * 1000;
// What n8n loads from dist/: compiled nodes and credentials, codex files, icons.
const LOADED_FILE = /^dist\/.+(\.js|\.node\.json|\.svg|\.png)$/;
// Inside the project, so the package finds its peer n8n-workflow as it would inside n8n.
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'pack-check-'));
process.env.N8N_USER_FOLDER = work;

function fail(message) {
	console.error(`check:package: ${message}`);
	process.exitCode = 1;
}

/** `npm run build` must start from a clean dist/: a file left from an earlier build is gone. */
function buildFromStale() {
	const stale = join(root, 'dist', 'left-from-an-earlier-build.js');
	mkdirSync(join(root, 'dist'), { recursive: true });
	writeFileSync(stale, 'module.exports = {};\n');
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (existsSync(stale)) fail('npm run build left an earlier build file in dist/');
}

/** The scanner's rules on the source and on the unpacked tarball, and proof that they bite. */
async function checkScannerRules(packageDir) {
	const source = await scannerFindings(root, SOURCE_PATTERNS);
	if (source.length) fail(`the scanner's rules find, in the source:\n${formatFindings(source)}`);
	const tarball = await scannerFindings(packageDir, TARBALL_PATTERNS);
	if (tarball.length) fail(`the scanner's rules find, in the tarball:\n${formatFindings(tarball)}`);

	// A copy with an environment read planted (behind a disable comment, which the scanner
	// ignores) must be refused, or the check above proves nothing.
	const planted = join(work, 'planted');
	cpSync(packageDir, planted, { recursive: true });
	const target = 'dist/nodes/shared/wire.js';
	appendFileSync(
		join(planted, target),
		'\n// eslint-disable-next-line\nexports.planted = process.env.JUSPAY_API_KEY;\n',
	);
	const findings = await scannerFindings(planted, TARBALL_PATTERNS);
	const caught = findings.some(
		(finding) =>
			finding.file === target && finding.ruleId === '@n8n/community-nodes/no-restricted-globals',
	);
	if (!caught) {
		fail(
			`the scanner's rules did not catch a process.env read planted in ${target}` +
				(findings.length ? `; they found:\n${formatFindings(findings)}` : ''),
		);
	}
	return { source: source.length, tarball: tarball.length };
}

async function main() {
	buildFromStale();
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
	const notLoaded = files.filter((path) => path.startsWith('dist/') && !LOADED_FILE.test(path));
	if (notLoaded.length) {
		fail(
			`the tarball holds files n8n does not load (build info, maps, types, a nested package.json): ${notLoaded.join(', ')}`,
		);
	}
	if (packed.size > MAX_PACKED_BYTES)
		fail(`the tarball is ${packed.size} bytes packed, more than ${MAX_PACKED_BYTES}`);

	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	const packageDir = join(work, 'package');
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	if (manifest.dependencies && Object.keys(manifest.dependencies).length) {
		fail(`runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
	}

	for (const path of files.filter((file) => file.endsWith('.js'))) {
		if (/sourceMappingURL=data:/.test(readFileSync(join(packageDir, path), 'utf8')))
			fail(`${path} has an inlined source map`);
	}
	const scanned = await checkScannerRules(packageDir);

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
			`loads ${manifest.name}.${nodeNames.join(`, ${manifest.name}.`)} and credential ${credentialNames.join(', ')}; ` +
			`scanner rules: ${scanned.source} findings in the source, ${scanned.tarball} in the tarball, and a planted process.env read caught`,
	);
}

main()
	.catch((error) => fail(error.stack || String(error)))
	.finally(() => rmSync(work, { recursive: true, force: true }));
