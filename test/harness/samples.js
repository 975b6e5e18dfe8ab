// Juspay's published samples, copied into test/fixtures/juspay (see its NOTICE.md) and read as
// published. Plain JS: it reads files. Nothing here may read outside the repository.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const SAMPLES_DIR = join(__dirname, '..', 'fixtures', 'juspay');

function readSampleText(relativePath) {
	return readFileSync(join(SAMPLES_DIR, relativePath), 'utf8');
}

function readSample(relativePath) {
	return JSON.parse(readSampleText(relativePath));
}

function listSamples(folder) {
	return readdirSync(join(SAMPLES_DIR, folder))
		.filter((name) => name.endsWith('.json'))
		.sort();
}

module.exports = { SAMPLES_DIR, readSampleText, readSample, listSamples };
