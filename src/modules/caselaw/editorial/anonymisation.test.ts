import { describe, expect, it } from 'vitest';
import { checkDecision, findPersonalData, openFlags, plainText } from './anonymisation.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => [f.kind, f.match]);

describe('anonymisation check', () => {
  it('flags names after person words', () => {
    expect(kinds('Die Zeugin Popescu schilderte glaubhaft, wie sie nach Berlin kam.')).toEqual([
      ['name', 'Popescu'],
    ]);
    expect(kinds('Der Angeklagte Dimitrov bestreitet die Tat.')).toEqual([['name', 'Dimitrov']]);
    expect(kinds('Herrn Müller wurde der Lohn nicht gezahlt.')).toEqual([['name', 'Müller']]);
    expect(kinds('Die Nebenklägerin Ana Ionescu erschien.')).toEqual([['name', 'Ana Ionescu']]);
  });

  it('flags a given name with a surname anywhere', () => {
    expect(kinds('Zusammen mit Blessing Okafor wurde sie nach Italien gebracht.')).toEqual([
      ['name', 'Blessing Okafor'],
    ]);
  });

  it('does not flag initials, placeholders or nouns after person words', () => {
    const text = [
      'Die Zeugin A. schilderte, dass der Angeklagte B. ihr den Pass abnahm.',
      'Frau K. und Herr [Name] wurden vernommen; die Geschädigte N. N. ebenfalls.',
      'Der Angeklagte Geld verlangte, die Zeugin Angst hatte und die Geschädigte Arbeit suchte.',
      'Die Angeklagte Zahlung leistete nicht; der Zeuge Aussagen machte.',
      'Das Landgericht Berlin verurteilte den Angeklagten wegen Menschenhandels nach § 232a StGB.',
      'Die Kammer hat die Freiheitsstrafe zur Bewährung ausgesetzt.',
    ].join(' ');
    expect(kinds(text)).toEqual([]);
  });

  it('flags dates of birth but not other dates', () => {
    expect(kinds('Die Angeklagte, geboren am 3. März 1985 in Constanța, ist ledig.')).toEqual([
      ['birth_date', 'geboren am 3. März 1985'],
    ]);
    expect(kinds('Der Angeklagte, geb. 12.04.1990, wohnt in Köln.')).toEqual([
      ['birth_date', 'geb. 12.04.1990'],
    ]);
    expect(kinds('Am 12.05.2021 erging das Urteil; die Tat geschah am 3. März 2019.')).toEqual([]);
  });

  it('flags addresses: street and number, postcode and city', () => {
    expect(kinds('Sie wohnte in der Hauptstraße 12a in einem Zimmer.')).toEqual([
      ['address', 'Hauptstraße 12a'],
    ]);
    expect(kinds('Die Wohnung lag Am Rosenweg 3, 45127 Essen.')).toEqual([
      ['address', 'Rosenweg 3'],
      ['address', '45127 Essen'],
    ]);
    expect(kinds('Er zahlte 12000 Euro und 15000 EUR an Schulden.')).toEqual([]);
  });

  it('flags phone numbers and e-mail addresses, not file numbers or amounts', () => {
    expect(kinds('Sie war unter 0176 12345678 und +40 721 123 456 erreichbar.')).toEqual([
      ['phone', '0176 12345678'],
      ['phone', '+40 721 123 456'],
    ]);
    expect(kinds('Nachrichten an maria.p@example.com belegen das.')).toEqual([
      ['email', 'maria.p@example.com'],
    ]);
    expect(
      kinds('Az. 5 StR 123/20 vom 12.05.2021; Schaden 1.250,00 Euro; § 232a Abs. 1 Nr. 2 StGB.'),
    ).toEqual([]);
  });

  it('checks every published field of a decision, from HTML', () => {
    const flags = checkDecision({
      title: '',
      headnotes: '',
      tenor: '<p>Der Angeklagte wird verurteilt.</p>',
      facts:
        '<dl class="RspDL"><dt><a name="rd_1">1</a></dt><dd><p>Die Zeugin Ivanova lebte in der Lindenstraße 4.</p></dd></dl>',
      reasons: '<p>Die Zeugin A. ist glaubwürdig.</p>',
      dissent: '',
      summary_de: 'Geschädigte &amp; Zeugin Ivanova',
      summary_en: '',
    });
    expect(flags.map((f) => [f.field, f.kind, f.match])).toEqual([
      ['facts', 'name', 'Ivanova'],
      ['facts', 'address', 'Lindenstraße 4'],
      ['summary_de', 'name', 'Ivanova'],
    ]);
    expect(flags[0]!.context).toContain('Die Zeugin Ivanova lebte');
    expect(openFlags(flags, [{ kind: 'name', match: 'Ivanova' }]).map((f) => f.match)).toEqual([
      'Lindenstraße 4',
    ]);
  });

  it('strips tags and decodes entities', () => {
    expect(plainText('<p>A &amp; B</p><p>C&nbsp;D</p>')).toBe('A & B\nC D\n');
  });
});
