#!/usr/bin/env node
// Runs after `n8n-node build` (npm run build). tsc writes dist/ indented for reading; npm always
// packs the README too, and the tarball must stay at most 45 KB packed (verified packages are
// installed on every n8n Cloud instance). This rewrites each dist/**/*.js without indentation,
// one statement per line, and changes nothing else: no compression, no renaming, strings and
// names as written, so n8n's stack traces still name our functions. The source of truth is the
// TypeScript in nodes/ and credentials/.
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { minify } = require('uglify-js');

const DIST = resolve(__dirname, '..', 'dist');
const OPTIONS = {
	compress: false,
	mangle: false,
	output: { beautify: false, semicolons: false, comments: false },
};

function* javascriptFiles(folder) {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) yield* javascriptFiles(path);
		else if (entry.name.endsWith('.js')) yield path;
	}
}

let before = 0;
let after = 0;
for (const file of javascriptFiles(DIST)) {
	const source = readFileSync(file, 'utf8');
	const result = minify(source, OPTIONS);
	if (result.error) {
		console.error(`compact-dist: ${relative(DIST, file)}: ${result.error.message}`);
		process.exit(1);
	}
	writeFileSync(file, result.code + '\n');
	before += source.length;
	after += result.code.length + 1;
}
console.log(`compact-dist: dist/**/*.js ${before} → ${after} bytes`);
