// The only reader of environment variables: a declared table of options, parsed once into a
// frozen typed object. A bad value stops the start with a message naming the option.
import net from 'node:net';
import path from 'node:path';

type Kind = 'port' | 'string' | 'url' | 'url-or-empty' | 'timezone' | 'level' | 'email-from' | 'proxy' | 'days' | 'tiles' | 'insee-or-empty';

interface Option {
  kind: Kind;
  default: string;
  doc: string;
}

/** The options, in the order the README documents them (`npm run palabre -- config` prints it). */
export const options = {
  PORT: { kind: 'port', default: '3000', doc: 'TCP port the server listens on.' },
  HOST: {
    kind: 'string',
    default: '127.0.0.1',
    doc: 'Address to listen on; 0.0.0.0 to accept connections from other machines (the Docker image sets it).',
  },
  BASE_URL: {
    kind: 'url-or-empty',
    default: '',
    doc: 'Public address of the instance, used in emails and to decide on secure cookies and HSTS (https). Empty: http://localhost:PORT.',
  },
  DATA_DIR: {
    kind: 'string',
    default: './data',
    doc: 'Folder for the SQLite database, uploads, backups and unsent emails (/data in the Docker image).',
  },
  SMTP_URL: {
    kind: 'url-or-empty',
    default: '',
    doc: 'SMTP server, e.g. smtps://user:password@mail.example.org:465. Empty: emails are written as .eml files in DATA_DIR/mail.',
  },
  MAIL_FROM: {
    kind: 'email-from',
    default: 'Palabre <no-reply@localhost>',
    doc: 'Sender of the emails the instance sends.',
  },
  TIME_ZONE: {
    kind: 'timezone',
    default: 'Europe/Paris',
    doc: 'Time zone of the instance: step dates and displayed times.',
  },
  TRUST_PROXY: {
    kind: 'proxy',
    default: 'false',
    doc: 'Reverse proxies in front of the instance: false; true for one (Caddy or nginx on the same machine); their number; or their addresses, comma-separated (10.0.0.2,10.1.0.0/16). The client address for rate limits is read from X-Forwarded-For past these proxies only.',
  },
  MAIL_RETENTION_DAYS: {
    kind: 'days',
    default: '30',
    doc: 'Days a sent email (address, name, text) is kept in the outbox before it is deleted.',
  },
  LOG_LEVEL: {
    kind: 'level',
    default: 'info',
    doc: 'One of fatal, error, warn, info, debug, trace, silent.',
  },
  MAP_TILES_URL: {
    kind: 'tiles',
    default: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    doc: 'Map tiles of the proposals\' maps, an https address with {z}, {x} and {y}; its origin is the only one images may come from besides the instance. Default: the Géoplateforme\'s Plan IGN.',
  },
  MAP_ATTRIBUTION: {
    kind: 'string',
    default: '© IGN – Géoplateforme',
    doc: 'Credit shown on the maps for their tiles.',
  },
  GEOCODER_URL: {
    kind: 'url',
    default: 'https://data.geopf.fr/geocodage/search',
    doc: 'Address search service (the Géoplateforme\'s geocoding API), asked by the server only.',
  },
  GEOCODER_CITYCODE: {
    kind: 'insee-or-empty',
    default: '',
    doc: 'INSEE code of the commune whose addresses the proposal form may search (e.g. 35238). Empty: address search off.',
  },
} as const satisfies Record<string, Option>;

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  secure: boolean;
  dataDir: string;
  dbFile: string;
  smtpUrl: string;
  mailFrom: string;
  timeZone: string;
  logLevel: string;
  /** True when a reverse proxy sits in front (TRUST_PROXY is not false). */
  trustProxy: boolean;
  /** Fastify's trustProxy: how many hops, or which addresses, may set X-Forwarded-For. */
  trustedProxies: false | number | string;
  mailRetentionDays: number;
  production: boolean;
  mapTilesUrl: string;
  mapAttribution: string;
  geocoderUrl: string;
  /** Empty: address search off. */
  geocoderCitycode: string;
}

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function check(name: string, kind: Kind, value: string): string | null {
  switch (kind) {
    case 'port': {
      const n = Number(value);
      return Number.isInteger(n) && n >= 0 && n <= 65535 ? null : 'a port number from 0 to 65535';
    }
    case 'url-or-empty':
      if (value === '') return null;
    // falls through
    case 'url':
      try {
        new URL(value);
        return null;
      } catch {
        return 'an absolute URL';
      }
    case 'timezone':
      try {
        new Intl.DateTimeFormat('fr', { timeZone: value });
        return null;
      } catch {
        return 'an IANA time zone such as Europe/Paris';
      }
    case 'level':
      return levels.includes(value) ? null : `one of ${levels.join(', ')}`;
    case 'email-from':
      return /@/.test(value) ? null : 'an email address, optionally with a name: Ville <no-reply@ville.fr>';
    case 'proxy':
      return proxySetting(value) === null ? 'false, true, a number of proxies from 1 to 9, or proxy addresses such as 10.0.0.2,10.1.0.0/16' : null;
    case 'days': {
      const n = Number(value);
      return /^\d{1,4}$/.test(value) && n >= 1 && n <= 3650 ? null : 'a number of days from 1 to 3650';
    }
    case 'string':
      return value.trim() === '' ? `not empty (${name})` : null;
    case 'tiles':
      return /^https:\/\/[^\s/]+\//.test(value) && ['{z}', '{x}', '{y}'].every((p) => value.includes(p)) ? null : 'an https address with {z}, {x} and {y}';
    case 'insee-or-empty':
      return value === '' || /^(\d{5}|2[AB]\d{3})$/.test(value) ? null : 'an INSEE commune code of five characters (35238, 2A004), or empty';
  }
}

/** TRUST_PROXY as Fastify takes it: `true` is one hop, never "trust everything", because the
 * leftmost X-Forwarded-For entries are whatever the client wrote. null: not a valid value. */
function proxySetting(value: string): false | number | string | null {
  if (value === 'false') return false;
  if (value === 'true') return 1;
  if (/^[1-9]$/.test(value)) return Number(value);
  const items = value.split(',').map((s) => s.trim());
  const valid = items.every((item) => {
    const [address, prefix, ...rest] = item.split('/');
    const family = net.isIP(address ?? '');
    if (!family || rest.length) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return valid ? items.join(',') : null;
}

export class ConfigError extends Error {}

/** Reads the options from `env` (process.env by default); `overrides` serve tests. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof typeof options, string>> = {}): Config {
  const raw = {} as Record<keyof typeof options, string>;
  const errors: string[] = [];
  for (const [name, option] of Object.entries(options) as [keyof typeof options, Option][]) {
    const value = overrides[name] ?? env[name] ?? option.default;
    const problem = check(name, option.kind, value);
    if (problem) errors.push(`${name}=${JSON.stringify(value)} is not valid: expected ${problem}.`);
    raw[name] = value;
  }
  if (errors.length) throw new ConfigError(`Configuration error:\n  ${errors.join('\n  ')}`);

  const port = Number(raw.PORT);
  const baseUrl = (raw.BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const dataDir = path.resolve(raw.DATA_DIR);
  return Object.freeze({
    port,
    host: raw.HOST,
    baseUrl,
    secure: baseUrl.startsWith('https:'),
    dataDir,
    dbFile: path.join(dataDir, 'palabre.db'),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    timeZone: raw.TIME_ZONE,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY !== 'false',
    trustedProxies: proxySetting(raw.TRUST_PROXY)!,
    mailRetentionDays: Number(raw.MAIL_RETENTION_DAYS),
    production: env.NODE_ENV === 'production',
    mapTilesUrl: raw.MAP_TILES_URL,
    mapAttribution: raw.MAP_ATTRIBUTION,
    geocoderUrl: raw.GEOCODER_URL,
    geocoderCitycode: raw.GEOCODER_CITYCODE,
  });
}
