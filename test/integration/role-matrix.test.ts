import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/types.ts';
import { splitLocale } from '../../src/platform/i18n/index.ts';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

/**
 * Every registered route × every role. The expectations are written out by hand (not derived from the
 * permission table), so a route that is added without a line here fails, and a wrong guard fails too.
 */
type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', 'member', 'member_admin', 'board', 'office', 'admin'];
const accounts: Who[] = ['member', 'member_admin', 'board', 'office', 'admin'];
const office: Who[] = ['office'];
const admin: Who[] = ['admin'];
const inviters: Who[] = ['member_admin', 'admin'];
const orgManagers: Who[] = ['office', 'admin'];
const centreStaff: Who[] = ['member', 'member_admin'];

const expected: Record<string, Who[]> = {
  'GET /healthz': everyone,
  'GET /.well-known/security.txt': everyone,
  'GET /assets/*': everyone,
  'GET /favicon.svg': everyone,
  'GET /api/v1/me': accounts,
  'GET /api/v1/pages': everyone,
  'GET /anmelden': everyone,
  'POST /anmelden': everyone,
  'GET /anmelden/code': accounts,
  'POST /anmelden/code': accounts,
  'POST /abmelden': accounts,
  'GET /passwort-vergessen': everyone,
  'POST /passwort-vergessen': everyone,
  'GET /passwort-zuruecksetzen/:token': everyone,
  'POST /passwort-zuruecksetzen/:token': everyone,
  'GET /einladung/:token': everyone,
  'POST /einladung/:token': everyone,
  'GET /konto': accounts,
  'POST /konto/passwort': accounts,
  'GET /konto/zwei-faktor': accounts,
  'POST /konto/zwei-faktor': accounts,
  'POST /konto/zwei-faktor/wiederherstellungscodes': accounts,
  'GET /konto/sitzungen': accounts,
  'POST /konto/sitzungen/:id/beenden': accounts,
  'GET /konto/tokens': accounts,
  'POST /konto/tokens': accounts,
  'POST /konto/tokens/:id/widerrufen': accounts,
  'GET /verwaltung/seiten': office,
  'GET /verwaltung/seiten/:id': office,
  'POST /verwaltung/seiten/:id': office,
  'GET /verwaltung/seiten/:id/versionen/:rev': office,
  'POST /verwaltung/seiten/:id/versionen/:rev/wiederherstellen': office,
  'GET /verwaltung/konten': inviters,
  'POST /verwaltung/konten/einladen': inviters,
  'POST /verwaltung/konten/:id/deaktivieren': inviters,
  'POST /verwaltung/konten/:id/aktivieren': inviters,
  'POST /verwaltung/konten/:id/rolle': admin,
  'GET /verwaltung/organisationen': orgManagers,
  'POST /verwaltung/organisationen': orgManagers,
  'GET /verwaltung/protokoll': admin,
  'GET /verwaltung/postausgang': admin,
  'GET /verwaltung/postausgang/:id': admin,
  'GET /verwaltung/einstellungen': admin,
  'POST /verwaltung/einstellungen': admin,
  'GET /verwaltung/fachberatungsstellen': office,
  'GET /verwaltung/fachberatungsstellen/neu': office,
  'POST /verwaltung/fachberatungsstellen/neu': office,
  'GET /verwaltung/fachberatungsstellen/pruefung': office,
  'GET /verwaltung/fachberatungsstellen/pruefung/:id': office,
  'POST /verwaltung/fachberatungsstellen/pruefung/:id/freigeben': office,
  'POST /verwaltung/fachberatungsstellen/pruefung/:id/zurueckgeben': office,
  'GET /verwaltung/fachberatungsstellen/:id': office,
  'POST /verwaltung/fachberatungsstellen/:id': office,
  'GET /mein-eintrag': centreStaff,
  'POST /mein-eintrag': centreStaff,
  'POST /mein-eintrag/schutzplaetze': centreStaff,
  'POST /mein-eintrag/bestaetigen': centreStaff,
  'GET /fachberatungsstellen': everyone,
  'GET /fachberatungsstellen/leichte-sprache': everyone,
  'GET /fachberatungsstellen/:slug': everyone,
  'GET /fachberatungsstellen/:slug/vcard': everyone,
  'GET /api/v1/directory/search': everyone,
  'GET /api/v1/directory/places': everyone,
  'POST /api/v1/caselaw/norms/parse': everyone,
  'GET /api/v1/caselaw/search': everyone,
  'GET /api/v1/caselaw/decisions/:id': everyone,
  'GET /rechtsprechung': everyone,
  'GET /rechtsprechung/ecli/:ecli': everyone,
  'GET /rechtsprechung/:id': everyone,
  'GET /api/hsds': everyone,
  'GET /api/hsds/services': everyone,
  'GET /api/hsds/services/:id': everyone,
  'GET /api/hsds/organizations': everyone,
  'GET /api/hsds/organizations/:id': everyone,
  'GET /api/hsds/service_at_locations': everyone,
  'GET /api/hsds/service_at_locations/:id': everyone,
  'GET /api/hsds/taxonomies': everyone,
  'GET /api/hsds/taxonomies/:id': everyone,
  'GET /api/hsds/taxonomy_terms': everyone,
  'GET /api/hsds/taxonomy_terms/:id': everyone,
  'GET /datenerhebung': centreStaff,
  'GET /datenerhebung/neu': centreStaff,
  'POST /datenerhebung/neu': centreStaff,
  'GET /datenerhebung/:id': centreStaff,
  'POST /datenerhebung/:id': centreStaff,
  'POST /datenerhebung/:id/loeschen': centreStaff,
  'GET /verwaltung/datenerhebung': office,
  'POST /verwaltung/datenerhebung/jahre': office,
  'POST /verwaltung/datenerhebung/:year/schliessen': office,
  'POST /verwaltung/datenerhebung/:year/veroeffentlichen': office,
  'GET /verwaltung/datenerhebung/:year/bericht': office,
  'POST /verwaltung/datenerhebung/:year/erinnern': office,
  'POST /verwaltung/datenerhebung/:year/zurueckziehen': office,
  'GET /verwaltung/datenbericht': ['board', 'office', 'admin'],
  'GET /verwaltung/datenbericht/schwelle': ['office', 'admin'],
  'POST /verwaltung/datenbericht/schwelle': ['office', 'admin'],
  'GET /verwaltung/datenbericht/:year': ['board', 'office', 'admin'],
  'GET /verwaltung/datenbericht/:year/einrichtungen': admin,
  'GET /datenbericht': everyone,
  'GET /datenbericht/:year': everyone,
  'GET /api/v1/data/reports/:year': everyone,
  'GET /aktuelles': everyone,
  'GET /aktuelles/:slug': everyone,
  'GET /news/feed.xml': everyone,
  'GET /mitglieder': everyone,
  'GET /mitglieder/:slug': everyone,
  'GET /vorstand': everyone,
  'GET /verwaltung/aktuelles': office,
  'GET /verwaltung/aktuelles/neu': office,
  'POST /verwaltung/aktuelles/neu': office,
  'GET /verwaltung/aktuelles/:id': office,
  'POST /verwaltung/aktuelles/:id': office,
  'GET /verwaltung/mitglieder': office,
  'POST /verwaltung/mitglieder': office,
  'GET /verwaltung/mitglieder/:id': office,
  'POST /verwaltung/mitglieder/:id': office,
  'POST /verwaltung/mitglieder/:id/status': office,
  'GET /verwaltung/vorstand': office,
  'POST /verwaltung/vorstand': office,
  'POST /verwaltung/vorstand/:id/loeschen': office,
  'GET /verwaltung/veranstaltungen': office,
  'GET /verwaltung/veranstaltungen/neu': office,
  'POST /verwaltung/veranstaltungen/neu': office,
  'GET /verwaltung/veranstaltungen/:id': office,
  'POST /verwaltung/veranstaltungen/:id': office,
  'GET /verwaltung/veranstaltungen/:id/teilnehmende': office,
  'GET /verwaltung/veranstaltungen/:id/teilnehmende.csv': office,
  'GET /veranstaltungen.ics': everyone,
  'GET /veranstaltungen': everyone,
  'GET /veranstaltungen/archiv': everyone,
  'GET /veranstaltungen/bestaetigen/:token': everyone,
  'POST /veranstaltungen/bestaetigen/:token': everyone,
  'GET /veranstaltungen/abmelden/:token': everyone,
  'POST /veranstaltungen/abmelden/:token': everyone,
  'GET /veranstaltungen/:id/kalender.ics': everyone,
  'GET /veranstaltungen/:id': everyone,
  'POST /veranstaltungen/:id/anmelden': everyone,
  'GET /*': everyone,
};

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

function concretePath(path: string): string {
  return path
    .replace(/:id\b/g, DUMMY_ID)
    .replace(/:rev\b/g, DUMMY_ID)
    .replace(/:token\b/g, 'kein-gueltiger-link')
    .replace(/:slug\b/g, 'kein-eintrag')
    .replace(/:year\b/g, '2031')
    .replace(/\/\*$/, path === '/*' ? '/kontakt' : '/nichts.css');
}

function routeKeys(t: TestApp): Array<{ key: string; method: string; path: string }> {
  const seen = new Map<string, { key: string; method: string; path: string }>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL') continue; // middleware and the API's catch-all 404
    // every language prefix (/en, /ro, /ar, …) carries the same routes as German
    const { locale, path: unprefixed } = splitLocale(r.path);
    const english = locale !== 'de';
    const path = unprefixed.replace(/(.)\/$/, '$1');
    const key = `${r.method} ${path}`;
    seen.set(`${key} ${english ? locale : 'de'}`, { key, method: r.method, path: r.path });
  }
  return [...seen.values()];
}

describe('route × role matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route (and no stale ones)', () => {
    const keys = new Set(routeKeys(t).map((r) => r.key));
    expect([...keys].filter((k) => !(k in expected))).toEqual([]);
    expect(Object.keys(expected).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('allows and denies exactly as expected, for every role, in both languages', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routeKeys(t)) {
      for (const who of everyone) {
        const session: TestSession | undefined = who === 'anonymous' ? undefined : await t.sessionFor(who);
        const path = concretePath(route.path);
        const res =
          route.method === 'POST'
            ? await t.post(path, {}, session)
            : await t.request(path, { session, headers: { accept: 'text/html' } });
        const location = res.headers.get('location') ?? '';
        const denied =
          res.status === 401 ||
          res.status === 403 ||
          (res.status === 303 && location.includes('/anmelden?next='));
        const shouldAllow = expected[route.key]!.includes(who);
        if (res.status >= 500) failures.push(`${route.method} ${path} as ${who}: ${res.status}`);
        else if (shouldAllow === denied) {
          failures.push(
            `${route.method} ${path} as ${who}: expected ${shouldAllow ? 'allow' : 'deny'}, got ${res.status} ${location}`,
          );
        }
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });

  it('keeps an account with unfinished 2FA out of everything but the 2FA steps', async () => {
    const db = t.database.db;
    const session = await t.sessionFor('office', { mfaPassed: false });
    await db.updateTable('users').set({ mfa_exempt: false }).where('id', '=', session.user.id).execute();
    for (const path of ['/konto', '/verwaltung/seiten', '/konto/tokens']) {
      const res = await t.request(path, { session });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/konto/zwei-faktor');
    }
    expect((await t.request('/konto/zwei-faktor', { session })).status).toBe(200);
    const api = await t.request('/api/v1/me', { session });
    expect(api.status).toBe(403);
  });
});
