// Builds the meeting service into bot/dist/main.js, the entry App Service starts
// (`startupCommand` in infra/azure.bicep). The domain library is TypeScript source, so it is
// bundled in; every npm dependency stays external and is loaded from node_modules at run time
// (PGlite's WebAssembly, pdfkit's font metrics and botbuilder find their files next to themselves).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const manifest = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const external = [
  ...Object.keys(manifest('./package.json').dependencies),
  ...Object.keys(manifest('../shared/package.json').dependencies),
].filter((name) => !name.startsWith('@council/'));

// One bundle per entry, named by its key: main becomes dist/main.js, and the worker threads of the
// minutes press (bot/src/minutes/press.ts) and of the proof checker (bot/src/meetings/proof-checker.ts)
// dist/minutes-worker.js and dist/proof-worker.js beside it. The folder may be given
// (`node bot/build.mjs <folder>`, as scripts/artefact.mjs does).
const entryPoints = {
  main: 'src/main.ts',
  'minutes-worker': 'src/minutes/worker.ts',
  'proof-worker': 'src/meetings/proof-worker.ts',
};
const outdir = process.argv[2] ?? 'dist';

await build({
  absWorkingDir: here,
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
});
