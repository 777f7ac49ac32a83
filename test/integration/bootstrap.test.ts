import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import { demoAccounts } from '../../src/demo/seed.ts';
import { cookieFrom, createTestApp, type TestApp } from '../helpers/app.ts';

/** What `npm start` does to a database before the first request (KOK_DEMO, KOK_ADMIN_EMAIL/PASSWORD). */
describe('start-up', () => {
  const opened: Array<Database | TestApp> = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it('with KOK_DEMO=1 fills an empty database once: demo accounts that skip 2FA, organisations, centres', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    const config = loadConfig({ KOK_DEMO: '1' });
    const first = await bootstrap(database, config);
    expect(first.demoAccounts?.map((a) => a.email)).toEqual(demoAccounts.map((a) => a.email));
    const users = await database.db.selectFrom('users').select(['email', 'mfa_exempt', 'is_demo']).execute();
    expect(users.every((u) => u.mfa_exempt && u.is_demo)).toBe(true);
    const second = await bootstrap(database, config);
    expect(second.demoAccounts).toBeNull();
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(users.length);
    const pages = await database.db.selectFrom('pages').select('id').execute();
    expect(pages.length).toBe(20);
  });

  it('with KOK_DEMO=0 loads no demo content but the information pages', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    await bootstrap(database, loadConfig({ KOK_DEMO: '0' }));
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    expect(await database.db.selectFrom('organisations').select('id').execute()).toHaveLength(0);
    expect((await database.db.selectFrom('pages').select('id').execute()).length).toBe(20);
  });

  it('creates the first administrator from KOK_ADMIN_EMAIL/PASSWORD, who must set up 2FA at first login', async () => {
    const t = await createTestApp({
      env: { KOK_ADMIN_EMAIL: 'Admin@Example.org', KOK_ADMIN_PASSWORD: 'ein sehr langes passwort' },
    });
    opened.push(t);
    const admin = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'admin@example.org')
      .executeTakeFirstOrThrow();
    expect(admin.role).toBe('admin');
    expect(admin.mfa_exempt).toBe(false);
    const login = await t.post('/anmelden', {
      email: 'admin@example.org',
      password: 'ein sehr langes passwort',
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/konto/zwei-faktor');
    const cookie = cookieFrom(login)!;
    const audit = await t.request('/verwaltung/protokoll', { headers: { cookie } });
    expect(audit.status).toBe(303);
    expect(audit.headers.get('location')).toBe('/konto/zwei-faktor');
    // a second start does not create another one
    await bootstrap(t.database, t.config);
    expect(
      await t.database.db.selectFrom('users').select('id').where('role', '=', 'admin').execute(),
    ).toHaveLength(1);
  });

  it('refuses a half-given admin and other bad settings with a readable message', () => {
    expect(() => loadConfig({ KOK_ADMIN_EMAIL: 'a@b.de' })).toThrow(/set together/);
    expect(() => loadConfig({ PORT: 'achtzig' })).toThrow(/PORT/);
    expect(() => loadConfig({ KOK_ADMIN_EMAIL: 'a@b.de', KOK_ADMIN_PASSWORD: 'kurz' })).toThrow(
      /KOK_ADMIN_PASSWORD/,
    );
    expect(loadConfig({}).PORT).toBe(3000);
    expect(loadConfig({ KOK_PUBLIC_URL: 'https://kok.example/' }).secure).toBe(true);
  });
});
