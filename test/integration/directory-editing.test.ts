import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf, formStateOf } from '../../src/modules/directory/diff.ts';
import type { FormState } from '../../src/modules/directory/edit-schema.ts';
import { today } from '../../src/modules/directory/editing.ts';
import { lookupPostalCode } from '../../src/modules/directory/geo/geocode.ts';
import { sendVerificationReminders } from '../../src/modules/directory/reminders.ts';
import { findCentreById } from '../../src/modules/directory/repo.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

const OFFICE = '/verwaltung/fachberatungsstellen';

describe('keeping directory entries true', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let orgA: string;
  let orgB: string;
  let centreId: string;
  let memberA: TestSession;
  let adminA: TestSession;
  let memberB: TestSession;
  let office: TestSession;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    const db = t.database.db;
    [orgA, orgB] = (
      await db
        .insertInto('organisations')
        .values([
          { slug: 'alpha', name: 'Alpha e. V.' },
          { slug: 'beta', name: 'Beta e. V.' },
        ])
        .returning('id')
        .execute()
    ).map((r) => r.id) as [string, string];
    const geo = lookupPostalCode('10785')!;
    const centre = await db
      .insertInto('directory_centres')
      .values({
        slug: 'fbs-alpha',
        name: 'Fachberatung Alpha',
        email: 'beratung@alpha.invalid',
        organisation_id: orgA,
        is_member: true,
        targets: ['women'],
        services: ['crisis_intervention', 'accommodation'],
        languages: ['de', 'en'],
        lands: ['11'],
        verified_at: today(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    centreId = centre.id;
    await db
      .insertInto('directory_locations')
      .values({
        centre_id: centreId,
        street: 'Verborgene Gasse 3',
        postal_code: '10785',
        city: 'Berlin',
        land: '11',
        city_latitude: geo.lat,
        city_longitude: geo.lon,
        address_privacy: 'city',
        opening_hours: JSON.stringify([{ byday: ['MO', 'TU'], opensAt: '09:00', closesAt: '17:00' }]),
      })
      .execute();
    await db.insertInto('directory_phones').values({ centre_id: centreId, number: '030 1234567' }).execute();
    memberA = await t.sessionFor('member', { organisationId: orgA });
    adminA = await t.sessionFor('member_admin', { organisationId: orgA });
    memberB = await t.sessionFor('member', { organisationId: orgB });
    office = await t.sessionFor('office');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Posts a form as a browser does: repeated names for checkbox groups. */
  function send(path: string, state: FormState, session: TestSession) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(state)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    body.set('_csrf', session.csrf);
    return t.request(path, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
      },
      session,
    });
  }

  async function currentState(): Promise<FormState> {
    return formStateOf(contentOf((await findCentreById(t.database.db, centreId))!), 'de');
  }

  const publicPage = async () => (await t.request('/fachberatungsstellen/fbs-alpha')).text();
  const searchJson = async (query = 'plz=10785') =>
    (await (await t.request(`/api/v1/directory/search?${query}`)).json()) as {
      results: Array<Record<string, unknown> & { slug: string; name: string }>;
    };
  const auditRows = (action: string) =>
    t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('a proposal waits for review, the office sees the diff, and approval publishes it', async () => {
    expect((await searchJson()).results.map((r) => r.name)).toContain('Fachberatung Alpha');
    const page = await t.request('/mein-eintrag', { session: memberA });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('value="Fachberatung Alpha"');

    const state = await currentState();
    const res = await send(
      '/mein-eintrag',
      {
        ...state,
        name: 'Fachberatung Alpha Neu',
        'phones.1.number': '+49 30 7654321',
        'phones.1.languages': 'de, ro',
      },
      memberA,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mein-eintrag?gesendet=1');

    // nothing public has changed
    expect(await publicPage()).not.toContain('Alpha Neu');
    expect((await searchJson()).results.map((r) => r.name)).toContain('Fachberatung Alpha');
    const own = await (await t.request('/mein-eintrag', { session: memberA })).text();
    expect(own).toContain('wartet auf Prüfung');
    expect(own).toContain('value="Fachberatung Alpha Neu"');

    const request = await t.database.db
      .selectFrom('directory_change_requests')
      .selectAll()
      .where('centre_id', '=', centreId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('pending');
    expect(Object.keys(request.changes as object).sort()).toEqual(['name', 'phones']);

    const list = await (await t.request(OFFICE, { session: office })).text();
    expect(list).toContain('offene Änderungsvorschläge: 1');
    const queue = await (await t.request(`${OFFICE}/pruefung`, { session: office })).text();
    expect(queue).toContain('Fachberatung Alpha');
    const review = await (await t.request(`${OFFICE}/pruefung/${request.id}`, { session: office })).text();
    expect(review).toMatch(
      /data-field="name">[\s\S]*?<del>Fachberatung Alpha<\/del>[\s\S]*?<ins>Fachberatung Alpha Neu<\/ins>/,
    );
    expect(review).toContain('data-field="phones.1.number"');
    expect(review).toContain('+49 30 7654321');
    expect(review).not.toContain('data-field="email"');

    const approve = await send(`${OFFICE}/pruefung/${request.id}/freigeben`, {}, office);
    expect(approve.status).toBe(303);
    expect(await publicPage()).toContain('Fachberatung Alpha Neu');
    // the finder's in-memory copy was dropped: the search sees it at once, not after its 5 s lifetime
    expect((await searchJson()).results.map((r) => r.name)).toContain('Fachberatung Alpha Neu');
    const centre = (await findCentreById(t.database.db, centreId))!;
    expect(centre.phones.map((p) => p.number)).toEqual(['030 1234567', '+49 30 7654321']);
    expect(centre.phones[1]!.languages).toEqual(['de', 'ro']);
    expect(centre.locations[0]!.street).toBe('Verborgene Gasse 3');

    // a second approval of the same request is refused
    expect((await send(`${OFFICE}/pruefung/${request.id}/freigeben`, {}, office)).status).toBe(409);

    for (const action of ['directory.change_requested', 'directory.change_approved']) {
      const [row] = await auditRows(action);
      expect(row!.target_id).toBe(centreId);
      expect((row!.meta as { fields: string[] }).fields).toEqual(['name', 'phones']);
      expect(JSON.stringify(row!.meta)).not.toMatch(/Alpha|7654321/);
    }
  });

  it('a returned proposal is mailed to its submitter with the comment, and stays unpublished', async () => {
    const state = await currentState();
    const res = await send('/mein-eintrag', { ...state, email: 'neu@alpha.invalid' }, adminA);
    expect(res.status).toBe(303);
    const request = await t.database.db
      .selectFrom('directory_change_requests')
      .select('id')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();

    const empty = await send(`${OFFICE}/pruefung/${request.id}/zurueckgeben`, { comment: '  ' }, office);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Bitte füllen Sie dieses Feld aus.');

    const comment = 'Bitte nennen Sie eine Funktionsadresse statt einer persönlichen.';
    const returned = await send(`${OFFICE}/pruefung/${request.id}/zurueckgeben`, { comment }, office);
    expect(returned.status).toBe(303);
    await t.flushMail();
    const mail = smtp.received.find((m) => m.to.includes(adminA.user.email));
    expect(mail).toBeDefined();
    expect(mailText(mail!.raw)).toContain(comment);
    expect(mailText(mail!.raw)).toContain(`${ORIGIN}/mein-eintrag`);
    expect(smtp.received.some((m) => m.to.includes(memberA.user.email))).toBe(false);

    expect(await publicPage()).not.toContain('neu@alpha.invalid');
    const own = await (await t.request('/mein-eintrag', { session: memberA })).text();
    expect(own).toContain('zurückgegeben');
    expect(own).toContain(comment);
    const [row] = await auditRows('directory.change_returned');
    expect((row!.meta as { fields: string[] }).fields).toEqual(['email']);
    expect(JSON.stringify(row!.meta)).not.toContain('Funktionsadresse');
  });

  it('keeps another organisation out of the entry', async () => {
    const page = await t.request('/mein-eintrag', { session: memberB });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('noch keinen Eintrag');
    expect(html).not.toContain('Fachberatung Alpha');
    const state = { ...(await currentState()), name: 'Übernommen' };
    expect((await send('/mein-eintrag', state, memberB)).status).toBe(404);
    expect((await send('/mein-eintrag/schutzplaetze', { status: 'none' }, memberB)).status).toBe(404);
    expect((await send('/mein-eintrag/bestaetigen', {}, memberB)).status).toBe(404);
    expect((await t.request(`${OFFICE}/${centreId}`, { session: memberB })).status).toBe(403);
    expect((await send(`${OFFICE}/${centreId}`, state, memberB)).status).toBe(403);
    expect((await send(`${OFFICE}/${centreId}`, state, memberA)).status).toBe(403);
    const centre = (await findCentreById(t.database.db, centreId))!;
    expect(centre.name).not.toBe('Übernommen');
    const requests = await t.database.db
      .selectFrom('directory_change_requests')
      .select('submitted_by')
      .execute();
    expect(requests.map((r) => r.submitted_by)).not.toContain(memberB.user.id);
  });

  it('sets shelter availability in two clicks, live and audited', async () => {
    const page = await (await t.request('/mein-eintrag', { session: memberA })).text();
    expect(page).toMatch(/action="\/mein-eintrag\/schutzplaetze"[\s\S]*name="status" value="available"/);
    const res = await send('/mein-eintrag/schutzplaetze', { status: 'available' }, memberA);
    expect(res.status).toBe(303);
    const html = await publicPage();
    expect(html).toContain('Schutzwohnung: Plätze frei');
    expect(html).toContain('Stand ');
    const hit = (await searchJson()).results.find((r) => r.slug === 'fbs-alpha')!;
    expect((hit.shelter as { status: string }).status).toBe('available');
    expect((await send('/mein-eintrag/schutzplaetze', { status: 'full' }, memberA)).status).toBe(422);
    expect((await auditRows('directory.shelter_set')).length).toBe(1);

    await t.database.db
      .updateTable('directory_centres')
      .set({ shelter_updated_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', centreId)
      .execute();
    expect(await publicPage()).toContain('Schutzwohnung: bitte nach freien Plätzen fragen');
  });

  it('reminds an unverified centre once per 30 days and marks it for the office', async () => {
    const db = t.database.db;
    await db
      .updateTable('directory_centres')
      .set({ verified_at: '2023-01-15' })
      .where('id', '=', centreId)
      .execute();
    const before = await db.selectFrom('mail_outbox').select('id').execute();
    expect(await sendVerificationReminders(db, t.config)).toBe(1);
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_address', 'body_text'])
      .where(
        'id',
        'not in',
        before.length ? before.map((m) => m.id) : ['00000000-0000-4000-8000-000000000000'],
      )
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([adminA.user.email, memberA.user.email].sort());
    expect(mails[0]!.body_text).toContain('„Fachberatung Alpha Neu“');
    expect(await sendVerificationReminders(db, t.config)).toBe(0);
    expect(await sendVerificationReminders(db, t.config, new Date(Date.now() + 29 * 86_400_000))).toBe(0);

    const due = await (await t.request(`${OFFICE}?faellig=1`, { session: office })).text();
    expect(due).toMatch(/data-centre="fbs-alpha"[\s\S]*?Prüfung fällig[\s\S]*?Erinnerung gesendet am/);
    expect((await auditRows('directory.verify_reminder'))[0]!.meta).toEqual({ recipients: 2 });

    expect(await sendVerificationReminders(db, t.config, new Date(Date.now() + 31 * 86_400_000))).toBe(1);

    expect((await send('/mein-eintrag/bestaetigen', {}, memberA)).status).toBe(303);
    const centre = (await findCentreById(db, centreId))!;
    expect(centre.verifiedAt).toBe(today());
    expect(await (await t.request(`${OFFICE}?faellig=1`, { session: office })).text()).not.toContain(
      'data-centre="fbs-alpha"',
    );
    expect(await sendVerificationReminders(db, t.config, new Date(Date.now() + 62 * 86_400_000))).toBe(0);
    expect((await auditRows('directory.verified')).length).toBe(1);
  });

  it('lets the office create and edit any entry; a town-only address never shows its street', async () => {
    const form: FormState = {
      name: 'Beratung Gamma',
      'locations.0.street': 'Geheimweg 7',
      'locations.0.postal_code': '10785',
      'locations.0.address_privacy': 'city',
      'locations.0.opening_hours': 'Mo–Fr 09:00–17:00',
      'locations.0.accessibility': ['wheelchair', 'step_free'],
      'phones.0.number': '030 999999',
      'phones.0.languages': 'de, en',
      targets: ['women', 'men'],
      services: 'crisis_intervention',
      published: 'on',
    };
    expect((await t.request(`${OFFICE}/neu`, { session: office })).status).toBe(200);
    const created = await send(`${OFFICE}/neu`, form, office);
    expect(created.status).toBe(303);
    const id = /fachberatungsstellen\/([0-9a-f-]{36})\?angelegt=1$/.exec(
      created.headers.get('location')!,
    )![1]!;
    const centre = (await findCentreById(t.database.db, id))!;
    expect(centre.slug).toBe('beratung-gamma');
    expect(centre.isMember).toBe(false);
    expect(centre.locations[0]).toMatchObject({
      city: 'Berlin',
      land: '11',
      latitude: null,
      cityLatitude: 52.5073,
    });
    expect(centre.locations[0]!.openingHours).toHaveLength(1);

    const detail = async () => (await t.request('/fachberatungsstellen/beratung-gamma')).text();
    let html = await detail();
    expect(html).toContain('Berlin');
    expect(html).not.toContain('Geheimweg');
    let json = JSON.stringify((await searchJson()).results.find((r) => r.slug === 'beratung-gamma'));
    expect(json).toContain('"address":null');
    expect(json).not.toContain('Geheimweg');

    const nonMembers = await (await t.request(`${OFFICE}?mitglied=nein`, { session: office })).text();
    expect(nonMembers).toContain('data-centre="beratung-gamma"');
    expect(nonMembers).not.toContain('data-centre="fbs-alpha"');

    const editPage = await (await t.request(`${OFFICE}/${id}`, { session: office })).text();
    const base = /name="base_updated_at" value="([^"]+)"/.exec(editPage)![1]!;
    const saved = await send(
      `${OFFICE}/${id}`,
      { ...form, 'locations.0.address_privacy': 'public', base_updated_at: base },
      office,
    );
    expect(saved.status).toBe(303);
    html = await detail();
    expect(html).toContain('Geheimweg 7');
    json = JSON.stringify((await searchJson()).results.find((r) => r.slug === 'beratung-gamma'));
    expect(json).toContain('Geheimweg 7');
    // the form it was based on is outdated now
    expect((await send(`${OFFICE}/${id}`, { ...form, base_updated_at: base }, office)).status).toBe(409);

    const fresh = /name="base_updated_at" value="([^"]+)"/.exec(
      await (await t.request(`${OFFICE}/${id}`, { session: office })).text(),
    )![1]!;
    const hidden = await send(
      `${OFFICE}/${id}`,
      { ...form, 'locations.0.address_privacy': 'on_request', base_updated_at: fresh },
      office,
    );
    expect(hidden.status).toBe(303);
    html = await detail();
    expect(html).not.toContain('Geheimweg');
    expect(html).toContain('Adresse auf Anfrage');

    const [create] = await auditRows('directory.create');
    expect(create!.target_id).toBe(id);
    const updates = await auditRows('directory.update');
    expect(updates.map((u) => (u.meta as { fields: string[] }).fields)).toEqual([
      ['locations'],
      ['locations'],
    ]);
    expect(JSON.stringify([create!.meta, ...updates.map((u) => u.meta)])).not.toMatch(
      /Geheimweg|Gamma|999999/,
    );
  });

  it('answers bad input with 422 and field messages, never a 500', async () => {
    const count = async () =>
      (await t.database.db.selectFrom('directory_centres').select('id').execute()).length;
    const centres = await count();
    const bad = await send(
      `${OFFICE}/neu`,
      {
        name: '',
        email: 'keine-adresse',
        website: 'javascript:alert(1)',
        targets: ['women', 'aliens'],
        'locations.0.postal_code': '1234',
        'locations.1.postal_code': '99999',
        'locations.2.city': 'Irgendwo',
        'locations.2.opening_hours': 'immer mal wieder',
        'locations.99.city': 'zu weit',
        'phones.0.number': 'ruf an',
        'phones.0.languages': 'klingonisch',
        slug: 'Großes Ä',
        verified_at: '2999-01-01',
      },
      office,
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    for (const text of [
      'Bitte füllen Sie dieses Feld aus.',
      'gültige E-Mail-Adresse',
      'mit https:// beginnt',
      'Eine Postleitzahl hat fünf Ziffern.',
      'Diese Postleitzahl kennen wir nicht.',
      'Diese Zeiten verstehen wir nicht (immer mal wieder)',
      'Bitte wählen Sie das Bundesland',
      'Bitte nur Ziffern',
      'Bitte Sprachkürzel verwenden',
      'Bitte nur Kleinbuchstaben',
      'Bitte wählen Sie einen der angebotenen Werte.',
    ])
      expect(html).toContain(text);
    expect(html).toContain('href="#f-locations.1.postal_code"');
    expect(await count()).toBe(centres);

    const future = await send(`${OFFICE}/neu`, { name: 'Zukunft', verified_at: '2999-01-01' }, office);
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('nicht in der Zukunft');
    const taken = await send(`${OFFICE}/neu`, { name: 'Doppelt', slug: 'fbs-alpha' }, office);
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('schon vergeben');

    const member = await send('/mein-eintrag', { name: 'X', 'locations.0.postal_code': 'abcde' }, memberA);
    expect(member.status).toBe(422);
    const pending = await t.database.db
      .selectFrom('directory_change_requests')
      .select('id')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
    expect((await t.request(`${OFFICE}/pruefung/keine-id`, { session: office })).status).toBe(404);
    expect((await t.request(`${OFFICE}?mitglied=vielleicht&q=%00`, { session: office })).status).toBe(200);
  });

  it('works in English too', async () => {
    const own = await t.request('/en/mein-eintrag', { session: memberA });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Our entry in the counselling-centre finder');
    const list = await t.request(`/en${OFFICE}`, { session: office });
    expect(await list.text()).toContain('Manage counselling centres');
  });
});
