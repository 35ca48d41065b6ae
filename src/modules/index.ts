// The enabled modules, one import per line. Disabling a module is removing its line.
import type { Manifest } from '../platform/module.ts';
import { manifest as site } from './site/manifest.ts';
import { manifest as accounts } from './accounts/manifest.ts';
import { manifest as setup } from './setup/manifest.ts';
import { manifest as admin } from './admin/manifest.ts';
import { manifest as projects } from './projects/manifest.ts';
import { manifest as presentation } from './presentation/manifest.ts';
import { manifest as profiles } from './profiles/manifest.ts';
import { manifest as consultation } from './consultation/manifest.ts';
import { manifest as debate } from './debate/manifest.ts';
import { manifest as collect } from './collect/manifest.ts';
import { manifest as selection } from './selection/manifest.ts';
import { manifest as questionnaire } from './questionnaire/manifest.ts';
import { manifest as moderation } from './moderation/manifest.ts';
import { manifest as comments } from './comments/manifest.ts';
import { manifest as news } from './news/manifest.ts';
import { manifest as events } from './events/manifest.ts';
import { manifest as notifications } from './notifications/manifest.ts';
import { manifest as campaigns } from './campaigns/manifest.ts';
import { manifest as votation } from './votation/manifest.ts';

export const modules: Manifest[] = [site, accounts, setup, admin, projects, presentation, profiles, consultation, debate, collect, selection, questionnaire, moderation, comments, news, events, notifications, campaigns, votation];
