// The configuration table: defaults, every bad value refused with the option's name, derived
// values, and the README and .env.example kept in step with the declared options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, options } from './config.ts';
import { appRoot } from './platform/paths.ts';

type Name = keyof typeof options;

test('with an empty environment every option takes its documented default', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.equal(config.secure, false);
  assert.equal(config.dataDir, path.resolve('./data'));
  assert.equal(config.dbFile, path.join(path.resolve('./data'), 'palabre.db'));
  assert.equal(config.smtpUrl, '');
  assert.equal(config.mailFrom, 'Palabre <no-reply@localhost>');
  assert.equal(config.timeZone, 'Europe/Paris');
  assert.equal(config.trustProxy, false);
  assert.equal(config.logLevel, 'info');
  assert.equal(config.production, false);
  assert.ok(Object.isFrozen(config));
});

test('the default base address follows the port', () => {
  assert.equal(loadConfig({ PORT: '8080' }).baseUrl, 'http://localhost:8080');
});

const bad: [Name, string][] = [
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['PORT', '-1'],
  ['PORT', '30.5'],
  ['HOST', ''],
  ['HOST', '   '],
  ['BASE_URL', 'palabre.example.org'],
  ['DATA_DIR', ''],
  ['SMTP_URL', 'mail server'],
  ['MAIL_FROM', 'no-reply'],
  ['TIME_ZONE', 'Europe/Atlantis'],
  ['TRUST_PROXY', 'yes'],
  ['TRUST_PROXY', '0'],
  ['TRUST_PROXY', '10.0.0.1/33'],
  ['TRUST_PROXY', '10.0.0.1,evil'],
  ['MAIL_RETENTION_DAYS', '0'],
  ['MAIL_RETENTION_DAYS', 'forever'],
  ['LOG_LEVEL', 'verbose'],
  ['MAP_TILES_URL', 'http://tiles.example.org/{z}/{x}/{y}.png'],
  ['MAP_TILES_URL', 'https://tiles.example.org/tile.png'],
  ['MAP_ATTRIBUTION', ' '],
  ['GEOCODER_URL', 'geocoder'],
  ['GEOCODER_CITYCODE', '3523'],
];

for (const [name, value] of bad) {
  test(`${name}=${JSON.stringify(value)} stops the start with a message naming ${name}`, () => {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (err: unknown) => err instanceof ConfigError && err.message.includes(`${name}=${JSON.stringify(value)}`) && /expected/.test(err.message),
    );
  });
}

test('every option has at least one refused value in the table above', () => {
  const covered = new Set(bad.map(([name]) => name));
  assert.deepEqual(Object.keys(options).filter((n) => !covered.has(n as Name)), []);
});

test('several bad values are reported together', () => {
  assert.throws(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' }), (err: unknown) => err instanceof ConfigError && /PORT/.test(err.message) && /LOG_LEVEL/.test(err.message));
});

test('an https base address makes cookies secure and loses its trailing slash', () => {
  const config = loadConfig({ BASE_URL: 'https://participer.ville.fr/' });
  assert.equal(config.secure, true);
  assert.equal(config.baseUrl, 'https://participer.ville.fr');
});

test('an http base address keeps cookies usable on a plain LAN install', () => {
  assert.equal(loadConfig({ BASE_URL: 'http://192.168.1.20:3000' }).secure, false);
});

test('overrides win over the environment, NODE_ENV=production marks production, TRUST_PROXY=true trusts', () => {
  const config = loadConfig({ PORT: '4000', NODE_ENV: 'production', TRUST_PROXY: 'true' }, { PORT: '5000' });
  assert.equal(config.port, 5000);
  assert.equal(config.production, true);
  assert.equal(config.trustProxy, true);
});

test('TRUST_PROXY=true trusts one proxy, never every hop; a number or a list of addresses says more', () => {
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustedProxies, 1);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustedProxies, 2);
  assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1' }).trustedProxies, '10.0.0.2,10.1.0.0/16,::1');
  const off = loadConfig({});
  assert.equal(off.trustProxy, false);
  assert.equal(off.trustedProxies, false);
});

test('the README configuration table lists every option with its default', () => {
  const readme = fs.readFileSync(path.join(appRoot, 'README.md'), 'utf8');
  for (const [name, option] of Object.entries(options)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    assert.ok(row, `README row for ${name}`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(cells[2], option.default === '' ? '(empty)' : `\`${option.default}\``, `default of ${name}`);
    assert.equal(cells[3], option.doc, `description of ${name}`);
  }
});

test('.env.example lists every option, commented out, with its default and description', () => {
  const lines = fs.readFileSync(path.join(appRoot, '.env.example'), 'utf8').split('\n');
  const names = lines.map((l) => /^# ([A-Z_]+)=/.exec(l)?.[1]).filter(Boolean);
  assert.deepEqual(names, Object.keys(options));
  for (const [name, option] of Object.entries(options)) {
    const at = lines.indexOf(`# ${name}=${option.default}`);
    assert.ok(at > 0, `# ${name}=${option.default}`);
    assert.equal(lines[at - 1], `# ${option.doc}`, `description above ${name}`);
  }
});
