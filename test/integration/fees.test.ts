import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

describe('membership fees: invoices, payments, reminders', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    const db = t.database.db;
    for (const [slug, name, membership, status] of [
      ['fbs-nord', 'FBS Nord e.V.', 'ordinary', 'admitted'],
      ['fbs-sued', 'FBS Süd e.V.', 'ordinary', 'admitted'],
      ['fiz-zuerich', 'FIZ Zürich', 'extraordinary', 'admitted'],
      ['neu-beantragt', 'Antrag gestellt e.V.', 'ordinary', 'applied'],
    ] as const) {
      const org = await db
        .insertInto('organisations')
        .values({ slug, name })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgs[slug] = org.id;
      await db
        .insertInto('network_members')
        .values({
          organisation_id: org.id,
          type: 'specialised_counselling',
          membership,
          status,
          city: 'Ort',
          country: membership === 'extraordinary' ? 'CH' : 'DE',
        })
        .execute();
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('creates one invoice per admitted member, numbered per year, and never twice', async () => {
    const office = await t.sessionFor('office');
    const bad = await t.post(
      '/verwaltung/beitraege',
      { year: '1999', ordinary_eur: 'viel', extraordinary_eur: '100', due_on: '2026-13-01' },
      office,
    );
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('zwischen 2000 und 2100');
    expect(text).toContain('Betrag in Euro');
    expect(await t.database.db.selectFrom('membership_fees').select('id').execute()).toEqual([]);

    const made = await t.post(
      '/verwaltung/beitraege',
      { year: '2026', ordinary_eur: '1.250,50', extraordinary_eur: '100', due_on: '2026-03-31' },
      office,
    );
    expect(made.status).toBe(200);
    expect(await made.text()).toContain('3 Rechnungen erstellt');
    const fees = await t.database.db
      .selectFrom('membership_fees')
      .select(['invoice_number', 'amount_cents'])
      .orderBy('invoice_number')
      .execute();
    expect(fees).toEqual([
      { invoice_number: 'KOK-2026-001', amount_cents: 125050 },
      { invoice_number: 'KOK-2026-002', amount_cents: 125050 },
      { invoice_number: 'KOK-2026-003', amount_cents: 10000 },
    ]);
    const again = await t.post(
      '/verwaltung/beitraege',
      { year: '2026', ordinary_eur: '300', extraordinary_eur: '100', due_on: '2026-03-31' },
      office,
    );
    expect(await again.text()).toContain('0 Rechnungen erstellt');
  });

  it('renders the invoice as a PDF naming the member, number and amount', async () => {
    const office = await t.sessionFor('office');
    const fee = await t.database.db
      .selectFrom('membership_fees')
      .select('id')
      .where('invoice_number', '=', 'KOK-2026-003')
      .executeTakeFirstOrThrow();
    const res = await t.request(`/verwaltung/beitraege/${fee.id}/rechnung.pdf`, { session: office });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdfText(new Uint8Array(await res.arrayBuffer()))).pages.join('\n');
    expect(text).toContain('FIZ Zürich');
    expect(text).toContain('KOK-2026-003');
    expect(text).toContain('100,00');
    expect(text).toContain('31.03.2026');
  });

  it('mails a reminder with the invoice attached to the member administrators, then records the payment', async () => {
    const office = await t.sessionFor('office');
    await t.database.db
      .insertInto('users')
      .values([
        { email: 'verwaltung@fbs-nord.example', role: 'member_admin', organisation_id: orgs['fbs-nord']! },
        { email: 'beratung@fbs-nord.example', role: 'member', organisation_id: orgs['fbs-nord']! },
      ])
      .execute();
    const fee = await t.database.db
      .selectFrom('membership_fees as f')
      .innerJoin('network_members as m', 'm.id', 'f.member_id')
      .select(['f.id'])
      .where('m.organisation_id', '=', orgs['fbs-nord']!)
      .executeTakeFirstOrThrow();
    const res = await t.post(`/verwaltung/beitraege/${fee.id}/erinnern`, {}, office);
    expect(res.status).toBe(200);
    await t.flushMail();
    expect(smtp.received.flatMap((m) => m.to)).toEqual(['verwaltung@fbs-nord.example']);
    const raw = smtp.received[0]!.raw;
    expect(mailText(raw)).toContain('FBS Nord e.V.');
    expect(raw).toMatch(/Content-Type: application\/pdf/);

    // a member without administrators: a clear answer, no mail
    const sued = await t.database.db
      .selectFrom('membership_fees as f')
      .innerJoin('network_members as m', 'm.id', 'f.member_id')
      .select('f.id')
      .where('m.organisation_id', '=', orgs['fbs-sued']!)
      .executeTakeFirstOrThrow();
    expect((await t.post(`/verwaltung/beitraege/${sued.id}/erinnern`, {}, office)).status).toBe(409);

    expect(
      (await t.post(`/verwaltung/beitraege/${fee.id}/bezahlt`, { paid_on: 'gestern' }, office)).status,
    ).toBe(422);
    expect(
      (await t.post(`/verwaltung/beitraege/${fee.id}/bezahlt`, { paid_on: '2026-02-01' }, office)).status,
    ).toBe(303);
    const page = await (await t.request('/verwaltung/beitraege?jahr=2026', { session: office })).text();
    expect(page).toContain('bezahlt am 1.2.2026');
    // a paid invoice gets no reminder
    expect((await t.post(`/verwaltung/beitraege/${fee.id}/erinnern`, {}, office)).status).toBe(404);
    expect((await t.request('/verwaltung/beitraege?jahr=abc', { session: office })).status).toBe(422);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'fees.%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['fees.generate', 'fees.invoice_pdf', 'fees.remind', 'fees.paid']),
    );
  });
});
