import type { Db } from '../../db/types.ts';
import { fromLocalInput } from './ical.ts';

/** A few fictional events for the demo: upcoming ones of each kind, and one in the archive. */
export async function seedDemoEvents(db: Db, now = new Date()): Promise<number> {
  const day = (offset: number, time: string) => {
    const d = new Date(now.getTime() + offset * 86_400_000);
    return fromLocalInput(`${d.toISOString().slice(0, 10)}T${time}`)!;
  };
  const rows = [
    {
      kind: 'training' as const,
      title: 'Demo-Schulung: Menschenhandel erkennen und ansprechen',
      description: 'Indikatoren, Gesprächsführung und Weitervermittlung an Fachberatungsstellen.',
      audiences: ['Fachberatung', 'Behörden'],
      topics: ['Identifizierung'],
      languages: ['de'],
      format: 'in_person' as const,
      address: 'Kurfürstenstraße 33, 10785 Berlin',
      starts_at: day(21, '09:30'),
      ends_at: day(21, '16:30'),
      capacity: 25,
    },
    {
      kind: 'webinar' as const,
      title: 'Demo-Web-Seminar: Arbeitsausbeutung in der Saisonarbeit',
      description: 'Rechtliche Grundlagen und Erfahrungen aus der Beratung.',
      audiences: ['Fachberatung', 'Gewerkschaften'],
      topics: ['Arbeitsausbeutung'],
      languages: ['de', 'en'],
      format: 'online' as const,
      online_url: 'https://meet.example.org/demo-web-seminar',
      starts_at: day(35, '10:00'),
      ends_at: day(35, '11:30'),
      capacity: 100,
    },
    {
      kind: 'specialist' as const,
      title: 'Demo-Fachtag: Opferrechte im Strafverfahren',
      description: 'Vorträge und Diskussion, auch online zu verfolgen.',
      audiences: ['Justiz', 'Fachberatung'],
      topics: ['Opferrechte', 'Strafverfahren'],
      languages: ['de'],
      format: 'hybrid' as const,
      address: 'Musterhaus, Musterstraße 1, 50667 Köln',
      online_url: 'https://meet.example.org/demo-fachtag',
      starts_at: day(60, '10:00'),
      ends_at: day(60, '17:00'),
      capacity: 80,
    },
    {
      kind: 'general_assembly' as const,
      title: 'Demo-Mitgliederversammlung',
      description: 'Nur für Mitgliedsorganisationen.',
      audiences: ['Mitglieder'],
      topics: [],
      languages: ['de'],
      format: 'hybrid' as const,
      address: 'Kurfürstenstraße 33, 10785 Berlin',
      online_url: 'https://meet.example.org/demo-mv',
      starts_at: day(90, '10:00'),
      ends_at: day(90, '15:00'),
      capacity: 120,
    },
    {
      kind: 'practice_day' as const,
      title: 'Demo-Praxistag: Schutzunterkünfte',
      description: 'Austausch der Fachberatungsstellen.',
      audiences: ['Fachberatung'],
      topics: ['Unterbringung'],
      languages: ['de'],
      format: 'in_person' as const,
      address: 'Beispielweg 5, 04109 Leipzig',
      starts_at: day(-40, '09:00'),
      ends_at: day(-40, '15:00'),
      capacity: 30,
    },
  ];
  await db
    .insertInto('events')
    .values(rows.map((r) => ({ ...r, published: true, is_demo: true })))
    .execute();
  return rows.length;
}
