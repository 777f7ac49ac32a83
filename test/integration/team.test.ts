import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOfficeTeam } from '../../src/modules/team/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('the office team is data the office keeps', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const officePage = async (prefix = '') => (await t.request(`${prefix}/ueber-uns/geschaeftsstelle`)).text();

  it('starts with the team the seed names, shown on the office page in both languages', async () => {
    const de = await officePage();
    expect(de).toContain('Sophia Wirsching, Geschäftsführerin');
    expect(de).not.toContain('{{office_team}}');
    expect(await officePage('/en')).toContain('Sophia Wirsching, Executive Director');
  });

  it('adds, edits and removes people; the page follows at once; each change is audited', async () => {
    const office = await t.sessionFor('office');
    const bad = await t.post('/verwaltung/team', { name: '', role_de: '', position: 'x' }, office);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Bitte füllen Sie dieses Feld aus.');

    const added = await t.post(
      '/verwaltung/team',
      {
        name: 'Mia *Test*',
        role_de: 'Referentin Daten',
        role_en: 'Data Officer',
        areas_de: 'Datenerhebung',
        position: '8',
      },
      office,
    );
    expect(added.status).toBe(200);
    const de = await officePage();
    // typed as written, not turned into emphasis
    expect(de).toContain('Mia *Test*, Referentin Daten (Datenerhebung)');
    expect(await officePage('/en')).toContain('Data Officer');

    const person = await t.database.db
      .selectFrom('office_team')
      .select('id')
      .where('role_de', '=', 'Referentin Daten')
      .executeTakeFirstOrThrow();
    const edited = await t.post(
      `/verwaltung/team/${person.id}`,
      { name: 'Mia Test', role_de: 'Referentin Datenerhebung', position: '8' },
      office,
    );
    expect(edited.status).toBe(303);
    expect(await officePage()).toContain('Mia Test, Referentin Datenerhebung');

    expect((await t.post(`/verwaltung/team/${person.id}/entfernen`, {}, office)).status).toBe(303);
    expect(await officePage()).not.toContain('Mia Test');
    expect((await t.post(`/verwaltung/team/${person.id}/entfernen`, {}, office)).status).toBe(404);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'team.%')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['team.add', 'team.remove', 'team.update']);
  });

  it('does not bring back people the office removed', async () => {
    await t.database.db.deleteFrom('office_team').execute();
    await ensureOfficeTeam(t.database.db);
    expect(await t.database.db.selectFrom('office_team').select('id').execute()).toEqual([]);
  });
});
