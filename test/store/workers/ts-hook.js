// Lets a plain `node` child process require the TypeScript sources of core/ directly (transpile only, no
// type check), so the workers exercise the same code as the jest process and never a stale dist/ that a
// concurrent `npm run build` may be deleting.
const fs = require('node:fs');
const ts = require('typescript');

const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false };

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
	module._compile(outputText, filename);
};
