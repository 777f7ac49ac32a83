import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFollowUps, sendReminders } from '../../src/modules/events/followup.ts';
import { purgeEventPersonalData } from '../../src/modules/events/retention.ts';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';
import { insertEvent, linkIn, oldStamp } from './events-helpers.ts';

/** The decoded bytes of a named attachment in a raw MIME mail (multipart, base64 or quoted-printable). */
function attachmentOf(raw: string, filename: string): string {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]!);
  for (const boundary of boundaries) {
    for (const part of raw.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split);
      if (!new RegExp(`filename="?${filename.replace('.', '\\.')}`).test(headers)) continue;
      const body = part.slice(split + 4).trim();
      if (/Content-Transfer-Encoding: base64/i.test(headers))
        return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) return mailText(body);
      return body;
    }
  }
  throw new Error(`no attachment ${filename}`);
}

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('events after registration: calendar files, reminders, attendance, certificates, feedback, materials', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let office: TestSession;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    office = await t.sessionFor('office');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = (address: string) =>
    smtp.received.filter((m) => m.to.includes(address)).map((m) => ({ raw: m.raw, text: mailText(m.raw) }));

  async function addRegistration(
    eventId: string,
    name: string,
    status: 'confirmed' | 'waitlisted' | 'cancelled' = 'confirmed',
    over: { attended?: boolean; locale?: 'de' | 'en' } = {},
  ) {
    const row = await t.database.db
      .insertInto('event_registrations')
      .values({
        event_id: eventId,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@example.org`,
        organisation: 'Fachberatungsstelle',
        status,
        optin_at: new Date(),
        confirmed_at: status === 'confirmed' ? new Date() : null,
        attended: over.attended ?? false,
        locale: over.locale ?? 'de',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('sends the confirmation with the event as an .ics attachment that a calendar library reads', async () => {
    const db = t.database.db;
    const starts = new Date('2031-03-29T08:30:00Z'); // the day summer time begins in Berlin
    const id = await insertEvent(db, { capacity: 5, starts, title: 'Schulung, Teil 1; Grundlagen' });
    await t.post(`/en/veranstaltungen/${id}/anmelden`, {
      name: 'Robin Example',
      email: 'robin@example.org',
      website: '',
      started: await oldStamp(db),
    });
    await t.flushMail();
    await t.post(linkIn(mailsTo('robin@example.org').at(-1)!.text, 'bestaetigen'), {});
    await t.flushMail();
    const confirmation = mailsTo('robin@example.org').at(-1)!;
    expect(confirmation.text).toContain('Registration confirmed'); // the language of the registration
    expect(confirmation.raw).toMatch(/Content-Type: text\/calendar/);
    const [event, ...more] = parseEvents(attachmentOf(confirmation.raw, 'veranstaltung.ics'));
    expect(more).toEqual([]);
    expect(event!.summary).toBe('Schulung, Teil 1; Grundlagen');
    expect(event!.startDate.toJSDate().toISOString()).toBe(starts.toISOString());
    expect(event!.endDate.toJSDate().getTime()).toBe(starts.getTime() + 3 * 3600_000);
    expect(event!.uid).toBe(`${id}@localhost:3000`);
    expect(event!.location).toBe('Kurfürstenstraße 33, 10785 Berlin');
    // the access link is in the mail to the confirmed person, never in a calendar file that gets forwarded
    expect(confirmation.text).toContain('https://meet.example.org/kok-geheim');
    expect(attachmentOf(confirmation.raw, 'veranstaltung.ics')).not.toContain('meet.example.org');
  });

  it('publishes a feed and per-event files that parse back with ical.js', async () => {
    const db = t.database.db;
    const a = await insertEvent(db, { title: 'Feed A, mit Komma', description: 'Zeile 1\nZeile 2; Ende' });
    const b = await insertEvent(db, { title: 'Feed B', format: 'online', address: '' });
    const hidden = await insertEvent(db, { title: 'Entwurf', published: false });
    const feed = await t.request('/veranstaltungen.ics');
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const events = parseEvents(await feed.text());
    const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
    expect(byUid.get(a)!.summary).toBe('Feed A, mit Komma');
    expect(byUid.get(a)!.description).toBe('Zeile 1\nZeile 2; Ende');
    expect(byUid.get(b)!.location).toBe('Online');
    expect(byUid.has(hidden)).toBe(false);
    const row = await db
      .selectFrom('events')
      .select(['starts_at'])
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    // iCalendar times have whole seconds
    expect(byUid.get(a)!.startDate.toJSDate().getTime()).toBe(
      Math.floor(row.starts_at.getTime() / 1000) * 1000,
    );
    const one = parseEvents(await (await t.request(`/veranstaltungen/${b}/kalender.ics`)).text());
    expect(one.map((e) => e.summary)).toEqual(['Feed B']);
  });

  it('reminds confirmed participants once, with the access link, and nobody else', async () => {
    const db = t.database.db;
    const soon = await insertEvent(db, {
      title: 'Web-Seminar morgen',
      format: 'online',
      address: '',
      online_url: 'https://meet.example.org/morgen',
      starts: new Date(Date.now() + 24 * 3600_000),
    });
    const later = await insertEvent(db, { title: 'Später', starts: new Date(Date.now() + 5 * 86_400_000) });
    await addRegistration(soon, 'Erinnerung Eins');
    await addRegistration(soon, 'Erinnerung Zwei', 'confirmed', { locale: 'en' });
    await addRegistration(soon, 'Warteliste Drei', 'waitlisted');
    await addRegistration(soon, 'Storniert Vier', 'cancelled');
    await addRegistration(later, 'Zu Frueh');
    const opts = { hours: 48, publicUrl: ORIGIN };
    expect(await sendReminders(db, opts)).toBe(2);
    expect(await sendReminders(db, opts)).toBe(0); // once
    await t.flushMail();
    const de = mailsTo('erinnerungeins@example.org');
    expect(de).toHaveLength(1);
    expect(de[0]!.text).toContain('Erinnerung: Web-Seminar morgen');
    expect(de[0]!.text).toContain('https://meet.example.org/morgen');
    const cancel = linkIn(de[0]!.text, 'abmelden');
    expect((await t.request(cancel)).status).toBe(200);
    expect(mailsTo('erinnerungzwei@example.org')[0]!.text).toContain('Reminder: Web-Seminar morgen');
    expect(mailsTo('wartelistedrei@example.org')).toEqual([]);
    expect(mailsTo('storniertvier@example.org')).toEqual([]);
    expect(mailsTo('zufrueh@example.org')).toEqual([]);
    // with a longer lead time the later event is due too
    expect(await sendReminders(db, { ...opts, hours: 24 * 6 })).toBe(1);
  });

  it('marks attendance and gives certificates for exactly the people who attended', async () => {
    const db = t.database.db;
    const id = await insertEvent(db, {
      title: 'Praxistag Schutz',
      starts: new Date(Date.now() - 86_400_000),
    });
    const jurgen = await addRegistration(id, 'Jürgen Müßig');
    const ana = await addRegistration(id, 'Ana Popescu', 'confirmed', { locale: 'en' });
    const absent = await addRegistration(id, 'Nicht Dabei');
    const waiting = await addRegistration(id, 'Warte Liste', 'waitlisted');
    const base = `/verwaltung/veranstaltungen/${id}`;

    expect((await t.request(`${base}/bescheinigungen.pdf`, { session: office })).status).toBe(409);
    const body = new URLSearchParams([
      ['_csrf', office.csrf],
      ['attended', jurgen],
      ['attended', ana],
      ['attended', waiting], // not confirmed: ignored
      ['attended', 'kein-uuid'],
    ]);
    const saved = await t.request(`${base}/teilnehmende/anwesenheit`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      session: office,
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${base}/teilnehmende?gespeichert=2`);
    const list = await (await t.request(`${base}/teilnehmende?gespeichert=2`, { session: office })).text();
    expect(list).toContain('Anwesenheit gespeichert: 2');
    expect(list).toContain(`${base}/bescheinigungen/${jurgen}`);
    expect(list).not.toContain(`${base}/bescheinigungen/${absent}`);

    const all = await t.request(`${base}/bescheinigungen.pdf`, { session: office });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('application/pdf');
    expect(all.headers.get('content-disposition')).toMatch(/^attachment/);
    const pages = (await extractPdfText(new Uint8Array(await all.arrayBuffer()))).pages;
    expect(pages).toHaveLength(2);
    const text = pages.join('\n');
    expect(text).toContain('Jürgen Müßig');
    expect(text).toContain('Ana Popescu');
    expect(text).not.toContain('Nicht Dabei');
    expect(text).not.toContain('Warte Liste');
    expect(pages.find((p) => p.includes('Jürgen'))).toContain('Teilnahmebescheinigung');
    expect(pages.find((p) => p.includes('Ana'))).toContain('Certificate of participation');
    expect(text).toContain('Praxistag Schutz');

    const single = await t.request(`${base}/bescheinigungen/${ana}`, { session: office });
    const singlePages = (await extractPdfText(new Uint8Array(await single.arrayBuffer()))).pages;
    expect(singlePages).toHaveLength(1);
    expect(singlePages[0]).toContain('Ana Popescu');
    expect((await t.request(`${base}/bescheinigungen/${absent}`, { session: office })).status).toBe(404);

    const xlsx = await t.request(`${base}/teilnehmende.xlsx`, { session: office });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Name');
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byName.get('Jürgen Müßig')![5]).toBe(1);
    expect(byName.get('Nicht Dabei')![5]).toBe(0);
    expect(rows).toHaveLength(5);

    const csv = await (await t.request(`${base}/teilnehmende.csv`, { session: office })).text();
    expect(csv).toContain('name,email,organisation,status,confirmed_at,attended');

    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('target_id', '=', id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'event.attendance_mark',
        'event.certificates_export',
        'event.participants_export',
      ]),
    );
    expect(JSON.stringify(audits)).not.toMatch(/Müßig|example\.org/);
  });

  it('asks attendees for anonymous feedback once and shows only the summary', async () => {
    const db = t.database.db;
    const id = await insertEvent(db, {
      title: 'Fachtag Feedback',
      starts: new Date(Date.now() - 2 * 86_400_000),
    });
    await addRegistration(id, 'Feedback Eins', 'confirmed', { attended: true });
    await addRegistration(id, 'Feedback Zwei', 'confirmed', { attended: true, locale: 'en' });
    await addRegistration(id, 'Feedback Fehlt', 'confirmed');
    const base = `/verwaltung/veranstaltungen/${id}`;
    const future = await insertEvent(db, { title: 'Noch nicht' });
    expect((await t.post(`/verwaltung/veranstaltungen/${future}/feedback/senden`, {}, office)).status).toBe(
      409,
    );

    const sent = await t.post(`${base}/feedback/senden`, {}, office);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('gesendet=2');
    expect((await t.post(`${base}/feedback/senden`, {}, office)).headers.get('location')).toContain(
      'gesendet=0',
    );
    await t.flushMail();
    expect(mailsTo('feedbackfehlt@example.org')).toEqual([]);
    const one = mailsTo('feedbackeins@example.org');
    expect(one).toHaveLength(1);
    const feedbackLink = /\/veranstaltungen\/feedback\/[A-Za-z0-9_-]+/.exec(one[0]!.text)![0];
    const twoMail = mailsTo('feedbackzwei@example.org')[0]!.text;
    expect(twoMail).toContain('Thank you for taking part');
    const feedbackTwo = /\/en\/veranstaltungen\/feedback\/[A-Za-z0-9_-]+/.exec(twoMail)![0];

    const form = await t.request(feedbackLink);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Fachtag Feedback');
    const tooFast = await t.post(feedbackLink, { overall: '5', website: '', started: `${Date.now()}.x` });
    expect(tooFast.status).toBe(422);
    const badRating = await t.post(feedbackLink, { overall: '7', website: '', started: await oldStamp(db) });
    expect(badRating.status).toBe(422);
    const ok = await t.post(feedbackLink, {
      overall: '5',
      content: '4',
      speakers: '',
      comment: 'Sehr hilfreich, gerne mehr Fallbeispiele.',
      website: '',
      started: await oldStamp(db),
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Vielen Dank');
    expect(
      (await t.post(feedbackLink, { overall: '1', website: '', started: await oldStamp(db) })).status,
    ).toBe(404);
    expect(
      (
        await t.post(feedbackTwo, {
          overall: '4',
          content: '2',
          comment: 'Anfangs zu schnell.',
          website: '',
          started: await oldStamp(db),
        })
      ).status,
    ).toBe(200);

    const summary = await t.request(`${base}/feedback`, { session: office });
    const html = await summary.text();
    expect(html).toContain('2 Rückmeldung(en), 0 Einladung(en)');
    expect(html).toContain('4,5'); // overall: 5 and 4
    expect(html).toContain('3'); // content: 4 and 2
    expect(html.indexOf('Anfangs zu schnell.')).toBeLessThan(html.indexOf('Sehr hilfreich'));
    expect(html).not.toContain('Feedback Eins');
    expect(html).not.toContain('Feedback Zwei');
    // nothing in the stored answers points to a person or a registration
    const stored = await db.selectFrom('event_feedback').selectAll().where('event_id', '=', id).execute();
    expect(stored).toHaveLength(2);
    expect(Object.keys(stored[0]!).sort()).toEqual(['answered_on', 'comment', 'event_id', 'id', 'ratings']);

    // the housekeeping job sends to someone marked as attended later, once
    await db
      .updateTable('event_registrations')
      .set({ attended: true })
      .where('name', '=', 'Feedback Fehlt')
      .execute();
    // (attendees of the other ended events in this database get theirs in the same run)
    expect(await sendFollowUps(db, { publicUrl: ORIGIN })).toBeGreaterThanOrEqual(1);
    expect(await sendFollowUps(db, { publicUrl: ORIGIN })).toBe(0);
    await t.flushMail();
    expect(mailsTo('feedbackfehlt@example.org')).toHaveLength(1);
    expect(mailsTo('feedbackeins@example.org')).toHaveLength(1);

    // the retention purge deletes the people and their unused links, and keeps the anonymous answers
    await db
      .updateTable('events')
      .set({ starts_at: new Date('2020-01-01T09:00:00Z'), ends_at: new Date('2020-01-01T12:00:00Z') })
      .where('id', '=', id)
      .execute();
    await purgeEventPersonalData(db, { retentionMonths: 6 });
    expect(
      await db.selectFrom('event_registrations').select('id').where('event_id', '=', id).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('event_feedback_tokens').select('token_hash').where('event_id', '=', id).execute(),
    ).toEqual([]);
    // any form sent to a feedback link is answered with a page or a 4xx, never a 500
    const fuzzToken = 'fuzz-token';
    const fuzzHash = createHash('sha256').update(fuzzToken).digest('hex');
    const stamp = await oldStamp(db);
    const anyString = fc.oneof(fc.string(), fc.constantFrom('0', '6', '3.5', '\u0000', ''));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            overall: fc.oneof(fc.constantFrom('1', '5', ''), anyString),
            content: anyString,
            comment: fc.string({ maxLength: 5000 }),
            website: fc.oneof(fc.constant(''), anyString),
            started: fc.oneof(fc.constant(stamp), anyString),
          },
          { requiredKeys: [] },
        ),
        async (form) => {
          await db
            .insertInto('event_feedback_tokens')
            .values({ token_hash: fuzzHash, event_id: id })
            .onConflict((oc) => oc.column('token_hash').doNothing())
            .execute();
          const res = await t.post(`/veranstaltungen/feedback/${fuzzToken}`, form as Record<string, string>);
          expect([200, 422, 429]).toContain(res.status);
        },
      ),
      { numRuns: 30 },
    );
    await db
      .deleteFrom('event_feedback')
      .where('event_id', '=', id)
      .where('comment', 'not in', ['Sehr hilfreich, gerne mehr Fallbeispiele.', 'Anfangs zu schnell.'])
      .execute();
    await db.deleteFrom('event_feedback_tokens').where('token_hash', '=', fuzzHash).execute();
    const after = await (await t.request(`${base}/feedback`, { session: office })).text();
    expect(after).toContain('2 Rückmeldung(en), 0 Einladung(en)');
    expect(after).toContain('Sehr hilfreich');
  });

  it('keeps materials for participants behind their personal link and shows public ones on the event page', async () => {
    const db = t.database.db;
    const id = await insertEvent(db, {
      title: 'Schulung Unterlagen',
      starts: new Date(Date.now() - 86_400_000),
    });
    await addRegistration(id, 'Material Person', 'confirmed', { attended: true });
    const base = `/verwaltung/veranstaltungen/${id}`;
    const upload = async (title: string, visibility: string, file: Blob, name: string) => {
      const form = new FormData();
      form.set('_csrf', office.csrf);
      form.set('title', title);
      form.set('visibility', visibility);
      form.set('file', file, name);
      return t.request(`${base}/unterlagen`, {
        method: 'POST',
        body: form,
        headers: { origin: ORIGIN },
        session: office,
      });
    };
    const slides = await renderPdf({ title: 'Folien' }, (doc) => doc.text('Folien nur für Teilnehmende'));
    const flyer = await renderPdf({ title: 'Flyer' }, (doc) => doc.text('Öffentlicher Flyer'));
    expect(
      (await upload('Folien', 'participants', new Blob([new Uint8Array(slides)]), 'folien.pdf')).status,
    ).toBe(303);
    expect((await upload('Flyer', 'public', new Blob([new Uint8Array(flyer)]), 'flyer.pdf')).status).toBe(
      303,
    );
    const disguised = await upload('Böse', 'public', new Blob(['<html><script>x</script></html>']), 'a.pdf');
    expect(disguised.status).toBe(422);
    expect(await disguised.text()).toContain('Dateityp');
    expect((await upload('', 'everyone', new Blob([new Uint8Array(flyer)]), 'f.pdf')).status).toBe(422);

    const materials = await db
      .selectFrom('event_materials')
      .select(['id', 'title'])
      .where('event_id', '=', id)
      .execute();
    const slidesId = materials.find((m) => m.title === 'Folien')!.id;
    const flyerId = materials.find((m) => m.title === 'Flyer')!.id;

    const page = await (await t.request(`/veranstaltungen/${id}`)).text();
    expect(page).toContain('Flyer');
    expect(page).not.toContain('Folien');
    const publicFlyer = await t.request(`/veranstaltungen/${id}/unterlagen/${flyerId}`);
    expect(publicFlyer.status).toBe(200);
    expect(publicFlyer.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(publicFlyer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await publicFlyer.arrayBuffer()).equals(flyer)).toBe(true);
    expect((await t.request(`/veranstaltungen/${id}/unterlagen/${slidesId}`)).status).toBe(404);

    await t.post(`${base}/feedback/senden`, {}, office);
    await t.flushMail();
    const mail = mailsTo('materialperson@example.org').at(-1)!.text;
    const personal = /\/veranstaltungen\/teilnahme\/[A-Za-z0-9_-]+/.exec(mail)![0];
    const personalPage = await (await t.request(personal)).text();
    expect(personalPage).toContain('Folien');
    expect(personalPage).toContain('Flyer');
    const download = await t.request(`${personal}/unterlagen/${slidesId}`);
    expect(download.status).toBe(200);
    expect((await extractPdfText(new Uint8Array(await download.arrayBuffer()))).pages[0]).toContain(
      'Folien nur für Teilnehmende',
    );
    expect((await t.request('/veranstaltungen/teilnahme/falsch')).status).toBe(404);
    expect((await t.request(`/veranstaltungen/teilnahme/falsch/unterlagen/${slidesId}`)).status).toBe(404);

    const removed = await t.post(`${base}/unterlagen/${flyerId}/loeschen`, {}, office);
    expect(removed.status).toBe(303);
    expect((await t.request(`/veranstaltungen/${id}/unterlagen/${flyerId}`)).status).toBe(404);
    const audits = await db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event.material_add', 'event.material_delete', 'event.followup_send']),
    );
  });
});
