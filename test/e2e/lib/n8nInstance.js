// Drives a real n8n (2.41.1 on Node 24, provisioned by scripts/provision-n8n.sh into .cache/)
// for the end-to-end suite, the demo and the real-n8n benchmark. Every instance has its own user
// folder and ports, listens on 127.0.0.1 only, and is stopped by stop() (also on failure: callers
// register stopAll() on exit and signals).
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, rmSync } = require('node:fs');
const { createRequire } = require('node:module');
const net = require('node:net');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..', '..');
const CACHE = join(ROOT, '.cache');

/** A log function whose lines start with `[<tag> hh:mm:ss]`. */
function makeLog(tag) {
	return (message) =>
		process.stderr.write(`[${tag} ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
const log = makeLog('e2e');

/** Installs (first run: minutes) or verifies the cached Node 24 + n8n; returns their paths. */
function provisionN8n() {
	const result = spawnSync('bash', [join(ROOT, 'scripts', 'provision-n8n.sh')], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) throw new Error('scripts/provision-n8n.sh failed');
	const env = {};
	// provision-n8n.sh writes it into N8N_PROVISION_CACHE when that is set, else .cache/
	const envFile = join(process.env.N8N_PROVISION_CACHE || CACHE, 'n8n-env.sh');
	for (const line of readFileSync(envFile, 'utf8').split('\n')) {
		const match = /^export (\w+)="(.*)"$/.exec(line);
		if (match) env[match[1]] = match[2];
	}
	return env;
}

/** Builds and packs this package; returns the tarball path. */
function packPackage() {
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const dir = join(CACHE, 'pack');
	mkdirSync(dir, { recursive: true });
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	);
	return join(dir, packed.filename);
}

function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

async function freePortPair() {
	// n8n needs two: its HTTP port and its task broker's
	for (;;) {
		const port = await freePort();
		const taken = await new Promise((done) => {
			const probe = net.createServer().once('error', () => done(true));
			probe.listen(port + 1, '127.0.0.1', () => probe.close(() => done(false)));
		});
		if (!taken) return port;
	}
}

const running = new Set();

class N8nInstance {
	/**
	 * @param {{ paths: Record<string,string>, userFolder: string, port: number,
	 *   command?: 'start'|'webhook'|'worker', name?: string, env?: Record<string,string> }} options
	 * Queue mode: several instances share one user folder (the installed package, the
	 * encryption key) and one database, each with its own command, port and task broker port.
	 */
	constructor({ paths, userFolder, port, command = 'start', name = command, env = {} }) {
		this.paths = paths;
		this.userFolder = userFolder;
		this.port = port;
		this.command = command;
		this.name = name;
		this.extraEnv = env;
		this.url = `http://127.0.0.1:${port}`;
		this.process = undefined;
		this.logFile = join(userFolder, `n8n-${name}.log`);
		mkdirSync(userFolder, { recursive: true });
	}

	/**
	 * A new instance in a fresh user folder, or in `userFolder` (kept between runs, as the demo's,
	 * or shared by the processes of one queue-mode n8n); other options as for the constructor.
	 */
	static async create(paths, name, options = {}) {
		return new N8nInstance({
			...options,
			paths,
			userFolder:
				options.userFolder ?? join(CACHE, 'instances', `${name}-${process.pid}-${Date.now()}`),
			port: await freePortPair(),
		});
	}

	env(extra = {}) {
		return {
			...process.env,
			PATH: `${this.paths.N8N_NODE_DIR}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_ENCRYPTION_KEY: 'n8n-juspay-local-test-key-0123456789',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			// n8n's isolated-vm expression engine crashes `n8n execute` at exit now and then here
			N8N_EXPRESSION_ENGINE: 'legacy',
			DB_TYPE: 'sqlite',
			// a worker answers /healthz/readiness on its own port only when asked to
			...(this.command === 'worker'
				? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) }
				: {}),
			...this.extraEnv,
			...extra,
		};
	}

	cli(args, extraEnv) {
		const result = spawnSync(this.paths.N8N_NODE_BIN, [this.paths.N8N_BIN, ...args], {
			env: this.env(extraEnv),
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		return { status: result.status, output: `${result.stdout}${result.stderr}` };
	}

	/** Installs a community package tarball the way n8n does: into <userFolder>/.n8n/nodes. */
	installPackage(tarball) {
		const dir = join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(dir, { recursive: true });
		if (!existsSync(join(dir, 'package.json'))) {
			writeFileSync(join(dir, 'package.json'), '{ "name": "installed-nodes", "private": true }\n');
		}
		// Peer n8n-workflow comes from n8n itself, as in an n8n install.
		execFileSync(
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--legacy-peer-deps',
				'--no-audit',
				'--no-fund',
				'--no-package-lock',
				'--loglevel=error',
				tarball,
			],
			{ cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
		);
	}

	importJson(kind, data) {
		const file = join(
			this.userFolder,
			`${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
		);
		writeFileSync(file, JSON.stringify(data));
		// The file may hold credentials: it goes as soon as n8n has read it.
		const { status, output } = this.cli([`import:${kind}`, `--input=${file}`]);
		rmSync(file, { force: true });
		if (status !== 0) throw new Error(`n8n import:${kind} failed:\n${output}`);
	}

	importCredentials(credentials) {
		this.importJson('credentials', credentials);
	}

	importWorkflow(workflow) {
		this.importJson('workflow', [workflow]);
	}

	publishWorkflow(id) {
		const { status, output } = this.cli(['publish:workflow', `--id=${id}`]);
		if (status !== 0) throw new Error(`n8n publish:workflow failed:\n${output}`);
	}

	/** `n8n execute`: returns { status, run } where run is the IRun n8n printed. */
	execute(id) {
		const { status, output } = this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
		});
		let run;
		for (const line of output.split('\n')) {
			if (!line.startsWith('{')) continue;
			try {
				const record = JSON.parse(line);
				if (typeof record.message !== 'string' || !record.message.startsWith('{')) continue;
				const candidate = JSON.parse(record.message);
				if (candidate && candidate.data && candidate.data.resultData) run = candidate;
			} catch {
				// not a log record with a run in it
			}
		}
		if (!run) {
			// A large run can be cut short on stdout when n8n exits: read it from n8n's database.
			const last = this.executions(id, { withData: true }).pop();
			if (last?.run) run = { data: last.run, status: last.status };
		}
		if (!run)
			throw new Error(`n8n execute printed no run (exit ${status}):\n${output.slice(-4000)}`);
		return { status, run, output };
	}

	/** `n8n start` (or webhook, worker) in the background; resolves when /healthz/readiness answers. */
	async start(timeoutMs = 180000) {
		const logFile = this.logFile;
		const out = openSync(logFile, 'a');
		this.process = spawn(this.paths.N8N_NODE_BIN, [this.paths.N8N_BIN, this.command], {
			env: this.env(),
			stdio: ['ignore', out, out],
			detached: true,
		});
		running.add(this);
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			if (this.process.exitCode !== null) {
				throw new Error(
					`n8n ${this.command} exited (${this.process.exitCode}):\n${readFileSync(logFile, 'utf8').slice(-4000)}`,
				);
			}
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((done) => setTimeout(done, 500));
		}
		throw new Error(`n8n ${this.command} was not ready after ${timeoutMs} ms`);
	}

	/**
	 * Waits until n8n has registered a published webhook: readiness can come first. A registered
	 * POST-only webhook answers a GET with 404 and "Did you mean to make a POST request?".
	 */
	async waitForWebhook(url, timeoutMs = 60000) {
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const text = await (await fetch(url)).text();
			if (/POST request/.test(text)) return;
			await new Promise((done) => setTimeout(done, 250));
		}
		throw new Error(`n8n did not register the webhook ${url} within ${timeoutMs} ms`);
	}

	async stop() {
		const child = this.process;
		if (!child || child.exitCode !== null) {
			running.delete(this);
			return;
		}
		const exited = new Promise((done) => child.once('exit', done));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			child.kill('SIGTERM');
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}, 20000);
		await exited;
		clearTimeout(timer);
		running.delete(this);
	}

	/** Executions of a workflow from n8n's database (works while n8n runs), oldest first. */
	executions(workflowId, { withData = false } = {}) {
		if (this.env().DB_TYPE === 'postgresdb') return this.postgresExecutions(workflowId, withData);
		const script = `
			const path = require('path');
			const r = require('module').createRequire(path.join(${JSON.stringify(this.paths.N8N_MODULES)}, 'n8n', 'package.json'));
			const sqlite3 = r('sqlite3'), flatted = r('flatted');
			const db = new sqlite3.Database(${JSON.stringify(join(this.userFolder, '.n8n', 'database.sqlite'))}, sqlite3.OPEN_READONLY);
			db.configure('busyTimeout', 5000);
			const sql = 'SELECT e.id, e.status, e.mode, e.startedAt, e.stoppedAt' + (${withData} ? ', d.data AS data' : '') +
				' FROM execution_entity e' + (${withData} ? ' LEFT JOIN execution_data d ON d.executionId = e.id' : '') +
				' WHERE e.deletedAt IS NULL AND e.workflowId = ? ORDER BY e.id';
			db.all(sql, [${JSON.stringify(workflowId)}], (err, rows) => {
				if (err) { console.error(err.message); process.exit(1); }
				for (const row of rows) if (row.data) { row.run = flatted.parse(row.data); delete row.data; }
				process.stdout.write(JSON.stringify(rows));
				db.close();
			});`;
		const result = spawnSync(this.paths.N8N_NODE_BIN, ['-e', script], {
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		if (result.status !== 0) throw new Error(`reading executions failed: ${result.stderr}`);
		return JSON.parse(result.stdout || '[]');
	}

	/** Writes a workflow's static data into the SQLite database, as n8n saves it (n8n stopped). */
	setStaticData(workflowId, staticData) {
		const script = `
			const path = require('path');
			const r = require('module').createRequire(path.join(${JSON.stringify(this.paths.N8N_MODULES)}, 'n8n', 'package.json'));
			const sqlite3 = r('sqlite3');
			const db = new sqlite3.Database(${JSON.stringify(join(this.userFolder, '.n8n', 'database.sqlite'))});
			db.run('UPDATE workflow_entity SET staticData = ? WHERE id = ?', [process.argv[1], ${JSON.stringify(workflowId)}], function (err) {
				if (err || this.changes !== 1) { console.error(err ? err.message : 'no such workflow'); process.exit(1); }
				db.close();
			});`;
		const result = spawnSync(this.paths.N8N_NODE_BIN, ['-e', script, JSON.stringify(staticData)], {
			encoding: 'utf8',
		});
		if (result.status !== 0) throw new Error(`writing static data failed: ${result.stderr}`);
	}

	/** The same, from PostgreSQL (queue mode), through the `pg` client n8n ships. */
	postgresExecutions(workflowId, withData) {
		const env = this.env();
		const script = `
			const path = require('path');
			const r = require('module').createRequire(path.join(${JSON.stringify(this.paths.N8N_MODULES)}, 'n8n', 'package.json'));
			const { Client } = r('pg'), flatted = r('flatted');
			const client = new Client(${JSON.stringify({
				host: env.DB_POSTGRESDB_HOST,
				port: Number(env.DB_POSTGRESDB_PORT),
				user: env.DB_POSTGRESDB_USER,
				database: env.DB_POSTGRESDB_DATABASE,
			})});
			const sql = 'SELECT e.id, e.status, e.mode, e."startedAt", e."stoppedAt"' + (${withData} ? ', d.data AS data' : '') +
				' FROM execution_entity e' + (${withData} ? ' LEFT JOIN execution_data d ON d."executionId" = e.id' : '') +
				' WHERE e."deletedAt" IS NULL AND e."workflowId" = $1 ORDER BY e.id';
			client.connect()
				.then(() => client.query(sql, [${JSON.stringify(workflowId)}]))
				.then(({ rows }) => {
					for (const row of rows) if (row.data) { row.run = flatted.parse(row.data); delete row.data; }
					process.stdout.write(JSON.stringify(rows));
					return client.end();
				})
				.catch((error) => { console.error(error.message); process.exit(1); });`;
		const result = spawnSync(this.paths.N8N_NODE_BIN, ['-e', script], {
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		if (result.status !== 0) throw new Error(`reading executions failed: ${result.stderr}`);
		return JSON.parse(result.stdout || '[]');
	}

	remove() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

async function stopAll() {
	await Promise.all([...running].map((instance) => instance.stop()));
}

module.exports = { N8nInstance, provisionN8n, packPackage, stopAll, log, makeLog, ROOT, CACHE };
