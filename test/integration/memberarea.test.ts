import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCircularDigests } from '../../src/modules/memberarea/circulars.ts';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let office: TestSession;
let member: TestSession;
let memberAdmin: TestSession;
let board: TestSession;

/** Sends a multipart form (file uploads) as a browser on this site would, with the session's CSRF token. */
function postMultipart(
  path: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name: string; type?: string } | null,
  session: TestSession,
) {
  const form = new FormData();
  form.set('_csrf', session.csrf);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) {
    form.set(
      'file',
      new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/pdf' }),
    );
  }
  return t.request(path, {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    session,
  });
}

const pdf = (lines: string[]) =>
  renderPdf({ title: lines[0] ?? 'PDF' }, (doc) => {
    for (const line of lines) doc.text(line);
  });

function idFrom(res: Response, pattern: RegExp): string {
  const match = pattern.exec(res.headers.get('location') ?? '');
  if (!match) throw new Error(`no id in ${res.status} ${res.headers.get('location')}`);
  return match[1]!;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ mail: smtp.transport });
  office = await t.sessionFor('office');
  member = await t.sessionFor('member');
  memberAdmin = await t.sessionFor('member_admin');
  board = await t.sessionFor('board');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('document library', () => {
  let docId: string;

  it('accepts a PDF from the office, stores it with its text, and serves it as an attachment', async () => {
    const bytes = await pdf([
      'Leitfaden Opferentschädigung',
      'Das Soziale Entschädigungsrecht gilt seit 2024.',
    ]);
    const res = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Leitfaden Entschädigung', description: '', access: 'members' },
      { bytes, name: 'leitfaden.pdf' },
      office,
    );
    expect(res.status).toBe(303);
    docId = idFrom(res, /\/dokumente\/([0-9a-f-]{36})\?hochgeladen=1/);
    const download = await t.request(`/dokumente/${docId}/datei`, { session: member });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="leitfaden\.pdf"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', docId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['document.upload']);
  });

  it('refuses HTML disguised as a PDF, a script, an empty upload and a missing title, with readable messages', async () => {
    const html = new TextEncoder().encode(
      '<!doctype html><html><body><script>alert(1)</script></body></html>',
    );
    const disguised = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Harmlos', access: 'public' },
      { bytes: html, name: 'rundschreiben.pdf', type: 'application/pdf' },
      office,
    );
    expect(disguised.status).toBe(422);
    const page = await disguised.text();
    expect(page).toContain('f-file-error');
    expect(page).not.toContain('<script>alert(1)</script>');
    const script = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Skript', access: 'members' },
      { bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'), name: 'tool.sh', type: 'text/x-sh' },
      office,
    );
    expect(script.status).toBe(422);
    const missing = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: '', access: 'members' },
      null,
      office,
    );
    expect(missing.status).toBe(422);
    const text = await missing.text();
    expect(text).toContain('href="#f-title"');
    expect(text).toContain('href="#f-file"');
    const count = await t.database.db
      .selectFrom('memberarea_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a public document inside a working group', async () => {
    const group = await t.post('/mitgliederbereich/arbeitsgruppen', { name: 'AG Test öffentlich' }, office);
    const groupId = idFrom(group, /arbeitsgruppen\/([0-9a-f-]{36})/);
    const res = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Öffentlich?', access: 'public', group_id: groupId },
      { bytes: await pdf(['x']), name: 'x.pdf' },
      office,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('nicht öffentlich sein');
  });

  it('keeps older versions downloadable and searches the newest text', async () => {
    const v2 = await pdf([
      'Leitfaden Opferentschädigung',
      'Neu: Anträge nach dem SGB XIV und Fallmanagement.',
    ]);
    const res = await postMultipart(
      `/mitgliederbereich/dokumente/${docId}/fassungen`,
      { note: 'SGB XIV ergänzt' },
      { bytes: v2, name: 'leitfaden-v2.pdf' },
      office,
    );
    expect(res.status).toBe(303);
    const versions = await t.database.db
      .selectFrom('memberarea_document_versions')
      .select(['id', 'version', 'note'])
      .where('document_id', '=', docId)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [1, ''],
      [2, 'SGB XIV ergänzt'],
    ]);
    const latest = await t.request(`/dokumente/${docId}/datei`, { session: member });
    expect(latest.headers.get('content-disposition')).toContain('leitfaden-v2.pdf');
    const old = await t.request(`/dokumente/${docId}/versionen/${versions[0]!.id}`, { session: member });
    expect(old.headers.get('content-disposition')).toMatch(/^attachment; filename="leitfaden\.pdf"/);
    const detail = await (
      await t.request(`/mitgliederbereich/dokumente/${docId}`, { session: member })
    ).text();
    expect(detail).toContain('Fassung 2 herunterladen');
    expect(detail).toContain('Fassung 1 herunterladen');
    expect(detail).not.toContain('f-file'); // members see no upload form
    // the search covers the current version's text: new words are found, words only in version 1 are not
    const found = await (
      await t.request(`/mitgliederbereich/dokumente?q=${encodeURIComponent('Fallmanagements')}`, {
        session: member,
      })
    ).text();
    expect(found).toContain('Leitfaden Entschädigung');
    const gone = await (
      await t.request(`/mitgliederbereich/dokumente?q=${encodeURIComponent('Entschädigungsrecht')}`, {
        session: member,
      })
    ).text();
    expect(gone).toContain('0 Treffer');
  });

  it('searches PDF text in German (stems), and only among documents the person may open', async () => {
    const db = t.database.db;
    const upload = async (title: string, text: string, access: string) => {
      const res = await postMultipart(
        '/mitgliederbereich/dokumente/neu',
        { title, access },
        { bytes: await pdf([title, text]), name: `${title}.pdf` },
        office,
      );
      expect(res.status).toBe(303);
    };
    await upload(
      'Jahresplanung Vorstand',
      'Vertraulich: Klausurtagung zur Arbeitsausbeutung in Schlachthöfen.',
      'board',
    );
    await upload(
      'Öffentliche Stellungnahme',
      'Wir fordern Schutz bei Arbeitsausbeutung in Schlachthöfen.',
      'public',
    );
    const search = async (path: string, session?: TestSession) =>
      (await t.request(`${path}?q=${encodeURIComponent('Schlachthof')}`, { session })).text();
    const asMember = await search('/mitgliederbereich/dokumente', member);
    expect(asMember).toContain('Öffentliche Stellungnahme');
    expect(asMember).not.toContain('Jahresplanung Vorstand');
    expect(asMember).toContain('1 Treffer');
    const asBoard = await search('/mitgliederbereich/dokumente', board);
    expect(asBoard).toContain('Jahresplanung Vorstand');
    expect(asBoard).toContain('2 Treffer');
    const asPublic = await search('/dokumente');
    expect(asPublic).toContain('Öffentliche Stellungnahme');
    expect(asPublic).not.toContain('Jahresplanung');
    expect(asPublic).not.toContain('Leitfaden Entschädigung');
    // websearch syntax never fails: odd input is just a search
    const odd = await t.request(`/dokumente?q=${encodeURIComponent('"& | !(:*')}`);
    expect(odd.status).toBe(200);
    const row = await db
      .selectFrom('memberarea_documents')
      .select('body_text')
      .where('title', '=', 'Jahresplanung Vorstand')
      .executeTakeFirstOrThrow();
    expect(row.body_text).toContain('Schlachthöfen');
  });

  it('answers 400/404 on bad input instead of failing', async () => {
    expect((await t.request('/dokumente/kein-uuid/datei')).status).toBe(404);
    expect((await t.request('/mitgliederbereich/dokumente?ordner=x', { session: member })).status).toBe(400);
    expect((await t.request(`/dokumente/${docId}/versionen/${docId}`, { session: member })).status).toBe(404);
  });

  it('creates folders (once per name) and lists a folder', async () => {
    const res = await t.post('/mitgliederbereich/ordner', { name: 'Satzung' }, office);
    const folderId = idFrom(res, /ordner=([0-9a-f-]{36})/);
    expect((await t.post('/mitgliederbereich/ordner', { name: 'Satzung' }, office)).status).toBe(422);
    await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Satzung 2026', access: 'members', folder_id: folderId },
      { bytes: await pdf(['Satzung']), name: 'satzung.pdf' },
      office,
    );
    const list = await (
      await t.request(`/mitgliederbereich/dokumente?ordner=${folderId}`, { session: member })
    ).text();
    expect(list).toContain('Satzung 2026');
    expect(list).not.toContain('Leitfaden Entschädigung');
  });
});

describe('circulars', () => {
  let circularId: string;
  let weekly: TestSession;
  let silent: TestSession;

  it('notifies at once those who chose it, nobody who chose the digest or nothing', async () => {
    weekly = await t.sessionFor('member', { email: 'woechentlich@test.invalid' });
    silent = await t.sessionFor('member', { email: 'still@test.invalid' });
    expect((await t.post('/mitgliederbereich/benachrichtigungen', { mode: 'weekly' }, weekly)).status).toBe(
      303,
    );
    expect((await t.post('/mitgliederbereich/benachrichtigungen', { mode: 'none' }, silent)).status).toBe(
      303,
    );
    expect(
      (await t.post('/mitgliederbereich/benachrichtigungen', { mode: 'sometimes' }, silent)).status,
    ).toBe(422);
    const prefs = await (
      await t.request('/mitgliederbereich/benachrichtigungen', { session: weekly })
    ).text();
    expect(prefs).toMatch(/value="weekly" checked/);
    smtp.received.length = 0;
    const res = await t.post(
      '/mitgliederbereich/rundschreiben/neu',
      {
        title: 'Rundschreiben 4/2026',
        body_md: '## Neu\n\nText <script>alert(1)</script> mit **Betonung**.',
      },
      office,
    );
    expect(res.status).toBe(303);
    circularId = (
      await t.database.db
        .selectFrom('memberarea_circulars')
        .select('id')
        .where('title', '=', 'Rundschreiben 4/2026')
        .executeTakeFirstOrThrow()
    ).id;
    await t.flushMail();
    const to = smtp.received.flatMap((m) => m.to);
    expect(to).toContain(member.user.email);
    expect(to).toContain(memberAdmin.user.email);
    expect(to).toContain(board.user.email);
    expect(to).not.toContain(weekly.user.email);
    expect(to).not.toContain(silent.user.email);
    expect(to).not.toContain(office.user.email); // the author
    const mail = smtp.received.find((m) => m.to.includes(member.user.email))!;
    const text = mailText(mail.raw);
    expect(text).toContain('Rundschreiben 4/2026');
    expect(text).toContain(`${ORIGIN}/mitgliederbereich/rundschreiben/${circularId}`);
    expect(text).not.toContain('Betonung'); // the text stays behind the login
  });

  it('renders the Markdown sanitised, marks it read on opening, and tells the office how many have read it', async () => {
    const before = await (await t.request('/mitgliederbereich/rundschreiben', { session: member })).text();
    expect(before).toContain('ungelesen');
    const page = await (
      await t.request(`/mitgliederbereich/rundschreiben/${circularId}`, { session: member })
    ).text();
    expect(page).toContain('<strong>Betonung</strong>');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('Gelesen von'); // members do not see the count
    const after = await (await t.request('/mitgliederbereich/rundschreiben', { session: member })).text();
    expect(after).not.toContain('class="badge"');
    // opening twice counts once
    await t.request(`/mitgliederbereich/rundschreiben/${circularId}`, { session: member });
    const officeView = await (
      await t.request(`/mitgliederbereich/rundschreiben/${circularId}`, { session: office })
    ).text();
    const audience = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', true)
      .where('role', 'in', ['member', 'member_admin', 'board', 'office'])
      .executeTakeFirstOrThrow();
    // the member and the office itself have opened it
    expect(officeView).toContain(`Gelesen von 2 von ${Number(audience.n)} Personen.`);
  });

  it('takes comments from members, shown with their organisation, and refuses empty ones', async () => {
    const res = await t.post(
      `/mitgliederbereich/rundschreiben/${circularId}/kommentare`,
      { body: 'Wir haben gute Erfahrungen\nmit Sprachmittler*innen gemacht.' },
      memberAdmin,
    );
    expect(res.status).toBe(303);
    const page = await (
      await t.request(`/mitgliederbereich/rundschreiben/${circularId}`, { session: member })
    ).text();
    expect(page).toContain('Wir haben gute Erfahrungen<br/>mit Sprachmittler*innen gemacht.');
    expect(page).toContain('Testorganisation');
    const empty = await t.post(
      `/mitgliederbereich/rundschreiben/${circularId}/kommentare`,
      { body: '  ' },
      member,
    );
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('href="#f-body"');
  });

  it('sends the weekly digest once a week through the housekeeping job, with unread circulars only', async () => {
    smtp.received.length = 0;
    // a first digest covers the past week
    const later = new Date(Date.now() + 60_000);
    expect(await sendCircularDigests(t.database.db, t.config.publicUrl, later)).toBe(1);
    await t.flushMail();
    expect(smtp.received.map((m) => m.to)).toEqual([[weekly.user.email]]);
    const digest = mailText(smtp.received[0]!.raw);
    expect(digest).toContain('in der vergangenen Woche sind diese Rundschreiben erschienen');
    expect(digest).toContain('- Rundschreiben 4/2026');
    expect(digest).toContain(`${ORIGIN}/mitgliederbereich/rundschreiben/${circularId}`);
    // again within the week: nothing; a week later with nothing new: nothing either
    expect(
      await sendCircularDigests(t.database.db, t.config.publicUrl, new Date(later.getTime() + 3_600_000)),
    ).toBe(0);
    expect(
      await sendCircularDigests(
        t.database.db,
        t.config.publicUrl,
        new Date(later.getTime() + 8 * 86_400_000),
      ),
    ).toBe(0);
    // two runs at the same moment (two app instances) send one digest, not two
    await t.post(
      '/mitgliederbereich/rundschreiben/neu',
      { title: 'Rundschreiben 5/2026', body_md: 'Kurz.' },
      office,
    );
    await t.post(
      '/mitgliederbereich/rundschreiben/neu',
      { title: 'Rundschreiben 6/2026', body_md: 'Schon gelesen.' },
      office,
    );
    await t.database.db
      .updateTable('memberarea_circulars')
      .set({ published_at: new Date(later.getTime() + 9 * 86_400_000) })
      .where('title', 'in', ['Rundschreiben 5/2026', 'Rundschreiben 6/2026'])
      .execute();
    const sixth = await t.database.db
      .selectFrom('memberarea_circulars')
      .select('id')
      .where('title', '=', 'Rundschreiben 6/2026')
      .executeTakeFirstOrThrow();
    await t.request(`/mitgliederbereich/rundschreiben/${sixth.id}`, { session: weekly });
    await t.flushMail();
    smtp.received.length = 0;
    const weekTwo = new Date(later.getTime() + 16 * 86_400_000);
    const runs = await Promise.all([
      sendCircularDigests(t.database.db, t.config.publicUrl, weekTwo),
      sendCircularDigests(t.database.db, t.config.publicUrl, weekTwo),
    ]);
    expect(runs[0]! + runs[1]!).toBe(1);
    await t.flushMail();
    expect(smtp.received).toHaveLength(1);
    const second = mailText(smtp.received[0]!.raw);
    expect(second).toContain('- Rundschreiben 5/2026');
    expect(second).not.toContain('Rundschreiben 6/2026'); // already read
    expect(second).not.toContain('Rundschreiben 4/2026'); // in the previous digest
  });
});

describe('working groups', () => {
  let groupId: string;
  let outsider: TestSession;

  it('shows a group, its circulars and documents only to its members and the office', async () => {
    outsider = await t.sessionFor('member', { email: 'draussen@test.invalid' });
    const created = await t.post(
      '/mitgliederbereich/arbeitsgruppen',
      { name: 'AG Pflege', description: 'x' },
      office,
    );
    groupId = idFrom(created, /arbeitsgruppen\/([0-9a-f-]{36})/);
    expect((await t.post('/mitgliederbereich/arbeitsgruppen', { name: 'AG Pflege' }, office)).status).toBe(
      422,
    );
    expect(
      (
        await t.post(
          `/mitgliederbereich/arbeitsgruppen/${groupId}/mitglieder`,
          { email: member.user.email },
          office,
        )
      ).status,
    ).toBe(303);
    const unknown = await t.post(
      `/mitgliederbereich/arbeitsgruppen/${groupId}/mitglieder`,
      { email: 'niemand@test.invalid' },
      office,
    );
    expect(unknown.status).toBe(422);
    await t.flushMail();
    smtp.received.length = 0;
    await t.post(
      '/mitgliederbereich/rundschreiben/neu',
      { title: 'Nur für die AG Pflege', body_md: 'Intern.', group_id: groupId },
      office,
    );
    await t.flushMail();
    expect(smtp.received.flatMap((m) => m.to)).toEqual([member.user.email]);
    const groupCircular = (
      await t.database.db
        .selectFrom('memberarea_circulars')
        .select('id')
        .where('group_id', '=', groupId)
        .executeTakeFirstOrThrow()
    ).id;
    const doc = await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'AG-Protokoll Pflege', access: 'members', group_id: groupId },
      { bytes: await pdf(['AG-Protokoll', 'Live-in-Betreuung']), name: 'ag.pdf' },
      office,
    );
    const groupDoc = idFrom(doc, /dokumente\/([0-9a-f-]{36})/);

    const inside = await (
      await t.request(`/mitgliederbereich/arbeitsgruppen/${groupId}`, { session: member })
    ).text();
    expect(inside).toContain('Nur für die AG Pflege');
    expect(inside).toContain('AG-Protokoll Pflege');
    expect(inside).toContain(member.user.email);

    expect(
      (await t.request(`/mitgliederbereich/arbeitsgruppen/${groupId}`, { session: outsider })).status,
    ).toBe(403);
    expect(
      (await t.request(`/mitgliederbereich/rundschreiben/${groupCircular}`, { session: outsider })).status,
    ).toBe(403);
    expect(
      (
        await t.post(
          `/mitgliederbereich/rundschreiben/${groupCircular}/kommentare`,
          { body: 'Hallo' },
          outsider,
        )
      ).status,
    ).toBe(403);
    expect((await t.request(`/dokumente/${groupDoc}/datei`, { session: outsider })).status).toBe(403);
    expect((await t.request(`/dokumente/${groupDoc}/datei`, { session: board })).status).toBe(403);
    const lists = [
      await (await t.request('/mitgliederbereich/rundschreiben', { session: outsider })).text(),
      await (await t.request('/mitgliederbereich/dokumente', { session: outsider })).text(),
      await (await t.request('/mitgliederbereich/arbeitsgruppen', { session: outsider })).text(),
      await (await t.request(`/mitgliederbereich/dokumente?q=Betreuung`, { session: outsider })).text(),
    ];
    for (const html of lists) {
      expect(html).not.toContain('AG Pflege');
      expect(html).not.toContain('AG-Protokoll');
    }
    const officeList = await (
      await t.request('/mitgliederbereich/arbeitsgruppen', { session: office })
    ).text();
    expect(officeList).toContain('AG Pflege');
  });

  it('removes a member, who then loses access', async () => {
    const res = await t.post(
      `/mitgliederbereich/arbeitsgruppen/${groupId}/mitglieder/${member.user.id}/entfernen`,
      {},
      office,
    );
    expect(res.status).toBe(303);
    expect(
      (await t.request(`/mitgliederbereich/arbeitsgruppen/${groupId}`, { session: member })).status,
    ).toBe(403);
  });
});

describe('contact list and general assemblies', () => {
  it('lists admitted member organisations with their people, inside the member area only', async () => {
    const db = t.database.db;
    await db
      .insertInto('network_members')
      .values({
        organisation_id: member.user.organisation_id!,
        type: 'shelter',
        city: 'Kiel',
        status: 'admitted',
      })
      .execute();
    const page = await (await t.request('/mitgliederbereich/kontakte', { session: board })).text();
    expect(page).toContain('Testorganisation');
    expect(page).toContain(`mailto:${member.user.email}`);
    expect(page).toContain('1 Mitgliedsorganisationen');
    const anonymous = await t.request('/mitgliederbereich/kontakte');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/anmelden?next=');
  });

  it('lets the office keep an assembly: agenda, attendance, decisions; members read it', async () => {
    const bad = await t.post(
      '/mitgliederbereich/versammlungen/neu',
      { title: 'MV', held_on: '2026-13-40' },
      office,
    );
    expect(bad.status).toBe(422);
    const res = await t.post(
      '/mitgliederbereich/versammlungen/neu',
      {
        title: 'Mitgliederversammlung 2026',
        held_on: '2026-05-14',
        place: 'Berlin',
        agenda: 'Begrüßung\n\nBericht des Vorstands\nWahlen',
        invitation_md: 'Liebe Mitglieder, <img src=x onerror=alert(1)> **herzlich willkommen**.',
      },
      office,
    );
    const id = idFrom(res, /versammlungen\/([0-9a-f-]{36})/);
    const attendance = new URLSearchParams();
    attendance.append('_csrf', office.csrf);
    attendance.append('organisation_id', member.user.organisation_id!);
    const saved = await t.request(`/mitgliederbereich/versammlungen/${id}/anwesenheit`, {
      method: 'POST',
      body: attendance,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      session: office,
    });
    expect(saved.status).toBe(303);
    expect(
      (
        await t.post(
          `/mitgliederbereich/versammlungen/${id}/beschluesse`,
          {
            decision_title: 'Haushalt 2027',
            decision_text: 'Der Haushalt wird beschlossen.',
            result: 'adopted',
            votes: '30 ja',
          },
          office,
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await t.post(
          `/mitgliederbereich/versammlungen/${id}/beschluesse`,
          { decision_title: '', result: 'maybe' },
          office,
        )
      ).status,
    ).toBe(422);
    await postMultipart(
      '/mitgliederbereich/dokumente/neu',
      { title: 'Protokoll MV 2026', access: 'members', assembly_id: id, assembly_role: 'minutes' },
      { bytes: await pdf(['Protokoll']), name: 'protokoll.pdf' },
      office,
    );
    const page = await (
      await t.request(`/mitgliederbereich/versammlungen/${id}`, { session: member })
    ).text();
    expect(page).toContain('14. Mai 2026');
    expect(page).toMatch(/<ol><li>Begrüßung<\/li><li>Bericht des Vorstands<\/li><li>Wahlen<\/li><\/ol>/);
    expect(page).toContain('<strong>herzlich willkommen</strong>');
    expect(page).not.toContain('onerror');
    expect(page).toContain('Haushalt 2027');
    expect(page).toContain('angenommen');
    expect(page).toContain('1 Organisationen waren vertreten.');
    expect(page).toContain('Protokoll MV 2026');
    expect(page).not.toContain('f-decision_title'); // no office forms for members
    const english = await (
      await t.request(`/en/mitgliederbereich/versammlungen/${id}`, { session: member })
    ).text();
    expect(english).toContain('adopted');
    expect(english).toContain('14 May 2026');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'assembly.create',
      'assembly.attendance',
      'assembly.decision',
    ]);
  });

  it('lets a board term name the general assembly that elected it, linked from the board table', async () => {
    const assembly = await t.database.db
      .selectFrom('memberarea_assemblies')
      .select('id')
      .where('title', '=', 'Mitgliederversammlung 2026')
      .executeTakeFirstOrThrow();
    const term = {
      person_name: 'Vorständin Test',
      role: 'Beisitzerin',
      term_start: '2026-05-14',
      term_end: '2028-05-13',
    };
    const unknown = await t.post(
      '/verwaltung/vorstand',
      { ...term, elected_assembly_id: '00000000-0000-4000-8000-000000000000' },
      office,
    );
    expect(unknown.status).toBe(422);
    expect(
      (await t.post('/verwaltung/vorstand', { ...term, elected_assembly_id: assembly.id }, office)).status,
    ).toBe(303);
    const page = await (await t.request('/verwaltung/vorstand', { session: office })).text();
    expect(page).toContain(
      `<a href="/mitgliederbereich/versammlungen/${assembly.id}">Mitgliederversammlung 2026</a>`,
    );
  });

  it('shows the overview with latest circulars, documents and own groups', async () => {
    const page = await (await t.request('/mitgliederbereich', { session: member })).text();
    expect(page).toContain('Neueste Rundschreiben');
    expect(page).toContain('Rundschreiben 5/2026');
    expect(page).toContain('Neueste Dokumente');
    expect(page).toContain('Sie gehören noch keiner Arbeitsgruppe an.');
  });
});
