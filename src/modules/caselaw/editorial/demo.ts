import type { Db } from '../../../db/types.ts';
import { renderPdf } from '../../../platform/files/pdf-document.ts';
import { saveFile } from '../../../platform/files/store.ts';
import { checkBytes, uploadPolicies } from '../../../platform/files/uploads.ts';
import { createDecision } from './service.ts';

/** Fictional judgments for the editorial demo: the office's queue shows a draft, one in review and a submission. */
const DEMO_UPLOADS = [
  {
    who: 'office',
    status: 'draft',
    court: 'LG Bremen',
    date: '2023-09-14',
    fileNumbers: '21 KLs 410 Js 1234/22',
    type: 'Urteil',
    text: [
      'LANDGERICHT BREMEN',
      'IM NAMEN DES VOLKES',
      'URTEIL',
      'Geschäftsnummer: 21 KLs 410 Js 1234/22',
      'DEMO – fiktive Entscheidung',
      'hat die 1. große Strafkammer für Recht erkannt:',
      'Der Angeklagte wird wegen Zwangsprostitution nach § 232a Abs. 1 Nr. 1 StGB zu einer Freiheitsstrafe von drei Jahren verurteilt.',
      'Gründe',
      '1',
      'Der Angeklagte warb die Zeugin Petrova in Bulgarien mit dem Versprechen einer Arbeit als Kellnerin an.',
      '2',
      'In Bremen nahm er ihr den Pass ab und verlangte die Einnahmen aus der Prostitution.',
      'Verkündet am 14. September 2023',
    ],
  },
  {
    who: 'office',
    status: 'review',
    court: 'ArbG Hamburg',
    date: '2024-02-07',
    fileNumbers: '17 Ca 212/23',
    type: 'Urteil',
    text: [
      'ARBEITSGERICHT HAMBURG',
      'Urteil',
      'Aktenzeichen: 17 Ca 212/23',
      'DEMO – fiktive Entscheidung',
      'für Recht erkannt:',
      'Die Beklagte wird verurteilt, an den Kläger 8.450,00 Euro brutto nebst Zinsen zu zahlen.',
      'Tatbestand',
      '1',
      'Der Kläger arbeitete als Saisonkraft in einem Betrieb der Beklagten für 3 Euro je Stunde.',
      'Entscheidungsgründe',
      '2',
      'Der Anspruch folgt aus § 1 Abs. 1 MiLoG in Verbindung mit § 611a BGB.',
      'Verkündet am 7. Februar 2024',
    ],
  },
  {
    who: 'member',
    status: 'review',
    court: 'SG Kiel',
    date: '2024-05-22',
    fileNumbers: 'S 9 VE 11/22',
    type: 'Gerichtsbescheid',
    text: [
      'SOZIALGERICHT KIEL',
      'Gerichtsbescheid',
      'S 9 VE 11/22',
      'DEMO – fiktive Entscheidung',
      'Tenor',
      'Der Beklagte wird verpflichtet, der Klägerin Leistungen nach § 1 OEG zu gewähren.',
      'Gründe',
      '1',
      'Die Klägerin wurde Opfer eines Menschenhandels zum Zweck der Arbeitsausbeutung im Haushalt.',
      '2',
      'Sie ist unter 0431 1234567 über ihre Fachberatungsstelle erreichbar.',
    ],
  },
] as const;

export async function seedDemoEditorial(db: Db): Promise<number> {
  const office = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'office')
    .where('is_demo', '=', true)
    .executeTakeFirst();
  const member = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'member')
    .where('is_demo', '=', true)
    .executeTakeFirst();
  if (!office || !member) return 0;
  let count = 0;
  for (const demo of DEMO_UPLOADS) {
    const user = demo.who === 'office' ? office : member;
    const text = demo.text.join('\n');
    const bytes = await renderPdf({ title: `${demo.court} ${demo.fileNumbers} (Demo)` }, (doc) => {
      doc.font('Helvetica').fontSize(11);
      for (const line of demo.text) doc.text(line);
    });
    const checked = await checkBytes(bytes, `${demo.court} ${demo.fileNumbers}.pdf`, uploadPolicies.pdf);
    if (!checked.ok) continue;
    const fileId = await saveFile(db, checked.file, { createdBy: user.id, textContent: text });
    const id = await createDecision(
      db,
      {
        metadata: {
          court: demo.court,
          decision_date: demo.date,
          file_numbers: demo.fileNumbers,
          decision_type: demo.type,
          ecli: '',
          chamber: '',
        },
        fileId,
        text,
        status: demo.status,
        submittedBy: demo.who === 'member' ? user.id : null,
        note: demo.who === 'member' ? 'Demo-Einreichung: rechtskräftig seit Juli 2024.' : '',
      },
      { user, ip: null },
    );
    await db.updateTable('caselaw_decisions').set({ is_demo: true }).where('id', '=', id).execute();
    count++;
  }
  return count;
}
