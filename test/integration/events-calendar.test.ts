import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/modules/events/ical.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertEvent, oldStamp } from './events-helpers.ts';

/** A tiny RFC 5545 reader: unfolds, splits components, unescapes TEXT values. */
function parseIcal(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const events: Array<Record<string, string>> = [];
  const stack: string[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
    } else if (name === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT') events.push(current!);
    } else if (current && stack.at(-1) === 'VEVENT') {
      current[name] = value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  expect(stack).toEqual([]);
  return { lines, events };
}

describe('the public calendar and its iCal feeds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('folds and escapes', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ä'.repeat(100)}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ä'.repeat(100)}`);
  });

  it('lists public events, hides members-only kinds and drafts, archives past events', async () => {
    const db = t.database.db;
    const title = `Fachtag; Ausbeutung, Recht & Praxis \\ ${'Menschenrechte '.repeat(6)}– äöü 🚀`;
    const pub = await insertEvent(db, {
      kind: 'specialist',
      title,
      description: 'Zeile 1\nZeile 2, mit Komma',
      starts: new Date('2099-07-01T08:00:00Z'),
    });
    const members = await insertEvent(db, { kind: 'general_assembly', title: 'Mitgliederversammlung 2099' });
    await insertEvent(db, { title: 'Entwurf', published: false });
    const past = await insertEvent(db, { title: 'Praxistag 2020', starts: new Date('2020-03-01T09:00:00Z') });

    const list = await (await t.request('/veranstaltungen')).text();
    expect(list).toContain('Fachtag');
    expect(list).not.toContain('Mitgliederversammlung 2099');
    expect(list).not.toContain('Entwurf');
    expect(list).not.toContain('Praxistag 2020');
    expect(await (await t.request('/veranstaltungen/archiv')).text()).toContain('Praxistag 2020');
    expect((await t.request(`/veranstaltungen/${members}`)).status).toBe(404);
    const member = await t.sessionFor('member');
    expect((await t.request(`/veranstaltungen/${members}`, { session: member })).status).toBe(200);
    expect(await (await t.request('/veranstaltungen', { session: member })).text()).toContain(
      'Mitgliederversammlung',
    );
    const filtered = await (await t.request('/veranstaltungen?kind=training')).text();
    expect(filtered).not.toContain('Fachtag');
    expect((await t.request(`/veranstaltungen/${past}`)).status).toBe(200);

    const feed = await t.request('/veranstaltungen.ics');
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const { lines, events } = parseIcal(await feed.text());
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Berlin');
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.SUMMARY).toBe(title);
    expect(e.DESCRIPTION).toBe('Zeile 1\nZeile 2, mit Komma');
    expect(e.UID).toBe(`${pub}@localhost:3000`);
    expect(e['DTSTART;TZID=Europe/Berlin']).toBe('20990701T100000'); // CEST: UTC+2
    expect(e['DTEND;TZID=Europe/Berlin']).toBe('20990701T130000');
    expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e.LOCATION).toBe('Kurfürstenstraße 33, 10785 Berlin');
    expect(e.URL).toBe(`http://localhost:3000/veranstaltungen/${pub}`);

    const one = parseIcal(await (await t.request(`/veranstaltungen/${pub}/kalender.ics`)).text());
    expect(one.events).toHaveLength(1);
    expect((await t.request(`/veranstaltungen/${members}/kalender.ics`)).status).toBe(404);
  });

  it('lets the office create and edit events, read participants (audited) and export CSV', async () => {
    const db = t.database.db;
    const office = await t.sessionFor('office');
    const bad = await t.post(
      '/verwaltung/veranstaltungen/neu',
      {
        kind: 'webinar',
        title: '',
        format: 'online',
        starts_at: '2099-13-01T10:00',
        ends_at: 'x',
        capacity: '0',
      },
      office,
    );
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain('Zugangslink');
    const form = {
      kind: 'webinar',
      title: 'Web-Seminar Opferschutz',
      description: '',
      format: 'online',
      online_url: 'https://meet.example.org/x',
      starts_at: '2099-01-15T10:00',
      ends_at: '2099-01-15T12:00',
      capacity: '1',
      languages: 'de, en',
      topics: 'Opferschutz',
      audiences: '',
      registration_deadline: '',
      published: '1',
    };
    const created = await t.post('/verwaltung/veranstaltungen/neu', form, office);
    expect(created.status).toBe(303);
    const id = /veranstaltungen\/([0-9a-f-]{36})/.exec(created.headers.get('location')!)![1]!;
    const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.starts_at.toISOString()).toBe('2099-01-15T09:00:00.000Z'); // CET: UTC+1
    expect(row.languages).toEqual(['de', 'en']);

    // two confirmed-ish registrations: one confirmed, one waitlisted; raising the capacity promotes
    for (const email of ['p1@example.org', 'p2@example.org']) {
      await t.post(`/veranstaltungen/${id}/anmelden`, {
        name: '=HYPERLINK()',
        email,
        website: '',
        started: await oldStamp(db),
      });
    }
    const outbox = await db.selectFrom('mail_outbox').select('body_text').execute();
    for (const m of outbox) {
      const link = /\/veranstaltungen\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(m.body_text);
      if (link) await t.post(link[0], {});
    }
    const edited = await t.post(`/verwaltung/veranstaltungen/${id}`, { ...form, capacity: '5' }, office);
    expect(edited.status).toBe(303);
    const statuses = await db
      .selectFrom('event_registrations')
      .select('status')
      .where('event_id', '=', id)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);

    const listing = await t.request(`/verwaltung/veranstaltungen/${id}/teilnehmende`, { session: office });
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain('p1@example.org');
    const csv = await t.request(`/verwaltung/veranstaltungen/${id}/teilnehmende.csv`, { session: office });
    const csvText = await csv.text();
    expect(csvText).toContain('name,email,organisation,status,confirmed_at');
    expect(csvText).toContain("'=HYPERLINK()");
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('target_id', '=', id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'event.create',
        'event.update',
        'event.participants_read',
        'event.participants_export',
      ]),
    );
    expect(JSON.stringify(audits)).not.toContain('example.org');
    expect((await t.request('/verwaltung/veranstaltungen', { session: office })).status).toBe(200);
  });
});
