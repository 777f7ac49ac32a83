import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.tsx';
import { bootstrap } from './bootstrap.ts';
import type { Config } from './config.ts';
import { connect } from './db/connect.ts';
import { DEMO_PASSWORD } from './demo/seed.ts';
import { sendAlertDigests } from './modules/caselaw/alerts.ts';
import { sendDeadlineReminders } from './modules/datacollection/office.ts';
import { sendVerificationReminders } from './modules/directory/reminders.ts';
import { sendFollowUps, sendReminders } from './modules/events/followup.ts';
import { purgeEventPersonalData } from './modules/events/retention.ts';
import { sendCircularDigests } from './modules/memberarea/circulars.ts';
import { purgeOldContactMessages } from './modules/outreach/contact.ts';
import { purgePendingSubscribers } from './modules/outreach/newsletter.ts';
import { purgeRequestPersonalData } from './modules/referral/retention.ts';
import { buildAssets } from './platform/assets.ts';
import { purgeExpiredSessions } from './platform/auth/sessions.ts';
import { createLogger } from './platform/logger.ts';
import { type MailTransport, outboxTransport, purgeSentMail, smtpTransport } from './platform/mail.ts';
import { startMailWorker } from './platform/mail-worker.ts';
import { purgeOldLimits } from './platform/rate-limit.ts';

export interface RunningServer {
  url: string;
  port: number;
  app: ReturnType<typeof createApp>;
  database: Awaited<ReturnType<typeof connect>>;
  mail: MailTransport;
  kickMail: () => void;
  close(): Promise<void>;
}

/** The composition root: config → database → app → HTTP server. Used by `npm start`, the browser tests and bench/. */
export async function startServer(
  config: Config,
  opts: { quiet?: boolean; database?: RunningServer['database'] } = {},
): Promise<RunningServer> {
  const logger = createLogger(opts.quiet ? 'silent' : config.LOG_LEVEL);
  const database =
    opts.database ??
    (await connect({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      holder: 'the KOK server',
    }));
  const result = await bootstrap(database, config);
  const mail = config.SMTP_URL
    ? smtpTransport(config.SMTP_URL)
    : outboxTransport(path.join(config.DATA_DIR, 'outbox'));
  const worker = startMailWorker(database.db, mail, config.MAIL_FROM, logger);
  const housekeeping = setInterval(() => {
    const policy = { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };
    Promise.all([
      purgeExpiredSessions(database.db, policy),
      purgeOldLimits(database.db),
      purgeSentMail(database.db),
      sendVerificationReminders(database.db, config).then((n) => n > 0 && worker.kick()),
      sendAlertDigests(database.db, config).then((n) => n > 0 && worker.kick()),
      purgeEventPersonalData(database.db, { retentionMonths: config.EVENT_RETENTION_MONTHS }),
      purgePendingSubscribers(database.db),
      purgeOldContactMessages(database.db),
      purgeRequestPersonalData(database.db),
      sendCircularDigests(database.db, config.publicUrl).then((n) => n > 0 && worker.kick()),
      sendReminders(database.db, { hours: config.EVENT_REMINDER_HOURS, publicUrl: config.publicUrl })
        .then(async (n) => n + (await sendFollowUps(database.db, { publicUrl: config.publicUrl })))
        .then((n) => n > 0 && worker.kick()),
      sendDeadlineReminders(database.db, config).then((n) => n > 0 && worker.kick()),
    ]).catch(() => {});
  }, 10 * 60_000);
  housekeeping.unref();
  const app = createApp({ config, database, logger, mail, kickMail: worker.kick, assets: buildAssets() });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  if (!opts.quiet) {
    const engine = database.engine === 'pglite' ? `PGlite in ${path.resolve(config.DATA_DIR)}` : 'PostgreSQL';
    console.log(
      `KOK-Plattform läuft auf http://localhost:${port} (${engine}${result.migrations.length ? `, ${result.migrations.length} Migration(en) angewendet` : ''})`,
    );
    if (result.demoAccounts) {
      console.log(`\nDemo-Konten (Passwort für alle: ${DEMO_PASSWORD}):`);
      for (const a of result.demoAccounts) console.log(`  ${a.role.padEnd(13)} ${a.email}`);
      console.log('');
    }
    if (result.adminCreated) console.log(`Administrationskonto angelegt: ${result.adminCreated}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    database,
    mail,
    kickMail: worker.kick,
    async close() {
      clearInterval(housekeeping);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      mail.close();
      if (!opts.database) await database.close();
    },
  };
}
