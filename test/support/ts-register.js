// Lets a child process started by a test load the TypeScript sources directly (no build needed, as in
// `npm ci && npm test`): each .ts file is transpiled with TypeScript's own transpileModule, like ts-jest does.
const ts = require('typescript');
const fs = require('node:fs');
const path = require('node:path');

const { config } = ts.readConfigFile(path.join(__dirname, '../../tsconfig.json'), ts.sys.readFile);
const compilerOptions = { ...config.compilerOptions, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, incremental: false };
delete compilerOptions.tsBuildInfoFile;
delete compilerOptions.moduleResolution;

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
// The web application's templates (.tsx, JSX for preact).
require.extensions['.tsx'] = require.extensions['.ts'];
