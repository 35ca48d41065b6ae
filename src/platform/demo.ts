// `palabre demo` and the setup page's "load demo content": each module seeds its own content
// through its manifest, in the order of the module list.
import type { Db } from '../db/open.ts';
import type { Manifest } from './module.ts';

export async function runDemo(db: Db, manifests: readonly Manifest[], log: (line: string) => void = () => {}): Promise<void> {
  for (const manifest of manifests) {
    if (!manifest.seed) continue;
    await manifest.seed({ db, log });
    log(`demo: ${manifest.slug} seeded`);
  }
}
