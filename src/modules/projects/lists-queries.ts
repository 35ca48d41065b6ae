// Queries of the lists administrators manage: themes, districts (with an optional GeoJSON
// outline) and user groups with their members.
import type { Db } from '../../db/open.ts';
import { write, readSync } from '../../db/write.ts';

export type ListKind = 'themes' | 'districts';

export function listThemes(db: Db) {
  return readSync(db).all(db.selectFrom('themes').select(['id', 'name']).orderBy('name'));
}

export function listDistricts(db: Db) {
  return readSync(db).all(db.selectFrom('districts').select(['id', 'name']).orderBy('name'));
}

/** Themes or districts with whether an outline is stored (never the outline itself: it is big). */
export function listEntries(db: Db, kind: ListKind): { id: number; name: string; has_outline: number }[] {
  if (kind === 'themes') return listThemes(db).map((r) => ({ ...r, has_outline: 0 }));
  return readSync(db).all(
    db
      .selectFrom('districts')
      .select(['id', 'name', (eb) => eb.case().when('geojson', 'is not', null).then(1).else(0).end().as('has_outline')])
      .orderBy('name'),
  );
}

export function findEntry(db: Db, kind: ListKind, id: number): { id: number; name: string; geojson: string | null } | undefined {
  if (kind === 'themes') {
    const row = readSync(db).first(db.selectFrom('themes').select(['id', 'name']).where('id', '=', id));
    return row && { ...row, geojson: null };
  }
  return readSync(db).first(db.selectFrom('districts').select(['id', 'name', 'geojson']).where('id', '=', id));
}

export function insertEntry(db: Db, kind: ListKind, values: { name: string; geojson: string | null }): number {
  return write(db, (tx) =>
    kind === 'themes'
      ? tx.run(db.insertInto('themes').values({ name: values.name })).lastInsertRowid
      : tx.run(db.insertInto('districts').values({ name: values.name, geojson: values.geojson })).lastInsertRowid,
  );
}

export function updateEntry(db: Db, kind: ListKind, id: number, values: { name: string; geojson: string | null }): void {
  write(db, (tx) => {
    if (kind === 'themes') tx.run(db.updateTable('themes').set({ name: values.name }).where('id', '=', id));
    else tx.run(db.updateTable('districts').set({ name: values.name, geojson: values.geojson }).where('id', '=', id));
  });
}

/** Links to projects and people's declared district go with it (ON DELETE cascade / set null). */
export function deleteEntry(db: Db, kind: ListKind, id: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom(kind).where('id', '=', id)).changes > 0);
}

export function listGroups(db: Db) {
  return readSync(db).all(
    db
      .selectFrom('user_groups')
      .select(['user_groups.id', 'user_groups.name', (eb) => eb.selectFrom('user_group_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('group_id', '=', 'user_groups.id').as('members')])
      .orderBy('name'),
  );
}

export function findGroup(db: Db, id: number) {
  return readSync(db).first(db.selectFrom('user_groups').select(['id', 'name']).where('id', '=', id));
}

export function listGroupMembers(db: Db, groupId: number) {
  return readSync(db).all(
    db
      .selectFrom('user_group_members')
      .innerJoin('users', 'users.id', 'user_group_members.user_id')
      .select(['users.id', 'users.email', 'users.display_name', 'users.email_confirmed_at'])
      .where('user_group_members.group_id', '=', groupId)
      .orderBy('users.email'),
  );
}

export function insertGroup(db: Db, name: string): number {
  return write(db, (tx) => tx.run(db.insertInto('user_groups').values({ name })).lastInsertRowid);
}

export function renameGroup(db: Db, id: number, name: string): void {
  write(db, (tx) => tx.run(db.updateTable('user_groups').set({ name }).where('id', '=', id)));
}

export function deleteGroup(db: Db, id: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom('user_groups').where('id', '=', id)).changes > 0);
}

/** 'added', 'already' a member, or 'no_user' when no live account has this address. */
/** An unconfirmed account joins, but sees nothing restricted until it confirms its address. */
export function addGroupMember(db: Db, groupId: number, email: string): 'added' | 'added_unconfirmed' | 'already' | 'no_user' {
  return write(db, (tx) => {
    const user = tx.first(db.selectFrom('users').select(['id', 'email_confirmed_at']).where('email', '=', email).where('deleted_at', 'is', null));
    if (!user) return 'no_user';
    const changes = tx.run(db.insertInto('user_group_members').values({ group_id: groupId, user_id: user.id }).onConflict((oc) => oc.doNothing())).changes;
    if (!changes) return 'already';
    return user.email_confirmed_at ? 'added' : 'added_unconfirmed';
  });
}

export function removeGroupMember(db: Db, groupId: number, userId: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom('user_group_members').where('group_id', '=', groupId).where('user_id', '=', userId)).changes > 0);
}
