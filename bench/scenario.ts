// What a bench file declares: the data it seeds into the fresh database (in the seeding
// process) and the rows it measures (in the runner). One file per module, listed in index.ts.
import type { Db } from '../src/db/open.ts';

/** Accounts every bench file may use: created first by platform.ts. */
export interface SeedContext {
  db: Db;
  users: number;
}

/** Given to a row's setup: the seeded data of every bench file by name, and a real login. */
export interface RunContext {
  baseUrl: string;
  seeds: Record<string, any>;
  login(email: string, password: string): Promise<{ cookie: string; csrf: string }>;
}

export interface Scenario {
  name: string;
  /** A GET of this path (a function of the seeds), or `setup` returning autocannon options. */
  path?: string | ((seeds: Record<string, any>) => string);
  setup?: (ctx: RunContext) => Promise<Record<string, unknown>>;
  /** Targets where an issue names one: share of the ceiling, 99th percentile, requests per second. */
  min_ratio?: number;
  max_p99?: number;
  min_rps?: number;
}

export interface BenchFile {
  name: string;
  /** Runs in the seeding process, inside no transaction; returns what its rows need (JSON). */
  seed?: (ctx: SeedContext) => unknown | Promise<unknown>;
  scenarios: Scenario[];
}
