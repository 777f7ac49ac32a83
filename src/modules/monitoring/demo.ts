import type { AssessmentStatus, Db } from '../../db/types.ts';
import { saveFile } from '../../platform/files/store.ts';
import { checkBytes, uploadPolicies } from '../../platform/files/uploads.ts';
import { demoPdf } from '../publications/demo.ts';

const INSTRUMENTS = [
  {
    slug: 'palermo-protokoll',
    name_de: 'UN-Zusatzprotokoll gegen Menschenhandel (Palermo-Protokoll)',
    name_en: 'UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (Palermo Protocol)',
    monitoring_body: 'UNODC',
  },
  {
    slug: 'greta',
    name_de: 'Konvention des Europarats zur Bekämpfung des Menschenhandels',
    name_en: 'Council of Europe Convention on Action against Trafficking in Human Beings',
    monitoring_body: 'GRETA',
  },
  {
    slug: 'eu-richtlinie',
    name_de: 'EU-Richtlinie 2011/36/EU gegen Menschenhandel, geändert durch Richtlinie (EU) 2024/1712',
    name_en: 'EU Anti-Trafficking Directive 2011/36/EU as amended by Directive (EU) 2024/1712',
    monitoring_body: 'Europäische Kommission',
  },
  {
    slug: 'cedaw',
    name_de: 'UN-Frauenrechtskonvention (CEDAW)',
    name_en: 'Convention on the Elimination of All Forms of Discrimination against Women (CEDAW)',
    monitoring_body: 'CEDAW-Ausschuss',
  },
  {
    slug: 'istanbul-konvention',
    name_de: 'Istanbul-Konvention',
    name_en: 'Istanbul Convention',
    monitoring_body: 'GREVIO',
  },
];

type A = [status: AssessmentStatus, on: string, reasoning: string];
interface Rec {
  paragraph: string;
  text_de: string;
  addressee: string;
  topics: string[];
  assessments: A[];
}

const ROUNDS: Array<{ instrument: string; label_de: string; label_en: string; year: number; recs: Rec[] }> = [
  {
    instrument: 'greta',
    label_de: 'Erste Evaluierungsrunde',
    label_en: 'First evaluation round',
    year: 2015,
    recs: [
      {
        paragraph: '49',
        text_de: 'Demo: Eine unabhängige nationale Berichterstatterstelle einrichten.',
        addressee: 'Bund',
        topics: ['coordination', 'data'],
        assessments: [
          ['not_implemented', '2017-06-30', 'Demo: Noch keine Stelle vorgesehen.'],
          [
            'implemented',
            '2023-01-15',
            'Demo: Die Berichterstatterstelle beim Deutschen Institut für Menschenrechte hat ihre Arbeit aufgenommen.',
          ],
        ],
      },
      {
        paragraph: '127',
        text_de: 'Demo: Die Identifizierung von Betroffenen der Arbeitsausbeutung verbessern.',
        addressee: 'Bund, Länder',
        topics: ['identification', 'labour_exploitation'],
        assessments: [
          ['not_implemented', '2017-06-30', 'Demo: Keine Verfahren außerhalb der sexuellen Ausbeutung.'],
          [
            'partially',
            '2022-03-01',
            'Demo: Erste Beratungsstellen für Arbeitsausbeutung gefördert, aber nicht flächendeckend.',
          ],
        ],
      },
      {
        paragraph: '171',
        text_de: 'Demo: Die Bedenk- und Stabilisierungsfrist allen Betroffenen tatsächlich gewähren.',
        addressee: 'Ausländerbehörden',
        topics: ['residence', 'assistance'],
        assessments: [['partially', '2017-06-30', 'Demo: Die Frist wird gewährt, aber nicht einheitlich.']],
      },
      {
        paragraph: '211',
        text_de: 'Demo: Den Zugang zu Entschädigung für Betroffene sichern.',
        addressee: 'Bund',
        topics: ['compensation'],
        assessments: [
          ['not_implemented', '2017-06-30', 'Demo: Kaum Entschädigungen bekannt.'],
          ['partially', '2024-02-01', 'Demo: Das SGB XIV verbessert den Zugang, Hürden bleiben.'],
        ],
      },
    ],
  },
  {
    instrument: 'greta',
    label_de: 'Zweite Evaluierungsrunde',
    label_en: 'Second evaluation round',
    year: 2019,
    recs: [
      {
        paragraph: '32',
        text_de: 'Demo: Einen Nationalen Aktionsplan gegen alle Formen des Menschenhandels verabschieden.',
        addressee: 'Bund',
        topics: ['coordination'],
        assessments: [
          ['not_implemented', '2021-05-01', 'Demo: Kein Aktionsplan.'],
          ['partially', '2025-01-20', 'Demo: Ein Aktionsplan ist beschlossen, die Finanzierung fehlt.'],
        ],
      },
      {
        paragraph: '98',
        text_de: 'Demo: Fachberatungsstellen dauerhaft und ausreichend finanzieren.',
        addressee: 'Bund, Länder',
        topics: ['assistance'],
        assessments: [
          ['partially', '2021-05-01', 'Demo: Finanzierung von Land zu Land sehr unterschiedlich.'],
        ],
      },
      {
        paragraph: '143',
        text_de: 'Demo: Kinder als Betroffene systematisch erkennen und schützen.',
        addressee: 'Länder, Jugendämter',
        topics: ['children', 'identification'],
        assessments: [
          ['not_implemented', '2021-05-01', 'Demo: Kein bundesweiter Kooperationsmechanismus.'],
          [
            'partially',
            '2024-06-01',
            'Demo: Das Bundeskooperationskonzept wird in einigen Ländern umgesetzt.',
          ],
        ],
      },
      {
        paragraph: '190',
        text_de: 'Demo: Polizei, Justiz und Arbeitsinspektion regelmäßig schulen.',
        addressee: 'Länder',
        topics: ['training', 'prosecution'],
        assessments: [['implemented', '2023-09-10', 'Demo: Regelmäßige Schulungen in allen Ländern.']],
      },
      {
        paragraph: '221',
        text_de: 'Demo: Einheitliche Daten zu Betroffenen und Verfahren erheben.',
        addressee: 'Bund',
        topics: ['data'],
        assessments: [
          [
            'partially',
            '2022-11-30',
            'Demo: Datenbericht der Fachberatungsstellen, aber keine amtliche Gesamtstatistik.',
          ],
        ],
      },
    ],
  },
  {
    instrument: 'greta',
    label_de: 'Dritte Evaluierungsrunde',
    label_en: 'Third evaluation round',
    year: 2024,
    recs: [
      {
        paragraph: '45',
        text_de: 'Demo: Kostenlose Rechtsberatung für alle Betroffenen von Anfang an sicherstellen.',
        addressee: 'Bund',
        topics: ['assistance', 'prosecution'],
        assessments: [['not_implemented', '2025-03-01', 'Demo: Keine Änderung seit dem Bericht.']],
      },
      {
        paragraph: '67',
        text_de: 'Demo: Entschädigung durch die Täter*innen wirksam durchsetzen.',
        addressee: 'Justiz',
        topics: ['compensation', 'prosecution'],
        assessments: [['partially', '2025-03-01', 'Demo: Vermögensabschöpfung wird häufiger genutzt.']],
      },
      {
        paragraph: '112',
        text_de: 'Demo: Betroffene nicht für Taten bestrafen, zu denen sie gezwungen wurden.',
        addressee: 'Bund, Justiz',
        topics: ['prosecution'],
        assessments: [],
      },
      {
        paragraph: '150',
        text_de: 'Demo: Lohnansprüche von Betroffenen der Arbeitsausbeutung durchsetzbar machen.',
        addressee: 'Bund',
        topics: ['labour_exploitation', 'compensation'],
        assessments: [],
      },
    ],
  },
  {
    instrument: 'cedaw',
    label_de: 'Abschließende Bemerkungen zum 9. Staatenbericht',
    label_en: 'Concluding observations on the ninth periodic report',
    year: 2023,
    recs: [
      {
        paragraph: '30 (a)',
        text_de: 'Demo: Die Ursachen des Frauenhandels, auch die Armut von Migrantinnen, angehen.',
        addressee: 'Bund',
        topics: ['prevention'],
        assessments: [['partially', '2024-10-01', 'Demo: Einzelne Programme, keine Gesamtstrategie.']],
      },
      {
        paragraph: '30 (d)',
        text_de: 'Demo: Schutzunterkünfte für Betroffene in allen Ländern vorhalten.',
        addressee: 'Länder',
        topics: ['assistance'],
        assessments: [
          [
            'not_implemented',
            '2024-10-01',
            'Demo: In mehreren Ländern gibt es keine spezialisierte Unterkunft.',
          ],
        ],
      },
    ],
  },
];

export async function seedDemoMonitoring(db: Db): Promise<{ recommendations: number; assessments: number }> {
  const instruments = await db
    .insertInto('monitoring_instruments')
    .values(INSTRUMENTS.map((i, position) => ({ ...i, position: position + 1, is_demo: true })))
    .returning(['id', 'slug'])
    .execute();
  const idOf = (slug: string) => instruments.find((i) => i.slug === slug)!.id;
  let recommendations = 0;
  let assessments = 0;
  let thirdRound = '';
  for (const r of ROUNDS) {
    const round = await db
      .insertInto('monitoring_rounds')
      .values({
        instrument_id: idOf(r.instrument),
        label_de: r.label_de,
        label_en: r.label_en,
        report_year: r.year,
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.instrument === 'greta' && r.year === 2024) thirdRound = round.id;
    for (const rec of r.recs) {
      const row = await db
        .insertInto('monitoring_recommendations')
        .values({
          round_id: round.id,
          paragraph: rec.paragraph,
          text_de: rec.text_de,
          addressee: rec.addressee,
          topics: rec.topics,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recommendations++;
      for (const [status, assessed_on, reasoning] of rec.assessments) {
        await db
          .insertInto('monitoring_assessments')
          .values({
            recommendation_id: row.id,
            status,
            assessed_on,
            reasoning,
            sources: 'https://www.coe.int/en/web/anti-human-trafficking/germany',
          })
          .execute();
        assessments++;
      }
    }
  }
  const title = 'Demo: Schattenbericht des KOK an GRETA zur dritten Evaluierungsrunde';
  const bytes = await demoPdf(
    title,
    'Zugang zum Recht und wirksame Rechtsbehelfe für Betroffene von Menschenhandel.',
  );
  const checked = await checkBytes(
    new Uint8Array(bytes),
    'schattenbericht-greta-2023.pdf',
    uploadPolicies.pdf,
  );
  if (!checked.ok) throw new Error(`demo PDF refused: ${checked.error}`);
  const fileId = await saveFile(db, checked.file, { textContent: title });
  await db
    .insertInto('monitoring_submissions')
    .values({
      instrument_id: idOf('greta'),
      round_id: thirdRound,
      title,
      submitted_on: '2023-10-31',
      locale: 'de',
      file_id: fileId,
      is_demo: true,
    })
    .execute();
  return { recommendations, assessments };
}
