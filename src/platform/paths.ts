// The application root (where package.json, views/, static/ and migrations/ live). Found by
// walking up from this file, so it is right both from src/ (tsx) and from the dist/ bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${start}`);
    dir = up;
  }
  return dir;
}

export const appRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const viewsDir = path.join(appRoot, 'views');
