import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

describe('member register and board', () => {
  let t: TestApp;
  let office: TestSession;
  const org: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.sessionFor('office');
    const rows = await t.database.db
      .insertInto('organisations')
      .values([
        { slug: 'ban-ying', name: 'Ban Ying' },
        { slug: 'fiz', name: 'FIZ Stuttgart' },
        { slug: 'solwodi', name: 'SOLWODI' },
        { slug: 'neu', name: 'Neue Stelle' },
      ])
      .returning(['id', 'slug'])
      .execute();
    for (const r of rows) org[r.slug] = r.id;
    await t.database.db
      .insertInto('directory_centres')
      .values({ slug: 'ban-ying-berlin', name: 'Ban Ying', organisation_id: org['ban-ying']! } as never)
      .execute();
  });
  afterAll(() => t.close());

  const base = { country: 'DE', city: 'Berlin', type: 'specialised_counselling', membership: 'ordinary' };

  async function create(slug: string, extra: Record<string, string> = {}): Promise<string> {
    const res = await t.post(
      '/verwaltung/mitglieder',
      { ...base, organisation_id: org[slug]!, ...extra },
      office,
    );
    expect(res.status).toBe(303);
    return /mitglieder\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
  }
  const admit = (id: string, status = 'admitted', note = '') =>
    t.post(`/verwaltung/mitglieder/${id}/status`, { status, changed_on: '2026-01-15', note }, office);

  it('lists only admitted members publicly, with counts and a link to the finder entry', async () => {
    const banYing = await create('ban-ying', { website: 'https://ban-ying.de' });
    const fiz = await create('fiz', { membership: 'extraordinary', city: 'Stuttgart' });
    const solwodi = await create('solwodi', { city: 'Boppard' });
    await create('neu');
    expect((await admit(banYing, 'admitted', 'MV 2026')).status).toBe(303);
    expect((await admit(fiz)).status).toBe(303);
    expect((await admit(solwodi)).status).toBe(303);
    expect((await admit(solwodi, 'left', 'Austritt')).status).toBe(303);

    const html = await (await t.request('/mitglieder')).text();
    expect(html).toContain('2 Mitgliedsorganisationen, davon 1 außerordentliche');
    expect(html).toContain('Ban Ying');
    expect(html).toContain('FIZ Stuttgart');
    expect(html).not.toContain('SOLWODI');
    expect(html).not.toContain('Neue Stelle');
    // on the map: one dot per admitted member at its town, linking to the member; the Länder highlighted
    const markers = [
      ...html.matchAll(/<a href="(\/mitglieder\/[a-z-]+)"[^>]*>\s*<circle[^>]*class="marker marker-city"/g),
    ].map((m) => m[1]);
    expect(markers.sort()).toEqual(['/mitglieder/ban-ying', '/mitglieder/fiz']);
    expect(html.match(/class="land active"/g)).toHaveLength(2);
    const en = await (await t.request('/en/mitglieder')).text();
    expect(en).toContain('2 member organisations, 1 of them extraordinary members');

    const detail = await (await t.request('/mitglieder/ban-ying')).text();
    expect(detail).toContain('href="/fachberatungsstellen/ban-ying-berlin"');
    expect(detail).toContain('https://ban-ying.de');
    expect(await (await t.request('/mitglieder/fiz')).text()).not.toContain('/fachberatungsstellen/');
    expect((await t.request('/mitglieder/solwodi')).status).toBe(404);
    expect((await t.request('/mitglieder/neu')).status).toBe(404);

    // the info page's {{member_count}} now counts the admitted members of the register
    const info = await (await t.request('/ueber-uns/mitgliedsorganisationen')).text();
    expect(info).toMatch(/heute 2 Mitgliedsorganisationen/);
  });

  it('keeps a status history', async () => {
    const member = await t.database.db
      .selectFrom('network_members')
      .select('id')
      .where('organisation_id', '=', org.solwodi!)
      .executeTakeFirstOrThrow();
    const history = await t.database.db
      .selectFrom('network_member_status_history')
      .select(['status', 'note'])
      .where('member_id', '=', member.id)
      .orderBy('created_at')
      .execute();
    expect(history.map((h) => h.status)).toEqual(['applied', 'admitted', 'left']);
    const page = await (await t.request(`/verwaltung/mitglieder/${member.id}`, { session: office })).text();
    expect(page).toContain('Austritt');
    expect(page).toContain('Ausgetreten');
  });

  it('edits a member and refuses bad input with 422, never 500', async () => {
    const member = await t.database.db
      .selectFrom('network_members')
      .select('id')
      .where('organisation_id', '=', org.fiz!)
      .executeTakeFirstOrThrow();
    const ok = await t.post(
      `/verwaltung/mitglieder/${member.id}`,
      { ...base, city: 'Stuttgart-Mitte', joined_on: '1999-05-01' },
      office,
    );
    expect(ok.status).toBe(303);
    expect(await (await t.request('/mitglieder/fiz')).text()).toContain('Stuttgart-Mitte');
    for (const form of [
      { ...base, type: 'other' },
      { ...base, joined_on: '2026-13-45' },
      { ...base, website: 'javascript:alert(1)' },
      { ...base, country: '' },
    ]) {
      expect((await t.post(`/verwaltung/mitglieder/${member.id}`, form, office)).status).toBe(422);
    }
    expect(
      (
        await t.post(
          `/verwaltung/mitglieder/${member.id}/status`,
          { status: 'gone', changed_on: 'x' },
          office,
        )
      ).status,
    ).toBe(422);
    // the same organisation twice, an unknown one, none at all
    expect(
      (await t.post('/verwaltung/mitglieder', { ...base, organisation_id: org.fiz! }, office)).status,
    ).toBe(422);
    expect(
      (
        await t.post(
          '/verwaltung/mitglieder',
          { ...base, organisation_id: '00000000-0000-4000-8000-000000000009' },
          office,
        )
      ).status,
    ).toBe(422);
    expect(
      (await t.post('/verwaltung/mitglieder', { ...base, organisation_id: 'kaputt' }, office)).status,
    ).toBe(422);
    expect((await t.post('/verwaltung/mitglieder', base, office)).status).toBe(422);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.post(`/verwaltung/mitglieder/${missing}`, base, office)).status).toBe(404);
    expect(
      (
        await t.post(
          `/verwaltung/mitglieder/${missing}/status`,
          { status: 'left', changed_on: '2026-01-01' },
          office,
        )
      ).status,
    ).toBe(404);
  });

  it('shows board warnings and the public board', async () => {
    const year = new Date().getUTCFullYear();
    const add = (person_name: string, role: string, term_start: string, term_end: string) =>
      t.post('/verwaltung/vorstand', { person_name, role, term_start, term_end, elected_at: 'MV' }, office);
    expect((await add('Anna A', 'Vorsitzende', `${year - 1}-01-01`, `${year + 1}-12-31`)).status).toBe(303);
    let page = await (await t.request('/verwaltung/vorstand', { session: office })).text();
    expect(page).toContain('nur 1 Mitglieder');
    await add('Berta B', 'Schatzmeisterin', `${year - 1}-01-01`, `${year + 1}-12-31`);
    await add('Clara C', 'Beisitzerin', `${year - 1}-01-01`, `${year + 1}-12-31`);
    await add('Dora D', 'Schriftführerin', `${year - 5}-01-01`, `${year - 2}-12-31`);
    page = await (await t.request('/verwaltung/vorstand', { session: office })).text();
    expect(page).not.toContain('nur ');
    expect(page).toContain('Die Amtszeit von Dora D (Schriftführerin)');
    const board = await (await t.request('/vorstand')).text();
    expect(board).toContain('Anna A');
    expect(board).not.toContain('Dora D');
    expect((await add('X', '', '2026-01-01', '2025-01-01')).status).toBe(422);
    expect((await add('Ya', '', 'gestern', '2025-01-01')).status).toBe(422);
    const term = await t.database.db
      .selectFrom('network_board_terms')
      .select('id')
      .where('person_name', '=', 'Dora D')
      .executeTakeFirstOrThrow();
    expect((await t.post(`/verwaltung/vorstand/${term.id}/loeschen`, {}, office)).status).toBe(303);
    expect((await t.post(`/verwaltung/vorstand/${term.id}/loeschen`, {}, office)).status).toBe(404);
    page = await (await t.request('/verwaltung/vorstand', { session: office })).text();
    expect(page).toContain('Keine Hinweise');
  });
});
