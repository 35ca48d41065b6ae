// Production build with esbuild: the server bundle (dist/main.js, runtime packages left in
// node_modules) and the small browser bundle (dist/static/palabre.js). `--outdir <dir>` builds
// elsewhere than dist/ (the production install test builds into a temporary app folder).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : path.join(root, 'dist');
const started = Date.now();

await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  outfile: path.join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // An ESM bundle has no `require`; code paths that need one (createRequire users) get it here.
  banner: { js: "import { createRequire as __palabreCreateRequire } from 'node:module'; const require = __palabreCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
// V8 keeps a script's source as one-byte text only while every character in it is Latin-1: one
// € or œ left in a regular expression (esbuild writes other strings as \u escapes, not those)
// doubles the server bundle's 1.3 MB in memory for the life of the process.
const wide = /[^\x00-\xff]/.exec(fs.readFileSync(path.join(outdir, 'main.js'), 'utf8'));
if (wide) console.warn(`dist/main.js holds "${wide[0]}" (U+${wide[0].codePointAt(0).toString(16).toUpperCase()}): write it as a \\u escape in the source.`);

const browserEntry = path.join(root, 'static/js/palabre.ts');
// The collect step's map enhancement: a bundle of its own, loaded only by pages with a map.
const mapEntry = path.join(root, 'static/js/collect-map.ts');
if (fs.existsSync(mapEntry)) {
  await build({ entryPoints: [mapEntry], outfile: path.join(outdir, 'static/collect-map.js'), bundle: true, platform: 'browser', format: 'iife', target: ['es2020'], minify: true, sourcemap: true, logLevel: 'warning' });
}
if (fs.existsSync(browserEntry)) {
  await build({
    entryPoints: [browserEntry],
    outfile: path.join(outdir, 'static/palabre.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2020'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
} else {
  console.log('static/js/palabre.ts not found: no browser bundle built.');
}

console.log(`Built ${path.relative(root, outdir) || '.'}/ in ${Date.now() - started} ms`);
