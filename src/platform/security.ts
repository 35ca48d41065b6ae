// Security headers: a strict CSP (no inline script, nothing framed, no base or object), and
// HSTS / upgrade-insecure-requests only when the instance is served over https, so a plain-HTTP
// install on a LAN keeps working. Helmet writes them; they depend on the configuration alone, so
// they are computed once at start (the Fastify plugin rebuilt Helmet from its options on every
// request, a few percent of a small page).
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';

export function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        // The map tiles' origin, and no other (config.ts checks the address).
        'img-src': ["'self'", 'data:', new URL(config.mapTilesUrl).origin],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        ...(config.secure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: config.secure ? { maxAge: 31536000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/** The headers Helmet sets for this configuration, as one object to give every reply. */
export function securityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => {},
  };
  let failure: unknown;
  helmet(helmetOptions(config))({} as never, response as never, (err?: unknown) => (failure = err));
  if (failure) throw failure;
  return headers;
}
