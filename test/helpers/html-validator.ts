// The Nu HTML checker (vnu-jar, what RGAA auditors run for criterion 8.2) on the machine's Java:
// many documents checked in one Java start, since starting the checker takes seconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appRoot } from '../../src/platform/paths.ts';

/**
 * Why HTML validation is skipped, or undefined when it runs. Java missing is the only allowed
 * reason, and only outside CI (the same rule as Chromium): in CI the check fails instead.
 */
export const javaSkip: string | undefined = (() => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if ((!probe.error && probe.status === 0) || process.env.CI === 'true') return undefined;
  console.log('HTML validation skipped: Java not found; apt-get install default-jre-headless');
  return 'Java not found';
})();

export interface HtmlDocument {
  /** Where the document came from, for the report: an address, a language, JavaScript on or off. */
  label: string;
  html: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Checks every document in one run of the checker; returns its errors, one line each. */
export async function validateHtml(docs: HtmlDocument[]): Promise<string[]> {
  const jar = String(createRequire(path.join(appRoot, 'package.json'))('vnu-jar'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-vnu-'));
  try {
    const labels = new Map<string, string>();
    const files = docs.map((doc, i) => {
      const file = path.join(dir, `${String(i).padStart(3, '0')}.html`);
      fs.writeFileSync(file, doc.html);
      labels.set(path.basename(file), doc.label);
      return file;
    });
    // --stdout: the JSON report on stdout; --exit-zero-always: errors are read from the report,
    // a non-zero exit then means the checker itself failed.
    // C1 only (TieredStopAtLevel=1) halves the checker's CPU time on a short run; its larger
    // frames need a bigger thread stack than the default.
    const args = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--format', 'json', '--errors-only', '--no-langdetect', '--stdout', '--exit-zero-always', ...files];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (err, out, errOut) => (err ? reject(new Error(`vnu failed: ${err.message}\n${errOut}`)) : resolve(out)));
    });
    const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] };
    return messages.map((m) => {
      const where = labels.get(path.basename(m.url ?? '')) ?? m.url ?? '?';
      const extract = m.extract ? ` in «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}»` : '';
      return `${where}, line ${m.lastLine ?? '?'}: ${m.message}${extract}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
