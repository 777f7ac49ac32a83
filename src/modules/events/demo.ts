import type { Db } from '../../db/types.ts';
import { renderPdf } from '../../platform/files/pdf-document.ts';
import { saveFile } from '../../platform/files/store.ts';
import { checkBytes, uploadPolicies } from '../../platform/files/uploads.ts';
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
  const inserted = await db
    .insertInto('events')
    .values(rows.map((r) => ({ ...r, published: true, is_demo: true })))
    .returning(['id', 'title'])
    .execute();
  const past = inserted.find((e) => e.title.startsWith('Demo-Praxistag'));
  if (past) await seedPastEventFollowUp(db, past.id, day(-40, '15:00'));
  return rows.length;
}

/** The archived demo event after the fact: who attended, anonymous feedback, a public and a private handout. */
async function seedPastEventFollowUp(db: Db, eventId: string, endedAt: Date): Promise<void> {
  const people = [
    ['Demo Teilnehmerin Eins', true],
    ['Demo Teilnehmer Zwei', true],
    ['Demo Teilnehmende Drei', true],
    ['Demo Teilnehmerin Vier', false],
  ] as const;
  await db
    .insertInto('event_registrations')
    .values(
      people.map(([name, attended], i) => ({
        event_id: eventId,
        name,
        email: `teilnahme-${i + 1}@demo.kok.invalid`,
        organisation: 'Demo-Fachberatungsstelle',
        status: 'confirmed' as const,
        optin_at: new Date(endedAt.getTime() - 30 * 86_400_000),
        confirmed_at: new Date(endedAt.getTime() - 30 * 86_400_000),
        attended,
        // the follow-up counts as sent: the demo must not mail invented addresses
        followup_sent_at: endedAt,
      })),
    )
    .execute();
  await db
    .insertInto('event_feedback')
    .values([
      {
        event_id: eventId,
        ratings: JSON.stringify({ overall: 5, content: 4, speakers: 5, organisation: 4, usefulness: 5 }),
        comment: 'Sehr praxisnah, der Austausch zwischen den Stellen war das Beste.',
      },
      {
        event_id: eventId,
        ratings: JSON.stringify({ overall: 4, content: 4, organisation: 3 }),
        comment: 'Mehr Zeit für die Fallbesprechungen wäre gut.',
      },
    ])
    .execute();
  for (const [title, visibility, text] of [
    ['Demo-Handout: Ablauf und Ergebnisse', 'public', 'Ergebnisse des Demo-Praxistags (fiktiv).'],
    ['Demo-Folien (nur für Teilnehmende)', 'participants', 'Folien des Demo-Praxistags (fiktiv).'],
  ] as const) {
    const pdf = await renderPdf({ title }, (doc) =>
      doc.fontSize(18).text(title).moveDown().fontSize(12).text(text),
    );
    const checked = await checkBytes(pdf, `${title}.pdf`, uploadPolicies.pdf);
    if (!checked.ok) continue;
    const fileId = await saveFile(db, checked.file);
    await db
      .insertInto('event_materials')
      .values({ event_id: eventId, file_id: fileId, title, visibility })
      .execute();
  }
}
