import { describe, expect, it } from 'vitest';
import { normKey } from '../norms.ts';
import {
  fileNumbersIn,
  parseGermanDate,
  recogniseCourt,
  recogniseDate,
  recogniseDecision,
  recogniseDecisionType,
  recogniseEcli,
  recogniseFileNumbers,
} from './recognise.ts';
import { detectMarginNumbers, structureText } from './structure.ts';

/** Headers as they come out of real judgments' PDFs (names and numbers changed). */
const snippets: Array<{
  text: string;
  court?: [string, string] | null;
  date?: string | null;
  fileNumbers?: string[];
  type?: string | null;
}> = [
  {
    text: 'LANDGERICHT BERLIN\nIM NAMEN DES VOLKES\nURTEIL\nGeschäftsnummer: (502 KLs) 234 Js 12/19 (5/20)\nIn der Strafsache gegen\nA.,\ngeboren am 3. März 1985 in Constanța,',
    court: ['LG', 'Berlin'],
    fileNumbers: ['(502 KLs) 234 Js 12/19 (5/20)'],
    type: 'Urteil',
    date: null,
  },
  {
    text: 'BUNDESGERICHTSHOF\nBESCHLUSS\n5 StR 123/20\nvom\n12. Mai 2021\nin der Strafsache\ngegen\nwegen Menschenhandels u.a.',
    court: ['BGH', ''],
    fileNumbers: ['5 StR 123/20'],
    type: 'Beschluss',
    date: '2021-05-12',
  },
  {
    text: 'Oberlandesgericht Hamm\nBeschluss vom 14.01.2020\nAz.: 4 RVs 150/19',
    court: ['OLG', 'Hamm'],
    fileNumbers: ['4 RVs 150/19'],
    type: 'Beschluss',
    date: '2020-01-14',
  },
  {
    text: 'Kammergericht\nBeschluss\nGeschäftsnummer: (2) 161 Ss 123/20 (34/20)\nBerlin, den 02.09.2020',
    court: ['OLG', 'Berlin'],
    fileNumbers: ['(2) 161 Ss 123/20 (34/20)'],
    type: 'Beschluss',
    date: '2020-09-02',
  },
  {
    text: 'Landgericht Frankfurt am Main\n2. große Strafkammer\nUrteil vom 7. Juli 2019\n5/02 KLs 12/19',
    court: ['LG', 'Frankfurt am Main'],
    type: 'Urteil',
    date: '2019-07-07',
  },
  {
    text: 'Landessozialgericht Berlin-Brandenburg\nUrteil vom 17.11.2021\nAktenzeichen: L 10 VE 5/18',
    court: ['LSG', 'Berlin-Brandenburg'],
    fileNumbers: ['L 10 VE 5/18'],
    type: 'Urteil',
    date: '2021-11-17',
  },
  {
    text: 'VERWALTUNGSGERICHT BERLIN\nURTEIL\nIm Namen des Volkes\nVG 3 K 100.19\nIn der Verwaltungsstreitsache',
    court: ['VG', 'Berlin'],
    fileNumbers: ['VG 3 K 100.19'],
    type: 'Urteil',
  },
  {
    text: 'Amtsgericht Tiergarten\nU r t e i l\nIm Namen des Volkes\n(254 Ls) 231 Js 55/21 (12/21)\nverkündet am 3. Februar 2022',
    court: ['AG', 'Tiergarten'],
    type: 'Urteil',
    date: '2022-02-03',
  },
  {
    text: 'Bundesarbeitsgericht\nUrteil vom 24.06.2021\n– 5 AZR 505/20 –',
    court: ['BAG', ''],
    fileNumbers: ['5 AZR 505/20'],
    type: 'Urteil',
    date: '2021-06-24',
  },
  {
    text: 'Arbeitsgericht Bremen-Bremerhaven\nIm Namen des Volkes\nUrteil\nAktenzeichen: 5 Ca 5123/19\nVerkündet am 12.03.2020',
    court: ['ArbG', 'Bremen-Bremerhaven'],
    fileNumbers: ['5 Ca 5123/19'],
    type: 'Urteil',
    date: '2020-03-12',
  },
  {
    text: 'Landesarbeitsgericht Hamm\n8 Sa 1234/20\nUrteil vom 1. Oktober 2021',
    court: ['LAG', 'Hamm'],
    fileNumbers: ['8 Sa 1234/20'],
    type: 'Urteil',
    date: '2021-10-01',
  },
  {
    text: 'BVerwG, Urteil vom 20.02.2020 - 1 C 25.19',
    court: ['BVerwG', ''],
    fileNumbers: ['1 C 25.19'],
    type: 'Urteil',
    date: '2020-02-20',
  },
  {
    text: 'Bundesverfassungsgericht\n- 2 BvR 1234/20 -\nIm Namen des Volkes\nIn dem Verfahren über die Verfassungsbeschwerde',
    court: ['BVerfG', ''],
    fileNumbers: ['2 BvR 1234/20'],
    type: null,
  },
  {
    text: 'BUNDESGERICHTSHOF\nIM NAMEN DES VOLKES\nURTEIL\nVI ZR 100/20\nVerkündet am:\n12. Mai 2021',
    court: ['BGH', ''],
    fileNumbers: ['VI ZR 100/20'],
    type: 'Urteil',
    date: '2021-05-12',
  },
  {
    text: 'Sozialgericht Düsseldorf\nGerichtsbescheid\nS 12 VE 3/17\nDüsseldorf, 30.04.2019',
    court: ['SG', 'Düsseldorf'],
    fileNumbers: ['S 12 VE 3/17'],
    type: 'Gerichtsbescheid',
    date: '2019-04-30',
  },
  {
    text: 'Oberverwaltungsgericht Berlin-Brandenburg\nOVG 3 B 5.20\nBeschluss\nvom 9. Dezember 2020',
    court: ['OVG', 'Berlin-Brandenburg'],
    fileNumbers: ['OVG 3 B 5.20'],
    type: 'Beschluss',
    date: '2020-12-09',
  },
  {
    text: 'Bayerischer Verwaltungsgerichtshof München\nBeschluss vom 3.8.2018 - 10 ZB 18.1234',
    type: 'Beschluss',
    date: '2018-08-03',
  },
  {
    text: 'Das Landgericht hat den Angeklagten am 12. Mai 2020 wegen Menschenhandels verurteilt. OLG Köln, Beschluss vom 1. Juni 2021 - III-1 RVs 12/21',
    court: ['OLG', 'Köln'],
    type: 'Beschluss',
    date: '2021-06-01',
  },
  {
    text: 'EGMR, Urteil vom 7. Januar 2010, Rantsev ./. Zypern und Russland, Nr. 25965/04',
    court: ['EGMR', ''],
    fileNumbers: ['25965/04'],
    type: 'Urteil',
    date: '2010-01-07',
  },
  {
    text: 'Gerichtshof der Europäischen Union, Urteil vom 5. Juli 2018, C-123/20',
    court: ['EuGH', ''],
    fileNumbers: ['C-123/20'],
    type: 'Urteil',
    date: '2018-07-05',
  },
  {
    text: 'LG Hamburg\nEndurteil\n2 KLs 12/19\nHamburg, 15.10.2019',
    court: ['LG', 'Hamburg'],
    fileNumbers: ['2 KLs 12/19'],
    type: 'Urteil',
    date: '2019-10-15',
  },
  {
    text: 'Hinweis auf Seite 12/13 der Akte. Das Verfahren ist beim Amtsgericht Köln anhängig.',
    court: ['AG', 'Köln'],
    fileNumbers: [],
    type: null,
    date: null,
  },
  {
    text: 'Die Angeklagte, geb. 12.04.1990, wohnhaft in Essen, wurde am 3. März 2021 festgenommen. Landgericht Essen, Urteil',
    court: ['LG', 'Essen'],
    // the date of birth and the day of the arrest are not the decision's date
    date: null,
    type: 'Urteil',
  },
];

describe('recognising metadata in a judgment text', () => {
  it('has at least 20 realistic snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(20);
  });

  for (const [i, s] of snippets.entries()) {
    it(`snippet ${i + 1}: ${s.text.split('\n')[0]}`, () => {
      if (s.court !== undefined) {
        const court = recogniseCourt(s.text);
        expect(court ? [court.type, court.place] : null).toEqual(s.court);
      }
      if (s.date !== undefined) expect(recogniseDate(s.text)).toBe(s.date);
      if (s.fileNumbers !== undefined) expect(recogniseFileNumbers(s.text)).toEqual(s.fileNumbers);
      if (s.type !== undefined) expect(recogniseDecisionType(s.text)).toBe(s.type);
    });
  }

  it('parses German dates and refuses impossible ones', () => {
    expect(parseGermanDate('12. Mai 2021')).toBe('2021-05-12');
    expect(parseGermanDate('12.05.2021')).toBe('2021-05-12');
    expect(parseGermanDate('1.3.21')).toBe('2021-03-01');
    expect(parseGermanDate('31.02.2021')).toBeNull();
    expect(parseGermanDate('12. Brumaire 2021')).toBeNull();
  });

  it('finds file numbers of every common shape, and not norms or dates', () => {
    expect(fileNumbersIn('vgl. BGH, Beschluss vom 1.2.2020 – 3 StR 12/19; IX ZB 72/08')).toEqual([
      '3 StR 12/19',
      'IX ZB 72/08',
    ]);
    expect(fileNumbersIn('BSG, Urteil vom 1.2.2021 – B 9 V 1/19 R')).toEqual(['B 9 V 1/19 R']);
    expect(fileNumbersIn('§ 232a Abs. 1 Nr. 2 StGB vom 12.05.2021 und Art. 4 EMRK')).toEqual([]);
  });

  it('reads and repairs an ECLI', () => {
    expect(recogniseEcli('ECLI:ECLI:DE:BGH:2021:120521UVIZR100.20.0 – BGH')).toBe(
      'ECLI:DE:BGH:2021:120521UVIZR100.20.0',
    );
    expect(recogniseEcli('ecli:de:lgber:2020:0902.502kls12.19.00')).toBe(
      'ECLI:DE:LGBER:2020:0902.502KLS12.19.00',
    );
    expect(recogniseEcli('kein ECLI hier')).toBeNull();
  });

  it('collects each cited norm once', () => {
    const r = recogniseDecision(
      'Strafbar nach § 232a Abs. 1 Nr. 2 StGB und §§ 232, 233 StGB; erneut § 232a Abs. 1 Nr. 2 StGB, Art. 4 EMRK.',
    );
    expect(r.norms.map(normKey)).toEqual(
      ['StGB §232a Abs1 Nr2', 'StGB §232', 'StGB §233', 'EMRK Art4'].map((k) =>
        r.norms.find((n) => normKey(n) === k) ? k : `missing ${k}`,
      ),
    );
  });
});

describe('margin numbers', () => {
  it('detects "1", "Rn. 2" and "[3]" in sequence and ignores years and enumerations', () => {
    const text = [
      'Gründe',
      '1',
      'Der Angeklagte reiste im Jahr',
      '2019 nach Deutschland ein.',
      'Rn. 2 Er arbeitete auf einer Baustelle in',
      '5 Städten.',
      '[3] Die Kammer ist überzeugt.',
    ].join('\n');
    const { paragraphs, next } = detectMarginNumbers(text);
    expect(next).toBe(4);
    expect(paragraphs.map((p) => p.number)).toEqual([null, 1, 2, 3]);
    expect(paragraphs[1]!.text).toContain('2019 nach Deutschland');
    expect(paragraphs[2]!.text).toContain('5 Städten');
  });

  it('finds none in a text without them', () => {
    const { paragraphs } = detectMarginNumbers('1. Der Angeklagte wird verurteilt.\n2019 war er in Haft.');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.number).toBeNull();
  });

  it('splits tenor, facts and reasons and keeps margin numbers running on', () => {
    const s = structureText(
      [
        'LANDGERICHT BERLIN',
        'Urteil',
        'hat die Strafkammer für Recht erkannt:',
        'Der Angeklagte wird wegen Menschenhandels zu einer Freiheitsstrafe von zwei Jahren verurteilt.',
        'T a t b e s t a n d',
        '1',
        'Der Angeklagte betrieb eine Baufirma.',
        '2',
        'Er zahlte keinen Lohn.',
        'Entscheidungsgründe',
        '3',
        'Die Kammer ist von der Schuld <überzeugt>.',
      ].join('\n'),
    );
    expect(s.tenor).toContain('Freiheitsstrafe von zwei Jahren');
    expect(s.facts).toContain('<a name="rd_1">1</a>');
    expect(s.facts).toContain('<a name="rd_2">2</a>');
    expect(s.reasons).toContain('<a name="rd_3">3</a>');
    expect(s.reasons).toContain('&lt;überzeugt&gt;');
    expect(s.marginNumbers).toBe(3);
  });
});
