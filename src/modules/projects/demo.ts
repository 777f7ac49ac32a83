import type { Db } from '../../db/types.ts';

/** Three demo projects of the office, linked to demo publications, events and news. */
export async function seedDemoProjects(
  db: Db,
  publications: Array<{ id: string; title: string }>,
): Promise<number> {
  const year = new Date().getUTCFullYear();
  const pub = (part: string) => publications.filter((p) => p.title.includes(part)).map((p) => p.id);
  const events = await db
    .selectFrom('events')
    .select('id')
    .where('published', '=', true)
    .orderBy('starts_at')
    .limit(2)
    .execute();
  const news = await db.selectFrom('network_news').select('id').where('status', '=', 'published').execute();
  const projects = [
    {
      slug: 'demo-flucht-und-menschenhandel',
      title_de: 'Demo: Flucht und Menschenhandel',
      title_en: 'Demo: Flight and trafficking',
      summary_de: 'Schutzlücken für geflüchtete Menschen erkennen und schließen.',
      summary_en: 'Recognising and closing protection gaps for refugees.',
      description_de:
        'Das Projekt untersucht, wie geflüchtete Menschen in Deutschland in Ausbeutung geraten, und entwickelt mit Fachberatungsstellen Material für die Praxis.\n\n- Fachgespräche mit Beratungsstellen\n- Schulungen für Unterkünfte\n- ein Bericht mit Empfehlungen',
      description_en:
        'The project examines how refugees in Germany end up in exploitation and develops practical material with the counselling centres.',
      starts_on: `${year - 3}-01-01`,
      ends_on: `${year - 1}-12-31`,
      funders: 'Demo-Stiftung',
      team: 'Demo-Referentin A\nDemo-Referent B',
      links: { publication: pub('Flucht'), event: [], news: [] as string[] },
    },
    {
      slug: 'demo-digitales-netzwerk',
      title_de: 'Demo: Digitales Netzwerk',
      title_en: 'Demo: Digital network',
      summary_de: 'Die Arbeitsplattform für das Netzwerk gegen Menschenhandel.',
      summary_en: 'The working platform of the network against trafficking.',
      description_de:
        'Das Projekt baut diese Plattform: die **Fachberatungsstellensuche**, die Datenerhebung und den Austausch im Netzwerk.',
      description_en:
        'The project builds this platform: the **centre finder**, data collection and exchange in the network.',
      starts_on: `${year - 1}-04-01`,
      ends_on: null,
      funders: 'Demo-Bundesministerium',
      team: 'Demo-Projektleitung\nDemo-Entwicklung',
      links: {
        publication: pub('Jahresrückblick'),
        event: events.map((e) => e.id),
        news: news.map((n) => n.id),
      },
    },
    {
      slug: 'demo-arbeitsausbeutung',
      title_de: 'Demo: Arbeitsausbeutung sichtbar machen',
      title_en: '',
      summary_de: 'Beratung und Daten zu Menschenhandel zur Arbeitsausbeutung.',
      summary_en: '',
      description_de:
        'Beispielprojekt zu **Arbeitsausbeutung** in Fleischindustrie, Landwirtschaft und Pflege.',
      description_en: '',
      starts_on: `${year}-01-01`,
      ends_on: `${year + 2}-12-31`,
      funders: 'Demo-Förderprogramm',
      team: 'Demo-Referentin C',
      links: { publication: pub('Arbeitsausbeutung'), event: [], news: [] as string[] },
    },
  ];
  for (const { links, ...p } of projects) {
    const row = await db
      .insertInto('projects')
      .values({ ...p, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = (['publication', 'event', 'news'] as const).flatMap((kind) =>
      links[kind].map((target_id) => ({ project_id: row.id, kind, target_id })),
    );
    if (rows.length) await db.insertInto('project_links').values(rows).execute();
  }
  return projects.length;
}
