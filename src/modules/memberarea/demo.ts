import type { Db, DocumentAccess } from '../../db/types.ts';
import { renderPdf } from '../../platform/files/pdf-document.ts';
import { saveFile } from '../../platform/files/store.ts';
import { checkBytes, uploadPolicies } from '../../platform/files/uploads.ts';

/** A small PDF with a title and paragraphs, as the office would upload it. */
async function demoPdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  return renderPdf({ title }, (doc) => {
    doc.fontSize(18).text(title);
    doc.moveDown();
    doc.fontSize(11);
    for (const p of paragraphs) {
      doc.text(p);
      doc.moveDown(0.5);
    }
    doc.moveDown();
    doc.fontSize(9).text('Demo-Dokument: alle Inhalte sind erfunden.');
  });
}

/**
 * Demo content of the member area: two working groups, folders with documents (PDFs generated here, one with
 * two versions), circulars with comments and read marks, and two general assemblies (last year's with minutes,
 * attendance and decisions, this year's with invitation and agenda). Written directly, not through the office's
 * use cases, so the audit log shows no invented office actions.
 */
export async function seedDemoMemberArea(
  db: Db,
): Promise<{ circulars: number; documents: number; groups: number; assemblies: number }> {
  const users = await db.selectFrom('users').select(['id', 'email', 'organisation_id']).execute();
  const user = (email: string) => users.find((u) => u.email === email);
  const office = user('geschaeftsstelle@demo.kok.invalid');
  const member = user('beratung@demo.kok.invalid');
  const head = user('leitung@demo.kok.invalid');
  const board = user('vorstand@demo.kok.invalid');
  const year = new Date().getUTCFullYear();
  const day = 86_400_000;
  const now = Date.now();

  // ------------------------------------------------------------ working groups
  const groups = await db
    .insertInto('memberarea_groups')
    .values([
      {
        name: 'AG Arbeitsausbeutung',
        description:
          'Austausch zu Beratung und Unterstützung bei Arbeitsausbeutung, z. B. in Pflege und Bau.',
      },
      {
        name: 'AG Öffentlichkeitsarbeit',
        description: 'Gemeinsame Kampagnen zum Europäischen Tag gegen Menschenhandel.',
      },
    ])
    .returning(['id', 'name'])
    .execute();
  const [labourGroup, prGroup] = [groups[0]!.id, groups[1]!.id];
  const memberships = [
    member && { group_id: labourGroup, user_id: member.id },
    head && { group_id: labourGroup, user_id: head.id },
    head && { group_id: prGroup, user_id: head.id },
    board && { group_id: prGroup, user_id: board.id },
  ].filter((m): m is { group_id: string; user_id: string } => !!m);
  if (memberships.length > 0) await db.insertInto('memberarea_group_members').values(memberships).execute();

  // ------------------------------------------------------------ general assemblies
  const orgs = await db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.status', '=', 'admitted')
    .orderBy('o.name')
    .execute();
  const lastYear = await db
    .insertInto('memberarea_assemblies')
    .values({
      title: `Mitgliederversammlung ${year - 1}`,
      held_on: `${year - 1}-04-24`,
      place: 'Berlin, Tagungshaus (Demo)',
      invitation_md:
        'Liebe Mitglieder,\n\nwir laden herzlich zur **ordentlichen Mitgliederversammlung** ein. Die Tagesordnung steht unten; Anträge bitte bis vier Wochen vorher an die Geschäftsstelle.',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const thisYear = await db
    .insertInto('memberarea_assemblies')
    .values({
      title: `Mitgliederversammlung ${year}`,
      held_on: `${year}-11-20`,
      place: 'Hybrid: Berlin und online (Demo)',
      invitation_md:
        'Liebe Mitglieder,\n\nzur diesjährigen Mitgliederversammlung laden wir Sie herzlich ein. Die Zugangsdaten für die Online-Teilnahme folgen per Rundschreiben.',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agenda = (assemblyId: string, items: string[]) =>
    items.map((title, i) => ({ assembly_id: assemblyId, position: i + 1, title }));
  await db
    .insertInto('memberarea_assembly_agenda')
    .values([
      ...agenda(lastYear.id, [
        'Begrüßung und Feststellung der Beschlussfähigkeit',
        'Bericht des Vorstands und der Geschäftsstelle',
        'Kassenbericht und Entlastung des Vorstands',
        'Wahl des Vorstands',
        'Haushaltsplan',
        'Verschiedenes',
      ]),
      ...agenda(thisYear.id, [
        'Begrüßung',
        'Bericht aus der Geschäftsstelle',
        'Aufnahme neuer Mitglieder',
        'Positionspapier zur Umsetzung der EU-Richtlinie 2024/1712',
        'Verschiedenes',
      ]),
    ])
    .execute();
  const attending = orgs.slice(0, Math.max(0, orgs.length - 8));
  if (attending.length > 0) {
    await db
      .insertInto('memberarea_assembly_attendance')
      .values(attending.map((o) => ({ assembly_id: lastYear.id, organisation_id: o.id })))
      .execute();
  }
  await db
    .insertInto('memberarea_assembly_decisions')
    .values([
      {
        assembly_id: lastYear.id,
        title: 'Entlastung des Vorstands',
        text: 'Die Mitgliederversammlung entlastet den Vorstand für das vergangene Geschäftsjahr.',
        result: 'adopted',
        votes: `${attending.length - 3} ja, 0 nein, 3 Enthaltungen`,
      },
      {
        assembly_id: lastYear.id,
        title: 'Wahl des Vorstands',
        text: 'Gewählt sind vier Vorstandsfrauen für zwei Jahre.',
        result: 'adopted',
        votes: 'einzeln gewählt, jeweils mit großer Mehrheit',
      },
      {
        assembly_id: lastYear.id,
        title: 'Erhöhung der Mitgliedsbeiträge',
        text: 'Antrag auf Erhöhung um 10 %.',
        result: 'deferred',
        votes: 'vertagt auf die nächste Versammlung',
      },
    ])
    .execute();
  // the board's terms elected last year name this assembly
  await db
    .updateTable('network_board_terms')
    .set({ elected_assembly_id: lastYear.id })
    .where('elected_at', '=', `Mitgliederversammlung ${year - 1}`)
    .execute();

  // ------------------------------------------------------------ folders and documents
  const folders = await db
    .insertInto('memberarea_folders')
    .values([
      { name: 'Satzung und Ordnungen', position: 1 },
      { name: 'Mitgliederversammlungen', position: 2 },
      { name: 'Positionen und Stellungnahmen', position: 3 },
      { name: 'Vorstand und Geschäftsstelle', position: 4 },
    ])
    .returning(['id', 'name'])
    .execute();
  const folder = (name: string) => folders.find((f) => f.name === name)!.id;
  interface DemoDoc {
    title: string;
    description?: string;
    access: DocumentAccess;
    folder?: string;
    group?: string;
    assembly?: { id: string; role: 'invitation' | 'minutes' | 'other' };
    /** One list of paragraphs per version, oldest first. */
    versions: string[][];
    ageDays: number;
  }
  const docs: DemoDoc[] = [
    {
      title: 'Satzung des Netzwerks',
      description: 'Die geltende Satzung, öffentlich.',
      access: 'public',
      folder: folder('Satzung und Ordnungen'),
      versions: [
        [
          '§ 1 Name und Sitz. Der Verein führt den Namen Demo-Netzwerk gegen Menschenhandel.',
          '§ 2 Zweck. Zweck des Vereins ist die Unterstützung von Betroffenen von Menschenhandel und Ausbeutung.',
        ],
      ],
      ageDays: 400,
    },
    {
      title: 'Beitragsordnung',
      access: 'members',
      folder: folder('Satzung und Ordnungen'),
      versions: [['Die Mitgliedsbeiträge werden jährlich im Voraus fällig. Ermäßigungen auf Antrag.']],
      ageDays: 300,
    },
    {
      title: `Protokoll der Mitgliederversammlung ${year - 1}`,
      access: 'members',
      folder: folder('Mitgliederversammlungen'),
      assembly: { id: lastYear.id, role: 'minutes' },
      versions: [
        [
          'Beginn 10:00 Uhr. Die Versammlung ist beschlussfähig.',
          'Der Vorstand wird entlastet. Die Beitragserhöhung wird vertagt.',
        ],
      ],
      ageDays: 200,
    },
    {
      title: `Einladung zur Mitgliederversammlung ${year}`,
      access: 'members',
      folder: folder('Mitgliederversammlungen'),
      assembly: { id: thisYear.id, role: 'invitation' },
      versions: [['Wir laden herzlich zur Mitgliederversammlung ein. Tagesordnung siehe Mitgliederbereich.']],
      ageDays: 10,
    },
    {
      title: 'Positionspapier Arbeitsausbeutung in der häuslichen Pflege',
      description: 'Stellungnahme des Netzwerks, zweite überarbeitete Fassung.',
      access: 'public',
      folder: folder('Positionen und Stellungnahmen'),
      versions: [
        ['Entwurf: Die 24-Stunden-Betreuung birgt Risiken der Arbeitsausbeutung.'],
        [
          'Die 24-Stunden-Betreuung in Privathaushalten birgt erhebliche Risiken der Arbeitsausbeutung.',
          'Wir fordern unabhängige Beratung, Kontrollen und Zugang zu Lohnansprüchen für Betroffene.',
        ],
      ],
      ageDays: 30,
    },
    {
      title: 'Protokoll der Vorstandssitzung (Demo)',
      access: 'board',
      folder: folder('Vorstand und Geschäftsstelle'),
      versions: [['Vertraulich für den Vorstand: Personalplanung und Haushaltsentwurf.']],
      ageDays: 20,
    },
    {
      title: 'Haushaltsplanung der Geschäftsstelle',
      access: 'office',
      folder: folder('Vorstand und Geschäftsstelle'),
      versions: [['Nur für die Geschäftsstelle: Fördermittel, Personalkosten und Rücklagen.']],
      ageDays: 15,
    },
    {
      title: 'Fallbesprechung Saisonarbeit – Leitfaden',
      description: 'Arbeitsmaterial der AG Arbeitsausbeutung.',
      access: 'members',
      group: labourGroup,
      versions: [
        ['Leitfaden für Fallbesprechungen zu Saisonarbeit in der Landwirtschaft und Fleischverarbeitung.'],
      ],
      ageDays: 5,
    },
    {
      title: 'Kampagnenplan 18. Oktober',
      access: 'members',
      group: prGroup,
      versions: [
        ['Ideen für den Europäischen Tag gegen Menschenhandel: Plakate, Social Media, Pressearbeit.'],
      ],
      ageDays: 7,
    },
  ];
  for (const d of docs) {
    const created = new Date(now - d.ageDays * day);
    let bodyText = '';
    const versionFiles: string[] = [];
    for (const [i, paragraphs] of d.versions.entries()) {
      const bytes = await demoPdf(d.title, paragraphs);
      const checked = await checkBytes(bytes, `${d.title}.pdf`, uploadPolicies.document);
      if (!checked.ok) throw new Error(`demo document ${d.title}: ${checked.error}`);
      // the text is known: no need to read it back from the PDF (keeps the first start quick)
      bodyText = [d.title, ...paragraphs].join('\n');
      versionFiles[i] = await saveFile(db, checked.file, { createdBy: office?.id, textContent: bodyText });
    }
    const doc = await db
      .insertInto('memberarea_documents')
      .values({
        title: d.title,
        description: d.description ?? '',
        access: d.access,
        folder_id: d.folder ?? null,
        group_id: d.group ?? null,
        assembly_id: d.assembly?.id ?? null,
        assembly_role: d.assembly?.role ?? null,
        body_text: bodyText,
        is_demo: true,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberarea_document_versions')
      .values(
        versionFiles.map((fileId, i) => ({
          document_id: doc.id,
          version: i + 1,
          file_id: fileId,
          note: i === 0 ? '' : 'Überarbeitet nach der Diskussion in der Mitgliederversammlung',
          created_at: new Date(created.getTime() - (versionFiles.length - 1 - i) * 14 * day),
          created_by: office?.id ?? null,
        })),
      )
      .execute();
  }

  // ------------------------------------------------------------ circulars, comments, read marks
  const circulars = await db
    .insertInto('memberarea_circulars')
    .values([
      {
        title: `Rundschreiben 1/${year}: Neues aus der Geschäftsstelle`,
        body_md:
          '## Liebe Kolleg*innen,\n\nhier die wichtigsten Neuigkeiten:\n\n- Die Dokumentation der Fachtagung ist online.\n- Die Datenerhebung für das Berichtsjahr ist geöffnet.\n- Termine: siehe [Veranstaltungen](/veranstaltungen).\n\nHerzliche Grüße\nIhre Geschäftsstelle',
        published_at: new Date(now - 21 * day),
        created_by: office?.id ?? null,
        is_demo: true,
      },
      {
        title: `Rundschreiben 2/${year}: Umsetzung der EU-Richtlinie 2024/1712`,
        body_md:
          'Die geänderte EU-Richtlinie muss bis Juli 2026 umgesetzt werden. Wir sammeln Ihre Erfahrungen aus der Beratung — **bitte kommentieren Sie unten**, welche Änderungen für Ihre Arbeit wichtig sind.',
        published_at: new Date(now - 6 * day),
        created_by: office?.id ?? null,
        is_demo: true,
      },
      {
        title: `Rundschreiben 3/${year}: Einladung zur Mitgliederversammlung`,
        body_md: `Die Mitgliederversammlung ${year} findet am 20. November statt. Einladung und Tagesordnung finden Sie unter *Mitgliederversammlungen*.`,
        published_at: new Date(now - 2 * day),
        created_by: office?.id ?? null,
        is_demo: true,
      },
      {
        title: 'AG Arbeitsausbeutung: nächstes Treffen',
        body_md: 'Das nächste Online-Treffen der AG ist in drei Wochen. Thema: Saisonarbeit.',
        group_id: labourGroup,
        published_at: new Date(now - 4 * day),
        created_by: office?.id ?? null,
        is_demo: true,
      },
    ])
    .returning('id')
    .execute();
  const comments = [
    head && {
      circular_id: circulars[1]!.id,
      user_id: head.id,
      body: 'Für uns ist der Zugang zu Entschädigung entscheidend; bisher scheitert er oft an den Fristen.',
      created_at: new Date(now - 5 * day),
    },
    board && {
      circular_id: circulars[1]!.id,
      user_id: board.id,
      body: 'Danke! Der Vorstand nimmt die Punkte in die Stellungnahme auf.',
      created_at: new Date(now - 4 * day),
    },
    member && {
      circular_id: circulars[3]!.id,
      user_id: member.id,
      body: 'Ich bringe zwei anonymisierte Fallbeispiele mit.',
      created_at: new Date(now - 3 * day),
    },
  ].filter((c): c is NonNullable<typeof c> => !!c);
  if (comments.length > 0) await db.insertInto('memberarea_circular_comments').values(comments).execute();
  const reads = [head, board, office]
    .filter((u): u is NonNullable<typeof u> => !!u)
    .map((u) => ({ circular_id: circulars[0]!.id, user_id: u.id }));
  if (reads.length > 0) await db.insertInto('memberarea_circular_reads').values(reads).execute();
  if (board)
    await db
      .insertInto('memberarea_notification_prefs')
      .values({ user_id: board.id, mode: 'weekly' })
      .execute();

  return { circulars: circulars.length, documents: docs.length, groups: groups.length, assemblies: 2 };
}
