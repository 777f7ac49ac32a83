import type { Db, PublicationType } from '../../db/types.ts';
import { renderPdf } from '../../platform/files/pdf-document.ts';
import { saveFile } from '../../platform/files/store.ts';
import { checkBytes, uploadPolicies } from '../../platform/files/uploads.ts';
import { refreshSearch } from './repo.ts';

interface DemoPublication {
  title: string;
  year: number;
  type: PublicationType;
  locale: 'de' | 'en';
  summary: string;
  /** The text of the small generated PDF: what the full-text search finds. */
  body: string;
}

const PUBLICATIONS: DemoPublication[] = [
  {
    title: 'Demo: Menschenhandel zur Arbeitsausbeutung in der Fleischindustrie',
    year: 2025,
    type: 'report',
    locale: 'de',
    summary: 'Beispielbericht über Anwerbung, Unterkünfte und Löhne in Schlachthöfen.',
    body: 'Werkverträge, Sammelunterkünfte und einbehaltene Löhne: Fachberatungsstellen berichten von Schlachthöfen und Zerlegebetrieben.',
  },
  {
    title: 'Demo: Stellungnahme zum Entwurf eines Gesetzes zur Umsetzung der EU-Richtlinie 2024/1712',
    year: 2025,
    type: 'statement',
    locale: 'de',
    summary: 'Beispiel: Was das Netzwerk zur Umsetzung der geänderten Richtlinie fordert.',
    body: 'Die Zwangsheirat und die Ausbeutung der Leihmutterschaft werden als Formen der Ausbeutung aufgenommen. Der KOK fordert ein Aufenthaltsrecht unabhängig von der Aussagebereitschaft.',
  },
  {
    title: 'Demo: Factsheet Entschädigung für Betroffene',
    year: 2024,
    type: 'factsheet',
    locale: 'de',
    summary: 'Zwei Seiten zu Ansprüchen nach dem SGB XIV und im Strafverfahren.',
    body: 'Adhäsionsverfahren, Opferentschädigung nach dem Vierzehnten Buch Sozialgesetzbuch und Lohnansprüche vor dem Arbeitsgericht.',
  },
  {
    title: 'Demo factsheet: Identification of trafficked persons',
    year: 2024,
    type: 'factsheet',
    locale: 'en',
    summary: 'Indicators and referral to specialised counselling centres.',
    body: 'Indicators of trafficking: withheld documents, debt bondage, restricted movement. Refer to a specialised counselling centre.',
  },
  {
    title: 'Demo: KOK-Informationsdienst 2/2024',
    year: 2024,
    type: 'info_service',
    locale: 'de',
    summary: 'Rechtsprechung, Gesetzgebung und Praxis aus dem Netzwerk.',
    body: 'Neue Urteile zu § 232a StGB, Berichte aus der Praxis der Fachberatungsstellen und Termine.',
  },
  {
    title: 'Demo: Jahresrückblick 2024',
    year: 2024,
    type: 'annual_review',
    locale: 'de',
    summary: 'Was die Geschäftsstelle und das Netzwerk 2024 bewegt haben.',
    body: 'Fachtage, Schulungen und die Stellungnahme an GRETA zur dritten Evaluierungsrunde.',
  },
  {
    title: 'Demo: Flucht und Menschenhandel – Schutzlücken bei Geflüchteten aus der Ukraine',
    year: 2023,
    type: 'report',
    locale: 'de',
    summary: 'Beispielbericht aus dem Projekt zu Flucht und Menschenhandel.',
    body: 'Geflüchtete Frauen aus der Ukraine berichteten von unseriösen Wohnungsangeboten und Arbeitsvermittlung über soziale Netzwerke.',
  },
  {
    title: 'Demo: Stellungnahme zum Nationalen Aktionsplan gegen Menschenhandel',
    year: 2023,
    type: 'statement',
    locale: 'de',
    summary: 'Beispiel: Anforderungen an einen Aktionsplan mit Zuständigkeiten und Budget.',
    body: 'Ein Nationaler Aktionsplan braucht messbare Ziele, eine unabhängige Berichterstatterstelle und eine gesicherte Finanzierung der Fachberatungsstellen.',
  },
];

/** A small PDF whose text is the publication's title and body. */
export function demoPdf(title: string, body: string, language = 'de-DE'): Promise<Buffer> {
  return renderPdf({ title, language }, (doc) => {
    doc.fontSize(16).text(title);
    doc.moveDown();
    doc.fontSize(11).text(body);
    doc.moveDown();
    doc.fontSize(9).text('Demo-Dokument der KOK-Plattform – keine echte Publikation.');
  });
}

export async function seedDemoPublications(db: Db): Promise<Array<{ id: string; title: string }>> {
  const created: Array<{ id: string; title: string }> = [];
  for (const p of PUBLICATIONS) {
    const bytes = await demoPdf(p.title, p.body, p.locale === 'de' ? 'de-DE' : 'en-GB');
    const checked = await checkBytes(
      new Uint8Array(bytes),
      `${p.title.slice(0, 60)}.pdf`,
      uploadPolicies.pdf,
    );
    if (!checked.ok) throw new Error(`demo PDF refused: ${checked.error}`);
    const fileId = await saveFile(db, checked.file, { textContent: `${p.title}\n${p.body}` });
    const { body: _body, ...fields } = p;
    const row = await db
      .insertInto('publications')
      .values({ ...fields, file_id: fileId, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshSearch(db, row.id);
    created.push({ id: row.id, title: p.title });
  }
  return created;
}
