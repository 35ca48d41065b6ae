// Every route of the questionnaire, one line each: method, path, options, named handler.
// Answering goes through guards.ts (an account through the platform's gate, or an anonymous
// person where the step allows it); the builder and the exports are for administrators only.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { uploadRoute } from '../../platform/multipart.ts';
import { perAccount } from '../../platform/rate-limits.ts';
import { showQuestionnaire, editResponse } from './show.ts';
import { showPage, postPage, previewPage, showReview } from './answer.ts';
import { submit } from './submit.ts';
import { showResults, showTexts } from './results.ts';
import { newQuestion, editQuestion, createQuestion, saveQuestion, removeQuestion, moveQuestionHandler } from './builder.ts';
import { adminHome, exportDefinition, importDefinition, applyTemplate } from './admin.ts';
import { exportCsv, exportJson } from './export.ts';
import { downloadFile } from './files.ts';
import { IMPORT_MAX_BYTES } from './rules.ts';
import type { StepParams } from './guards.ts';
import { LIMITS } from '../../platform/questions/definition.ts';

// Pages of answers: a long page sends many fields; a file question's page carries its file.
const page = uploadRoute({ file: 'file', fileBytes: LIMITS.fileMb * 1_000_000, fields: 2000, fieldBytes: 20_000, totalFieldBytes: 1_000_000 });
// Pages: per account, or per address for anonymous answers (generous: an address may be shared).
const answering = { config: { ...page.config, ...perAccount(1000, 10) }, preHandler: page.preHandler };
// Per account, or per address for anonymous answers: a town hall's Wi-Fi may carry a whole workshop.
const submitting = { config: perAccount(300, 10) };
const importing = uploadRoute({ file: 'file', fileBytes: IMPORT_MAX_BYTES, fields: 5, fieldBytes: 1000, totalFieldBytes: 5000 });

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', showQuestionnaire);
  app.get('/:stepId/answer', showPage);
  app.post<{ Params: StepParams }>('/:stepId/answer', answering, postPage);
  app.post('/:stepId/answer/preview', previewPage);
  app.get('/:stepId/review', showReview);
  app.post('/:stepId/submit', submitting, submit);
  app.post('/:stepId/edit', submitting, editResponse);
  app.get('/:stepId/results', showResults);
  app.get('/:stepId/results/:questionId', showTexts);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin', adminHome);
    admin.get('/:stepId/admin/questions/new', newQuestion);
    admin.post('/:stepId/admin/questions', createQuestion);
    admin.get('/:stepId/admin/questions/:questionId', editQuestion);
    admin.post('/:stepId/admin/questions/:questionId', saveQuestion);
    admin.post('/:stepId/admin/questions/:questionId/delete', removeQuestion);
    admin.post('/:stepId/admin/questions/:questionId/move', moveQuestionHandler);
    admin.get('/:stepId/admin/questionnaire.json', exportDefinition);
    admin.post<{ Params: StepParams }>('/:stepId/admin/import', importing, importDefinition);
    admin.post('/:stepId/admin/template', applyTemplate);
    admin.get('/:stepId/admin/responses.csv', exportCsv);
    admin.get('/:stepId/admin/responses.json', exportJson);
    admin.get('/:stepId/admin/files/:responseId/:questionId', downloadFile);
  });
};
