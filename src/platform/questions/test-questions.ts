// Questions for the engine's tests: one of each type with chosen settings (not a test file).
import type { Question, QuestionConfig, QuestionType } from './types.ts';

let next = 1;
export function question(type: QuestionType, config: QuestionConfig = {}, o: Partial<Question> = {}): Question {
  const id = o.id ?? next++;
  return { id, type, title: `Question ${id}`, help: '', required: false, private: false, position: id, config, showIf: [], jump: null, ...o };
}
