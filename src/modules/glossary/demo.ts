import type { Db } from '../../db/types.ts';

type Entry = [slug: string, de: string, en: string, definitionDe: string, definitionEn: string];

/** Demo glossary: common terms of the field, short and plain. */
const TERMS: Entry[] = [
  [
    'menschenhandel',
    'Menschenhandel',
    'Human trafficking',
    'Anwerben, Befördern oder Beherbergen von Menschen mit dem Ziel, sie auszubeuten – strafbar nach §§ 232 ff. StGB.',
    'Recruiting, transporting or harbouring people in order to exploit them – an offence under sections 232 ff. of the German Criminal Code.',
  ],
  [
    'ausbeutung',
    'Ausbeutung',
    'Exploitation',
    'Das Ausnutzen eines Menschen zum eigenen Vorteil, etwa durch Zwangsarbeit, Zwangsprostitution oder Bettelei.',
    'Taking advantage of a person for one’s own gain, for example through forced labour, forced prostitution or begging.',
  ],
  [
    'arbeitsausbeutung',
    'Arbeitsausbeutung',
    'Labour exploitation',
    'Beschäftigung zu Bedingungen, die in auffälligem Missverhältnis zu denen anderer Beschäftigter stehen (§ 233 StGB).',
    'Employment on terms strikingly out of proportion to those of other workers (section 233 Criminal Code).',
  ],
  [
    'zwangsprostitution',
    'Zwangsprostitution',
    'Forced prostitution',
    'Jemanden dazu bringen, die Prostitution aufzunehmen oder fortzusetzen, indem eine Zwangslage ausgenutzt wird (§ 232a StGB).',
    'Making someone take up or continue prostitution by exploiting their predicament (section 232a Criminal Code).',
  ],
  [
    'zwangsarbeit',
    'Zwangsarbeit',
    'Forced labour',
    'Arbeit, die unter Androhung einer Strafe verlangt wird und nicht freiwillig geleistet wird (§ 232b StGB).',
    'Work exacted under the menace of a penalty and not offered voluntarily (section 232b Criminal Code).',
  ],
  [
    'fachberatungsstelle',
    'Fachberatungsstelle',
    'Specialised counselling centre',
    'Eine Beratungsstelle, die Betroffene von Menschenhandel berät, begleitet und unterstützt – vertraulich und kostenlos.',
    'A centre that advises, accompanies and supports people affected by trafficking – confidentially and free of charge.',
  ],
  [
    'betroffene',
    'Betroffene',
    'Affected persons',
    'Menschen, die Menschenhandel oder Ausbeutung erlebt haben. Wir sprechen von Betroffenen statt von Opfern, wo es passt.',
    'People who have experienced trafficking or exploitation. Where fitting, we say affected persons rather than victims.',
  ],
  [
    'bedenk-und-stabilisierungsfrist',
    'Bedenk- und Stabilisierungsfrist',
    'Recovery and reflection period',
    'Mindestens drei Monate, in denen Betroffene zur Ruhe kommen und entscheiden, ob sie mit den Behörden zusammenarbeiten (§ 59 Abs. 7 AufenthG).',
    'At least three months in which affected persons recover and decide whether to cooperate with the authorities (section 59(7) Residence Act).',
  ],
  [
    'identifizierung',
    'Identifizierung',
    'Identification',
    'Das Erkennen, dass eine Person von Menschenhandel betroffen sein könnte – Voraussetzung für Schutz und Unterstützung.',
    'Recognising that a person may be affected by trafficking – the precondition for protection and support.',
  ],
  [
    'entschaedigung',
    'Entschädigung',
    'Compensation',
    'Geld für erlittene Schäden, etwa nach dem Sozialen Entschädigungsrecht (SGB XIV) oder vom Täter.',
    'Money for harm suffered, for example under the social compensation law (SGB XIV) or from the offender.',
  ],
  [
    'nebenklage',
    'Nebenklage',
    'Joint action (Nebenklage)',
    'Betroffene können sich dem Strafverfahren anschließen und eigene Rechte wahrnehmen, mit anwaltlichem Beistand.',
    'Affected persons can join criminal proceedings and exercise their own rights, assisted by a lawyer.',
  ],
  [
    'greta',
    'GRETA',
    'GRETA',
    'Die Expert*innengruppe des Europarats, die die Umsetzung der Konvention gegen Menschenhandel in den Staaten überprüft.',
    'The Council of Europe’s group of experts that monitors how states implement the Convention on Action against Trafficking.',
  ],
  [
    'schattenbericht',
    'Schattenbericht',
    'Shadow report',
    'Ein Bericht der Zivilgesellschaft an ein Überwachungsgremium, der den Bericht der Regierung ergänzt oder ihm widerspricht.',
    'A civil-society report to a monitoring body that complements or contradicts the government’s report.',
  ],
  [
    'nationaler-berichterstatter',
    'Nationaler Berichterstatter',
    'National rapporteur',
    'Eine unabhängige Stelle, die Daten zu Menschenhandel sammelt und die Umsetzung der Maßnahmen bewertet.',
    'An independent body that collects data on trafficking and assesses how measures are implemented.',
  ],
  [
    'aufenthaltstitel',
    'Aufenthaltstitel',
    'Residence permit',
    'Die Erlaubnis, in Deutschland zu leben; Betroffene können unter Bedingungen einen Titel nach § 25 Abs. 4a AufenthG erhalten.',
    'Permission to live in Germany; affected persons can under conditions obtain a permit under section 25(4a) Residence Act.',
  ],
];

export async function seedDemoGlossary(db: Db): Promise<number> {
  await db
    .insertInto('glossary_terms')
    .values(
      TERMS.map(([slug, term_de, term_en, definition_de, definition_en]) => ({
        slug,
        term_de,
        term_en,
        definition_de,
        definition_en,
        is_demo: true,
      })),
    )
    .execute();
  return TERMS.length;
}
