// The bench files, one per module that measures something, in the order their rows run.
import type { BenchFile } from './scenario.ts';
import { platform } from './platform.ts';
import { consultation } from './consultation.ts';
import { debate } from './debate.ts';
import { collect } from './collect.ts';
import { selection } from './selection.ts';
import { comments } from './comments.ts';
import { notifications } from './notifications.ts';
import { questionnaire } from './questionnaire.ts';
import { votation } from './votation.ts';

export const benches: BenchFile[] = [platform, consultation, debate, collect, selection, comments, notifications, questionnaire, votation];
