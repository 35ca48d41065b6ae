// What the consultation stores about a person beyond the contributions core: their votes on
// sections and items, their "useful" marks, and the fields of their amendments, arguments and
// sources. Erasure keeps the votes and marks (the public counts were made of them); the emptied
// account behind them no longer says who cast them.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['consultation_section_votes', 'consultation_item_votes', 'consultation_useful_marks'],
  export(db, userId) {
    const r = readSync(db);
    return {
      section_votes: r.all(
        db
          .selectFrom('consultation_section_votes as v')
          .innerJoin('consultation_sections as s', 's.id', 'v.section_id')
          .select(['s.step_id', 's.title as section', 'v.value', 'v.created_at'])
          .where('v.user_id', '=', userId)
          .orderBy('v.created_at'),
      ),
      item_votes: r.all(
        db
          .selectFrom('consultation_item_votes as v')
          .innerJoin('contributions as c', 'c.id', 'v.item_id')
          .select(['v.item_id as contribution_id', 'c.title', 'v.value', 'v.created_at'])
          .where('v.user_id', '=', userId)
          .orderBy('v.created_at'),
      ),
      useful_marks: r.all(
        db.selectFrom('consultation_useful_marks').select(['argument_id as contribution_id', 'created_at']).where('user_id', '=', userId).orderBy('created_at'),
      ),
      // The kind-specific fields of what they wrote (its text is in `contributions`).
      amendments: r.all(
        db
          .selectFrom('consultation_items as i')
          .innerJoin('contributions as c', 'c.id', 'i.contribution_id')
          .innerJoin('consultation_sections as s', 's.id', 'i.section_id')
          .select(['i.contribution_id', 's.title as section', 'i.proposed_text'])
          .where('c.author_id', '=', userId)
          .where('i.kind', '=', 'amendment'),
      ),
      arguments: r.all(
        db
          .selectFrom('consultation_arguments as a')
          .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
          .select(['a.contribution_id', 'a.item_id as on_contribution', 'a.side'])
          .where('c.author_id', '=', userId),
      ),
      sources: r.all(
        db
          .selectFrom('consultation_sources as s')
          .innerJoin('contributions as c', 'c.id', 's.contribution_id')
          .select(['s.contribution_id', 's.item_id as on_contribution', 's.url', 's.category'])
          .where('c.author_id', '=', userId),
      ),
    };
  },
};
