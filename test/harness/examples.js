// Reads the example workflows in examples/ (plain JS: the linter keeps fs out of TypeScript).
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** Every examples/*.json workflow, as [file name, workflow]. */
function readExamples() {
	return readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file, JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))]);
}

module.exports = { readExamples };
