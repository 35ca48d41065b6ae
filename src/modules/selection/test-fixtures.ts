// Test fixtures of the selection step, on top of test/helpers/factories.ts: a project with
// districts, a collect step whose published proposals (costs, categories, districts) are written
// straight to the collect tables (selection never imports the collect module), a selection step
// of given settings with those proposals imported, voters, and a recount of the counters.
import { addUser, daysFromNow, dbOf, loginAs, makeProject, makeStep, type DbOrApp } from '../../../test/helpers/factories.ts';
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';

let n = 0;

export type StepState = 'open' | 'closed' | 'upcoming';

/** The step's settings as stored (rules.ts SETTINGS keys). */
export interface SelectionSettings {
  vote_type?: 'support' | 'budget';
  budget?: number;
  votes_max?: number;
  votes_min?: number;
  ranked?: boolean;
  envelopes?: 'none' | 'districts' | 'districts_and_city';
  confirm?: boolean;
}

/** One proposal of the collect step; `district` and `category` are indexes into the fixture's lists. */
export interface ProposalSpec {
  title?: string;
  /** collect_proposals.cost (null: none given); 1000 unless told. */
  cost?: number | null;
  /** Index into `districts`; null (the default) is city-wide. */
  district?: number | null;
  category?: number | null;
  /** false: hidden by moderation (collect_proposals.published = 0). */
  published?: boolean;
  /** false: left in the collect step only. */
  imported?: boolean;
}

export interface SelectionOptions {
  settings?: SelectionSettings;
  state?: StepState;
  visibility?: Visibility;
  /** How many districts the project gets (2 unless told). */
  districts?: number;
  /** How many categories the collect step gets (2 unless told). */
  categories?: number;
  /** A number of default proposals (4 unless told), or each one's spec. */
  proposals?: number | ProposalSpec[];
  /** The step's requirements for the gate. */
  requires?: { district?: boolean; postal?: boolean; checkbox?: string };
}

export interface SelectionProposal {
  id: number;
  title: string;
  cost: number;
  districtId: number | null;
  categoryId: number | null;
}

export interface SelectionFixture {
  projectId: number;
  collectStepId: number;
  stepId: number;
  step: Step;
  districts: number[];
  categories: number[];
  /** Every proposal written, imported or not, in the order given. */
  proposals: SelectionProposal[];
  /** The collect proposals' author. */
  authorId: number;
}

const dates = (state: StepState = 'open') => (state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)]);

/** A project with districts, a closed collect step with proposals, and a selection step (open unless told) holding them. */
export function makeSelection(db: Db, o: SelectionOptions = {}): SelectionFixture {
  n += 1;
  const projectId = makeProject(db, { slug: `selection-${n}-${process.pid}`, title: `Budget participatif ${n}`, visibility: o.visibility ?? 'public' });
  const collectStepId = makeStep(db, projectId, { type: 'collect', title: `Dépôt des idées ${n}`, starts: daysFromNow(-30), ends: daysFromNow(-2) });
  const [starts, ends] = dates(o.state);
  const stepId = makeStep(db, projectId, {
    type: 'selection',
    title: `Vote ${n}`,
    body: 'Choisissez les projets de votre quartier.',
    starts,
    ends,
    district: o.requires?.district,
    postal: o.requires?.postal,
    checkbox: o.requires?.checkbox,
  });
  setSelectionSettings(db, stepId, o.settings ?? {});
  const districts = Array.from({ length: o.districts ?? 2 }, (_, i) => addProjectDistrict(db, projectId, `Quartier ${n}-${i + 1}`));
  const categories = Array.from({ length: o.categories ?? 2 }, (_, i) =>
    write(db, (tx) => tx.run(db.insertInto('collect_categories').values({ step_id: collectStepId, name: `Catégorie ${n}-${i + 1}`, colour: '#1d4ed8', position: i + 1 })).lastInsertRowid),
  );
  const authorId = addUser(db, 'citizen', { name: `Autrice ${n}` });
  const specs: ProposalSpec[] = typeof o.proposals === 'object' ? o.proposals : Array.from({ length: o.proposals ?? 4 }, () => ({}));
  const fx: SelectionFixture = { projectId, collectStepId, stepId, step: undefined as unknown as Step, districts, categories, proposals: [], authorId };
  for (const spec of specs) {
    const p = addCollectProposal(db, fx, spec);
    fx.proposals.push(p);
    if (spec.imported !== false) importProposal(db, stepId, p);
  }
  fx.step = loadStep(db, stepId);
  return fx;
}

export const loadStep = (db: Db, stepId: number): Step => readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;

/** Replaces the step's settings (stored JSON), e.g. to test a setting's effect; reload `step` after. */
export function setSelectionSettings(db: Db, stepId: number, settings: SelectionSettings): void {
  db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify(settings), stepId);
}

export function setSelectionState(db: Db, stepId: number, state: StepState): void {
  const [starts, ends] = dates(state);
  db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(starts, ends, stepId);
}

/** A district of the instance, given to the project. */
export function addProjectDistrict(db: Db, projectId: number, name = `Quartier ${++n}`): number {
  return write(db, (tx) => {
    const id = tx.run(db.insertInto('districts').values({ name, geojson: null })).lastInsertRowid;
    tx.run(db.insertInto('project_districts').values({ project_id: projectId, district_id: id }));
    return id;
  });
}

/** A proposal of the collect step written straight to its tables (core row, proposal row, step count). */
export function addCollectProposal(db: Db, fx: Pick<SelectionFixture, 'collectStepId' | 'districts' | 'categories' | 'authorId'>, spec: ProposalSpec = {}): SelectionProposal {
  n += 1;
  const title = spec.title ?? `Proposition ${n}`;
  const published = spec.published !== false;
  const cost = spec.cost === undefined ? 1000 : spec.cost;
  const districtId = spec.district === undefined || spec.district === null ? null : fx.districts[spec.district]!;
  const categoryId = spec.category === undefined || spec.category === null ? null : fx.categories[spec.category]!;
  const now = new Date().toISOString();
  const id = write(db, (tx) => {
    tx.run(db.insertInto('collect_steps').values({ step_id: fx.collectStepId }).onConflict((oc) => oc.doNothing()));
    const reference = tx.first(db.updateTable('collect_steps').set((eb) => ({ next_reference: eb('next_reference', '+', 1) })).where('step_id', '=', fx.collectStepId).returning('next_reference'))!.next_reference - 1;
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: fx.collectStepId, author_id: fx.authorId, parent_id: null, kind: 'proposal', status: published ? 'published' : 'hidden', title, body_md: `Texte de ${title}`, created_at: now }),
    ).lastInsertRowid;
    tx.run(
      db.insertInto('collect_proposals').values({
        contribution_id: id,
        step_id: fx.collectStepId,
        author_id: fx.authorId,
        reference,
        summary: `Résumé de ${title}`,
        category_id: categoryId,
        district_id: districtId,
        cost,
        cost_missing: cost === null ? 1 : 0,
        published: published ? 1 : 0,
      }),
    );
    if (published) tx.run(db.updateTable('collect_steps').set((eb) => ({ proposals_count: eb('proposals_count', '+', 1) })).where('step_id', '=', fx.collectStepId));
    return id;
  });
  return { id, title, cost: cost ?? 0, districtId, categoryId };
}

/** Puts a proposal into the selection step directly (the admin's import does it for real). */
export function importProposal(db: Db, stepId: number, p: Pick<SelectionProposal, 'id' | 'cost' | 'districtId'>): void {
  write(db, (tx) => tx.run(db.insertInto('selection_proposals').values({ step_id: stepId, proposal_id: p.id, district_id: p.districtId, cost: p.cost, added_at: new Date().toISOString() })));
}

/** A budget for one envelope (district, or null for city-wide). */
export function setEnvelopeBudget(db: Db, stepId: number, districtId: number | null, budget: number): void {
  write(db, (tx) => {
    tx.run(db.deleteFrom('selection_envelopes').where('step_id', '=', stepId).where('district_id', districtId === null ? 'is' : '=', districtId));
    tx.run(db.insertInto('selection_envelopes').values({ step_id: stepId, district_id: districtId, budget }));
  });
}

export interface VoterFields {
  /** The declared district (users.district_id). */
  districtId?: number | null;
  postalCode?: string;
  confirmed?: boolean;
}

/** A citizen who may vote (confirmed, with the district and postal code given). */
export function addVoter(db: Db, f: VoterFields = {}): number {
  const id = addUser(db, 'citizen', { confirmed: f.confirmed ?? true });
  if (f.districtId !== undefined || f.postalCode !== undefined) {
    write(db, (tx) => tx.run(db.updateTable('users').set({ district_id: f.districtId ?? null, postal_code: f.postalCode ?? null }).where('id', '=', id)));
  }
  return id;
}

/** A logged-in voter's client (with its CSRF token). */
export async function voterClient(t: TestApp, f: VoterFields = {}): Promise<{ client: Client; userId: number }> {
  return loginAs(t, addVoter(t.db, f));
}

/**
 * The proposals' stored counters beside a recount from the votes of counted ballots (points:
 * votes_max − position when the step is ranked); equal when the counters are right.
 */
export function selectionCounters(on: DbOrApp, stepId: number, o: { ranked?: boolean; votesMax?: number } = {}) {
  const db = dbOf(on);
  const stored = db.sqlite.prepare('select proposal_id as id, votes_count as votes, points from selection_proposals where step_id = ? order by proposal_id').all(stepId) as { id: number; votes: number; points: number }[];
  const recount = db.sqlite
    .prepare(
      `select p.proposal_id as id,
              count(b.user_id) as votes,
              coalesce(sum(case when b.user_id is null then 0 when ? then ? - v.position else 0 end), 0) as points
         from selection_proposals p
         left join selection_votes v on v.step_id = p.step_id and v.proposal_id = p.proposal_id
         left join selection_ballots b on b.step_id = v.step_id and b.user_id = v.user_id and b.counted = 1
        where p.step_id = ? group by p.proposal_id order by p.proposal_id`,
    )
    .all(o.ranked ? 1 : 0, o.votesMax ?? 0, stepId) as { id: number; votes: number; points: number }[];
  const ballots = db.sqlite.prepare('select b.user_id as userId, b.votes, (select count(*) from selection_votes v where v.step_id = b.step_id and v.user_id = b.user_id) as rows from selection_ballots b where b.step_id = ? order by b.user_id').all(stepId) as {
    userId: number;
    votes: number;
    rows: number;
  }[];
  return { stored, recount, ballots };
}
