import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Citation, formatNorm, normKey, normMatches, parseNormField, parseNorms } from './norms.ts';
import { KNOWN_BOOKS } from './norms-books.ts';

const keys = (text: string) => parseNorms(text).map(normKey);

// ---------------------------------------------------------------------------------------------------------
// Input → expected citations (as canonical keys: book, section, Abs, S, Nr, lit, range end, f./ff.), taken from
// decisions on trafficking, labour exploitation, residence and victims' compensation, and from the statutes.

const STGB: Array<[string, string[]]> = [
  ['§ 232a Abs. 1 Nr. 1 StGB', ['StGB §232a Abs1 Nr1']],
  ['§ 232a Abs. 1 Nr. 2 StGB', ['StGB §232a Abs1 Nr2']],
  ['§§ 232, 232a, 233, 233a StGB', ['StGB §232', 'StGB §232a', 'StGB §233', 'StGB §233a']],
  ['§ 232 Abs. 1 Satz 1 Nr. 1 Buchst. a StGB', ['StGB §232 Abs1 S1 Nr1 lita']],
  ['§ 232 Abs. 1 S. 1 Nr. 1 lit. b StGB', ['StGB §232 Abs1 S1 Nr1 litb']],
  ['§ 232b Abs. 1 StGB', ['StGB §232b Abs1']],
  ['§ 233 Abs. 1 Nr. 1 StGB', ['StGB §233 Abs1 Nr1']],
  ['§ 233a StGB', ['StGB §233a']],
  ['§ 232 Abs. 3 Satz 1 Nr. 1 StGB', ['StGB §232 Abs3 S1 Nr1']],
  ['§ 232a Abs. 3 StGB', ['StGB §232a Abs3']],
  ['§ 232a Abs. 4 i.V.m. § 232 Abs. 3 Satz 1 Nr. 2 StGB', ['StGB §232a Abs4', 'StGB §232 Abs3 S1 Nr2']],
  ['§ 266a Abs. 1 StGB', ['StGB §266a Abs1']],
  ['§ 266a Abs. 1, Abs. 2 Nr. 1 StGB', ['StGB §266a Abs1', 'StGB §266a Abs2 Nr1']],
  ['§ 291 Abs. 1 Satz 1 Nr. 3 StGB', ['StGB §291 Abs1 S1 Nr3']],
  ['§ 180a StGB', ['StGB §180a']],
  ['§ 180a Abs. 1 StGB', ['StGB §180a Abs1']],
  ['§ 181a Abs. 1 Nr. 2 StGB', ['StGB §181a Abs1 Nr2']],
  ['§ 181a Abs. 1 Nr. 1 und 2 StGB', ['StGB §181a Abs1 Nr1', 'StGB §181a Abs1 Nr2']],
  ['§ 184f StGB', ['StGB §184f']],
  ['§ 236 Abs. 1 StGB', ['StGB §236 Abs1']],
  ['§ 239 Abs. 1 StGB', ['StGB §239 Abs1']],
  ['§ 240 Abs. 1, Abs. 2 StGB', ['StGB §240 Abs1', 'StGB §240 Abs2']],
  ['§ 253 StGB', ['StGB §253']],
  ['§ 263 Abs. 1 StGB', ['StGB §263 Abs1']],
  ['§ 27 Abs. 1 StGB', ['StGB §27 Abs1']],
  ['§ 25 Abs. 2 StGB', ['StGB §25 Abs2']],
  ['§§ 52, 53 StGB', ['StGB §52', 'StGB §53']],
  ['§§ 73, 73c StGB', ['StGB §73', 'StGB §73c']],
  ['§ 46 Abs. 2 StGB', ['StGB §46 Abs2']],
  ['§ 56 Abs. 1 StGB', ['StGB §56 Abs1']],
  ['§ 177 Abs. 1, Abs. 6 Satz 2 Nr. 1 StGB', ['StGB §177 Abs1', 'StGB §177 Abs6 S2 Nr1']],
  ['§ 232 StGB a.F.', ['StGB §232']],
  ['§ 233 StGB aF', ['StGB §233']],
  ['§ 232 StGB n.F.', ['StGB §232']],
  ['§ 180b StGB a. F.', ['StGB §180b']],
  ['§ 181 Abs. 1 Nr. 2 StGB a.F.', ['StGB §181 Abs1 Nr2']],
  ['§ 180 a StGB', ['StGB §180a']],
  ['§ 232 a.F. StGB', ['StGB §232']],
];

const STPO: Array<[string, string[]]> = [
  ['§ 395 Abs. 1 Nr. 4 StPO', ['StPO §395 Abs1 Nr4']],
  ['§§ 403 ff. StPO', ['StPO §403ff.']],
  ['§ 406g StPO', ['StPO §406g']],
  ['§ 397a Abs. 1 Nr. 5 StPO', ['StPO §397a Abs1 Nr5']],
  ['§ 406f StPO', ['StPO §406f']],
  ['§ 153a Abs. 2 StPO', ['StPO §153a Abs2']],
  ['§ 154 Abs. 1 Nr. 1 StPO', ['StPO §154 Abs1 Nr1']],
  ['§ 260 Abs. 3 StPO', ['StPO §260 Abs3']],
  ['§ 349 Abs. 2 StPO', ['StPO §349 Abs2']],
  ['§ 349 Abs. 2 und 4 StPO', ['StPO §349 Abs2', 'StPO §349 Abs4']],
  ['§ 465 Abs. 1 StPO', ['StPO §465 Abs1']],
  ['§ 473 Abs. 1 Satz 1 StPO', ['StPO §473 Abs1 S1']],
  ['§ 472 Abs. 1 Satz 1 StPO', ['StPO §472 Abs1 S1']],
  ['§ 261 StPO', ['StPO §261']],
  ['§ 244 Abs. 3 Satz 2 StPO', ['StPO §244 Abs3 S2']],
  ['§ 68b StPO', ['StPO §68b']],
  ['§ 247a StPO', ['StPO §247a']],
  ['§ 255a Abs. 2 StPO', ['StPO §255a Abs2']],
  ['§ 58a StPO', ['StPO §58a']],
  ['§ 397a Abs. 1 StPO i.V.m. § 395 Abs. 1 Nr. 4 StPO', ['StPO §397a Abs1', 'StPO §395 Abs1 Nr4']],
  ['§ 395 der Strafprozessordnung', ['StPO §395']],
];

const AUFENTHALT: Array<[string, string[]]> = [
  ['§ 25 Abs. 4a AufenthG', ['AufenthG §25 Abs4a']],
  ['§ 25 Abs. 4a Satz 1 AufenthG', ['AufenthG §25 Abs4a S1']],
  ['§ 25 Abs. 4b AufenthG', ['AufenthG §25 Abs4b']],
  ['§ 25 Abs. 4a, 4b AufenthG', ['AufenthG §25 Abs4a', 'AufenthG §25 Abs4b']],
  ['§ 59 Abs 7 AufenthG', ['AufenthG §59 Abs7']],
  ['§ 59 Abs. 7 Satz 1 AufenthG', ['AufenthG §59 Abs7 S1']],
  ['§ 15a AufenthG', ['AufenthG §15a']],
  ['§ 60 Abs. 5 AufenthG', ['AufenthG §60 Abs5']],
  ['§ 60 Abs. 7 Satz 1 AufenthG', ['AufenthG §60 Abs7 S1']],
  ['§ 60 Abs. 5 und 7 AufenthG', ['AufenthG §60 Abs5', 'AufenthG §60 Abs7']],
  ['§ 60a Abs. 2 Satz 1 AufenthG', ['AufenthG §60a Abs2 S1']],
  ['§ 60a Abs. 2 S. 2 AufenthG', ['AufenthG §60a Abs2 S2']],
  ['§ 25 Abs. 5 AufenthG', ['AufenthG §25 Abs5']],
  ['§ 25 Abs. 3 AufenthG i.V.m. § 60 Abs. 5 AufenthG', ['AufenthG §25 Abs3', 'AufenthG §60 Abs5']],
  ['§ 5 Abs. 1 Nr. 1 AufenthG', ['AufenthG §5 Abs1 Nr1']],
  ['§ 11 Abs. 1 AufenthG', ['AufenthG §11 Abs1']],
  ['§ 72 Abs. 6 AufenthG', ['AufenthG §72 Abs6']],
  ['§ 95 Abs. 1 Nr. 2 AufenthG', ['AufenthG §95 Abs1 Nr2']],
  ['§ 4a Abs. 5 AufenthG', ['AufenthG §4a Abs5']],
  ['§ 53 Abs. 1 AufenthG', ['AufenthG §53 Abs1']],
  ['§ 25 Abs. 4a des Aufenthaltsgesetzes', ['AufenthG §25 Abs4a']],
  ['§ 3 Abs. 1 AsylG', ['AsylG §3 Abs1']],
  ['§ 4 Abs. 1 Satz 2 Nr. 2 AsylG', ['AsylG §4 Abs1 S2 Nr2']],
  ['§ 3a Abs. 2 Nr. 6 AsylG', ['AsylG §3a Abs2 Nr6']],
  ['§ 3 Abs. 1 S. 2 Nr. 1 lit. a', ['§3 Abs1 S2 Nr1 lita']],
  ['§ 29 Abs. 1 Nr. 2 AsylG', ['AsylG §29 Abs1 Nr2']],
  ['§ 77 Abs. 1 Satz 1 AsylG', ['AsylG §77 Abs1 S1']],
  ['§ 34a Abs. 1 AsylG', ['AsylG §34a Abs1']],
  ['§ 78 Abs. 3 Nr. 1 AsylG', ['AsylG §78 Abs3 Nr1']],
  ['§ 39 AufenthV', ['AufenthV §39']],
  ['§ 32 BeschV', ['BeschV §32']],
  ['§ 4 AsylbLG', ['AsylbLG §4']],
  ['§ 15 Abs. 1 FreizügG/EU', ['FreizügG/EU §15 Abs1']],
];

const ARTICLES: Array<[string, string[]]> = [
  ['Art. 4 EMRK', ['EMRK Art4']],
  ['Art. 4 Abs. 2 EMRK', ['EMRK Art4 Abs2']],
  ['Art. 3 EMRK', ['EMRK Art3']],
  ['Art. 8 Abs. 1 EMRK', ['EMRK Art8 Abs1']],
  ['Artikel 4 EMRK', ['EMRK Art4']],
  ['Art. 4 der EMRK', ['EMRK Art4']],
  ['Art 4 MRK', ['EMRK Art4']],
  ['Art. 3 Abs. 1 GG', ['GG Art3 Abs1']],
  ['Art. 1 Abs. 1 GG i.V.m. Art. 2 Abs. 1 GG', ['GG Art1 Abs1', 'GG Art2 Abs1']],
  ['Art. 2 Abs. 1 i.V.m. Art. 1 Abs. 1 GG', ['GG Art2 Abs1', 'GG Art1 Abs1']],
  ['Art. 2 Abs. 2 Satz 1 GG', ['GG Art2 Abs2 S1']],
  ['Art. 6 Abs. 1 und 2 GG', ['GG Art6 Abs1', 'GG Art6 Abs2']],
  ['Art. 12 Abs. 1 GG', ['GG Art12 Abs1']],
  ['Art. 16a Abs. 1 GG', ['GG Art16a Abs1']],
  ['Art. 19 Abs. 4 GG', ['GG Art19 Abs4']],
  ['Art. 103 Abs. 1 GG', ['GG Art103 Abs1']],
  ['Art. 101 Abs. 1 Satz 2 GG', ['GG Art101 Abs1 S2']],
  ['Art. 20 Abs. 3 GG', ['GG Art20 Abs3']],
  ['Art. 1 und 20 GG', ['GG Art1', 'GG Art20']],
  ['Art. 2 Abs. 1, 1 Abs. 1 GG', ['GG Art2 Abs1', 'GG Art1 Abs1']],
  ['Art. 3 Abs. 1 des Grundgesetzes', ['GG Art3 Abs1']],
  ['Artikel 5 Absatz 3 Satz 1 des Grundgesetzes', ['GG Art5 Abs3 S1']],
  ['Art. 3 Abs. 3 S. 1 Grundgesetz', ['GG Art3 Abs3 S1']],
  ['Art. 4 der Europäischen Menschenrechtskonvention', ['EMRK Art4']],
  ['Art. 4 der Konvention zum Schutz der Menschenrechte und Grundfreiheiten', ['EMRK Art4']],
  ['Art. 6 Abs. 1 EMRK i.V.m. Art. 13 EMRK', ['EMRK Art6 Abs1', 'EMRK Art13']],
  ['Art. 267 AEUV', ['AEUV Art267']],
  ['Art. 267 Abs. 3 AEUV', ['AEUV Art267 Abs3']],
  ['Art. 5 Abs. 3 GRCh', ['GRCh Art5 Abs3']],
  ['Art. 47 der Charta der Grundrechte der Europäischen Union', ['GRCh Art47']],
  ['Art. 6 EUV', ['EUV Art6']],
  ['Art. 2 der Richtlinie 2011/36/EU', ['RL 2011/36/EU Art2']],
  ['Art. 11 Abs. 2 RL 2011/36/EU', ['RL 2011/36/EU Art11 Abs2']],
  ['Art. 17 Abs. 1 der Verordnung (EU) Nr. 604/2013', ['VO (EU) 604/2013 Art17 Abs1']],
  ['Art. 3 I GG', ['GG Art3 Abs1']],
];

const SOCIAL_AND_LABOUR: Array<[string, string[]]> = [
  ['§ 1 Abs. 1 S. 1 OEG', ['OEG §1 Abs1 S1']],
  ['§ 1 Abs. 1 Satz 1 OEG', ['OEG §1 Abs1 S1']],
  ['§ 1 Abs. 1 Satz 1 des Opferentschädigungsgesetzes', ['OEG §1 Abs1 S1']],
  ['§ 1 des Gesetzes über die Entschädigung für Opfer von Gewalttaten', ['OEG §1']],
  ['§ 7 SGB IV', ['SGB IV §7']],
  ['§ 19 Abs. 1 SGB XIV', ['SGB XIV §19 Abs1']],
  ['§ 1 SGB XIV', ['SGB XIV §1']],
  ['§ 13 Abs. 1 SGB XIV', ['SGB XIV §13 Abs1']],
  ['§ 7 Abs. 1 Satz 1 Nr. 2 SGB II', ['SGB II §7 Abs1 S1 Nr2']],
  ['§ 7 Abs. 1 S. 2 Nr. 1 SGB II', ['SGB II §7 Abs1 S2 Nr1']],
  ['§ 23 SGB XII', ['SGB XII §23']],
  ['§ 44 SGB X', ['SGB X §44']],
  ['§ 2 SGB VII', ['SGB VII §2']],
  ['§ 1 SGB I', ['SGB I §1']],
  ['§ 7 Sozialgesetzbuch Zweites Buch', ['SGB II §7']],
  ['§ 7 des Zweiten Buches Sozialgesetzbuch', ['SGB II §7']],
  ['§ 31 des Sozialgesetzbuches Vierzehntes Buch', ['SGB XIV §31']],
  ['§ 7 Abs. 1 SGB IV i.V.m. § 14 SGB IV', ['SGB IV §7 Abs1', 'SGB IV §14']],
  ['§§ 10 bis 12 ArbSchG', ['ArbSchG §10-12']],
  ['§ 5 ArbSchG', ['ArbSchG §5']],
  ['§ 3 des Arbeitsschutzgesetzes', ['ArbSchG §3']],
  ['§ 4 Abs. 1 Nr. 2 MiLoG', ['MiLoG §4 Abs1 Nr2']],
  ['§ 1 MiLoG', ['MiLoG §1']],
  ['§ 21 Abs. 1 Nr. 9 MiLoG', ['MiLoG §21 Abs1 Nr9']],
  ['§ 8 Abs. 1 AEntG', ['AEntG §8 Abs1']],
  ['§ 1 Abs. 2 Nr. 1 SchwarzArbG', ['SchwarzArbG §1 Abs2 Nr1']],
  ['§ 10 SchwarzArbG', ['SchwarzArbG §10']],
  ['§ 3 Abs. 1 ProstSchG', ['ProstSchG §3 Abs1']],
  ['§ 1 ProstG', ['ProstG §1']],
  ['§ 611a BGB', ['BGB §611a']],
  ['§ 823 Abs. 2 BGB i.V.m. § 232 StGB', ['BGB §823 Abs2', 'StGB §232']],
  ['§ 823 Abs. 2 BGB i.V.m. § 263 StGB', ['BGB §823 Abs2', 'StGB §263']],
  ['§ 826 BGB', ['BGB §826']],
  ['§ 253 Abs. 2 BGB', ['BGB §253 Abs2']],
  ['§ 138 Abs. 1 und 2 BGB', ['BGB §138 Abs1', 'BGB §138 Abs2']],
  ['§ 823 Abs. 2 des Bürgerlichen Gesetzbuchs', ['BGB §823 Abs2']],
  ['§ 4 InsO, § 13 Abs 1 ZPO', ['InsO §4', 'ZPO §13 Abs1']],
  ['§ 15 KSchG', ['KSchG §15']],
  ['§ 2 Abs. 1 Nr. 3 Buchst. a ArbGG', ['ArbGG §2 Abs1 Nr3 lita']],
  ['§ 87 Abs. 1 Nr. 7 BetrVG', ['BetrVG §87 Abs1 Nr7']],
  ['§ 1 Abs. 1 Satz 1 AÜG', ['AÜG §1 Abs1 S1']],
  ['§ 114 Abs. 1 Satz 1 ZPO', ['ZPO §114 Abs1 S1']],
  ['§ 154 Abs. 2 VwGO', ['VwGO §154 Abs2']],
  ['§ 80 Abs. 5 VwGO', ['VwGO §80 Abs5']],
  ['§ 123 Abs. 1 VwGO', ['VwGO §123 Abs1']],
  ['§ 113 Abs. 5 Satz 1 VwGO', ['VwGO §113 Abs5 S1']],
  ['§ 49 VwVfG', ['VwVfG §49']],
  ['§ 17a GVG', ['GVG §17a']],
  ['§ 105 JGG', ['JGG §105']],
  ['§ 29a BtMG', ['BtMG §29a']],
  ['§ 130 OWiG', ['OWiG §130']],
  ['§ 193 SGG', ['SGG §193']],
  ['§ 76 Abs. 1 FamFG', ['FamFG §76 Abs1']],
  ['§ 56 IfSG', ['IfSG §56']],
  ['§ 5 TVöD', ['TVöD §5']],
];

const FORMS: Array<[string, string[]]> = [
  ['§ 232 Absatz 1 Satz 2 Nummer 3 Strafgesetzbuch', ['StGB §232 Abs1 S2 Nr3']],
  ['§ 263 I 1 StGB', ['StGB §263 Abs1 S1']],
  ['§ 232a Abs. 1 Nr. 1 Alt. 2 StGB', ['StGB §232a Abs1 Nr1']],
  ['§ 52 Abs. 1 Var. 2 StGB', ['StGB §52 Abs1']],
  ['§§ 232 bis 233a StGB', ['StGB §232-233a']],
  ['§§ 232 - 233a StGB', ['StGB §232-233a']],
  ['§§ 232–233a StGB', ['StGB §232-233a']],
  ['§ 10 bis § 12 ArbSchG', ['ArbSchG §10-12']],
  ['§ 232 Abs. 1 bis 3 StGB', ['StGB §232 Abs1-3']],
  ['§ 3 Abs. 1 Nr. 1 lit. a und b', ['§3 Abs1 Nr1 lita', '§3 Abs1 Nr1 litb']],
  ['§ 233 f. StGB', ['StGB §233f.']],
  ['§§ 232 ff. StGB', ['StGB §232ff.']],
  ['§232a StGB', ['StGB §232a']],
  ['§§232,233 StGB', ['StGB §232', 'StGB §233']],
  ['§ 232a\u00a0Abs.\u00a01 StGB', ['StGB §232a Abs1']],
  ['§ 232 iVm § 233 StGB', ['StGB §232', 'StGB §233']],
  ['§ 232 in Verbindung mit § 233 StGB', ['StGB §232', 'StGB §233']],
  ['§ 232 i. V. m. § 233 StGB', ['StGB §232', 'StGB §233']],
  ['§ 232 StGB sowie § 233 StGB', ['StGB §232', 'StGB §233']],
  ['§ 232 und § 233 StGB', ['StGB §232', 'StGB §233']],
  ['§§ 232, 233 StGB; § 266a StGB', ['StGB §232', 'StGB §233', 'StGB §266a']],
  ['§ 232 Abs. 1 StGB, § 233 Abs. 1 StGB', ['StGB §232 Abs1', 'StGB §233 Abs1']],
  ['§ 1 Abs. 1 Nr. 1 und Nr. 2', ['§1 Abs1 Nr1', '§1 Abs1 Nr2']],
  ['§ 232a Abs. 1 Nr. 1 und Abs. 3 StGB', ['StGB §232a Abs1 Nr1', 'StGB §232a Abs3']],
  ['§§ 232 Abs. 1, 233 Abs. 2 StGB', ['StGB §232 Abs1', 'StGB §233 Abs2']],
  ['§§ 232 Abs. 1, 233 StGB', ['StGB §232 Abs1', 'StGB §233']],
  ['Paragraph 232 StGB', ['StGB §232']],
  ['§§ 232, 233 des Strafgesetzbuches', ['StGB §232', 'StGB §233']],
  ['§ 232 des StGB', ['StGB §232']],
  ['Nr. 1 des § 3 ArbSchG', ['ArbSchG §3']],
  ['§ 25 Abs. 4a bzw. § 25 Abs. 5 AufenthG', ['AufenthG §25 Abs4a', 'AufenthG §25 Abs5']],
  ['§ 3 Abs. 1 Nrn. 1 bis 3 ArbSchG', ['ArbSchG §3 Abs1 Nr1-3']],
  ['§ 3 Abs. 1 lit. a bis c', ['§3 Abs1 lita-c']],
  ['Art. 4 Abs. 1 UAbs. 2 RL 2011/36/EU', ['RL 2011/36/EU Art4 Abs1']],
  ['§ 56 Abs. 2 Halbs. 1 AufenthG', ['AufenthG §56 Abs2']],
  ['§§ 232 Abs. 1 und 2, 233 StGB', ['StGB §232 Abs1', 'StGB §232 Abs2', 'StGB §233']],
  ['§ 5 Abs. 1 Nr. 2 Satz 1 und Nr. 3', ['§5 Abs1 S1 Nr2', '§5 Abs1 Nr3']],
  ['§ 25 Abs. 4a S. 1, Abs. 5 AufenthG', ['AufenthG §25 Abs4a S1', 'AufenthG §25 Abs5']],
  ['§ 2 Nr. 2 lit. b) BeschV', ['BeschV §2 Nr2 litb']],
  ['(§ 3 Abs. 1 lit. b) und § 5 ArbSchG', ['§3 Abs1 litb', 'ArbSchG §5']],
  ['Art. 6 EU', ['EU Art6']],
  ['Art. 234 EG', ['EG Art234']],
  ['Art. 6 EU-Grundrechtecharta', ['GRCh Art6']],
  ['§ 232 Abs. 1 Nr. 1a StGB', ['StGB §232 Abs1 Nr1a']],
  ['§ 1666 BGB', ['BGB §1666']],
  ['§§ 1, 2021 BGB', ['BGB §1', 'BGB §2021']],
  ['§ 20 Abs. 1 SGB II-Leistungen', ['SGB II §20 Abs1']],
  ['§ 3 ArbSchG,§ 4ArbSchG', ['ArbSchG §3', 'ArbSchG §4']],
];

const PROSE: Array<[string, string[]]> = [
  ['Die Art und Weise der Ausbeutung war erheblich.', []],
  ['Ein Artikel in der Zeitung berichtete im Jahr 2021 darüber.', []],
  ['Vgl. Fischer, StGB, 71. Aufl. 2024, S. 12 Rn. 5.', []],
  ['Nr. 5 der Anlage, Abs. 3 des Vertrags und Satz 2 des Protokolls', []],
  ['Art. und Umfang der Leistungen richten sich nach dem Bedarf.', []],
  ['Der Betrag von 1.250 EUR wurde am 21.05.2021 gezahlt.', []],
  ['Auf S. 12 f. der Akte findet sich der Vermerk.', []],
  ['Paragraphen sind keine Artikel; Arten und Abarten auch nicht.', []],
  ['§ oder §§ oder Art. ohne Zahl', []],
  ['Nach § 232, 2021 neu gefasst, gilt die Vorschrift fort.', ['§232']],
  ['Es geht um § 232a. Satz 2 davon gilt nicht; S. 3 ist eine Seite.', ['§232a']],
  ['Der BGH (§ 5 BGH) ist kein Gesetz.', ['§5']],
  ['Die Kammer (S. 4) verweist auf das Urteil vom 12. Mai 2021 – 1 C 10.20.', []],
];

// Long passages as they appear in decisions: several citations, prose traps (years, page numbers, "Art und Weise").
const PASSAGES: Array<[string, string[]]> = [
  [
    'Das Landgericht hat den Angeklagten wegen Menschenhandels gemäß § 232 Abs. 1 Satz 1 Nr. 1 Buchst. a StGB ' +
      'in Tateinheit mit Zwangsprostitution (§ 232a Abs. 1 Nr. 1 StGB) und Ausbeutung der Arbeitskraft nach ' +
      '§ 233 Abs. 1 Nr. 1 StGB zu einer Freiheitsstrafe von drei Jahren verurteilt. Die Nebenklägerin ist nach ' +
      '§ 395 Abs. 1 Nr. 4 StPO zum Anschluss befugt; ihr war gemäß § 397a Abs. 1 Nr. 5 StPO ein Beistand zu bestellen.',
    [
      'StGB §232 Abs1 S1 Nr1 lita',
      'StGB §232a Abs1 Nr1',
      'StGB §233 Abs1 Nr1',
      'StPO §395 Abs1 Nr4',
      'StPO §397a Abs1 Nr5',
    ],
  ],
  [
    'Die Klägerin begehrt die Erteilung einer Aufenthaltserlaubnis nach § 25 Abs. 4a Satz 1 AufenthG, hilfsweise ' +
      'die Feststellung eines Abschiebungsverbots nach § 60 Abs. 5 und 7 Satz 1 AufenthG i.V.m. Art. 3 EMRK. Die ' +
      'Ausreisefrist nach § 59 Abs. 7 AufenthG war ihr im Jahr 2021 eingeräumt worden (vgl. BVerwG, Urteil vom ' +
      '12. Mai 2021 – 1 C 10.20 –, S. 12).',
    ['AufenthG §25 Abs4a S1', 'AufenthG §60 Abs5', 'AufenthG §60 Abs7 S1', 'EMRK Art3', 'AufenthG §59 Abs7'],
  ],
  [
    'Der Anspruch auf Versorgung nach § 1 Abs. 1 Satz 1 OEG i.V.m. dem Bundesversorgungsgesetz besteht seit dem ' +
      '1. Januar 2024 nach Maßgabe des § 1 SGB XIV fort; Leistungen nach dem Sozialgesetzbuch Zweites Buch ' +
      '(§ 7 Abs. 1 SGB II) bleiben unberührt.',
    ['OEG §1 Abs1 S1', 'SGB XIV §1', 'SGB II §7 Abs1'],
  ],
  [
    'Der Schadensersatzanspruch folgt aus § 823 Abs. 2 BGB i.V.m. § 232 StGB sowie aus § 826 BGB; der Mindestlohn ' +
      'war nach §§ 1, 20 MiLoG geschuldet, Sozialversicherungsbeiträge wurden entgegen § 266a Abs. 1 StGB ' +
      'vorenthalten. Art und Weise der Unterbringung verstießen gegen §§ 3 bis 5 ArbSchG.',
    ['BGB §823 Abs2', 'StGB §232', 'BGB §826', 'MiLoG §1', 'MiLoG §20', 'StGB §266a Abs1', 'ArbSchG §3-5'],
  ],
  [
    'Die Verfassungsbeschwerde rügt eine Verletzung von Art. 2 Abs. 1 in Verbindung mit Art. 1 Abs. 1 GG sowie ' +
      'von Art. 19 Abs. 4 und Art. 103 Abs. 1 GG. Ein Artikel in der Zeitung vom 3. März 2021 ändert daran nichts.',
    ['GG Art2 Abs1', 'GG Art1 Abs1', 'GG Art19 Abs4', 'GG Art103 Abs1'],
  ],
  [
    'Der Gerichtshof stellte eine Verletzung von Art. 4 der Konvention zum Schutz der Menschenrechte und ' +
      'Grundfreiheiten fest (EGMR, Rantsev ./. Zypern und Russland, Nr. 25965/04, ECLI:CE:ECHR:2010:0107JUD002596504).',
    ['EMRK Art4'],
  ],
  [
    'Die Strafbarkeit nach den §§ 232, 232a, 232b, 233 und 233a StGB setzt eine Ausbeutung voraus; die ' +
      'Vorschriften wurden 2016 neu gefasst (BGBl. I S. 2226).',
    ['StGB §232', 'StGB §232a', 'StGB §232b', 'StGB §233', 'StGB §233a'],
  ],
  [
    'Als ernsthafter Schaden gilt nach § 4 Abs. 1 S. 2 Nr. 2 AsylG auch unmenschliche Behandlung; die ' +
      'Flüchtlingseigenschaft (§ 3 Abs. 1 AsylG) setzt Verfolgung voraus. Zur Beweislast vgl. S. 12 des Urteils.',
    ['AsylG §4 Abs1 S2 Nr2', 'AsylG §3 Abs1'],
  ],
  [
    'Ein Verstoß gegen § 3 Abs. 1 ArbSchG und §§ 1, 2 AEntG liegt nahe, da der Arbeitgeber 2019 und 2020 ' +
      'Nr. 3 der Vereinbarung missachtete; die Ordnungswidrigkeit ist nach § 23 AEntG zu ahnden.',
    ['ArbSchG §3 Abs1', 'AEntG §1', 'AEntG §2', 'AEntG §23'],
  ],
  [
    'Die Beiordnung eines Rechtsanwalts (§ 397a Abs. 1 StPO) und die Entschädigung im Adhäsionsverfahren ' +
      '(§§ 403 ff. StPO) stehen der Verletzten zu; Art. 11 Abs. 2 der Richtlinie 2011/36/EU verlangt dies.',
    ['StPO §397a Abs1', 'StPO §403ff.', 'RL 2011/36/EU Art11 Abs2'],
  ],
];

const RII_FIELDS: Array<[string, string[]]> = [
  ['§ 4 InsO, § 13 Abs 1 ZPO', ['InsO §4', 'ZPO §13 Abs1']],
  ['§ 59 Abs 7 AufenthG, § 25 Abs 4a AufenthG', ['AufenthG §59 Abs7', 'AufenthG §25 Abs4a']],
  ['Art 3 MRK, § 60 Abs 5 AufenthG', ['EMRK Art3', 'AufenthG §60 Abs5']],
  ['§ 7 Abs 1 S 1 Nr 2 SGB 2', ['SGB II §7 Abs1 S1 Nr2']],
  ['§ 2 Abs 1 Nr 1 AsylVfG 1992', ['AsylVfG §2 Abs1 Nr1']],
  ['Art 16a Abs 1 GG, Art 6 Abs 1 GG', ['GG Art16a Abs1', 'GG Art6 Abs1']],
  ['§ 1 Abs 1 S 1 OEG, § 10a OEG', ['OEG §1 Abs1 S1', 'OEG §10a']],
  ['§ 232 StGB, § 233 StGB', ['StGB §232', 'StGB §233']],
  ['Art 2 EGRL 36/2011', ['EGRL 36/2011 Art2']],
  ['§ 19 Abs 1 SGB 14', ['SGB XIV §19 Abs1']],
  ['§ 266a Abs 1 StGB, § 14 Abs 1 Nr 1 StGB', ['StGB §266a Abs1', 'StGB §14 Abs1 Nr1']],
  ['§ 3 Abs 1 Nr 1 AsylG, § 3b Abs 1 Nr 4 AsylG', ['AsylG §3 Abs1 Nr1', 'AsylG §3b Abs1 Nr4']],
];

const TABLE = { STGB, STPO, AUFENTHALT, ARTICLES, SOCIAL_AND_LABOUR, FORMS, PROSE, PASSAGES };

describe('parseNorms: table of citations from decisions and statutes', () => {
  it('has at least 150 cases', () => {
    const total = Object.values(TABLE).reduce((n, t) => n + t.length, 0) + RII_FIELDS.length;
    expect(total).toBeGreaterThanOrEqual(150);
  });
  for (const [name, cases] of Object.entries(TABLE)) {
    describe(name, () => {
      it.each(cases)('%s', (text, expected) => expect(keys(text)).toEqual(expected));
    });
  }
  describe('RII norm fields', () => {
    it.each(RII_FIELDS)('%s', (field, expected) =>
      expect(parseNormField(field).map(normKey)).toEqual(expected),
    );
  });
});

describe('parseNorms: full entries and offsets', () => {
  it('returns the shape of the API example', () => {
    expect(parseNorms('§ 232a Abs. 1 Nr. 2 StGB')).toEqual([
      {
        book: 'StGB',
        section: '232a',
        paragraph: '1',
        sentence: null,
        number: '2',
        letter: null,
        kind: 'paragraph_sign',
        raw: '§ 232a Abs. 1 Nr. 2 StGB',
        start: 0,
        end: 24,
      },
    ]);
  });

  it('gives each provision of a list its own span; the last one carries the book', () => {
    const text = 'nach §§ 232, 233 StGB und Art. 4 EMRK';
    const found = parseNorms(text);
    expect(found.map((c) => [c.raw, c.start, c.end, c.book, c.kind])).toEqual([
      ['§§ 232', 5, 11, 'StGB', 'paragraph_sign'],
      ['233 StGB', 13, 21, 'StGB', 'paragraph_sign'],
      ['Art. 4 EMRK', 26, 37, 'EMRK', 'article'],
    ]);
  });

  it('keeps a range as one entry with range_end, and f./ff. in following', () => {
    expect(parseNorms('§§ 10 bis 12 ArbSchG')[0]).toMatchObject({
      section: '10',
      range_end: '12',
      book: 'ArbSchG',
    });
    expect(parseNorms('§§ 403 ff. StPO')[0]).toMatchObject({ section: '403', following: 'ff' });
    expect(parseNorms('§ 232 Abs. 1 bis 3 StGB')[0]).toMatchObject({ paragraph: '1', range_end: '3' });
  });

  it('keeps Alt./Var./Halbs. as extra', () => {
    expect(parseNorms('§ 232a Abs. 1 Nr. 1 Alt. 2 StGB')[0]?.extra).toBe('Alt. 2');
  });

  it('leaves the book null when none is given', () => {
    expect(parseNorms('§ 3 Abs. 1 S. 2 Nr. 1 lit. a')[0]).toMatchObject({
      book: null,
      letter: 'a',
      sentence: '2',
    });
  });

  it('includes the year of a version in an RII field but not in running text', () => {
    expect(parseNormField('§ 2 AsylVfG 1992')[0]?.raw).toBe('§ 2 AsylVfG 1992');
    expect(parseNorms('§ 2 AsylVfG 1992')[0]?.raw).toBe('§ 2 AsylVfG');
  });
});

const cite = (text: string): Citation => parseNorms(text)[0]!;

describe('normKey, formatNorm, normMatches', () => {
  it.each([
    ['§ 232a Abs. 1 Nr. 2 StGB', 'StGB §232a Abs1 Nr2', '§ 232a Abs. 1 Nr. 2 StGB'],
    ['Art. 3 Abs. 1 GG', 'GG Art3 Abs1', 'Art. 3 Abs. 1 GG'],
    ['§ 59 Abs 7 AufenthG', 'AufenthG §59 Abs7', '§ 59 Abs. 7 AufenthG'],
    ['§ 3 Abs. 1 Satz 2 Nr. 1 Buchstabe a', '§3 Abs1 S2 Nr1 lita', '§ 3 Abs. 1 S. 2 Nr. 1 lit. a'],
    ['§§ 10 bis 12 ArbSchG', 'ArbSchG §10-12', '§§ 10 bis 12 ArbSchG'],
    ['§§ 403 ff. StPO', 'StPO §403ff.', '§§ 403 ff. StPO'],
    ['§ 7 Sozialgesetzbuch Zweites Buch', 'SGB II §7', '§ 7 SGB II'],
    ['Artikel 4 der Europäischen Menschenrechtskonvention', 'EMRK Art4', 'Art. 4 EMRK'],
    ['§ 232a Abs. 1 Nr. 1 Alt. 2 StGB', 'StGB §232a Abs1 Nr1', '§ 232a Abs. 1 Nr. 1 Alt. 2 StGB'],
  ])('%s → %s → %s', (text, key, display) => {
    expect(normKey(cite(text))).toBe(key);
    expect(formatNorm(cite(text))).toBe(display);
  });

  it.each([
    ['§ 232a StGB', '§ 232a Abs. 1 Nr. 2 StGB', true],
    ['§ 232a Abs. 1 StGB', '§ 232a Abs. 1 Nr. 2 StGB', true],
    ['§ 232a Abs. 1 Nr. 2 StGB', '§ 232a Abs. 1 Nr. 2 StGB', true],
    ['§ 232a Abs. 1 Nr. 2 StGB', '§ 232a Abs. 1 StGB', false],
    ['§ 232a Abs. 2 StGB', '§ 232a Abs. 1 Nr. 2 StGB', false],
    ['§ 232 StGB', '§ 232a StGB', false],
    ['§ 232 StGB', '§ 232 BGB', false],
    ['§ 232 StGB', 'Art. 232 StGB', false],
    ['§ 11 ArbSchG', '§§ 10 bis 12 ArbSchG', true],
    ['§ 13 ArbSchG', '§§ 10 bis 12 ArbSchG', false],
    ['§§ 232 bis 233a StGB', '§ 233 Abs. 1 Nr. 1 StGB', true],
    ['§§ 232 bis 233a StGB', '§ 233b StGB', false],
    ['§ 232 Abs. 2 StGB', '§ 232 Abs. 1 bis 3 StGB', true],
    ['§ 3 Nr. 1 ArbSchG', '§ 3 Abs. 1 Nr. 1 ArbSchG', true],
    ['Art. 3 GG', 'Art. 3 Abs. 3 Satz 1 GG', true],
    ['§ 7 SGB II', '§ 7 Abs. 1 S. 1 Nr. 2 SGB 2', true],
  ])('%s finds %s: %s', (query, cited, expected) => {
    expect(normMatches(cite(query), cite(cited))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties.

const FRAGMENTS = [
  '§',
  '§§',
  'Art.',
  'Artikel',
  'Art',
  ' ',
  ' ',
  ' ',
  '232a',
  '1',
  '12',
  '2021',
  'a',
  'b',
  'Abs.',
  'Abs',
  'S.',
  'Satz',
  'Nr.',
  'lit.',
  'Buchst.',
  'Alt.',
  ',',
  ';',
  'und',
  'sowie',
  'bis',
  '-',
  '–',
  'ff.',
  'f.',
  'i.V.m.',
  'iVm',
  'StGB',
  'SGB',
  'II',
  'XIV',
  'I',
  'GG',
  'EMRK',
  'des Strafgesetzbuches',
  'a.F.',
  'der',
  'Weise',
  '.',
  '(',
  ')',
  'Richtlinie 2011/36/EU',
  'InsO',
  '§ 232 ',
  'Art. 4 ',
  'Abs. 1 ',
  'Nr. 2 ',
  ', 233 ',
  ' StGB',
  ' bis 12',
];
const citationLike = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  citationLike,
);

describe('parseNorms: properties', () => {
  it('never throws, raw is the text between start and end, entries are in order and do not overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const parse of [parseNorms, parseNormField]) {
          const found = parse(text);
          found.forEach((c, i) => {
            expect(c.raw).toBe(text.slice(c.start, c.end));
            expect(c.start).toBeLessThan(c.end);
            const previous = found[i - 1];
            if (previous) expect(previous.end).toBeLessThanOrEqual(c.start);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  const value = fc.tuple(fc.integer({ min: 1, max: 2400 }), fc.constantFrom('', '', '', 'a', 'b', 'g'));
  const num = value.map(([n, l]) => `${n}${l}`);
  const level = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: null, freq: 2 });
  const letter = fc.constantFrom('a', 'b', 'c', 'aa', 'bb');
  const citation: fc.Arbitrary<Citation> = fc
    .record({
      book: fc.option(fc.constantFrom(...KNOWN_BOOKS), { nil: null }),
      kind: fc.constantFrom('paragraph_sign' as const, 'article' as const),
      section: num,
      paragraph: level(num),
      sentence: level(fc.integer({ min: 1, max: 9 }).map(String)),
      number: level(num),
      letter: level(letter),
      tail: fc.constantFrom('none', 'none', 'range', 'f', 'ff'),
      rangeEnd: fc.integer({ min: 1, max: 3000 }).map(String),
    })
    .map(({ tail, rangeEnd, ...c }) => {
      const out: Citation = { ...c, raw: '', start: 0, end: 0 };
      const end = out.letter !== null ? 'zz' : rangeEnd;
      if (tail === 'range') out.range_end = end;
      if (tail === 'f' || tail === 'ff') out.following = tail;
      return out;
    });

  it('formatNorm parses back to the same normKey', () => {
    fc.assert(
      fc.property(citation, (c) => {
        const back = parseNorms(formatNorm(c));
        expect(back.map(normKey)).toEqual([normKey(c)]);
        expect(normMatches(c, back[0]!)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a citation always finds itself and its sub-parts', () => {
    fc.assert(
      fc.property(citation, (c) => {
        const parent = { ...c, letter: null, number: null, range_end: undefined, following: undefined };
        expect(normMatches(c, c)).toBe(true);
        expect(normMatches(parent, c)).toBe(true);
      }),
    );
  });
});
