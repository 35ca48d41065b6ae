// Every route of the votation, one line each. Pages and files are read by anyone who may see
// the step; ballots need an account allowed to vote or an access code of the roll (code entries
// count failures per address); administrators edit questions and the roll.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { addressOf, failureLimit } from '../../platform/rate-limits.ts';
import { WRONG_CODES_PER_ADDRESS } from './rules.ts';
import { uploadRoute } from '../../platform/multipart.ts';
import { showSecrecy, showVotation } from './page.ts';
import { lookupBallot, postBallot, postCode } from './ballots.ts';
import { ballotsCsv, ballotsJson } from './results.ts';
import { adminHome, editQuestion, postQuestion, removeQuestion } from './admin.ts';
import { postCodes, postEraseRoll, postRoll, ROLL_FILE_BYTES } from './admin-roll.ts';

const cached = { config: { pageCache: { query: [] } } };

export const routes: FastifyPluginAsync = async (app) => {
  // Wrong codes per address in 15 minutes (rules.ts): guessing a 120-bit code stays hopeless,
  // and the voters of a polling place or a town hall's Wi-Fi, who share one, may still mistype. Ballots carry no per-request limit: each
  // voter is accepted once (the register's UNIQUE), and a limit per address would turn away the
  // voters of a polling place or a town hall's Wi-Fi, who share one.
  const codeLimit = failureLimit(app, 'votation-code', WRONG_CODES_PER_ADDRESS, 15, addressOf);
  app.get('/:stepId', cached, showVotation);
  app.get('/:stepId/secrecy', cached, showSecrecy);
  app.post('/:stepId/code', postCode(codeLimit));
  app.post('/:stepId/ballot', postBallot(codeLimit));
  app.post('/:stepId/lookup', lookupBallot);
  app.get('/:stepId/ballots.json', ballotsJson);
  app.get('/:stepId/ballots.csv', ballotsCsv);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/questions', postQuestion);
    admin.post('/:stepId/admin/questions/:questionId', editQuestion);
    admin.post('/:stepId/admin/questions/:questionId/delete', removeQuestion);
    admin.post<{ Params: { stepId: string } }>('/:stepId/admin/roll', uploadRoute({ file: 'roll', fileBytes: ROLL_FILE_BYTES, fields: 2, fieldBytes: 200, totalFieldBytes: 400 }), postRoll);
    admin.post('/:stepId/admin/codes', postCodes);
    admin.post('/:stepId/admin/roll/erase', postEraseRoll);
  });
};
