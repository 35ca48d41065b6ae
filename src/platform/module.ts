// The manifest every module exports (DESIGN: modules and their manifest). Fields are added only
// when a second module needs them.
import type { FastifyPluginAsync } from 'fastify';
import type { Messages } from './i18n.ts';
import type { Db } from '../db/open.ts';

export interface DemoContext {
  db: Db;
  log: (line: string) => void;
}

export interface Manifest {
  slug: string;
  /** Catalogue key of the module's name. */
  titleKey: string;
  /** The module's Fastify plugin; its hooks stay inside it. */
  routes: FastifyPluginAsync;
  /** URL prefix of its routes; '' for site areas mounted at the root. */
  prefix?: string;
  messages: Messages;
  /** Demo content for `palabre demo`. */
  seed?: (ctx: DemoContext) => Promise<void> | void;
}
