import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';

/** A form post with repeated fields (checkbox lists), as a browser sends it. */
function postList(t: TestApp, path: string, fields: Array<[string, string]>, session: TestSession) {
  const body = new URLSearchParams([...fields, ['_csrf', session.csrf]]);
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

/** A multipart form with one file, as a browser sends an upload. */
function upload(
  t: TestApp,
  path: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array; type: string } | null,
  session: TestSession,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file)
    form.append('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  form.append('_csrf', session.csrf);
  return t.request(path, {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    session,
  });
}

async function pdfWith(title: string, text: string): Promise<Uint8Array> {
  return new Uint8Array(
    await renderPdf({ title }, (doc) => {
      doc.fontSize(14).text(title);
      doc.moveDown();
      doc.fontSize(11).text(text);
    }),
  );
}

const resultCount = (html: string) => Number(/<h2 id="empfehlungen">(\d+) /.exec(html)?.[1] ?? 'NaN');
const auditActions = async (t: TestApp, prefix: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', `${prefix}%`)
      .execute()
  ).map((r) => r.action);

let t: TestApp;
let office: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.sessionFor('office');
});
afterAll(() => t.close());

describe('convention monitoring', () => {
  const ids = { greta: '', cedaw: '', round1: '', round2: '', roundC: '', recA: '', recB: '', recC: '' };

  beforeAll(async () => {
    const db = t.database.db;
    for (const [slug, name] of [
      ['greta', 'Europaratskonvention'],
      ['cedaw', 'CEDAW'],
    ]) {
      const res = await t.post(
        '/verwaltung/monitoring/instrumente',
        { slug: slug!, name_de: name!, name_en: `${name} (en)`, monitoring_body: 'Gremium' },
        office,
      );
      expect(res.status).toBe(303);
    }
    const inst = await db.selectFrom('monitoring_instruments').select(['id', 'slug']).execute();
    ids.greta = inst.find((i) => i.slug === 'greta')!.id;
    ids.cedaw = inst.find((i) => i.slug === 'cedaw')!.id;
    for (const [instrument, label, year] of [
      [ids.greta, 'Erste Runde', '2015'],
      [ids.greta, 'Zweite Runde', '2019'],
      [ids.cedaw, 'Abschließende Bemerkungen', '2023'],
    ]) {
      const res = await t.post(
        '/verwaltung/monitoring/runden',
        { instrument_id: instrument!, label_de: label!, label_en: `${label} (en)`, report_year: year! },
        office,
      );
      expect(res.status).toBe(303);
    }
    const rounds = await db.selectFrom('monitoring_rounds').select(['id', 'report_year']).execute();
    ids.round1 = rounds.find((r) => r.report_year === 2015)!.id;
    ids.round2 = rounds.find((r) => r.report_year === 2019)!.id;
    ids.roundC = rounds.find((r) => r.report_year === 2023)!.id;
    const rec = async (round: string, paragraph: string, text: string, topics: string[]) => {
      const res = await postList(
        t,
        '/verwaltung/monitoring/empfehlungen/neu',
        [
          ['round_id', round],
          ['paragraph', paragraph],
          ['text_de', text],
          ['addressee', 'Bund'],
          ...topics.map((x): [string, string] => ['topics', x]),
        ],
        office,
      );
      expect(res.status).toBe(303);
      return /empfehlungen\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
    };
    ids.recA = await rec(ids.round1, '49', 'Eine Berichterstatterstelle einrichten.', [
      'coordination',
      'data',
    ]);
    ids.recB = await rec(ids.round2, '98', '=Fachberatungsstellen finanzieren', ['assistance']);
    ids.recC = await rec(ids.roundC, '30', 'Schutzunterkünfte in allen Ländern.', ['assistance']);
    const assess = (id: string, status: string, date: string, reasoning: string) =>
      t.post(
        `/verwaltung/monitoring/empfehlungen/${id}/bewertungen`,
        { status, assessed_on: date, reasoning, sources: 'https://example.org/quelle\nBericht 2023' },
        office,
      );
    expect((await assess(ids.recA, 'implemented', '2023-01-15', 'Stelle arbeitet.')).status).toBe(303);
    // an older assessment entered later does not replace the newer one
    expect((await assess(ids.recA, 'not_implemented', '2017-06-30', 'Noch nichts.')).status).toBe(303);
    expect((await assess(ids.recB, 'partially', '2021-05-01', 'Uneinheitlich.')).status).toBe(303);
  });

  it('filters by instrument, round, topic and status', async () => {
    const count = async (query: string) => {
      const res = await t.request(`/monitoring${query}`);
      expect(res.status, query).toBe(200);
      return resultCount(await res.text());
    };
    expect(await count('')).toBe(3);
    expect(await count('?instrument=greta')).toBe(2);
    expect(await count('?instrument=cedaw')).toBe(1);
    expect(await count(`?runde=${ids.round2}`)).toBe(1);
    expect(await count('?thema=assistance')).toBe(2);
    expect(await count('?thema=assistance&instrument=greta')).toBe(1);
    expect(await count('?status=implemented')).toBe(1);
    expect(await count('?status=not_implemented')).toBe(0);
    expect(await count('?status=none')).toBe(1);
    expect(await count('?status=partially&thema=data')).toBe(0);
  });

  it('refuses invalid filters with 400, not 500', async () => {
    for (const query of ['?status=vielleicht', '?runde=keine-uuid', '?thema=%00', '?instrument=GRETA!']) {
      expect((await t.request(`/monitoring${query}`)).status, query).toBe(400);
      expect((await t.request(`/monitoring.csv${query}`)).status, query).toBe(400);
    }
  });

  it('draws the progress chart as accessible SVG with the same figures in a table', async () => {
    const html = await (await t.request('/monitoring')).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain(
      '<title id="chart-title">Umsetzung der Empfehlungen nach Evaluierungsrunde</title>',
    );
    // one row per round: Europaratskonvention first round has 1 implemented, second round 1 partially
    const table = html.slice(html.indexOf('<caption>Zahlen zur Grafik</caption>'));
    expect(table).toMatch(
      /<th scope="row">Europaratskonvention: Erste Runde<\/th><td>1<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/,
    );
    expect(table).toMatch(
      /<th scope="row">Europaratskonvention: Zweite Runde<\/th><td>0<\/td><td>1<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/,
    );
    expect(table).toMatch(
      /<th scope="row">CEDAW: Abschließende Bemerkungen<\/th><td>0<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/,
    );
  });

  it('exports the filtered tracker as CSV, formulas neutralised, in both languages', async () => {
    const res = await t.request('/monitoring.csv?thema=assistance');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // a byte order mark, so spreadsheet programs read UTF-8
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = `\uFEFF${new TextDecoder().decode(bytes)}`;
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Übereinkommen,Runde,Absatz,Empfehlung,Adressat*innen,Themen,Stand,Bewertet am,Begründung,Quellen',
    );
    expect(lines).toHaveLength(3);
    const b = lines.find((l) => l.includes('Zweite Runde'))!;
    expect(b).toContain(",'=Fachberatungsstellen finanzieren,");
    expect(b).toContain(
      'teilweise umgesetzt,2021-05-01,Uneinheitlich.,https://example.org/quelle; Bericht 2023',
    );
    expect(lines.find((l) => l.includes('CEDAW'))).toContain('noch nicht bewertet');
    const en = await (await t.request('/en/monitoring.csv?status=implemented')).text();
    expect(en.split('\r\n')[0]).toBe(
      'Instrument,Round,Paragraph,Recommendation,Addressed to,Topics,Status,Assessed on,Reasoning,Sources',
    );
    expect(en).toContain('Europaratskonvention (en),Erste Runde (en),49');
    expect(en).toContain('implemented,2023-01-15');
    // an office account's export is logged; anonymous downloads of public data are not
    const before = (await auditActions(t, 'monitoring.export')).length;
    expect((await t.request('/monitoring.csv', { session: office })).status).toBe(200);
    expect((await auditActions(t, 'monitoring.export')).length).toBe(before + 1);
  });

  it('keeps the history of assessments; the latest by date is the current status', async () => {
    const rows = await t.database.db
      .selectFrom('monitoring_assessments')
      .select(['status'])
      .where('recommendation_id', '=', ids.recA)
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['implemented', 'not_implemented']);
    const html = await (await t.request(`/monitoring/empfehlungen/${ids.recA}`)).text();
    const newer = html.indexOf('15. Januar 2023');
    const older = html.indexOf('30. Juni 2017');
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    expect(html).toContain('<a href="https://example.org/quelle" rel="noreferrer">');
    // a new assessment changes the current status and adds to the history
    await t.post(
      `/verwaltung/monitoring/empfehlungen/${ids.recA}/bewertungen`,
      { status: 'partially', assessed_on: '2024-03-01', reasoning: 'Personal fehlt wieder.' },
      office,
    );
    const list = await (await t.request('/monitoring?status=partially')).text();
    expect(resultCount(list)).toBe(2);
    const detail = await (await t.request(`/monitoring/empfehlungen/${ids.recA}`)).text();
    expect(detail.match(/class="badge status-/g)).toHaveLength(3);
    expect(await auditActions(t, 'monitoring.assessment_add')).toHaveLength(4);
    expect((await t.request('/monitoring/empfehlungen/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('validates every office form with 422 and readable messages', async () => {
    const noText = await postList(
      t,
      '/verwaltung/monitoring/empfehlungen/neu',
      [
        ['round_id', ids.round1],
        ['text_de', ''],
        ['topics', 'unbekannt'],
      ],
      office,
    );
    expect(noText.status).toBe(422);
    const html = await noText.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#f-text_de"');
    expect(html).toContain('href="#f-topics"');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const assessment = await t.post(
      `/verwaltung/monitoring/empfehlungen/${ids.recB}/bewertungen`,
      { status: 'implemented', assessed_on: future, reasoning: 'Zukunft' },
      office,
    );
    expect(assessment.status).toBe(422);
    const badStatus = await t.post(
      `/verwaltung/monitoring/empfehlungen/${ids.recB}/bewertungen`,
      { status: 'fertig', assessed_on: '2024-01-01', reasoning: 'x y' },
      office,
    );
    expect(badStatus.status).toBe(422);
    const taken = await t.post(
      '/verwaltung/monitoring/instrumente',
      { slug: 'greta', name_de: 'Doppelt', name_en: 'Twice' },
      office,
    );
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Dieser Kurzname ist schon vergeben.');
    const round = await t.post(
      '/verwaltung/monitoring/runden',
      {
        instrument_id: '00000000-0000-4000-8000-000000000000',
        label_de: 'X Runde',
        label_en: 'X round',
        report_year: '2020',
      },
      office,
    );
    expect(round.status).toBe(422);
    const year = await t.post(
      '/verwaltung/monitoring/runden',
      { instrument_id: ids.greta, label_de: 'X Runde', label_en: 'X round', report_year: 'zwanzig' },
      office,
    );
    expect(year.status).toBe(422);
    expect(await t.database.db.selectFrom('monitoring_rounds').select('id').execute()).toHaveLength(3);
    expect(
      (
        await t.post(
          `/verwaltung/monitoring/empfehlungen/00000000-0000-4000-8000-000000000000/bewertungen`,
          {},
          office,
        )
      ).status,
    ).toBe(404);
  });

  it('takes shadow reports as PDF only (checked by content) and offers them as downloads', async () => {
    const fields = {
      instrument_id: ids.greta,
      round_id: ids.round2,
      title: 'Schattenbericht 2018',
      submitted_on: '2018-10-01',
      locale: 'de',
    };
    const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>');
    const disguised = await upload(
      t,
      '/verwaltung/monitoring/berichte',
      fields,
      { name: 'bericht.pdf', bytes: html, type: 'application/pdf' },
      office,
    );
    expect(disguised.status).toBe(422);
    expect(await disguised.text()).toContain('href="#f-file"');
    const mismatch = await upload(
      t,
      '/verwaltung/monitoring/berichte',
      { ...fields, round_id: ids.roundC },
      { name: 'b.pdf', bytes: await pdfWith('B', 'x'), type: 'application/pdf' },
      office,
    );
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('Diese Runde gehört zu einem anderen Übereinkommen.');
    expect(await t.database.db.selectFrom('monitoring_submissions').select('id').execute()).toHaveLength(0);
    const ok = await upload(
      t,
      '/verwaltung/monitoring/berichte',
      fields,
      {
        name: 'schattenbericht.pdf',
        bytes: await pdfWith('Schattenbericht', 'Inhalt'),
        type: 'application/pdf',
      },
      office,
    );
    expect(ok.status).toBe(303);
    const page = await (await t.request('/monitoring')).text();
    const href = /href="(\/monitoring\/berichte\/[0-9a-f-]{36})"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const file = await t.request(href!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    // the office can remove a report: the row, its file and the public link go, the deletion is audited
    const id = href!.split('/').pop()!;
    expect((await t.post(`/verwaltung/monitoring/berichte/${id}/loeschen`, {}, office)).status).toBe(303);
    expect((await t.request(href!)).status).toBe(404);
    expect(await t.database.db.selectFrom('monitoring_submissions').select('id').execute()).toHaveLength(0);
    expect(await auditActions(t, 'monitoring.submission_delete')).toHaveLength(1);
    expect((await t.post(`/verwaltung/monitoring/berichte/${id}/loeschen`, {}, office)).status).toBe(404);
  });
  it('lets the office correct instruments and rounds, validated and audited', async () => {
    const rename = await t.post(
      `/verwaltung/monitoring/runden/${ids.roundC}`,
      {
        instrument_id: ids.cedaw,
        label_de: '9. Staatenbericht',
        label_en: 'Ninth report',
        report_year: '2023',
      },
      office,
    );
    expect(rename.status).toBe(303);
    expect(await (await t.request('/monitoring')).text()).toContain('CEDAW: 9. Staatenbericht');
    const bad = await t.post(
      `/verwaltung/monitoring/runden/${ids.roundC}`,
      { instrument_id: ids.cedaw, label_de: '', label_en: 'x', report_year: '1800' },
      office,
    );
    expect(bad.status).toBe(422);
    const body = await bad.text();
    expect(body).toContain('href="#f-label_de"');
    expect(body).toContain('href="#f-report_year"');
    const clash = await t.post(
      `/verwaltung/monitoring/instrumente/${ids.cedaw}`,
      { slug: 'greta', name_de: 'CEDAW', name_en: 'CEDAW' },
      office,
    );
    expect(clash.status).toBe(422);
    const ok = await t.post(
      `/verwaltung/monitoring/instrumente/${ids.cedaw}`,
      {
        slug: 'cedaw',
        name_de: 'UN-Frauenrechtskonvention',
        name_en: 'CEDAW',
        monitoring_body: 'CEDAW-Ausschuss',
      },
      office,
    );
    expect(ok.status).toBe(303);
    expect(await (await t.request('/monitoring')).text()).toContain(
      'UN-Frauenrechtskonvention: 9. Staatenbericht',
    );
    expect(await auditActions(t, 'monitoring.round_update')).toHaveLength(1);
    expect(await auditActions(t, 'monitoring.instrument_update')).toHaveLength(1);
  });
});

describe('publications library', () => {
  let pdfId = '';

  it('uploads a PDF, reads its text and finds it by words that appear only inside the PDF', async () => {
    const pdf = await pdfWith(
      'Bericht',
      'In Sammelunterkünften lebten die Erntehelferinnen ohne Mietvertrag.',
    );
    const res = await upload(
      t,
      '/verwaltung/publikationen/neu',
      {
        title: 'Saisonarbeit in der Landwirtschaft',
        year: '2025',
        type: 'report',
        locale: 'de',
        summary: 'Kurz.',
        published: 'on',
      },
      { name: 'saisonarbeit.pdf', bytes: pdf, type: 'application/pdf' },
      office,
    );
    expect(res.status).toBe(303);
    pdfId = /publikationen\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
    const stored = await t.database.db
      .selectFrom('publications as p')
      .innerJoin('stored_files as f', 'f.id', 'p.file_id')
      .select(['f.text_content', 'f.media_type'])
      .where('p.id', '=', pdfId)
      .executeTakeFirstOrThrow();
    expect(stored.media_type).toBe('application/pdf');
    expect(stored.text_content).toContain('Erntehelferinnen');

    const second = await upload(
      t,
      '/verwaltung/publikationen/neu',
      { title: 'Factsheet Entschädigung', year: '2023', type: 'factsheet', locale: 'en', published: 'on' },
      { name: 'f.pdf', bytes: await pdfWith('Factsheet', 'Compensation claims.'), type: 'application/pdf' },
      office,
    );
    expect(second.status).toBe(303);

    const search = async (query: string) => {
      const r = await t.request(`/publikationen${query}`);
      expect(r.status, query).toBe(200);
      const html = await r.text();
      return [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    };
    expect(await search('?q=Erntehelferinnen')).toEqual(['Saisonarbeit in der Landwirtschaft']);
    expect(await search('?q=Sammelunterkünften')).toEqual(['Saisonarbeit in der Landwirtschaft']);
    // German stemming: the title word in another form
    expect(await search('?q=Landwirtschaften')).toEqual(['Saisonarbeit in der Landwirtschaft']);
    expect(await search('?q=Schlachthof')).toEqual([]);
    expect(await search('?typ=factsheet')).toEqual(['Factsheet Entschädigung']);
    expect(await search('?jahr=2025')).toEqual(['Saisonarbeit in der Landwirtschaft']);
    expect(await search('?sprache=en')).toEqual(['Factsheet Entschädigung']);
    expect(await search('')).toEqual(['Saisonarbeit in der Landwirtschaft', 'Factsheet Entschädigung']);
    expect((await t.request('/publikationen?jahr=abc')).status).toBe(400);
    expect((await t.request('/publikationen?typ=roman')).status).toBe(400);
    expect(await auditActions(t, 'publication.create')).toHaveLength(2);
  });

  it('serves the PDF as a download and hides unpublished publications', async () => {
    const res = await t.request(`/publikationen/${pdfId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="saisonarbeit.pdf"/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    // editing without a new file keeps the file; unpublishing hides list entry and file
    const edit = await upload(
      t,
      `/verwaltung/publikationen/${pdfId}`,
      { title: 'Saisonarbeit (verborgen)', year: '2025', type: 'report', locale: 'de' },
      null,
      office,
    );
    expect(edit.status).toBe(303);
    expect((await t.request(`/publikationen/${pdfId}/pdf`)).status).toBe(404);
    expect(await (await t.request('/publikationen?q=Erntehelferinnen')).text()).toContain(
      'Keine Publikation passt zu dieser Suche.',
    );
    const row = await t.database.db
      .selectFrom('publications')
      .select(['file_id', 'title'])
      .where('id', '=', pdfId)
      .executeTakeFirstOrThrow();
    expect(row.file_id).not.toBeNull();
    expect(row.title).toBe('Saisonarbeit (verborgen)');
  });

  it('refuses disguised and unreadable files and invalid fields with 422', async () => {
    const fields = { title: 'Getarnt', year: '2024', type: 'report', locale: 'de', published: 'on' };
    const html = new TextEncoder().encode('<html><body onload="alert(1)">x</body></html>');
    const a = await upload(
      t,
      '/verwaltung/publikationen/neu',
      fields,
      { name: 'x.pdf', bytes: html, type: 'application/pdf' },
      office,
    );
    expect(a.status).toBe(422);
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> kaputt');
    const b = await upload(
      t,
      '/verwaltung/publikationen/neu',
      fields,
      { name: 'y.pdf', bytes: broken, type: 'application/pdf' },
      office,
    );
    expect(b.status).toBe(422);
    expect(await b.text()).toContain('Diese PDF-Datei lässt sich nicht lesen.');
    const missing = await upload(t, '/verwaltung/publikationen/neu', fields, null, office);
    expect(missing.status).toBe(422);
    const pdf = await pdfWith('x', 'y');
    const badYear = await upload(
      t,
      '/verwaltung/publikationen/neu',
      { ...fields, year: '1850', type: 'roman' },
      { name: 'z.pdf', bytes: pdf, type: 'application/pdf' },
      office,
    );
    expect(badYear.status).toBe(422);
    const body = await badYear.text();
    expect(body).toContain('href="#f-year"');
    expect(body).toContain('href="#f-type"');
    // data reports come from the data collection, not from uploads
    const dataReport = await upload(
      t,
      '/verwaltung/publikationen/neu',
      { ...fields, type: 'data_report' },
      { name: 'z.pdf', bytes: pdf, type: 'application/pdf' },
      office,
    );
    expect(dataReport.status).toBe(422);
    expect(await t.database.db.selectFrom('publications').select('id').execute()).toHaveLength(2);
  });

  it('lists published data reports automatically as Datenbericht, linking to the report page', async () => {
    const db = t.database.db;
    await db
      .insertInto('data_years')
      .values([
        {
          year: 2024,
          codebook: '2024',
          status: 'closed',
          published_at: new Date(),
          report: JSON.stringify({ year: 2024 }),
        },
        { year: 2025, codebook: '2025', status: 'open' },
      ])
      .execute();
    const html = await (await t.request('/publikationen')).text();
    expect(html).toContain('<h2>Datenbericht 2024</h2>');
    expect(html).toContain('href="/datenbericht/2024"');
    expect(html).not.toContain('Datenbericht 2025');
    const onlyReports = await (await t.request('/publikationen?typ=data_report')).text();
    expect([...onlyReports.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['Datenbericht 2024']);
    expect(await (await t.request('/publikationen?q=Datenbericht')).text()).toContain(
      'href="/datenbericht/2024"',
    );
    expect(await (await t.request('/publikationen?jahr=2023')).text()).not.toContain('Datenbericht 2024');
    const en = await (await t.request('/en/publikationen')).text();
    expect(en).toContain('<h2>Data report 2024</h2>');
    expect(en).toContain('href="/en/datenbericht/2024"');
  });
});

describe('projects', () => {
  it('keeps projects with sanitised descriptions, duration, funders, team and links to existing records', async () => {
    const db = t.database.db;
    const news = await db
      .insertInto('network_news')
      .values({
        slug: 'projektstart',
        locale: 'de',
        category: 'network',
        title: 'Projektstart',
        body_md: 'x',
        status: 'published',
        published_at: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pub = await db
      .selectFrom('publications')
      .select('id')
      .where('type', '=', 'factsheet')
      .executeTakeFirstOrThrow();
    const res = await postList(
      t,
      '/verwaltung/projekte/neu',
      [
        ['slug', 'digitales-netzwerk'],
        ['title_de', 'Digitales Netzwerk'],
        ['title_en', 'Digital network'],
        ['summary_de', 'Die Plattform.'],
        ['description_de', '## Ziele\n\n**Austausch** <script>alert(1)</script>'],
        ['starts_on', '2024-04-01'],
        ['ends_on', ''],
        ['funders', 'Bundesministerium'],
        ['team', 'A. Beispiel\nB. Beispiel'],
        ['published', 'on'],
        ['publications', pub.id],
        ['news', news.id],
      ],
      office,
    );
    expect(res.status).toBe(303);
    const completed = await postList(
      t,
      '/verwaltung/projekte/neu',
      [
        ['slug', 'flucht'],
        ['title_de', 'Flucht und Menschenhandel'],
        ['starts_on', '2020-01-01'],
        ['ends_on', '2022-12-31'],
        ['published', 'on'],
      ],
      office,
    );
    expect(completed.status).toBe(303);
    const list = await (await t.request('/projekte')).text();
    const current = list.indexOf('Laufende Projekte');
    const done = list.indexOf('Abgeschlossene Projekte');
    expect(list.indexOf('Digitales Netzwerk')).toBeGreaterThan(current);
    expect(list.indexOf('Digitales Netzwerk')).toBeLessThan(done);
    expect(list.indexOf('Flucht und Menschenhandel')).toBeGreaterThan(done);
    const page = await (await t.request('/projekte/digitales-netzwerk')).text();
    expect(page).toContain('<h2>Ziele</h2>');
    expect(page).toContain('<strong>Austausch</strong>');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('seit 1. April 2024');
    expect(page).toContain('Bundesministerium');
    expect(page).toContain('A. Beispiel, B. Beispiel');
    expect(page).toContain('Factsheet Entschädigung (2023)');
    expect(page).toContain('href="/aktuelles/projektstart"');
    const en = await (await t.request('/en/projekte/digitales-netzwerk')).text();
    expect(en).toContain('<h1 lang="en">Digital network</h1>');
    // the description has no English text: the German one is shown, marked as German
    expect(en).toContain('<div class="prose" lang="de">');
    expect(await auditActions(t, 'project.create')).toHaveLength(2);
  });

  it('refuses unknown links, wrong dates and taken addresses with 422', async () => {
    const base: Array<[string, string]> = [
      ['title_de', 'Noch ein Projekt'],
      ['starts_on', '2024-01-01'],
    ];
    const unknown = await postList(
      t,
      '/verwaltung/projekte/neu',
      [...base, ['slug', 'neu-a'], ['events', '00000000-0000-4000-8000-000000000000']],
      office,
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('href="#f-events"');
    const notUuid = await postList(
      t,
      '/verwaltung/projekte/neu',
      [...base, ['slug', 'neu-b'], ['news', 'x']],
      office,
    );
    expect(notUuid.status).toBe(422);
    expect(await notUuid.text()).toContain('href="#f-news"');
    const dates = await postList(
      t,
      '/verwaltung/projekte/neu',
      [...base, ['slug', 'neu-c'], ['ends_on', '2023-01-01']],
      office,
    );
    expect(dates.status).toBe(422);
    expect(await dates.text()).toContain('Das Ende liegt vor dem Beginn.');
    const taken = await postList(t, '/verwaltung/projekte/neu', [...base, ['slug', 'flucht']], office);
    expect(taken.status).toBe(422);
    expect(await t.database.db.selectFrom('projects').select('id').execute()).toHaveLength(2);
    expect((await t.request('/projekte/gibt-es-nicht')).status).toBe(404);
  });
});

describe('knowledge hub', () => {
  it('links the four sections for everyone and the office pages only for the office', async () => {
    const anonymous = await (await t.request('/wissen')).text();
    for (const path of ['/publikationen', '/monitoring', '/projekte', '/glossar']) {
      expect(anonymous).toContain(`href="${path}"`);
    }
    expect(anonymous).not.toContain('/verwaltung/');
    const member = await (await t.request('/wissen', { session: await t.sessionFor('member') })).text();
    expect(member).not.toContain('href="/verwaltung/monitoring"');
    const forOffice = await (await t.request('/en/wissen', { session: office })).text();
    for (const path of ['publikationen', 'monitoring', 'projekte', 'glossar']) {
      expect(forOffice).toContain(`href="/en/verwaltung/${path}"`);
    }
  });
});

describe('glossary', () => {
  it('lists terms A–Z and links them in information pages and news', async () => {
    const db = t.database.db;
    await db
      .updateTable('pages')
      .set({
        body_md:
          '## Menschenhandel\n\nÜber [Menschenhandel](https://example.org) und Menschenhandel heute. Menschenhandel.',
      })
      .where('slug', '=', '/kontakt')
      .where('locale', '=', 'de')
      .execute();
    await db
      .insertInto('network_news')
      .values({
        slug: 'ueberlebende',
        locale: 'de',
        category: 'network',
        title: 'Überlebende',
        body_md: 'Die Überlebenden und Überlebende.',
        status: 'published',
        published_at: new Date(Date.now() - 60_000),
      })
      .execute();
    for (const [slug, de, en] of [
      ['menschenhandel', 'Menschenhandel', 'Human trafficking'],
      ['ueberlebende', 'Überlebende', 'Survivors'],
    ]) {
      const res = await t.post(
        '/verwaltung/glossar/neu',
        {
          slug: slug!,
          term_de: de!,
          term_en: en!,
          definition_de: `Erklärung zu ${de}`,
          definition_en: `About ${en}`,
        },
        office,
      );
      expect(res.status).toBe(303);
    }
    const glossary = await (await t.request('/glossar')).text();
    expect(glossary).toContain('<a href="#buchstabe-M">M</a>');
    expect(glossary).toContain('<a href="#buchstabe-U">U</a>');
    expect(glossary).toContain('<span class="letter-empty">Z</span>');
    expect(glossary).toContain('<dt id="ueberlebende">');
    const page = await (await t.request('/kontakt')).text();
    expect(page).toContain('<h2>Menschenhandel</h2>');
    expect(page).toContain('<a href="https://example.org" rel="noreferrer">Menschenhandel</a>');
    expect(page).toContain(
      'und <a class="glossary-link" href="/glossar#menschenhandel">Menschenhandel</a> heute',
    );
    expect(page.match(/class="glossary-link"/g)).toHaveLength(1);
    const news = await (await t.request('/aktuelles/ueberlebende')).text();
    expect(news).toContain(
      'Die Überlebenden und <a class="glossary-link" href="/glossar#ueberlebende">Überlebende</a>.',
    );
    expect(await auditActions(t, 'glossary.create')).toHaveLength(2);
  });

  it('validates terms with 422 and removes links when a term is deleted', async () => {
    const taken = await t.post(
      '/verwaltung/glossar/neu',
      {
        slug: 'menschenhandel',
        term_de: 'Doppelt',
        term_en: 'Twice',
        definition_de: 'x y',
        definition_en: 'x y',
      },
      office,
    );
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Dieser Kurzname ist schon vergeben.');
    const empty = await t.post(
      '/verwaltung/glossar/neu',
      { slug: 'Leer!', term_de: '', term_en: 'x' },
      office,
    );
    expect(empty.status).toBe(422);
    const term = await t.database.db
      .selectFrom('glossary_terms')
      .select('id')
      .where('slug', '=', 'menschenhandel')
      .executeTakeFirstOrThrow();
    expect((await t.post(`/verwaltung/glossar/${term.id}/loeschen`, {}, office)).status).toBe(303);
    expect(await (await t.request('/kontakt')).text()).not.toContain('glossary-link');
    expect(await auditActions(t, 'glossary.delete')).toHaveLength(1);
  });
});
