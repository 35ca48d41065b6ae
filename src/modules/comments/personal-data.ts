// What the comments store about a person beyond the contributions core (where their comments'
// texts are): the "useful" marks they gave. Erasure keeps the marks (the public counts were made
// of them), tied to an account that no longer says who it was, like every module's marks.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['comments_marks'],
  export(db, userId) {
    return {
      useful_marks: readSync(db).all(db.selectFrom('comments_marks').select(['comment_id', 'created_at']).where('user_id', '=', userId).orderBy('created_at')),
    };
  },
};
