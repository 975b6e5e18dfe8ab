// Juspay's published samples (../shared/juspay-samples), read as published. Plain JS: it reads files.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const SAMPLES_DIR = join(__dirname, '..', '..', '..', 'shared', 'juspay-samples');

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
