// Jest (before Node 24.9) cannot require() an ES module; preact 11 ships only ES modules. This transform compiles
// those .mjs files to CommonJS with TypeScript's transpileModule, as ts-register.js does for our own sources.
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, sourceMap: false },
      fileName: filename.replace(/\.mjs$/, '.js'),
    });
    return { code: outputText };
  },
};
