import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { memberTypes } from './service.ts';

/** Demo content of the network: news in both languages, the demo organisations as members, a board. */
export async function seedDemoNetwork(db: Db): Promise<{ news: number; members: number; board: number }> {
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where('slug', 'like', 'demo-fbs-%')
    .orderBy('slug')
    .execute();
  const day = 86_400_000;
  const now = Date.now();
  const news = [
    {
      slug: 'demo-jahrestagung',
      locale: 'de' as const,
      category: 'event',
      title: 'Demo: Jahrestagung des Netzwerks',
      summary: 'Beispielbeitrag: Die Jahrestagung findet im Herbst statt.',
      body_md:
        'Dies ist ein **Beispielbeitrag** der Demo-Version.\n\n- Programm folgt\n- Anmeldung über die Geschäftsstelle',
      status: 'published' as const,
      published_at: new Date(now - 3 * day),
    },
    {
      slug: 'demo-annual-conference',
      locale: 'en' as const,
      category: 'event',
      title: 'Demo: the network’s annual conference',
      summary: 'Sample post: the annual conference takes place in autumn.',
      body_md: 'This is a **sample post** of the demo version.',
      status: 'published' as const,
      published_at: new Date(now - 3 * day),
    },
    {
      slug: 'demo-stellungnahme',
      locale: 'de' as const,
      category: 'policy',
      title: 'Demo: Stellungnahme (Entwurf)',
      summary: 'Ein Entwurf, öffentlich nicht sichtbar.',
      body_md: 'Entwurf.',
      status: 'draft' as const,
      published_at: null,
    },
  ];
  await db.insertInto('network_news').values(news).execute();
  const members = orgs.map((o, i) => ({
    organisation_id: o.id,
    type: memberTypes[i % memberTypes.length]!,
    membership: i % 7 === 6 ? ('extraordinary' as const) : ('ordinary' as const),
    country: 'DE',
    city: o.name.replace(/^Demo-Fachberatungsstelle /, ''),
    joined_on: `${2000 + (i % 25)}-01-15`,
    status: i === orgs.length - 1 ? ('applied' as const) : ('admitted' as const),
  }));
  if (members.length > 0) {
    const rows = await db
      .insertInto('network_members')
      .values(members)
      .returning(['id', 'status', sql<string | null>`joined_on::text`.as('joined_on')])
      .execute();
    await db
      .insertInto('network_member_status_history')
      .values(
        rows.map((r) => ({ member_id: r.id, status: r.status, changed_on: r.joined_on ?? '2020-01-01' })),
      )
      .execute();
  }
  const year = new Date().getUTCFullYear();
  const board = [
    { person_name: 'Demo-Vorständin A', role: 'Vorsitzende' },
    { person_name: 'Demo-Vorständin B', role: 'Stellvertretende Vorsitzende' },
    { person_name: 'Demo-Vorständin C', role: 'Schatzmeisterin' },
    { person_name: 'Demo-Vorständin D', role: 'Beisitzerin' },
  ].map((b) => ({
    ...b,
    term_start: `${year - 1}-05-01`,
    term_end: `${year + 2}-04-30`,
    elected_at: `Mitgliederversammlung ${year - 1}`,
  }));
  await db.insertInto('network_board_terms').values(board).execute();
  return { news: news.length, members: members.length, board: board.length };
}
