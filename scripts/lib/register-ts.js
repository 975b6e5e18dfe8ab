// Lets plain Node scripts (benchmarks, demo) require the TypeScript sources and test harness,
// transpiled on the fly with the project's TypeScript (no type checking: `npm test` does that).
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

// Resolve `X.node` to X.node.ts before X.node.json (the codex file beside each node).
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}
