import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/types.ts';
import { addVersion, createDocument } from '../../src/modules/memberarea/documents.ts';
import { addGroupMember, createGroup } from '../../src/modules/memberarea/groups.ts';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { checkBytes, uploadPolicies } from '../../src/platform/files/uploads.ts';
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
const referralOffice: Who[] = ['office', 'admin'];
const memberArea: Who[] = ['member', 'member_admin', 'board', 'office'];

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
  'GET /rechtsprechung/feed.xml': everyone,
  'GET /rechtsprechung/benachrichtigungen': accounts,
  'POST /rechtsprechung/benachrichtigungen': accounts,
  'POST /rechtsprechung/benachrichtigungen/:id/loeschen': accounts,
  'GET /rechtsprechung/benachrichtigungen/abbestellen/:token': everyone,
  'POST /rechtsprechung/benachrichtigungen/abbestellen/:token': everyone,
  'GET /api/openapi.json': everyone,
  'GET /rechtsprechung/ecli/:ecli': everyone,
  'GET /rechtsprechung/:id': everyone,
  'GET /rechtsprechung/:id/original': everyone,
  'GET /rechtsprechung-einreichen': centreStaff,
  'POST /rechtsprechung-einreichen': centreStaff,
  'GET /verwaltung/rechtsprechung': office,
  'GET /verwaltung/rechtsprechung/hochladen': office,
  'POST /verwaltung/rechtsprechung/hochladen': office,
  'POST /verwaltung/rechtsprechung/neu': office,
  'GET /verwaltung/rechtsprechung/:id': office,
  'POST /verwaltung/rechtsprechung/:id': office,
  'POST /verwaltung/rechtsprechung/:id/status': office,
  'POST /verwaltung/rechtsprechung/:id/anonymisierung': office,
  'GET /verwaltung/rechtsprechung/:id/verlauf': office,
  'GET /verwaltung/rechtsprechung/:id/original': office,
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
  'GET /datenerhebung/import': centreStaff,
  'POST /datenerhebung/import': centreStaff,
  'GET /datenerhebung/vorlage.csv': centreStaff,
  'GET /datenerhebung/vorlage.xlsx': centreStaff,
  'GET /verwaltung/datenerhebung/:file{[0-9]{4}\\.(?:pdf|xlsx|csv)}': office,
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
  'GET /datenbericht/:file{[0-9]{4}\\.(?:pdf|xlsx|csv)}': everyone,
  'GET /api/v1/data/reports/:year': everyone,
  'GET /aktuelles': everyone,
  'GET /newsletter': everyone,
  'POST /newsletter': everyone,
  'GET /newsletter/bestaetigen/:token': everyone,
  'GET /newsletter/abmelden/:token': everyone,
  'POST /newsletter/abmelden/:token': everyone,
  'GET /kontakt/nachricht': everyone,
  'POST /kontakt/nachricht': everyone,
  'GET /spenden': everyone,
  'GET /verwaltung/newsletter': office,
  'GET /verwaltung/team': office,
  'GET /verwaltung/beitraege': office,
  'POST /verwaltung/beitraege': office,
  'GET /verwaltung/beitraege/:id/rechnung.pdf': office,
  'POST /verwaltung/beitraege/:id/bezahlt': office,
  'POST /verwaltung/beitraege/:id/erinnern': office,
  'POST /verwaltung/team': office,
  'GET /verwaltung/team/:id': office,
  'POST /verwaltung/team/:id': office,
  'POST /verwaltung/team/:id/entfernen': office,
  'POST /verwaltung/newsletter/:id/senden': office,
  'GET /verwaltung/nachrichten': office,
  'POST /verwaltung/nachrichten/:id/erledigt': office,
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
  'GET /verwaltung/veranstaltungen/:id/teilnehmende.xlsx': office,
  'POST /verwaltung/veranstaltungen/:id/teilnehmende/anwesenheit': office,
  'GET /verwaltung/veranstaltungen/:id/bescheinigungen.pdf': office,
  'GET /verwaltung/veranstaltungen/:id/bescheinigungen/:item': office,
  'GET /verwaltung/veranstaltungen/:id/feedback': office,
  'POST /verwaltung/veranstaltungen/:id/feedback/senden': office,
  'GET /verwaltung/veranstaltungen/:id/unterlagen': office,
  'POST /verwaltung/veranstaltungen/:id/unterlagen': office,
  'GET /verwaltung/veranstaltungen/:id/unterlagen/:item': office,
  'POST /verwaltung/veranstaltungen/:id/unterlagen/:item/loeschen': office,
  'GET /veranstaltungen.ics': everyone,
  'GET /veranstaltungen': everyone,
  'GET /veranstaltungen/archiv': everyone,
  'GET /veranstaltungen/bestaetigen/:token': everyone,
  'POST /veranstaltungen/bestaetigen/:token': everyone,
  'GET /veranstaltungen/abmelden/:token': everyone,
  'POST /veranstaltungen/abmelden/:token': everyone,
  'GET /veranstaltungen/feedback/:token': everyone,
  'POST /veranstaltungen/feedback/:token': everyone,
  'GET /veranstaltungen/teilnahme/:token': everyone,
  'GET /veranstaltungen/teilnahme/:token/unterlagen/:item': everyone,
  'GET /veranstaltungen/:id/unterlagen/:item': everyone,
  'GET /veranstaltungen/:id/kalender.ics': everyone,
  'GET /veranstaltungen/:id': everyone,
  'POST /veranstaltungen/:id/anmelden': everyone,
  'GET /verwaltung/schulungsanfragen': referralOffice,
  'GET /verwaltung/schulungsanfragen/:id': referralOffice,
  'POST /verwaltung/schulungsanfragen/:id/status': referralOffice,
  'POST /verwaltung/schulungsanfragen/:id/notiz': referralOffice,
  'GET /verwaltung/referentinnen': referralOffice,
  'GET /verwaltung/referentinnen/neu': referralOffice,
  'POST /verwaltung/referentinnen/neu': referralOffice,
  'GET /verwaltung/referentinnen/:id': referralOffice,
  'POST /verwaltung/referentinnen/:id': referralOffice,
  'POST /verwaltung/referentinnen/:id/link': referralOffice,
  'GET /verwaltung/vermittlung': referralOffice,
  'GET /verwaltung/vermittlung/statistik': referralOffice,
  'GET /verwaltung/vermittlung/statistik.csv': referralOffice,
  'GET /verwaltung/vermittlung/:id': referralOffice,
  'POST /verwaltung/vermittlung/:id/vorschlagen': referralOffice,
  'POST /verwaltung/vermittlung/:id/status': referralOffice,
  'POST /verwaltung/vermittlung/:id/notiz': referralOffice,
  'GET /schulungen/anfragen': everyone,
  'POST /schulungen/anfragen': everyone,
  'GET /referentinnen': everyone,
  'POST /referentinnen': everyone,
  'GET /referentinnen/profil/:token': everyone,
  'POST /referentinnen/profil/:token': everyone,
  'GET /referentinnen/mein-profil': accounts,
  'POST /referentinnen/mein-profil': accounts,
  'GET /referentinnen/antwort/:id/:token': everyone,
  'POST /referentinnen/antwort/:id/:token': everyone,
  'GET /mitgliederbereich': memberArea,
  'GET /mitgliederbereich/rundschreiben': memberArea,
  'GET /mitgliederbereich/rundschreiben/neu': office,
  'POST /mitgliederbereich/rundschreiben/neu': office,
  'GET /mitgliederbereich/rundschreiben/:id': memberArea,
  'POST /mitgliederbereich/rundschreiben/:id/kommentare': memberArea,
  'GET /mitgliederbereich/benachrichtigungen': memberArea,
  'POST /mitgliederbereich/benachrichtigungen': memberArea,
  'GET /mitgliederbereich/dokumente': memberArea,
  'POST /mitgliederbereich/ordner': office,
  'GET /mitgliederbereich/dokumente/neu': office,
  'POST /mitgliederbereich/dokumente/neu': office,
  'GET /mitgliederbereich/dokumente/:id': memberArea,
  'POST /mitgliederbereich/dokumente/:id/fassungen': office,
  'GET /mitgliederbereich/arbeitsgruppen': memberArea,
  'POST /mitgliederbereich/arbeitsgruppen': office,
  'GET /mitgliederbereich/arbeitsgruppen/:id': memberArea,
  'POST /mitgliederbereich/arbeitsgruppen/:id/mitglieder': office,
  'POST /mitgliederbereich/arbeitsgruppen/:id/mitglieder/:userId/entfernen': office,
  'GET /mitgliederbereich/kontakte': memberArea,
  'GET /mitgliederbereich/versammlungen': memberArea,
  'GET /mitgliederbereich/versammlungen/neu': office,
  'POST /mitgliederbereich/versammlungen/neu': office,
  'GET /mitgliederbereich/versammlungen/:id': memberArea,
  'POST /mitgliederbereich/versammlungen/:id': office,
  'POST /mitgliederbereich/versammlungen/:id/anwesenheit': office,
  'POST /mitgliederbereich/versammlungen/:id/beschluesse': office,
  // downloads are checked per document (access level, working group): see the document matrix below
  'GET /dokumente': everyone,
  'GET /dokumente/:id/datei': everyone,
  'GET /dokumente/:id/versionen/:rev': everyone,
  'GET /wissen': everyone,
  'GET /monitoring': everyone,
  'GET /monitoring.csv': everyone,
  'GET /monitoring/empfehlungen/:id': everyone,
  'GET /monitoring/berichte/:id': everyone,
  'GET /publikationen': everyone,
  'GET /publikationen/:id/pdf': everyone,
  'GET /projekte': everyone,
  'GET /projekte/:slug': everyone,
  'GET /glossar': everyone,
  'GET /verwaltung/monitoring': office,
  'POST /verwaltung/monitoring/instrumente': office,
  'POST /verwaltung/monitoring/runden': office,
  'GET /verwaltung/monitoring/instrumente/:id': office,
  'POST /verwaltung/monitoring/instrumente/:id': office,
  'GET /verwaltung/monitoring/runden/:id': office,
  'POST /verwaltung/monitoring/runden/:id': office,
  'POST /verwaltung/monitoring/berichte': office,
  'POST /verwaltung/monitoring/berichte/:id/loeschen': office,
  'GET /verwaltung/monitoring/empfehlungen/neu': office,
  'POST /verwaltung/monitoring/empfehlungen/neu': office,
  'GET /verwaltung/monitoring/empfehlungen/:id': office,
  'POST /verwaltung/monitoring/empfehlungen/:id': office,
  'POST /verwaltung/monitoring/empfehlungen/:id/bewertungen': office,
  'GET /verwaltung/publikationen': office,
  'GET /verwaltung/publikationen/neu': office,
  'POST /verwaltung/publikationen/neu': office,
  'GET /verwaltung/publikationen/:id': office,
  'POST /verwaltung/publikationen/:id': office,
  'GET /verwaltung/projekte': office,
  'GET /verwaltung/projekte/neu': office,
  'POST /verwaltung/projekte/neu': office,
  'GET /verwaltung/projekte/:id': office,
  'POST /verwaltung/projekte/:id': office,
  'GET /verwaltung/glossar': office,
  'GET /verwaltung/glossar/neu': office,
  'POST /verwaltung/glossar/neu': office,
  'GET /verwaltung/glossar/:id': office,
  'POST /verwaltung/glossar/:id': office,
  'POST /verwaltung/glossar/:id/loeschen': office,
  'GET /*': everyone,
};

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

function concretePath(path: string): string {
  return path
    .replace(/:id\b/g, DUMMY_ID)
    .replace(/:rev\b/g, DUMMY_ID)
    .replace(/:userId\b/g, DUMMY_ID)
    .replace(/:item\b/g, DUMMY_ID)
    .replace(/:token\b/g, 'kein-gueltiger-link')
    .replace(/:slug\b/g, 'kein-eintrag')
    .replace(/:file\{.*\}$/, '2031.pdf') // report files: `2031.pdf` (a year without a report)
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

  // thousands of requests, each with a fresh account: more than the default timeout on a busy machine
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
  }, 480_000);

  it('opens each document only for the roles its access level and working group allow, on every document route', async () => {
    type Viewer = Who | 'group_member';
    const viewers: Viewer[] = [...everyone, 'group_member'];
    const sessions = new Map<Viewer, TestSession | undefined>([['anonymous', undefined]]);
    for (const who of viewers) {
      if (who === 'anonymous') continue;
      sessions.set(who, await t.sessionFor(who === 'group_member' ? 'member' : who));
    }
    const officeUser = sessions.get('office')!.user;
    const actor = { user: officeUser, ip: null };
    const pdf = await renderPdf({ title: 'Matrix' }, (doc) => doc.text('Zugangsstufen'));
    const checked = await checkBytes(pdf, 'matrix.pdf', uploadPolicies.document);
    if (!checked.ok) throw new Error(checked.error);
    const groupId = (await createGroup(t.database.db, { name: 'Matrix-AG', description: '' }, actor))!;
    await addGroupMember(t.database.db, groupId, sessions.get('group_member')!.user.email, actor);
    const base = { description: '', folder_id: null, group_id: null, assembly_id: null, assembly_role: null };
    const docs = {
      public: await createDocument(
        t.database.db,
        { ...base, title: 'P', access: 'public' },
        checked.file,
        actor,
      ),
      members: await createDocument(
        t.database.db,
        { ...base, title: 'M', access: 'members' },
        checked.file,
        actor,
      ),
      board: await createDocument(
        t.database.db,
        { ...base, title: 'B', access: 'board' },
        checked.file,
        actor,
      ),
      office: await createDocument(
        t.database.db,
        { ...base, title: 'O', access: 'office' },
        checked.file,
        actor,
      ),
      group: await createDocument(
        t.database.db,
        { ...base, title: 'G', access: 'members', group_id: groupId },
        checked.file,
        actor,
      ),
    };
    for (const id of Object.values(docs)) await addVersion(t.database.db, id, 'zweite', checked.file, actor);
    // written out by hand: who may download each document (the detail page additionally needs the member area)
    const mayDownload: Record<keyof typeof docs, Viewer[]> = {
      public: viewers,
      members: ['member', 'member_admin', 'board', 'office', 'group_member'],
      board: ['board', 'office'],
      office: ['office'],
      group: ['office', 'group_member'],
    };
    const failures: string[] = [];
    for (const [level, id] of Object.entries(docs) as Array<[keyof typeof docs, string]>) {
      const first = await t.database.db
        .selectFrom('memberarea_document_versions')
        .select('id')
        .where('document_id', '=', id)
        .where('version', '=', 1)
        .executeTakeFirstOrThrow();
      for (const prefix of ['', '/en']) {
        const routes = [
          { path: `${prefix}/dokumente/${id}/datei`, download: true, area: false },
          { path: `${prefix}/dokumente/${id}/versionen/${first.id}`, download: true, area: false },
          { path: `${prefix}/mitgliederbereich/dokumente/${id}`, download: false, area: true },
        ];
        for (const route of routes) {
          for (const who of viewers) {
            const res = await t.request(route.path, { session: sessions.get(who) });
            const allowed =
              mayDownload[level].includes(who) && (!route.area || (who !== 'anonymous' && who !== 'admin'));
            const denied =
              res.status === 403 ||
              (res.status === 303 && (res.headers.get('location') ?? '').includes('/anmelden?next='));
            if (allowed && res.status !== 200)
              failures.push(`${route.path} (${level}) as ${who}: ${res.status}`);
            if (!allowed && !denied)
              failures.push(`${route.path} (${level}) as ${who}: not denied (${res.status})`);
            if (allowed && route.download) {
              const disposition = res.headers.get('content-disposition') ?? '';
              if (!disposition.startsWith('attachment;')) failures.push(`${route.path}: ${disposition}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

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
