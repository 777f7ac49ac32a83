/**
 * Demo content for the case-law database: the real RII sample (BGH IX ZB 72/08) and fictional but realistic
 * decisions, each marked `is_demo` and saying so at the start of its summary. Fictional decisions carry the doknr
 * "KOKDEMO…" and, where they have an ECLI, the ordinal "DEMO…", which no court issues.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { parseNormField } from './norms.ts';
import { importRiiDocument, parseRiiXml } from './rii-import.ts';
import { legalAreasOf, resolveCourt, upsertDecision } from './store.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

interface DemoDecision {
  court: [string, string];
  chamber: string;
  date: string;
  fileNumbers: string[];
  type: string;
  ecli?: string;
  title: string;
  headnotes: string[];
  tenor: string;
  reasons: string[];
  summaryDe: string;
  summaryEn: string;
  norms: string;
  exploitation: string[];
  outcome: string;
  extraAreas?: string[];
  /** As RII writes them ("vorgehend LG Berlin, 10. Juni 2021, Az: …"): linked when the record exists. */
  lowerInstances?: string[];
}

/** The Land of the demo courts' seats (AGS prefix), so the Land facet has values. */
const LAND_OF_PLACE: Record<string, string> = {
  Berlin: '11',
  Hamm: '05',
  Stuttgart: '08',
  'Berlin-Brandenburg': '11',
  'Niedersachsen-Bremen': '03',
  Leipzig: '14',
  Hamburg: '02',
  'Frankfurt am Main': '06',
};

const rd = (paragraphs: string[]) =>
  `<div>${paragraphs
    .map((p, i) => `<dl class="RspDL"><dt><a name="rd_${i + 1}">${i + 1}</a></dt><dd><p>${p}</p></dd></dl>`)
    .join('')}</div>`;

const DEMO: DemoDecision[] = [
  {
    court: ['BGH', ''],
    chamber: '3. Strafsenat',
    date: '2022-03-15',
    fileNumbers: ['3 StR 401/21'],
    type: 'Beschluss',
    ecli: 'ECLI:DE:BGH:2022:DEMO0001',
    title: 'Menschenhandel: Ausnutzen einer Zwangslage bei Anwerbung zur Prostitution',
    headnotes: [
      'Eine Zwangslage im Sinne des § 232 Abs. 1 StGB kann auch in der wirtschaftlichen Not im Herkunftsland liegen, wenn sie die Entscheidungsfreiheit der Betroffenen erheblich einschränkt.',
    ],
    tenor:
      'Die Revision des Angeklagten gegen das Urteil des Landgerichts Berlin wird als unbegründet verworfen.',
    reasons: [
      'Das Landgericht hat den Angeklagten wegen Menschenhandels in Tateinheit mit Zwangsprostitution verurteilt.',
      'Die Feststellungen tragen die Annahme, dass der Angeklagte die Zwangslage der Geschädigten, die ohne Einkommen und mit Schulden aus der Vermittlung nach Deutschland kam, bewusst ausgenutzt hat.',
      'Die Strafzumessung lässt keinen Rechtsfehler erkennen.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Der BGH bestätigt eine Verurteilung wegen Menschenhandels und Zwangsprostitution; wirtschaftliche Not im Herkunftsland kann eine Zwangslage begründen.',
    summaryEn:
      'Fictional demo decision: the Federal Court of Justice upholds a conviction for trafficking and forced prostitution; economic hardship in the country of origin can constitute a predicament.',
    norms: '§ 232 Abs. 1 StGB, § 232a Abs. 1 Nr. 1 StGB, § 349 Abs. 2 StPO',
    exploitation: ['sexual'],
    outcome: 'Revision verworfen',
    lowerInstances: ['vorgehend LG Berlin, 10. Juni 2021, Az: 527 KLs 12/20, Urteil'],
  },
  {
    court: ['LG', 'Berlin'],
    chamber: '27. Große Strafkammer',
    date: '2021-06-10',
    fileNumbers: ['527 KLs 12/20'],
    type: 'Urteil',
    title: 'Zwangsprostitution und Ausbeutung unter Ausnutzung einer Zwangslage',
    headnotes: [],
    tenor:
      'Der Angeklagte wird wegen Menschenhandels in Tateinheit mit Zwangsprostitution zu einer Freiheitsstrafe von vier Jahren verurteilt.',
    reasons: [
      'Die Geschädigte wurde mit dem Versprechen einer Arbeit in der Gastronomie nach Berlin gelockt.',
      'Nach ihrer Ankunft nahm ihr der Angeklagte den Pass ab und veranlasste sie zur Prostitution; die Einnahmen behielt er überwiegend ein.',
      'Bei der Strafzumessung hat die Kammer die lange Dauer der Ausbeutung und die Folgen für die Geschädigte berücksichtigt.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Verurteilung wegen Menschenhandels und Zwangsprostitution; Abnahme des Passes als Mittel der Kontrolle.',
    summaryEn:
      'Fictional demo decision: conviction for trafficking and forced prostitution; taking the passport as a means of control.',
    norms: '§ 232 Abs. 1 Nr. 1 Buchst. a StGB, § 232a Abs. 1 StGB',
    exploitation: ['sexual'],
    outcome: 'Verurteilung',
  },
  {
    court: ['OLG', 'Hamm'],
    chamber: '4. Strafsenat',
    date: '2020-11-24',
    fileNumbers: ['4 RVs 88/20'],
    type: 'Beschluss',
    title: 'Ausbeutung der Arbeitskraft in der Fleischindustrie',
    lowerInstances: ['vorgehend AG Gütersloh, 3. März 2020, Az: 9 Ls 34/19'],
    headnotes: [
      'Ausbeutung der Arbeitskraft im Sinne des § 233 StGB liegt vor, wenn die Beschäftigung in einem auffälligen Missverhältnis zu vergleichbaren Tätigkeiten steht.',
    ],
    tenor: 'Die Revision der Staatsanwaltschaft wird verworfen.',
    reasons: [
      'Die Arbeiter erhielten für Schichten von zwölf Stunden weniger als die Hälfte des Mindestlohns.',
      'Das Amtsgericht hat das auffällige Missverhältnis rechtsfehlerfrei festgestellt.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Ausbeutung der Arbeitskraft bei Werkvertragsbeschäftigten in der Fleischverarbeitung.',
    summaryEn: 'Fictional demo decision: labour exploitation of contract workers in meat processing.',
    norms: '§ 233 Abs. 1 Nr. 1 StGB, § 1 MiLoG',
    exploitation: ['labour'],
    outcome: 'Revision verworfen',
  },
  {
    court: ['VG', 'Stuttgart'],
    chamber: '11. Kammer',
    date: '2019-09-03',
    fileNumbers: ['11 K 2345/19'],
    type: 'Urteil',
    title: 'Aufenthaltserlaubnis für Opfer von Menschenhandel',
    headnotes: [
      'Die Aufenthaltserlaubnis nach § 25 Abs. 4a AufenthG setzt voraus, dass die Staatsanwaltschaft die Anwesenheit des Opfers für das Strafverfahren für sachgerecht erachtet.',
    ],
    tenor:
      'Der Beklagte wird verpflichtet, der Klägerin eine Aufenthaltserlaubnis nach § 25 Abs. 4a AufenthG zu erteilen.',
    reasons: [
      'Die Klägerin ist Opfer einer Straftat nach § 232 StGB geworden und hat sich bereit erklärt, im Strafverfahren als Zeugin auszusagen.',
      'Die Staatsanwaltschaft hat ihre Anwesenheit für sachgerecht erachtet; das Ermessen des Beklagten ist auf null reduziert.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Anspruch einer Zeugin im Menschenhandelsverfahren auf eine Aufenthaltserlaubnis nach § 25 Abs. 4a AufenthG.',
    summaryEn:
      'Fictional demo decision: a witness in trafficking proceedings is entitled to a residence permit under section 25(4a) Residence Act.',
    norms: '§ 25 Abs. 4a AufenthG, § 232 StGB, § 113 Abs. 5 VwGO',
    exploitation: ['sexual'],
    outcome: 'Klage erfolgreich',
  },
  {
    court: ['OVG', 'Berlin-Brandenburg'],
    chamber: '3. Senat',
    date: '2023-02-14',
    fileNumbers: ['OVG 3 B 17/22'],
    type: 'Beschluss',
    title: 'Verlängerung der Aufenthaltserlaubnis nach Abschluss des Strafverfahrens',
    headnotes: [],
    tenor: 'Die Beschwerde des Antragsgegners wird zurückgewiesen.',
    reasons: [
      'Nach Abschluss des Strafverfahrens kommt eine Verlängerung nach § 25 Abs. 4a Satz 3 AufenthG in Betracht, wenn humanitäre oder persönliche Gründe die weitere Anwesenheit erfordern.',
      'Die Antragstellerin befindet sich in traumatherapeutischer Behandlung, deren Abbruch ihr nicht zuzumuten ist.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Verlängerung der Aufenthaltserlaubnis eines Opfers von Menschenhandel aus persönlichen Gründen (laufende Therapie).',
    summaryEn:
      'Fictional demo decision: extension of a trafficking victim’s residence permit on personal grounds (ongoing therapy).',
    norms: '§ 25 Abs. 4a S. 3 AufenthG, § 80 Abs. 5 VwGO',
    exploitation: ['sexual'],
    outcome: 'Beschwerde zurückgewiesen',
  },
  {
    court: ['LSG', 'Niedersachsen-Bremen'],
    chamber: '10. Senat',
    date: '2018-05-29',
    fileNumbers: ['L 10 VE 45/16'],
    type: 'Urteil',
    title: 'Opferentschädigung nach Zwangsprostitution',
    headnotes: [
      'Die wiederholte Ausübung von Gewalt zur Durchsetzung der Prostitution ist ein vorsätzlicher, rechtswidriger tätlicher Angriff im Sinne des § 1 OEG.',
    ],
    tenor:
      'Auf die Berufung der Klägerin wird das Urteil des Sozialgerichts Hannover aufgehoben. Der Beklagte wird verurteilt, der Klägerin Beschädigtenversorgung zu gewähren.',
    reasons: [
      'Die Klägerin wurde über Monate durch Schläge und Drohungen zur Prostitution gezwungen.',
      'Die posttraumatische Belastungsstörung ist mit Wahrscheinlichkeit auf diese Angriffe zurückzuführen.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Anspruch auf Opferentschädigung nach dem OEG für eine Betroffene von Zwangsprostitution.',
    summaryEn:
      'Fictional demo decision: entitlement to victim compensation under the Victims Compensation Act for a survivor of forced prostitution.',
    norms: '§ 1 Abs. 1 OEG',
    exploitation: ['sexual'],
    outcome: 'Berufung erfolgreich',
  },
  {
    court: ['SG', 'Leipzig'],
    chamber: '6. Kammer',
    date: '2024-07-08',
    fileNumbers: ['S 6 VE 12/23'],
    type: 'Gerichtsbescheid',
    title: 'Leistungen der Sozialen Entschädigung nach Arbeitsausbeutung',
    headnotes: [],
    tenor: 'Die Klage wird abgewiesen.',
    reasons: [
      'Die Ausbeutung der Arbeitskraft ohne körperliche Gewalt ist für sich genommen kein tätlicher Angriff.',
      'Eine psychische Gewalttat im Sinne des § 14 SGB XIV hat die Klägerin nicht nachgewiesen.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Keine Soziale Entschädigung bei Arbeitsausbeutung ohne nachgewiesene Gewalttat.',
    summaryEn:
      'Fictional demo decision: no social compensation for labour exploitation without a proven act of violence.',
    norms: '§ 13 SGB XIV, § 14 SGB XIV',
    exploitation: ['labour'],
    outcome: 'Klage abgewiesen',
  },
  {
    court: ['ArbG', 'Hamburg'],
    chamber: '12. Kammer',
    date: '2022-10-19',
    fileNumbers: ['12 Ca 201/22'],
    type: 'Urteil',
    title: 'Lohnansprüche einer ausgebeuteten Haushaltsangestellten',
    headnotes: [],
    tenor: 'Die Beklagte wird verurteilt, an die Klägerin 18.450,00 Euro brutto nebst Zinsen zu zahlen.',
    reasons: [
      'Die Klägerin arbeitete zwei Jahre im Haushalt der Beklagten, sieben Tage in der Woche, für ein Taschengeld.',
      'Ihr steht der gesetzliche Mindestlohn für die nachgewiesenen Arbeitsstunden zu; die Vereinbarung eines Taschengelds ist nach § 3 MiLoG unwirksam.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Nachzahlung des Mindestlohns an eine ausgebeutete Haushaltsangestellte.',
    summaryEn: 'Fictional demo decision: back pay of the minimum wage to an exploited domestic worker.',
    norms: '§ 1 MiLoG, § 3 MiLoG, § 611a BGB',
    exploitation: ['labour', 'domestic'],
    outcome: 'Klage erfolgreich',
    extraAreas: ['labour'],
  },
  {
    court: ['LAG', 'Berlin-Brandenburg'],
    chamber: '5. Kammer',
    date: '2021-01-27',
    fileNumbers: ['5 Sa 1123/20'],
    type: 'Urteil',
    title: 'Ausschlussfristen bei Lohnansprüchen von Betroffenen von Arbeitsausbeutung',
    headnotes: [
      'Der Arbeitgeber kann sich nach Treu und Glauben nicht auf eine Ausschlussfrist berufen, wenn er die Geltendmachung durch Einbehalten der Ausweispapiere verhindert hat.',
    ],
    tenor: 'Die Berufung der Beklagten wird zurückgewiesen.',
    reasons: [
      'Die Kläger, Erntehelfer aus Rumänien, machten ihre Lohnansprüche erst nach ihrer Befreiung geltend.',
      'Die Berufung auf die Ausschlussfrist ist rechtsmissbräuchlich.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Ausschlussfristen greifen nicht, wenn der Arbeitgeber die Geltendmachung von Lohn vereitelt hat.',
    summaryEn:
      'Fictional demo decision: forfeiture clauses do not apply where the employer prevented wage claims from being made.',
    norms: '§ 242 BGB, § 1 MiLoG',
    exploitation: ['labour'],
    outcome: 'Berufung zurückgewiesen',
    extraAreas: ['labour'],
  },
  {
    court: ['EGMR', ''],
    chamber: 'Große Kammer',
    date: '2020-03-25',
    fileNumbers: ['60561/14'],
    type: 'Urteil',
    ecli: 'ECLI:CE:ECHR:2020:DEMO0002',
    title: 'Positive Pflichten des Staates bei Menschenhandel (Art. 4 EMRK)',
    headnotes: [
      'Art. 4 EMRK verpflichtet den Staat, wirksame Ermittlungen einzuleiten, sobald die Behörden von glaubhaften Anhaltspunkten für Menschenhandel Kenntnis erlangen.',
    ],
    tenor: 'Es liegt eine Verletzung von Art. 4 EMRK in seinem verfahrensrechtlichen Teil vor.',
    reasons: [
      'Die Beschwerdeführerin hatte der Polizei konkrete Hinweise auf ihre Ausbeutung gegeben.',
      'Die Behörden haben die Ermittlungen ohne nachvollziehbare Gründe eingestellt und damit ihre positive Verpflichtung verletzt.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Verletzung von Art. 4 EMRK durch unzureichende Ermittlungen bei Hinweisen auf Menschenhandel.',
    summaryEn:
      'Fictional demo decision: violation of Article 4 ECHR through inadequate investigation of indications of trafficking.',
    norms: 'Art. 4 EMRK, Art. 41 EMRK',
    exploitation: ['sexual'],
    outcome: 'Verletzung festgestellt',
  },
  {
    court: ['AG', 'Frankfurt am Main'],
    chamber: 'Schöffengericht',
    date: '2025-04-02',
    fileNumbers: ['941 Ls 7110 Js 2233/24'],
    type: 'Urteil',
    title: 'Ausbeutung unter Ausnutzung einer Freiheitsberaubung im Baugewerbe',
    headnotes: [],
    tenor:
      'Der Angeklagte wird wegen Ausbeutung unter Ausnutzung einer Freiheitsberaubung zu einer Freiheitsstrafe von zwei Jahren verurteilt, deren Vollstreckung zur Bewährung ausgesetzt wird.',
    reasons: [
      'Der Angeklagte brachte Bauarbeiter in einer abgeschlossenen Unterkunft unter und ließ sie nur zur Arbeit hinaus.',
      'Den Geschädigten steht ein Anspruch auf Entschädigung im Adhäsionsverfahren zu.',
    ],
    summaryDe:
      'Fiktive Demo-Entscheidung: Ausbeutung von Bauarbeitern unter Ausnutzung einer Freiheitsberaubung; Adhäsionsentscheidung.',
    summaryEn:
      'Fictional demo decision: exploitation of construction workers by means of deprivation of liberty; compensation in adhesion proceedings.',
    norms: '§ 233a Abs. 1 StGB, §§ 403 ff. StPO',
    exploitation: ['labour'],
    outcome: 'Verurteilung',
  },
];

/** Inserts (or refreshes) the demo decisions; returns how many. */
export async function seedDemoCaselaw(db: Db): Promise<number> {
  const sample = parseRiiXml(fs.readFileSync(path.join(here, 'demo', 'JURE100055033.xml'), 'utf8'));
  await importRiiDocument(db, sample);
  for (const [i, d] of DEMO.entries()) {
    const norms = parseNormField(d.norms);
    const courtId = await resolveCourt(db, d.court[0], d.court[1], LAND_OF_PLACE[d.court[1]] ?? null);
    await upsertDecision(db, {
      doknr: `KOKDEMO${String(i + 1).padStart(4, '0')}`,
      ecli: d.ecli ?? null,
      courtId,
      chamber: d.chamber,
      decisionDate: d.date,
      fileNumbers: d.fileNumbers,
      decisionType: d.type,
      title: d.title,
      headnotes: d.headnotes.length > 0 ? rd(d.headnotes).replace(/<dt>.*?<\/dt>/g, '<dt></dt>') : '',
      tenor: `<p>${d.tenor}</p>`,
      facts: '',
      reasons: rd(d.reasons),
      dissent: '',
      summaryDe: d.summaryDe,
      summaryEn: d.summaryEn,
      legalAreas: [...new Set([...legalAreasOf(norms), ...(d.extraAreas ?? [])])],
      exploitation: d.exploitation,
      outcome: d.outcome,
      source: 'demo',
      lowerInstances: d.lowerInstances ?? [],
      status: 'published',
      isDemo: true,
      norms,
    });
  }
  await addDemoCaseDetails(db);
  return DEMO.length + 1;
}

/** Case details on the demo criminal convictions, so the decision pages show them (figures invented). */
async function addDemoCaseDetails(db: Db): Promise<void> {
  const convictions = await db
    .selectFrom('caselaw_decisions')
    .select(['id', 'exploitation'])
    .where('is_demo', '=', true)
    .where('legal_areas', '@>', sql<string[]>`ARRAY['criminal']`)
    .where('exploitation', '!=', sql<string[]>`'{}'`)
    .orderBy('decision_date', 'desc')
    .limit(6)
    .execute();
  const pattern = [
    {
      acts: ['recruitment', 'transportation'],
      means: ['deception', 'abuse_of_vulnerability'],
      sex: ['female'],
      nat: ['NG'],
    },
    {
      acts: ['recruitment', 'harbouring'],
      means: ['debt_bondage', 'threat'],
      sex: ['male'],
      nat: ['RO', 'BG'],
    },
    { acts: ['receipt', 'harbouring'], means: ['coercion'], sex: ['female', 'male'], nat: ['VN'] },
  ];
  for (const [i, d] of convictions.entries()) {
    const p = pattern[i % pattern.length]!;
    await db
      .updateTable('caselaw_decisions')
      .set({
        acts: p.acts,
        means: p.means,
        purposes: d.exploitation.filter((e) => e !== 'other' && e !== 'unknown'),
        sentence: `${2 + (i % 4)} Jahre ${(i * 3) % 12} Monate Freiheitsstrafe`,
        compensation_eur: i % 2 === 0 ? String(5000 + i * 2500) : null,
        victims_count: 1 + ((i * 5) % 9),
        victims_sex: p.sex,
        victims_nationalities: p.nat,
      })
      .where('id', '=', d.id)
      .execute();
  }
}
