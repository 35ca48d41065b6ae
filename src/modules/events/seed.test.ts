// The demo events: four events (one of the charter project when it exists, found by its slug,
// never created), upcoming and past; their pages and files render; a second run adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { runDemo } from '../../platform/demo.ts';
import { seed, CHARTER_SLUG, DEMO_EVENTS } from './seed.ts';

test('alone, the seed adds the events for the site and creates no project', async () => {
  const t = await makeApp();
  try {
    const lines: string[] = [];
    seed({ db: t.db, log: (l) => lines.push(l) });
    assert.equal(countRows(t, 'events_events where project_id is null'), DEMO_EVENTS.length);
    assert.equal(countRows(t, 'projects'), 0);
    assert.match(lines.join('\n'), /events: 4 events added/);
  } finally {
    await t.close();
  }
});

test('with every module, the workshop is the charter’s; the pages render; a second run adds nothing', async () => {
  const t = await makeApp();
  try {
    const noop = () => {};
    await runDemo(t.db, t.app.manifests, noop);
    const charter = t.db.sqlite.prepare('select id from projects where slug = ?').get(CHARTER_SLUG) as { id: number };
    assert.equal(countRows(t, `events_events where project_id = ${charter.id} and registration = 1 and capacity is not null`), 1);
    for (const e of DEMO_EVENTS) {
      assert.equal((await t.client().get(`/events/${e.slug}`)).statusCode, 200, e.slug);
      assert.equal((await t.client().get(`/events/${e.slug}.ics`)).statusCode, 200, e.slug);
    }
    assert.match((await t.client().get(`/projects/${CHARTER_SLUG}`)).body, /Atelier : la place des jeunes/);
    const lines: string[] = [];
    seed({ db: t.db, log: (l) => lines.push(l) });
    await runDemo(t.db, t.app.manifests, noop);
    assert.equal(countRows(t, 'events_events'), DEMO_EVENTS.length);
    assert.match(lines.join('\n'), /nothing added/);
  } finally {
    await t.close();
  }
});
