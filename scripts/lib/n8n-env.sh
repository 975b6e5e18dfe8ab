# shellcheck shell=bash
# Helpers to drive the real n8n provisioned by scripts/provision-n8n.sh. Source it:
#
#   source scripts/lib/n8n-env.sh            # needs a prior `bash scripts/provision-n8n.sh`
#   n8n_isolated_env /tmp/my-n8n 5700        # env for a throwaway instance (user folder, ports)
#   n8n_install_package path/to/pkg.tgz     # community package into <userFolder>/.n8n/nodes
#   n8n_cli import:credentials --input=creds.json
#   n8n_cli import:workflow --input=wf.json  # file holding one workflow object or an array
#   n8n_execute_json <workflowId> > run.json # run JSON (IRun) on stdout, n8n's exit code
#   n8n_cli publish:workflow --id=<id>       # activate (2.x: "publish") before `start`
#   n8n_start; n8n_wait_ready 120            # background `n8n start`, poll /healthz/readiness
#   n8n_webhook_post <path> '{"a":1}'       # POST to /webhook/<path>, retrying early 404s
#   n8n_executions [workflowId] [--data]     # executions from the SQLite DB, as JSON
#   n8n_stop
#
# Facts these helpers encode (verified with n8n 2.41.1 on Node 24.21.0):
#  - n8n spawns its JS task runner as plain `node` from PATH: Node 24 must be first on PATH.
#  - Each concurrent n8n process needs its own N8N_RUNNERS_BROKER_PORT (default 5679), or it
#    exits 1 with "Task Broker's port ... is already in use".
#  - All n8n output (logs, errors, the run JSON of `execute`) goes to STDOUT; stderr is empty.
#  - `n8n execute` with the default `vm` expression engine (isolated-vm) segfaults at exit
#    (rc 139) in roughly 1 run out of 3, after printing and storing the result;
#    N8N_EXPRESSION_ENGINE=legacy avoids it (0 crashes in 15+ runs). n8n_execute_json uses it.

_N8N_LIB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ ! -f "$_N8N_LIB_ROOT/.cache/n8n-env.sh" ]; then
	echo "n8n-env.sh: $_N8N_LIB_ROOT/.cache/n8n-env.sh missing: run 'bash scripts/provision-n8n.sh' first" >&2
	return 1 2>/dev/null || exit 1
fi
# shellcheck source=/dev/null
source "$_N8N_LIB_ROOT/.cache/n8n-env.sh"

# n8n_isolated_env <userFolder> [port]: export env for a loopback-only, throwaway instance.
# The broker port is port+1. Call again with other values for a second instance.
n8n_isolated_env() {
	local folder="${1:?user folder}" port="${2:-5678}"
	mkdir -p "$folder"
	export N8N_USER_FOLDER="$folder"
	export N8N_PORT="$port"
	export N8N_LISTEN_ADDRESS=127.0.0.1
	export N8N_HOST=127.0.0.1
	export N8N_RUNNERS_BROKER_PORT="$((port + 1))"
	export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
	export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-n8n-local-test-key-0123456789abcdef}"
	export N8N_DIAGNOSTICS_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_ENABLED=false
	export N8N_TEMPLATES_ENABLED=false
	export N8N_PERSONALIZATION_ENABLED=false
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
	export N8N_SECURE_COOKIE=false
	# mcp-registry fetches api.n8n.io at start (fails offline, logs a stack trace)
	export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:-mcp-registry}"
	export DB_TYPE=sqlite
}

# n8n_cli <args...>: run the n8n CLI with Node 24 (and Node 24 first on PATH).
n8n_cli() {
	PATH="$N8N_NODE_DIR:$PATH" "$N8N_NODE_BIN" "$N8N_BIN" "$@"
}

# n8n_install_package <tgz|dir>: npm-install a community node package into
# $N8N_USER_FOLDER/.n8n/nodes (where n8n scans node_modules/n8n-nodes-* and
# node_modules/@*/n8n-nodes-* at start; no DB row needed). Peer deps are not installed:
# n8n-workflow resolves from n8n's own node_modules (n8n puts them on NODE_PATH).
n8n_install_package() {
	local src="${1:?package tgz or folder}" dir="$N8N_USER_FOLDER/.n8n/nodes"
	src="$(cd "$(dirname "$src")" && pwd)/$(basename "$src")"
	mkdir -p "$dir"
	[ -f "$dir/package.json" ] || printf '{ "name": "installed-nodes", "private": true }\n' >"$dir/package.json"
	(cd "$dir" && npm install --ignore-scripts --legacy-peer-deps --no-audit --no-fund \
		--no-package-lock --loglevel=error "$src" >/dev/null)
}

# n8n_execute_json <workflowId>: run `n8n execute` and print only the run JSON (IRun:
# {data:{resultData:{runData,lastNodeExecuted,error?}},status,finished,mode,...}) on stdout.
# Returns n8n's exit code (0 success, 1 workflow/node error); 2 if no run JSON was printed
# (e.g. "Unrecognized node type"). The raw n8n output goes to $N8N_EXECUTE_LOG if set.
n8n_execute_json() {
	local id="${1:?workflow id}" out rc=0
	out="$(N8N_LOG_FORMAT=json N8N_LOG_LEVEL=info N8N_EXPRESSION_ENGINE="${N8N_EXPRESSION_ENGINE:-legacy}" \
		n8n_cli execute --id="$id" --rawOutput 2>&1)" || rc=$?
	[ -n "${N8N_EXECUTE_LOG:-}" ] && printf '%s\n' "$out" >"$N8N_EXECUTE_LOG"
	printf '%s\n' "$out" | "$N8N_NODE_BIN" -e '
		let run;
		for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
			if (!line.startsWith("{")) continue;
			try {
				const rec = JSON.parse(line);
				if (typeof rec.message !== "string" || !rec.message.startsWith("{")) continue;
				const m = JSON.parse(rec.message);
				if (m && m.data && m.data.resultData) run = m;
			} catch {}
		}
		if (!run) { console.error("n8n_execute_json: no run JSON in n8n output"); process.exit(2); }
		process.stdout.write(JSON.stringify(run) + "\n");
	' || return 2
	return "$rc"
}

# n8n_start [logfile]: `n8n start` in the background; pid in N8N_PID.
n8n_start() {
	local log="${1:-$N8N_USER_FOLDER/n8n-start.log}"
	PATH="$N8N_NODE_DIR:$PATH" "$N8N_NODE_BIN" "$N8N_BIN" start >"$log" 2>&1 &
	N8N_PID=$!
	export N8N_PID
}

# n8n_wait_ready [timeoutSeconds]: poll /healthz/readiness (DB up, migrations done).
# Published webhooks answer at about the same moment; to be sure a webhook is live, GET it
# (a POST-only webhook answers 404 "...Did you mean to make a POST request?" once registered).
n8n_wait_ready() {
	local timeout="${1:-180}" start=$SECONDS
	while ((SECONDS - start < timeout)); do
		if [ -n "${N8N_PID:-}" ] && ! kill -0 "$N8N_PID" 2>/dev/null; then
			echo "n8n_wait_ready: n8n (pid $N8N_PID) exited" >&2
			return 1
		fi
		curl -sf -o /dev/null "http://127.0.0.1:$N8N_PORT/healthz/readiness" && return 0
		sleep 0.5
	done
	echo "n8n_wait_ready: not ready after ${timeout}s" >&2
	return 1
}

# n8n_webhook_post <path> [json] [timeoutSeconds]: POST json to the production webhook
# http://127.0.0.1:$N8N_PORT/webhook/<path> (static path, NOT /webhook/<webhookId>/<path>) and
# print the response body. Retries while the answer is 404: just after /healthz/readiness the
# first call can still get 404 "This webhook is not registered for POST requests. Did you mean
# to make a POST request?" (seen under load); a 404 starts no execution, so retrying is safe.
# Returns 0 on 2xx, 1 otherwise (body still printed).
n8n_webhook_post() {
	local path="${1:?webhook path}" body="${2:-}" timeout="${3:-30}" start=$SECONDS code tmp
	[ -n "$body" ] || body='{}'
	tmp="$(mktemp)"
	while :; do
		code=$(curl -s -o "$tmp" -w '%{http_code}' -X POST -H 'content-type: application/json' \
			--data-binary "$body" "http://127.0.0.1:$N8N_PORT/webhook/$path") || code=000
		if [ "$code" != 404 ] && [ "$code" != 000 ] || ((SECONDS - start >= timeout)); then break; fi
		sleep 0.5
	done
	cat "$tmp"
	rm -f "$tmp"
	[[ "$code" == 2* ]]
}

# n8n_stop: SIGTERM the n8n started by n8n_start and wait (it stops its task runner itself).
n8n_stop() {
	[ -n "${N8N_PID:-}" ] || return 0
	kill -TERM "$N8N_PID" 2>/dev/null || true
	local i
	for i in $(seq 60); do
		kill -0 "$N8N_PID" 2>/dev/null || break
		sleep 0.5
	done
	kill -KILL "$N8N_PID" 2>/dev/null || true
	wait "$N8N_PID" 2>/dev/null || true
	unset N8N_PID
}

# n8n_executions [workflowId] [--data]: JSON array (oldest first) of executions read from
# $N8N_USER_FOLDER/.n8n/database.sqlite (works while n8n runs). Fields: id, workflowId,
# status (success|error|running|waiting|...), finished, mode (cli|webhook|...), startedAt,
# stoppedAt; with --data also run (IRunExecutionData, decoded from flatted),
# lastNodeOutput (items of the last executed node) and error (message).
n8n_executions() {
	"$N8N_NODE_BIN" -e '
		const path = require("path");
		const r = require("module").createRequire(path.join(process.env.N8N_MODULES, "n8n", "package.json"));
		const sqlite3 = r("sqlite3"), flatted = r("flatted");
		const args = process.argv.slice(1), withData = args.includes("--data");
		const wf = args.filter((a) => a !== "--data")[0];
		const db = new sqlite3.Database(path.join(process.env.N8N_USER_FOLDER, ".n8n", "database.sqlite"), sqlite3.OPEN_READONLY);
		db.configure("busyTimeout", 5000);
		const sql = `SELECT e.id, e.workflowId, e.status, e.finished, e.mode, e.startedAt, e.stoppedAt
			${withData ? ", d.data AS data" : ""} FROM execution_entity e
			${withData ? "LEFT JOIN execution_data d ON d.executionId = e.id" : ""}
			WHERE e.deletedAt IS NULL ${wf ? "AND e.workflowId = ?" : ""} ORDER BY e.id`;
		db.all(sql, wf ? [wf] : [], (err, rows) => {
			if (err) { console.error(err.message); process.exit(1); }
			for (const row of rows) {
				row.finished = !!row.finished;
				if (!withData) continue;
				row.run = row.data ? flatted.parse(row.data) : null;
				delete row.data;
				const rd = row.run && row.run.resultData;
				const runs = rd && rd.lastNodeExecuted && rd.runData[rd.lastNodeExecuted];
				row.lastNodeOutput = runs ? (runs[runs.length - 1].data?.main?.[0] ?? null) : null;
				if (rd && rd.error) row.error = rd.error.message;
			}
			console.log(JSON.stringify(rows));
			db.close();
		});
	' "$@"
}
