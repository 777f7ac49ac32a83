import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { type DemoAccount, seedDemo } from './demo/seed.ts';
import { createUserDirectly } from './modules/admin/users.ts';
import { ensureBasePages } from './modules/pages/service.ts';
import { ensureOfficeTeam } from './modules/team/service.ts';
import { audit } from './platform/audit.ts';

export interface BootstrapResult {
  migrations: string[];
  demoAccounts: DemoAccount[] | null;
  adminCreated: string | null;
}

/**
 * Everything that must be true before the first request: schema up to date, the information pages present,
 * the first administrator (KOK_ADMIN_EMAIL/PASSWORD) and, on an empty database, the demo content.
 */
export async function bootstrap(database: Database, config: Config): Promise<BootstrapResult> {
  const db = database.db;
  const migrations = await migrate(db);
  await ensureBasePages(db);
  await ensureOfficeTeam(db);
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  let demoAccounts: DemoAccount[] | null = null;
  if (!anyUser && config.KOK_DEMO) demoAccounts = await seedDemo(db);
  let adminCreated: string | null = null;
  if (config.KOK_ADMIN_EMAIL && config.KOK_ADMIN_PASSWORD) {
    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('is_demo', '=', false)
      .limit(1)
      .executeTakeFirst();
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', config.KOK_ADMIN_EMAIL.toLowerCase())
      .executeTakeFirst();
    if (!admin && !taken) {
      const user = await createUserDirectly(db, {
        email: config.KOK_ADMIN_EMAIL,
        role: 'admin',
        organisationId: null,
        password: config.KOK_ADMIN_PASSWORD,
        name: 'Administration',
        // in a demo installation the first admin may look around without 2FA, like the demo accounts
        mfaExempt: config.KOK_DEMO,
      });
      await audit(db, {
        actorLabel: 'system',
        action: 'user.create_initial_admin',
        targetType: 'user',
        targetId: user.id,
      });
      adminCreated = user.email;
    }
  }
  return { migrations, demoAccounts, adminCreated };
}
