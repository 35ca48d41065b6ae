// Static files with content-hashed URLs and a long cache: our CSS, the esbuild bundle, and
// htmx served from the installed package (no CDN). `assets.url('palabre.css')` in templates.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { appRoot } from './paths.ts';

export interface Assets {
  url(name: string): string;
}

function files(): Record<string, string> {
  const require = createRequire(path.join(appRoot, 'package.json'));
  return {
    'htmx.js': require.resolve('htmx.org/dist/htmx.min.js'),
    'palabre.css': path.join(appRoot, 'static/css/palabre.css'),
    'palabre.js': path.join(appRoot, 'dist/static/palabre.js'),
  };
}

export function registerAssets(app: FastifyInstance): Assets {
  const urls: Record<string, string> = {};
  for (const [name, file] of Object.entries(files())) {
    if (!fs.existsSync(file)) continue; // palabre.js exists once `npm run build` has run
    const body = fs.readFileSync(file);
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
