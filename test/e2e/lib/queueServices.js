// PostgreSQL 15 and Redis 7 for the queue-mode suite: installed from Debian's packages when
// missing (CI runs as root), then our own instances on free loopback ports, with their data in
// a temporary folder. A system cluster (e.g. /var/lib/postgresql/15/main) is never touched:
// initdb/pg_ctl/redis-server run on our folder only. stop() ends what start() started, also
// when a later step failed (callers register it on exit and signals).
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { chownSync, existsSync, mkdtempSync, rmSync, readFileSync } = require('node:fs');
const { tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

const PG_BIN = '/usr/lib/postgresql/15/bin';

function log(message) {
	process.stderr.write(`[queue-services ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function has(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** apt-get installs what is missing (root only); a no-op when both are there. */
function ensureInstalled() {
	const missing = [];
	if (!existsSync(join(PG_BIN, 'initdb'))) missing.push('postgresql-15');
	if (!has('redis-server')) missing.push('redis-server');
	if (missing.length === 0) return;
	if (userInfo().uid !== 0) {
		throw new Error(
			`Missing ${missing.join(', ')}: install them (apt-get install ${missing.join(' ')})`,
		);
	}
	log(`installing ${missing.join(', ')} from Debian's packages`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** postgres refuses to run as root: run its tools as the `postgres` user the package creates. */
function asDbUser(args, options = {}) {
	const root = userInfo().uid === 0;
	const [file, argv] = root
		? ['runuser', ['-u', 'postgres', '--', ...args]]
		: [args[0], args.slice(1)];
	return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

async function waitFor(check, what, timeoutMs = 60000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (await check()) return;
		await new Promise((done) => setTimeout(done, 200));
	}
	throw new Error(`${what} was not ready after ${timeoutMs} ms`);
}

async function startPostgres(folder) {
	const data = join(folder, 'pg');
	const port = await freePort();
	if (userInfo().uid === 0) chownSync(folder, Number(asDbUser(['id', '-u']).toString().trim()), 0);
	asDbUser([join(PG_BIN, 'initdb'), '-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
	asDbUser([
		join(PG_BIN, 'pg_ctl'),
		'-D',
		data,
		'-l',
		join(folder, 'pg.log'),
		'-w',
		'-o',
		`-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
		'start',
	]);
	asDbUser([join(PG_BIN, 'createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return {
		port,
		stop() {
			try {
				asDbUser([join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
			} catch (error) {
				log(`stopping PostgreSQL: ${error.message}`);
			}
		},
	};
}

async function startRedis(folder) {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
		],
		{ stdio: ['ignore', 'ignore', 'ignore'] },
	);
	const exited = new Promise((done) => child.once('exit', done));
	await waitFor(
		() =>
			new Promise((done) => {
				const socket = net.connect(port, '127.0.0.1');
				socket.once('connect', () => {
					socket.end('PING\r\n');
					done(true);
				});
				socket.once('error', () => done(false));
			}),
		'Redis',
	);
	return {
		port,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

/** Starts both; resolves to { postgres: {port}, redis: {port}, stop() }. */
async function startQueueServices() {
	ensureInstalled();
	const folder = mkdtempSync(join(tmpdir(), 'juspay-queue-'));
	const started = [];
	const stop = async () => {
		for (const service of started.reverse()) await service.stop();
		started.length = 0;
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		// in parallel; each is recorded as soon as it runs, so a failure of the other stops it
		const results = await Promise.allSettled(
			[startPostgres, startRedis].map((start) =>
				start(folder).then((service) => (started.push(service), service)),
			),
		);
		const failed = results.find((result) => result.status === 'rejected');
		if (failed) throw failed.reason;
		const [postgres, redis] = results.map((result) => result.value);
		log(
			`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}, data in ${folder}`,
		);
		return { postgres, redis, folder, stop };
	} catch (error) {
		const pgLog = join(folder, 'pg.log');
		if (existsSync(pgLog)) log(readFileSync(pgLog, 'utf8').slice(-2000));
		await stop();
		throw error;
	}
}

module.exports = { startQueueServices };
