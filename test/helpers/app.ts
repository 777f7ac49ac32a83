import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.tsx';
import { bootstrap } from '../../src/bootstrap.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import type { Role, User } from '../../src/db/types.ts';
import { createUserDirectly } from '../../src/modules/admin/users.ts';
import { buildAssets } from '../../src/platform/assets.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { type MailTransport, outboxTransport, processMailQueue } from '../../src/platform/mail.ts';

export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  config: Config;
  mail: MailTransport;
  /** A request as a browser on this site would send it. */
  request(pathname: string, init?: RequestInit & { session?: TestSession }): Promise<Response>;
  /** Submits a form (urlencoded) with the session's CSRF token. */
  post(pathname: string, form: Record<string, string>, session?: TestSession): Promise<Response>;
  /** A logged-in session of a fresh account with this role (2FA counted as done). */
  sessionFor(
    role: Role,
    opts?: { organisationId?: string; mfaPassed?: boolean; email?: string },
  ): Promise<TestSession>;
  flushMail(): Promise<void>;
  close(): Promise<void>;
}

export interface TestSession {
  user: User;
  cookie: string;
  csrf: string;
}

let counter = 0;

export async function createTestApp(
  options: { env?: Record<string, string>; mail?: MailTransport } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-app-'));
  const config = loadConfig({ KOK_DEMO: '0', DATA_DIR: dataDir, KOK_PUBLIC_URL: ORIGIN, ...options.env });
  const database = await createTestDatabase();
  await bootstrap(database, config);
  const mail = options.mail ?? outboxTransport(path.join(dataDir, 'outbox'));
  const logger = createLogger('silent');
  const app = createApp({ config, database, logger, mail, kickMail: () => {}, assets: buildAssets() });
  const db = database.db;
  let defaultOrg: string | null = null;

  const request: TestApp['request'] = async (pathname, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.session) headers.set('cookie', init.session.cookie);
    return app.request(`${ORIGIN}${pathname}`, { ...init, headers });
  };

  return {
    app,
    database,
    config,
    mail,
    request,
    post(pathname, form, session) {
      const body = new URLSearchParams({ ...form, ...(session ? { _csrf: session.csrf } : {}) });
      return request(pathname, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: ORIGIN,
          'sec-fetch-site': 'same-origin',
        },
        session,
      });
    },
    async sessionFor(role, opts = {}) {
      let organisationId = opts.organisationId ?? null;
      if (!organisationId && (role === 'member' || role === 'member_admin')) {
        if (!defaultOrg) {
          const org = await db
            .insertInto('organisations')
            .values({ slug: 'test-org', name: 'Testorganisation' })
            .returning('id')
            .executeTakeFirstOrThrow();
          defaultOrg = org.id;
        }
        organisationId = defaultOrg;
      }
      counter++;
      const user = await createUserDirectly(db, {
        email: opts.email ?? `${role}-${counter}-${Date.now()}@test.invalid`,
        role,
        organisationId,
        password: null,
        name: `Test ${role}`,
        mfaExempt: true,
      });
      const token = await createSession(db, user, {
        mfaPassed: opts.mfaPassed ?? true,
        ip: '127.0.0.1',
        userAgent: 'vitest',
        policy: { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS },
      });
      const session = await db
        .selectFrom('sessions')
        .select('csrf_token')
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      return { user, cookie: `kok_session=${token}`, csrf: session.csrf_token };
    },
    async flushMail() {
      // sent by the same function the worker runs
      for (let i = 0; i < 5; i++) {
        const { sent, failed } = await processMailQueue(db, mail, config.MAIL_FROM);
        if (sent === 0 && failed === 0) break;
      }
    },
    async close() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The cookie a response sets, as `name=value` for the next request. */
export function cookieFrom(res: Response): string | null {
  // a response may clear a stale cookie and then set the new one: the last one counts
  const header = res.headers.getSetCookie().at(-1);
  if (!header) return null;
  const first = header.split(';')[0]!;
  return first.endsWith('=') ? null : first;
}

/** Reads the CSRF token a page embeds in its forms. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}
