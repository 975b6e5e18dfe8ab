// The release setup n8n's verification depends on: CI and publish workflows that parse and
// run what they should, and package metadata that names one repository (npm provenance fails
// when repository.url is not the repository that builds the package).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const root = join(__dirname, '..', '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('package.json'));

function runSteps(workflow) {
	return Object.values(workflow.jobs).flatMap((job) =>
		job.steps.filter((step) => step.run).map((step) => step.run.trim()),
	);
}

describe('.github/workflows/ci.yml', () => {
	const workflow = parse(read('.github/workflows/ci.yml'));

	test('runs on pull requests and pushes to main', () => {
		expect(workflow.on).toHaveProperty('pull_request');
		expect(workflow.on.push.branches).toEqual(['main']);
	});

	test('runs the npm commands .ci/run runs, in the same order', () => {
		const ciRun = read('.ci/run')
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line.startsWith('npm '));
		expect(ciRun).toEqual([
			'npm install',
			'npm run lint',
			'npm test',
			'npm run check:package',
			'npm run test:e2e',
		]);
		expect(runSteps(workflow)).toEqual(ciRun);
	});
});

describe('.github/workflows/publish.yml', () => {
	const workflow = parse(read('.github/workflows/publish.yml'));
	const [job] = Object.values(workflow.jobs);

	test('publishes on a version tag', () => {
		expect(workflow.on.push.tags).toEqual(['*.*.*']);
	});

	test('may mint the OIDC token npm provenance needs, and no more than read the code', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	test('checks the package before it publishes with provenance through npm run release', () => {
		const steps = runSteps(workflow);
		const release = steps.findIndex((run) => run.includes('npm run release'));
		expect(release).toBe(steps.length - 1);
		expect(steps.indexOf('npm test')).toBeGreaterThan(-1);
		expect(steps.indexOf('npm run check:package')).toBeLessThan(release);
		expect(job.steps[job.steps.length - 1].env.NPM_CONFIG_PROVENANCE).toBe('true');
		const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
		expect(setupNode.with['registry-url']).toBe('https://registry.npmjs.org/');
	});

	test('npm run release is n8n-node release, which publishes with provenance in GitHub Actions', () => {
		expect(manifest.scripts.release).toBe('n8n-node release');
		// Outside GitHub Actions, n8n-node release runs release-it from the project.
		expect(manifest.devDependencies['release-it']).toEqual(expect.any(String));
	});
});

describe('package metadata', () => {
	const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

	test('repository, homepage and bugs name the same GitHub repository', () => {
		expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
		expect(manifest.homepage).toBe(repository);
		expect(manifest.bugs.url).toBe(`${repository}/issues`);
	});

	test('the author has a name and an e-mail address', () => {
		expect(manifest.author.name).toEqual(expect.any(String));
		expect(manifest.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
	});

	test('documentation links point to that repository, without a #fragment', () => {
		// n8n appends tracking parameters to these links, which a fragment would swallow.
		const urls = [
			...['nodes/Juspay/Juspay.node.json', 'nodes/JuspayTrigger/JuspayTrigger.node.json'].flatMap(
				(path) => {
					const { resources } = JSON.parse(read(path));
					return [...resources.primaryDocumentation, ...resources.credentialDocumentation].map(
						({ url }) => url,
					);
				},
			),
			/documentationUrl = '([^']+)'/.exec(read('credentials/JuspayApi.credentials.ts'))[1],
		];
		expect(urls).toHaveLength(5);
		for (const url of urls) {
			expect(url.startsWith(repository)).toBe(true);
			expect(url).not.toContain('#');
		}
	});

	test('CHANGELOG.md has an entry for the current version', () => {
		expect(read('CHANGELOG.md')).toContain(`## ${manifest.version}`);
	});
});
