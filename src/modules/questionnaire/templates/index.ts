// The templates an administrator can start a questionnaire from (they are also examples of the
// file format, docs/questionnaire-format.md).
import type { QuestionnaireFile } from '../transfer.ts';
import { barometer } from './barometer.ts';
import { neighbourhood } from './neighbourhood.ts';
import { event } from './event.ts';

export const TEMPLATES: { name: string; file: QuestionnaireFile }[] = [
  { name: 'barometer', file: barometer },
  { name: 'neighbourhood', file: neighbourhood },
  { name: 'event', file: event },
];
