import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEditorial } from '../../src/modules/caselaw/editorial/demo.ts';
import { verifyAuditChain } from '../../src/platform/audit.ts';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

/** A realistic (fictional) first-instance judgment, as an office would receive it. */
const JUDGMENT = [
  'LANDGERICHT BERLIN',
  'IM NAMEN DES VOLKES',
  'URTEIL',
  'Geschäftsnummer: (502 KLs) 234 Js 12/19 (5/20)',
  'In der Strafsache gegen',
  'Ion Popescu, geboren am 3. März 1985 in Constanța, wohnhaft Hauptstraße 12, 10827 Berlin,',
  'wegen Menschenhandels',
  'hat die 2. große Strafkammer des Landgerichts Berlin aufgrund der Hauptverhandlung vom 12. Mai 2021',
  'für Recht erkannt:',
  'Der Angeklagte wird wegen Ausbeutung der Arbeitskraft nach § 233 Abs. 1 Nr. 1 StGB zu einer',
  'Freiheitsstrafe von zwei Jahren verurteilt, deren Vollstreckung zur Bewährung ausgesetzt wird.',
  'Gründe',
  '1',
  'Der Angeklagte Popescu, geboren am 3. März 1985, betrieb ein Bauunternehmen in der Hauptstraße 12,',
  '10827 Berlin. Die Zeugin Ivanova arbeitete dort ab März 2019 ohne Lohn.',
  '2',
  'Sie war unter 0176 12345678 erreichbar; ihr Pass wurde ihr abgenommen.',
  '3',
  'Die Tat ist als Ausbeutung der Arbeitskraft nach § 233 Abs. 1 Nr. 1 StGB strafbar; eine Zwangsarbeit nach',
  '§ 232b StGB konnte die Kammer nicht feststellen.',
  'Verkündet am 12. Mai 2021',
].join('\n');

function judgmentPdf(text = JUDGMENT) {
  return renderPdf({ title: 'Urteil' }, (doc) => {
    doc.font('Helvetica').fontSize(11);
    for (const line of text.split('\n')) doc.text(line);
  });
}

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file)
    form.set('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return form;
}

describe('case law: PDF upload, submissions, editorial workflow, anonymisation check', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let office: TestSession;
  let member: TestSession;

  const send = (path: string, form: FormData, session: TestSession) => {
    form.set('_csrf', session.csrf);
    return t.request(path, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      session,
    });
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    office = await t.sessionFor('office', { email: 'geschaeftsstelle@kok.test' });
    member = await t.sessionFor('member');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('reads an uploaded judgment and pre-fills the form; the office confirms and gets a draft', async () => {
    const pdf = await judgmentPdf();
    const res = await send(
      '/verwaltung/rechtsprechung/hochladen',
      multipart({}, { name: 'urteil.pdf', bytes: pdf, type: 'application/pdf' }),
      office,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
    expect(value('court')).toBe('LG Berlin');
    expect(value('decision_date')).toBe('2021-05-12');
    expect(value('file_numbers')).toBe('(502 KLs) 234 Js 12/19 (5/20)');
    expect(value('decision_type')).toBe('Urteil');
    expect(html).toContain('Randnummern erkannt: 3');
    expect(html).toContain('§ 233 Abs. 1 Nr. 1 StGB');
    const fileId = value('file_id')!;

    const created = await t.post(
      '/verwaltung/rechtsprechung/neu',
      {
        file_id: fileId,
        court: 'LG Berlin',
        decision_date: '2021-05-12',
        file_numbers: '(502 KLs) 234 Js 12/19 (5/20)',
        decision_type: 'Urteil',
        chamber: '2. große Strafkammer',
        ecli: '',
      },
      office,
    );
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.split('/').pop()!;
    const d = await t.database.db
      .selectFrom('caselaw_decisions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(d.status).toBe('draft');
    expect(d.original_file_id).toBe(fileId);
    // another office account cannot attach this upload (or any other stored file) to a decision of its own
    const other = await t.sessionFor('office');
    const stolen = await t.post(
      '/verwaltung/rechtsprechung/neu',
      { file_id: fileId, court: 'LG Berlin', decision_date: '2021-05-12', file_numbers: '1 KLs 1/21' },
      other,
    );
    expect(stolen.status).toBe(422);
    expect(d.tenor).toContain('Freiheitsstrafe von zwei Jahren');
    expect(d.reasons).toContain('<a name="rd_3">3</a>');
    const norms = await t.database.db
      .selectFrom('caselaw_decision_norms')
      .select('norm_key')
      .where('decision_id', '=', id)
      .execute();
    expect(norms.map((n) => n.norm_key).sort()).toEqual(['StGB §232b', 'StGB §233 Abs1 Nr1']);
    // the original is the office's to download, not the public's while unpublished
    const original = await t.request(`/verwaltung/rechtsprechung/${id}/original`, { session: office });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(new Uint8Array(pdf));
    expect((await t.request(`/rechtsprechung/${id}/original`)).status).toBe(404);
  });

  it('refuses HTML disguised as a PDF, and an empty form, with 422', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>');
    const res = await send(
      '/verwaltung/rechtsprechung/hochladen',
      multipart({}, { name: 'urteil.pdf', bytes: html, type: 'application/pdf' }),
      office,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Dateityp');
    const empty = await send('/rechtsprechung-einreichen', multipart({}), member);
    expect(empty.status).toBe(422);
    const page = await empty.text();
    expect(page).toContain('f-file-error');
    expect(page).toContain('f-court-error');
  });

  it('takes a member submission into the review queue, mails the office, and publishes only once anonymised', async () => {
    const db = t.database.db;
    const pdf = await judgmentPdf();
    const res = await send(
      '/rechtsprechung-einreichen',
      multipart(
        {
          court: 'Landgericht Berlin',
          decision_date: '2021-05-12',
          file_numbers: '502 KLs 12/19',
          note: 'Rechtskräftig.',
        },
        { name: 'LG Berlin 502 KLs 12-19.pdf', bytes: pdf, type: 'application/pdf' },
      ),
      member,
    );
    expect(res.status).toBe(303);
    const d = await db
      .selectFrom('caselaw_decisions')
      .selectAll()
      .where('submitted_by', '=', member.user.id)
      .executeTakeFirstOrThrow();
    expect(d.status).toBe('review');
    expect(d.submission_note).toBe('Rechtskräftig.');
    // not public
    expect((await t.request(`/rechtsprechung/${d.id}`)).status).toBe(404);
    // the submitter sees it and its status
    const mine = await (
      await t.request('/rechtsprechung-einreichen?eingereicht=1', { session: member })
    ).text();
    expect(mine).toContain('LG Berlin, Urteil vom 12.05.2021 – 502 KLs 12/19');
    expect(mine).toContain('Wird geprüft');
    // the office gets a mail through the real SMTP server
    await t.flushMail();
    const mail = smtp.received.find((m) => m.to.includes('geschaeftsstelle@kok.test'));
    expect(mail).toBeDefined();
    expect(mailText(mail!.raw)).toContain(`/verwaltung/rechtsprechung/${d.id}`);
    // the queue lists it
    const queue = await (await t.request('/verwaltung/rechtsprechung', { session: office })).text();
    expect(queue).toContain('502 KLs 12/19');
    expect(queue).toContain('Testorganisation');

    // the anonymisation check flags the name, the date of birth, the address and the phone number
    const editor = await (await t.request(`/verwaltung/rechtsprechung/${d.id}`, { session: office })).text();
    for (const found of [
      'Popescu',
      'geboren am 3. März 1985',
      'Hauptstraße 12',
      '10827 Berlin',
      'Ivanova',
      '0176 12345678',
    ])
      expect(editor).toContain(`<mark>${found}</mark>`);
    // the heading with the parties (Rubrum) is not carried into any published field
    expect(JSON.stringify(d)).not.toContain('Ion Popescu');
    const refused = await t.post(`/verwaltung/rechtsprechung/${d.id}/status`, { to: 'published' }, office);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Anonymisierungsprüfung');

    // the office fixes the text (and the title), keeping the version it started from
    const current = await db
      .selectFrom('caselaw_decisions')
      .selectAll()
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const base = new Date(current.updated_at as unknown as string).toISOString();
    const form = {
      base_updated_at: base,
      court: 'LG Berlin',
      decision_date: '2021-05-12',
      file_numbers: '502 KLs 12/19',
      decision_type: 'Urteil',
      chamber: '',
      ecli: '',
      title: 'Ausbeutung der Arbeitskraft auf dem Bau',
      headnotes: '',
      tenor: current.tenor,
      facts: current.facts,
      reasons: current.reasons
        .replace('Popescu, geboren am 3. März 1985,', 'A.')
        .replace('in der Hauptstraße 12, 10827 Berlin', 'in Berlin')
        .replace('Ivanova', 'B.'),
      dissent: '',
      summary_de: 'Verurteilung nach § 233 StGB; keine Zwangsarbeit nach § 232b StGB.',
      summary_en: 'Conviction for labour exploitation.',
      outcome: 'Verurteilung',
    };
    const saved = await t.post(`/verwaltung/rechtsprechung/${d.id}`, form, office);
    expect(saved.status).toBe(303);
    // a second save from the same (now stale) version is a conflict, and nothing is written
    const stale = await t.post(`/verwaltung/rechtsprechung/${d.id}`, { ...form, title: 'Anders' }, office);
    expect(stale.status).toBe(409);
    expect(
      (
        await db
          .selectFrom('caselaw_decisions')
          .select('title')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe('Ausbeutung der Arbeitskraft auf dem Bau');

    const after = await (await t.request(`/verwaltung/rechtsprechung/${d.id}`, { session: office })).text();
    const open = [...after.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
    // the phone number was left in the text: the office confirms it as harmless (say, a counselling hotline)
    expect(open).toEqual(['0176 12345678']);
    const gone = await t.post(
      `/verwaltung/rechtsprechung/${d.id}/anonymisierung`,
      { kind: 'name', match: 'Ivanova' },
      office,
    );
    expect(gone.status).toBe(422);
    for (const match of open) {
      const kind = new RegExp(
        `name="kind" value="([a-z_]+)"/><input type="hidden" name="match" value="${match}"`,
      ).exec(after)?.[1];
      expect(kind, match).toBeDefined();
      expect(
        (
          await t.post(
            `/verwaltung/rechtsprechung/${d.id}/anonymisierung`,
            { kind: kind!, match: match! },
            office,
          )
        ).status,
      ).toBe(303);
    }
    const published = await t.post(`/verwaltung/rechtsprechung/${d.id}/status`, { to: 'published' }, office);
    expect(published.status).toBe(303);
    expect((await t.request(`/rechtsprechung/${d.id}`)).status).toBe(200);
    expect(await (await t.request('/rechtsprechung-einreichen', { session: member })).text()).toContain(
      'Veröffentlicht',
    );
    // the member who submitted it is told, in the language of their account, with the link
    await t.flushMail();
    const toMember = () => smtp.received.filter((m) => m.to.includes(member.user.email));
    expect(toMember()).toHaveLength(1);
    const told = mailText(toMember()[0]!.raw);
    expect(told).toContain('ist geprüft und jetzt veröffentlicht');
    expect(told).toContain('LG Berlin, Urteil vom 12.05.2021 – 502 KLs 12/19');
    expect(told).toContain(`/rechtsprechung/${d.id}`);
    // a correction (back to draft, published again) does not tell them a second time
    for (const to of ['draft', 'review', 'published'])
      expect((await t.post(`/verwaltung/rechtsprechung/${d.id}/status`, { to }, office)).status).toBe(303);
    await t.flushMail();
    expect(toMember()).toHaveLength(1);

    // history: who, when, what
    const history = await (
      await t.request(`/verwaltung/rechtsprechung/${d.id}/verlauf`, { session: office })
    ).text();
    expect(history).toContain('Von einem Mitglied eingereicht');
    expect(history).toContain('Status: Veröffentlicht');
    expect(history).toContain('Test office (office)');
    expect(history).toContain('<ins>Ausbeutung der Arbeitskraft auf dem Bau</ins>');
    const entries = await db
      .selectFrom('caselaw_history')
      .select(['action', 'changed_fields'])
      .where('decision_id', '=', d.id)
      .execute();
    expect(entries.find((e) => e.action === 'update')!.changed_fields).toEqual(
      expect.arrayContaining(['title', 'reasons', 'summary_de', 'outcome']),
    );
    // norms re-parsed on save: the summary's norms are not in the text fields; the text's still are
    const norms = await db
      .selectFrom('caselaw_decision_norms')
      .select('norm_key')
      .where('decision_id', '=', d.id)
      .execute();
    expect(norms.map((n) => n.norm_key)).toContain('StGB §233 Abs1 Nr1');

    // audited, chain intact
    const actions = await db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['caselaw.submit', 'caselaw.update', 'caselaw.status']),
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // the original PDF is public only once the office says it is anonymised
    expect((await t.request(`/rechtsprechung/${d.id}/original`)).status).toBe(404);
    expect(await (await t.request(`/rechtsprechung/${d.id}`)).text()).not.toContain('/original');
    const latest = await db
      .selectFrom('caselaw_decisions')
      .select('updated_at')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const marked = await t.post(
      `/verwaltung/rechtsprechung/${d.id}`,
      {
        ...form,
        base_updated_at: new Date(latest.updated_at as unknown as string).toISOString(),
        original_public: 'on',
      },
      office,
    );
    expect(marked.status).toBe(303);
    expect(await (await t.request(`/en/rechtsprechung/${d.id}`)).text()).toContain(
      `/en/rechtsprechung/${d.id}/original`,
    );
    const pub = await t.request(`/rechtsprechung/${d.id}/original`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('application/pdf');
    expect(pub.headers.get('x-content-type-options')).toBe('nosniff');

    // unpublish goes back to draft; publishing from draft is not a valid step
    expect((await t.post(`/verwaltung/rechtsprechung/${d.id}/status`, { to: 'draft' }, office)).status).toBe(
      303,
    );
    expect((await t.request(`/rechtsprechung/${d.id}`)).status).toBe(404);
    expect(
      (await t.post(`/verwaltung/rechtsprechung/${d.id}/status`, { to: 'published' }, office)).status,
    ).toBe(422);
  });

  it('answers the editor form with 422 and field errors for bad input, in English too', async () => {
    const db = t.database.db;
    const row = await db
      .selectFrom('caselaw_decisions')
      .select(['id', 'updated_at'])
      .executeTakeFirstOrThrow();
    const res = await t.post(
      `/en/verwaltung/rechtsprechung/${row.id}`,
      {
        base_updated_at: new Date(row.updated_at as unknown as string).toISOString(),
        court: 'Irgendein Gericht',
        decision_date: '2021-02-31',
        file_numbers: '1 StR 1/21',
        ecli: 'ECLI:XX',
      },
      office,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Please enter a valid date.');
    // a conflict keeps every ticked checkbox
    const body = new URLSearchParams({
      _csrf: office.csrf,
      base_updated_at: '2000-01-01T00:00:00.000Z',
      court: 'LG Berlin',
      decision_date: '2021-05-12',
      file_numbers: '1 StR 1/21',
    });
    body.append('legal_areas', 'criminal');
    body.append('legal_areas', 'labour');
    const conflict = await t.request(`/verwaltung/rechtsprechung/${row.id}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
      },
      session: office,
    });
    expect(conflict.status).toBe(409);
    const page = await conflict.text();
    expect(page).toContain('value="criminal" checked');
    expect(page).toContain('value="labour" checked');
    expect(page).not.toContain('value="social" checked');
  });
});

describe('case-law editorial demo', () => {
  it('puts a draft, one decision in review and a member submission into the office queue', async () => {
    const t = await createTestApp();
    try {
      const office = await t.sessionFor('office');
      const member = await t.sessionFor('member');
      await t.database.db.updateTable('users').set({ is_demo: true }).execute();
      expect(await seedDemoEditorial(t.database.db)).toBe(3);
      const queue = await (await t.request('/verwaltung/rechtsprechung', { session: office })).text();
      expect(queue).toContain('LG Bremen, Urteil vom 14.09.2023');
      expect(queue).toContain('ArbG Hamburg, Urteil vom 07.02.2024 – 17 Ca 212/23');
      expect(queue).toContain('Eingereicht von Testorganisation');
      const mine = await (await t.request('/rechtsprechung-einreichen', { session: member })).text();
      expect(mine).toContain('S 9 VE 11/22');
    } finally {
      await t.close();
    }
  });
});
