import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { connect, type Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import { formatReport, importRii } from '../../src/modules/caselaw/rii-import.ts';

const FIXTURES = path.resolve('test/fixtures/rii');
const SAMPLE = path.join(FIXTURES, 'JURE100055033.xml');
const sampleXml = fs.readFileSync(SAMPLE, 'utf8');

async function counts(database: Database) {
  const n = async (table: 'caselaw_decisions' | 'caselaw_decision_norms' | 'caselaw_courts') =>
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    decisions: Number(await n('caselaw_decisions')),
    norms: Number(await n('caselaw_decision_norms')),
    courts: Number(await n('caselaw_courts')),
  };
}

describe('RII import', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-rii-'));
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the real sample with metadata, norms and sanitised text', async () => {
    const report = await importRii(database.db, [SAMPLE]);
    expect(formatReport(report)).toBe('imported 1, updated 0, skipped 0, failed 0');
    const d = await database.db
      .selectFrom('caselaw_decisions as d')
      .innerJoin('caselaw_courts as c', 'c.id', 'd.court_id')
      .select([
        'd.id',
        'd.doknr',
        'd.ecli',
        'd.chamber',
        'd.file_numbers',
        'd.decision_type',
        'd.reasons',
        'd.tenor',
        'd.status',
        'd.lower_instances',
        'c.name',
        'c.type',
        'c.level',
      ])
      .select((eb) => eb.fn<string>('to_char', [eb.ref('d.decision_date'), eb.val('YYYY-MM-DD')]).as('date'))
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({
      doknr: 'JURE100055033',
      ecli: null,
      chamber: '9. Zivilsenat',
      file_numbers: ['IX ZB 72/08'],
      decision_type: 'Beschluss',
      status: 'published',
      name: 'BGH',
      type: 'BGH',
      level: 4,
      date: '2010-01-14',
    });
    expect(d.lower_instances[0]).toContain('LG Aachen');
    expect(d.reasons).toContain('<dl class="RspDL">');
    expect(d.reasons).toContain('<a name="rd_1">1</a>');
    expect(d.tenor).toContain('Der Antrag wird abgelehnt.');
    const norms = await database.db
      .selectFrom('caselaw_decision_norms')
      .select(['norm_key', 'book', 'section'])
      .where('decision_id', '=', d.id)
      .orderBy('position')
      .execute();
    expect(norms.map((n) => n.norm_key)).toEqual(['InsO §4', 'ZPO §13', 'ZPO §251']);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('action', '=', 'caselaw.import')
      .execute();
    expect(audit[0]?.meta).toEqual({ imported: 1, updated: 0, skipped: 0, failed: 0 });
  });

  it('updates on re-import and never duplicates', async () => {
    const before = await counts(database);
    const report = await importRii(database.db, [SAMPLE]);
    expect(formatReport(report)).toBe('imported 0, updated 1, skipped 0, failed 0');
    expect(await counts(database)).toEqual(before);
    const history = await database.db.selectFrom('caselaw_history').select('action').orderBy('at').execute();
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
  });

  it('reads a ZIP and a directory, and many paths at once', async () => {
    const zip = path.join(dir, 'JURE100055033.zip');
    fs.writeFileSync(zip, zipSync({ 'JURE100055033.xml': new TextEncoder().encode(sampleXml) }));
    expect(formatReport(await importRii(database.db, [zip]))).toBe(
      'imported 0, updated 1, skipped 0, failed 0',
    );
    const sub = path.join(dir, 'ordner', 'tief');
    fs.mkdirSync(sub, { recursive: true });
    const other = sampleXml
      .replaceAll('JURE100055033', 'JURE100055034')
      .replace('<gertyp>BGH</gertyp>', '<gertyp>OLG</gertyp>')
      .replace('<gerort/>', '<gerort>Hamm</gerort>')
      .replace('<ecli/>', '<ecli>ecli:de:olgham:2010:0114.ix.zb72.08.00</ecli>')
      .replace('IX ZB 72/08', 'I-9 W 1/10, I-9 W 2/10');
    fs.writeFileSync(path.join(sub, 'JURE100055034.xml'), other);
    fs.writeFileSync(path.join(dir, 'ordner', 'liesmich.txt'), 'kein XML');
    const report = await importRii(database.db, [path.join(dir, 'ordner'), SAMPLE]);
    expect(formatReport(report)).toBe('imported 1, updated 1, skipped 0, failed 0');
    const row = await database.db
      .selectFrom('caselaw_decisions')
      .select(['ecli', 'file_numbers'])
      .where('doknr', '=', 'JURE100055034')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      ecli: 'ECLI:DE:OLGHAM:2010:0114.IX.ZB72.08.00',
      file_numbers: ['I-9 W 1/10', 'I-9 W 2/10'],
    });
    const courts = await database.db
      .selectFrom('caselaw_courts')
      .select(['name', 'level'])
      .orderBy('name')
      .execute();
    expect(courts).toEqual([
      { name: 'BGH', level: 4 },
      { name: 'OLG Hamm', level: 3 },
    ]);
  });

  it('reports malformed documents by name and reason and writes nothing of them', async () => {
    const before = await counts(database);
    const bad = path.join(dir, 'schlecht.xml');
    fs.writeFileSync(bad, sampleXml.replace('<entsch-datum>20100114', '<entsch-datum>20101399'));
    const noEcli = path.join(dir, 'ecli.xml');
    fs.writeFileSync(
      noEcli,
      sampleXml.replaceAll('JURE100055033', 'JURE100055099').replace('<ecli/>', '<ecli>kein-ecli</ecli>'),
    );
    const report = await importRii(database.db, [path.join(FIXTURES, 'malformed.xml'), bad, noEcli]);
    expect(formatReport(report)).toBe('imported 0, updated 0, skipped 0, failed 3');
    expect(report.failures.map((f) => f.name)).toEqual(['malformed.xml', 'schlecht.xml', 'ecli.xml']);
    expect(report.failures[0]!.reason).toMatch(/^XML: /);
    expect(report.failures[1]!.reason).toContain('entsch-datum');
    expect(report.failures[2]!.reason).toContain('ecli');
    expect(await counts(database)).toEqual(before);
  });

  it('skips and counts documents that are not public', async () => {
    const before = await counts(database);
    const report = await importRii(database.db, [path.join(FIXTURES, 'not-public.xml')]);
    expect(formatReport(report)).toBe('imported 0, updated 0, skipped 1, failed 0');
    expect(await counts(database)).toEqual(before);
  });

  describe('kok caselaw import', () => {
    const saved = { ...process.env };
    beforeAll(() => {
      process.env.DATA_DIR = path.join(dir, 'cli-data');
      delete process.env.DATABASE_URL;
      process.env.KOK_LANG = 'de';
    });
    afterAll(() => {
      process.env = saved;
    });

    async function kok(...args: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
      const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
      try {
        const code = await runCli(args);
        return { code, out: out.join('\n'), err: err.join('\n') };
      } finally {
        log.mockRestore();
        error.mockRestore();
      }
    }

    it('prints exactly one summary line, and failures on stderr', async () => {
      const first = await kok('caselaw', 'import', SAMPLE, path.join(FIXTURES, 'not-public.xml'));
      expect(first).toEqual({ code: 0, out: 'imported 1, updated 0, skipped 1, failed 0', err: '' });
      const second = await kok('caselaw', 'import', FIXTURES);
      expect(second.out).toBe('imported 0, updated 1, skipped 1, failed 1');
      expect(second.err).toMatch(/^malformed\.xml: XML: /);
      expect(second.code).toBe(1);
      expect((await kok('caselaw', 'import')).code).toBe(1);
      const cli = await connect({ dataDir: process.env.DATA_DIR });
      try {
        const n = await cli.db.selectFrom('caselaw_decisions').select('id').execute();
        expect(n).toHaveLength(1);
      } finally {
        await cli.close();
      }
    });
  });
});
