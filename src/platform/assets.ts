// Static files with content-hashed URLs and a long cache: our CSS, the esbuild bundle, and
// htmx served from the installed package (no CDN). `assets.url('palabre.css')` in templates.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { appRoot, viewsDir } from './paths.ts';

export interface Assets {
  url(name: string): string;
}

/**
 * The stylesheets served as one palabre.css: the platform's, then each module's beside its views
 * (views/<slug>/*.css), folders and files in name order so the cascade is the same on every
 * machine. One file keeps one request per page and one hash to bust.
 */
function stylesheets(): string[] {
  const modules = fs
    .readdirSync(viewsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((folder) =>
      fs
        .readdirSync(path.join(viewsDir, folder))
        .filter((name) => name.endsWith('.css'))
        .sort()
        .map((name) => path.join(viewsDir, folder, name)),
    );
  return [path.join(appRoot, 'static/css/palabre.css'), ...modules];
}

/** Each served name and the files it is made of, in order. */
function files(): Record<string, string[]> {
  const require = createRequire(path.join(appRoot, 'package.json'));
  return {
    'htmx.js': [require.resolve('htmx.org/dist/htmx.min.js')],
    'palabre.css': stylesheets(),
    'palabre.js': [path.join(appRoot, 'dist/static/palabre.js')],
    // Maps, loaded only by pages that show one: Leaflet from its package, and the collect
    // step's enhancement (static/js/collect-map.ts) built beside palabre.js.
    'leaflet.js': [require.resolve('leaflet/dist/leaflet.js')],
    'leaflet.css': [require.resolve('leaflet/dist/leaflet.css')],
    'collect-map.js': [path.join(appRoot, 'dist/static/collect-map.js')],
  };
}

/** The files joined; each stylesheet after a comment naming it, to find a rule's source. */
function read(name: string, parts: string[]): Buffer {
  if (!name.endsWith('.css') || parts.length === 1) return fs.readFileSync(parts[0]!);
  return Buffer.from(parts.map((file) => `/* ${path.relative(appRoot, file)} */\n${fs.readFileSync(file, 'utf8')}`).join('\n'));
}

export function registerAssets(app: FastifyInstance): Assets {
  const urls: Record<string, string> = {};
  for (const [name, parts] of Object.entries(files())) {
    if (!fs.existsSync(parts[0]!)) continue; // palabre.js exists once `npm run build` has run
    const body = read(name, parts);
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 12);
    const url = `/assets/${hash}/${name}`;
    urls[name] = url;
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    app.get(url, (_req, reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable').type(type).send(body);
    });
  }
  return { url: (name) => urls[name] ?? '' };
}
