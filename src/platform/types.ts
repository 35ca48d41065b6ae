// What the platform adds to Fastify's request, reply and instance, typed once.
import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { I18n, Locale, Translate, Format } from './i18n.ts';
import type { Session, SessionUser } from './sessions.ts';
import type { Mailer } from './mail.ts';
import type { Manifest } from './module.ts';
import type { PageCache } from './page-cache.ts';
import type { PartialRenderer } from './partials.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    manifests: readonly Manifest[];
    config: Config;
    i18n: I18n;
    mailer: Mailer;
    pageCache: PageCache;
    /** Renders a template with `data` alone as its `it` (platform/partials.ts). */
    partial: PartialRenderer;
  }
  interface FastifyRequest {
    session: Session | null;
    user: SessionUser | null;
    locale: Locale;
    t: Translate;
    fmt: Format;
    csrfSecret: string;
    /** True for an htmx request that wants a fragment (not a history restore). */
    wantsFragment: boolean;
  }
}
