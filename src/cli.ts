import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';
import { connect, type Database } from './db/connect.ts';
import { DataDirBusyError } from './db/data-dir-lock.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from './demo/seed.ts';
import { createOrganisation, organisationSchema } from './modules/admin/organisations.ts';
import { createUserDirectly, inviteUser } from './modules/admin/users.ts';
import { formatReport, importRii } from './modules/caselaw/rii-import.ts';
import { loadCodebook } from './modules/datacollection/codebook.ts';
import { type ReportFormat, reportFormats } from './modules/datacollection/export/files.ts';
import { buildReportFile, logReportExport } from './modules/datacollection/export/respond.ts';
import { ImportFileError, parseImportFile } from './modules/datacollection/import/parse.ts';
import { importRecords } from './modules/datacollection/import/store.ts';
import { csvTemplate, templateFileName, xlsxTemplate } from './modules/datacollection/import/template.ts';
import { validateImport } from './modules/datacollection/import/validate.ts';
import { computeReport, getYear, logReportRead, publishedReport } from './modules/datacollection/repo.ts';
import { codebookForYear } from './modules/datacollection/versions.ts';
import { exportDirectory, ImportError, importDirectory } from './modules/directory/interchange.ts';
import { sendVerificationReminders } from './modules/directory/reminders.ts';
import { purgeEventPersonalData } from './modules/events/retention.ts';
import { ensureBasePages } from './modules/pages/service.ts';
import { audit, verifyAuditChain } from './platform/audit.ts';
import { createApiToken } from './platform/auth/api-tokens.ts';
import { BackupError, restoreBackup, writeBackup } from './platform/backup/backup.ts';
import { AppError } from './platform/errors.ts';
import { type MessageKey, translator } from './platform/i18n/index.ts';
import { roles } from './platform/permissions.ts';

/** CLI messages follow the shell's language: German unless LANG says otherwise. */
const t = translator((process.env.KOK_LANG ?? process.env.LANG ?? 'de').startsWith('en') ? 'en' : 'de');

class UsageError extends Error {}

function option(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw new UsageError(t('cli.missing_option', { option: name }));
  return value;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(
      t('cli.invalid_value', { option: name, message: parsed.error.issues[0]?.message ?? '' }),
    );
  return parsed.data;
}

async function open(migrateFirst = true): Promise<Database> {
  const config = loadConfig();
  const database = await connect({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
    poolSize: 2,
    holder: 'the kok command',
  });
  if (migrateFirst) await migrate(database.db);
  return database;
}

const cliActor = { user: null, label: 'cli', ip: null };

type Handler = (positionals: string[], values: Record<string, unknown>) => Promise<number>;

const commands: Record<string, Handler> = {
  async migrate() {
    const database = await open(false);
    try {
      const applied = await migrate(database.db);
      await ensureBasePages(database.db);
      console.log(t('cli.migrated', { count: applied.length }));
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'org create'(_, values) {
    const input = validate(
      organisationSchema,
      { slug: option(values, 'slug'), name: option(values, 'name') },
      'slug/name',
    );
    const database = await open();
    try {
      const org = await createOrganisation(database.db, input, cliActor);
      console.log(t('cli.org_created', { slug: org.slug, id: org.id }));
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'user create'(_, values) {
    const email = validate(z.string().trim().toLowerCase().email(), option(values, 'email'), 'email');
    const role = validate(
      z.enum(roles as [string, ...string[]]),
      option(values, 'role'),
      'role',
    ) as (typeof roles)[number];
    const password =
      typeof values.password === 'string'
        ? validate(z.string().min(12).max(256), values.password, 'password')
        : null;
    const database = await open();
    try {
      const db = database.db;
      let organisationId: string | null = null;
      if (typeof values.org === 'string') {
        const org = await db
          .selectFrom('organisations')
          .select('id')
          .where('slug', '=', values.org)
          .executeTakeFirst();
        if (!org) throw new UsageError(t('cli.org_not_found', { slug: values.org }));
        organisationId = org.id;
      } else if (role === 'member' || role === 'member_admin') {
        throw new UsageError(t('cli.missing_option', { option: 'org' }));
      }
      if (password) {
        const user = await db.transaction().execute(async (trx) => {
          const created = await createUserDirectly(trx, { email, role, organisationId, password });
          await audit(trx, {
            actorLabel: 'cli',
            action: 'user.create',
            targetType: 'user',
            targetId: created.id,
            meta: { role },
          });
          return created;
        });
        console.log(t('cli.user_created', { email: user.email, role: user.role }));
      } else {
        // without a password the person chooses one through the invitation link
        const config = loadConfig();
        const inviter = { id: null, role: 'admin', organisation_id: null } as unknown as Parameters<
          typeof inviteUser
        >[2]['user'];
        await inviteUser(
          db,
          { email, role, organisation_id: organisationId ?? '', locale: 'de' },
          { user: inviter, ip: null },
          config,
        );
        console.log(t('cli.user_invited', { email }));
      }
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'token create'(_, values) {
    const email = option(values, 'email').trim().toLowerCase();
    const name = validate(z.string().trim().min(2).max(80), option(values, 'name'), 'name');
    const database = await open();
    try {
      const db = database.db;
      const user = await db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('email', '=', email)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user) throw new UsageError(t('cli.user_not_found', { email }));
      const created = await db.transaction().execute(async (trx) => {
        const token = await createApiToken(trx, user.id, name);
        await audit(trx, {
          actorLabel: 'cli',
          action: 'account.token_created',
          targetType: 'api_token',
          targetId: token.id,
        });
        return token;
      });
      console.error(t('cli.token_created', { email }));
      console.log(created.token);
      return 0;
    } finally {
      await database.close();
    }
  },

  async backup(positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError(t('cli.missing_option', { option: 'FILE' }));
    const database = await open();
    try {
      // recorded first, so the backup itself contains the entry that says it was made
      await audit(database.db, { actorLabel: 'cli', action: 'backup.create' });
      const result = await writeBackup(database, path.resolve(file));
      console.log(t('cli.backup_done', { file, tables: result.tables, rows: result.rows }));
      return 0;
    } finally {
      await database.close();
    }
  },

  async restore(positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError(t('cli.missing_option', { option: 'FILE' }));
    const database = await open(false);
    try {
      const result = await restoreBackup(database, path.resolve(file));
      await audit(database.db, {
        actorLabel: 'cli',
        action: 'backup.restore',
        meta: { tables: result.tables, rows: result.rows },
      });
      console.log(t('cli.restore_done', { tables: result.tables, rows: result.rows }));
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'audit verify'() {
    const database = await open();
    try {
      const result = await verifyAuditChain(database.db);
      if (result.ok) {
        console.log(t('cli.audit_ok', { count: result.entries }));
        return 0;
      }
      console.error(
        t('cli.audit_broken', {
          seq: result.seq,
          reason: t(`cli.audit_reason_${result.reason}` as MessageKey),
        }),
      );
      return 1;
    } finally {
      await database.close();
    }
  },

  async 'seed demo'() {
    const database = await open();
    try {
      const anyUser = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (anyUser) throw new UsageError(t('cli.seed_not_empty'));
      await ensureBasePages(database.db);
      const accounts = await seedDemo(database.db);
      console.log(t('cli.seed_done', { count: accounts.length, password: DEMO_PASSWORD }));
      for (const a of accounts) console.log(`  ${a.role.padEnd(13)} ${a.email}`);
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'data codebook'(_positionals, values) {
    const year = validate(z.string().regex(/^\d{4}$/), option(values, 'year'), 'year');
    // the codebook of a reporting year is the latest version valid from that year
    const codebook = codebookForYear(Number(year));
    console.log(JSON.stringify(codebook, null, values.json ? 2 : 0));
    return 0;
  },

  async 'data report'(positionals, values) {
    const year = Number(validate(z.string().regex(/^\d{4}$/), positionals[0], 'YEAR'));
    const format = (typeof values.format === 'string' ? values.format : 'json') as ReportFormat;
    if (!reportFormats.includes(format))
      throw new UsageError(t('cli.invalid_value', { option: 'format', message: reportFormats.join('|') }));
    const out = typeof values.out === 'string' && values.out ? path.resolve(values.out) : null;
    if (!out && (format === 'pdf' || format === 'xlsx'))
      throw new UsageError(t('cli.missing_option', { option: 'out' }));
    const database = await open();
    try {
      const row = await getYear(database.db, year);
      if (!row) throw new UsageError(t('cli.error', { message: `no reporting year ${year}` }));
      const published = await publishedReport(database.db, year);
      const report = published ?? (await computeReport(database.db, row));
      const lang = values.lang === 'en' ? 'en' : 'de';
      const file = await buildReportFile(database.db, report, format, lang);
      const actor = { user: null, ip: null, label: 'cli' };
      if (format === 'json') await logReportRead(database.db, year, actor, 'cli');
      else await logReportExport(database.db, year, actor, { format, via: 'cli', preview: !published });
      if (out) fs.writeFileSync(out, file.content);
      else process.stdout.write(file.content);
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'data template'(_positionals, values) {
    const year = Number(validate(z.string().regex(/^\d{4}$/), option(values, 'year'), 'year'));
    const format = typeof values.format === 'string' ? values.format : 'csv';
    if (format !== 'csv' && format !== 'xlsx')
      throw new UsageError(t('cli.invalid_value', { option: 'format', message: 'csv|xlsx' }));
    const codebook = codebookForYear(year);
    const content = format === 'csv' ? csvTemplate(codebook) : await xlsxTemplate(codebook, year);
    const out = typeof values.out === 'string' && values.out ? values.out : templateFileName(year, format);
    fs.writeFileSync(path.resolve(out), content);
    console.log(out);
    return 0;
  },

  async 'data import'(positionals, values) {
    const file = positionals[0];
    if (!file) throw new UsageError(t('cli.missing_option', { option: 'FILE' }));
    const slug = option(values, 'org');
    const year = Number(validate(z.string().regex(/^\d{4}$/), option(values, 'year'), 'year'));
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path.resolve(file));
    } catch (error) {
      throw new UsageError(t('cli.error', { message: (error as Error).message }));
    }
    const database = await open();
    try {
      const db = database.db;
      const org = await db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!org) throw new UsageError(t('cli.org_not_found', { slug }));
      const row = await getYear(db, year);
      if (row?.status !== 'open') throw new UsageError(t('data.entry.year_closed'));
      let check: ReturnType<typeof validateImport>;
      try {
        check = validateImport(loadCodebook(row.codebook), year, await parseImportFile(bytes), {
          release: values.release === true,
        });
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        const message = t(error.problem, error.params);
        if (values.json) console.log(JSON.stringify({ ok: false, error: message }, null, 2));
        else console.error(message);
        return 1;
      }
      const problems = check.problems.map((p) => ({
        line: p.line,
        column: p.column,
        value: p.value,
        reason: t(p.message.key, p.message.params),
      }));
      const validOnly = values['valid-only'] === true;
      const blocked = !check.headerOk || check.valid.length === 0 || (problems.length > 0 && !validOnly);
      const result = blocked
        ? null
        : await importRecords(db, { organisationId: org.id, year, check, validOnly }, cliActor);
      if (values.json) {
        console.log(
          JSON.stringify(
            {
              ok: result !== null,
              rows: check.rows,
              valid: check.valid.length,
              invalid_rows: check.invalidRows,
              imported: result?.imported ?? 0,
              released: result?.released ?? 0,
              first: result?.first ?? null,
              last: result?.last ?? null,
              problems,
            },
            null,
            2,
          ),
        );
      } else {
        for (const p of problems) console.error(`${p.line}\t${p.column ?? '-'}\t${p.value}\t${p.reason}`);
        if (result)
          console.log(
            t('data.import.done', {
              count: result.imported,
              released: result.released,
              first: result.first ?? '',
              last: result.last ?? '',
            }),
          );
        else if (!check.headerOk) console.error(t('data.import.header_invalid'));
        else if (check.valid.length === 0) console.error(t('data.import.nothing_valid'));
        else console.error(t('data.import.has_errors', { rows: check.invalidRows }));
      }
      return result ? 0 : 1;
    } finally {
      await database.close();
    }
  },

  async 'directory remind'() {
    const database = await open();
    try {
      const count = await sendVerificationReminders(database.db, loadConfig());
      console.log(t('directory.cli_reminded', { count }));
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'events purge'() {
    const database = await open();
    try {
      const result = await purgeEventPersonalData(database.db, {
        retentionMonths: loadConfig().EVENT_RETENTION_MONTHS,
      });
      console.log(
        t('cli.events_purged', {
          events: result.events,
          registrations: result.registrations,
          unconfirmed: result.unconfirmed,
        }),
      );
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'directory export'(positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError(t('cli.missing_option', { option: 'FILE' }));
    const database = await open();
    try {
      const result = await exportDirectory(database.db, path.resolve(file));
      await audit(database.db, {
        actorLabel: 'cli',
        action: 'directory.export',
        meta: { count: result.centres, format: result.format },
      });
      console.log(`exported ${result.centres} centres`);
      return 0;
    } finally {
      await database.close();
    }
  },

  async 'caselaw import'(positionals) {
    if (positionals.length === 0) throw new UsageError(t('caselaw.cli_usage'));
    const database = await open();
    try {
      const report = await importRii(
        database.db,
        positionals.map((p) => path.resolve(p)),
      );
      console.log(formatReport(report));
      for (const f of report.failures) console.error(`${f.name}: ${f.reason}`);
      return report.failed > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  },

  async 'directory import'(positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError(t('cli.missing_option', { option: 'FILE' }));
    const database = await open();
    try {
      const result = await importDirectory(database.db, path.resolve(file));
      await audit(database.db, {
        actorLabel: 'cli',
        action: 'directory.import',
        meta: { count: result.imported + result.updated, imported: result.imported, updated: result.updated },
      });
      console.log(`imported ${result.imported}, updated ${result.updated}`);
      return 0;
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      for (const problem of err.problems) console.error(problem);
      console.error(err.message);
      return 1;
    } finally {
      await database.close();
    }
  },
};

/** Runs one `kok` command; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        org: { type: 'string' },
        password: { type: 'string' },
        year: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        release: { type: 'boolean' },
        'valid-only': { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error((err as Error).message);
    console.error(t('cli.usage'));
    return 2;
  }
  const [first, second, ...rest] = parsed.positionals;
  if (!first || parsed.values.help) {
    console.log(t('cli.usage'));
    return first ? 0 : 2;
  }
  const twoWord = second !== undefined ? commands[`${first} ${second}`] : undefined;
  const handler = twoWord ?? commands[first];
  const positionals = twoWord ? rest : parsed.positionals.slice(1);
  if (!handler) {
    console.error(t('cli.unknown_command', { command: parsed.positionals.join(' ') }));
    console.error(t('cli.usage'));
    return 2;
  }
  try {
    return await handler(positionals, parsed.values);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof BackupError)
      console.error(err.message);
    else if (err instanceof DataDirBusyError)
      console.error(t('cli.data_dir_busy', { dir: err.dataDir, holder: err.holder, pid: err.pid }));
    else if (err instanceof AppError) {
      const details = Object.entries(err.fields).map(([f, i]) => `${f}: ${t(i.key, i.params)}`);
      console.error(t('cli.error', { message: [t(err.messageKey, err.params), ...details].join(' ') }));
    } else console.error(t('cli.error', { message: (err as Error).message }));
    return 1;
  }
}
