// The module's timed work, started with the server (platform/jobs.ts): the emails of people who
// want them right away, the daily digest (it waits for its hour itself), and the reminders of
// steps that open or whose results are out. Each run is one pass; the next comes a minute later.
import type { Job } from '../../platform/module.ts';
import { sendDigests, sendImmediate } from './emails.ts';
import { announceSteps } from './reminders.ts';

const MINUTE = 60_000;

export const jobs: Job[] = [
  // Reminders first in the list: the notifications they write go out with the next emails.
  { name: 'notifications.reminders', everyMs: MINUTE, run: (app) => void announceSteps(app) },
  { name: 'notifications.immediate', everyMs: MINUTE, run: (app) => void sendImmediate(app) },
  { name: 'notifications.digest', everyMs: MINUTE, run: (app) => void sendDigests(app) },
];
