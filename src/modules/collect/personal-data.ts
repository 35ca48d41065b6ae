// What the collect step stores about a person beyond the contributions core: their proposals'
// fields (reference, category, district, address, cost, answers to the custom questions) and
// their drafts, and their files (images and attachments). Erasure deletes the drafts (never
// published, they are the person's alone) and the files (a photo or a document may show or name
// them); published proposals stay, signed "deleted participant" like every contribution, but lose
// the address and the answers, which may say who wrote them.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';
import { eraseMedia } from './media-writes.ts';
import { analysisPersonalData } from './analysis-personal-data.ts';

export const personalData: PersonalData = {
  tables: ['collect_proposals', 'collect_drafts', 'collect_files', ...analysisPersonalData.tables],
  export(db, userId) {
    const r = readSync(db);
    return {
      proposals: r
        .all(db.selectFrom('collect_proposals').select(['contribution_id', 'step_id', 'reference', 'summary', 'category_id', 'district_id', 'address', 'lat', 'lng', 'cost', 'answers']).where('author_id', '=', userId).orderBy('contribution_id'))
        .map((p) => ({ ...p, answers: JSON.parse(p.answers) })),
      drafts: r
        .all(db.selectFrom('collect_drafts').select(['id', 'step_id', 'title', 'fields', 'created_at', 'updated_at']).where('author_id', '=', userId).orderBy('id'))
        .map((d) => ({ ...d, fields: JSON.parse(d.fields) })),
      // The files themselves are downloaded from each proposal's page; here, what and where.
      files: r.all(db.selectFrom('collect_files').select(['id', 'proposal_id', 'role', 'name', 'kind', 'bytes', 'alt', 'created_at']).where('author_id', '=', userId).orderBy('id')),
      ...analysisPersonalData.export(db, userId),
    };
  },
  erase(db, tx, userId) {
    tx.run(db.deleteFrom('collect_drafts').where('author_id', '=', userId));
    eraseMedia(db, tx, userId);
    tx.run(db.updateTable('collect_proposals').set({ address: '', lat: null, lng: null, answers: '{}' }).where('author_id', '=', userId));
    analysisPersonalData.erase!(db, tx, userId);
  },
};
