/**
 * The import templates, generated from the codebook of a reporting year.
 *
 * CSV: UTF-8 with byte-order mark and `;` as delimiter, because that is what German Excel writes and reads by
 * default (with `,` it puts everything into one column); the import accepts `,` too. The CSV holds the header row
 * only (variable keys); the allowed values are explained in the XLSX template and by `kok data codebook`.
 *
 * XLSX: a sheet "Daten" with the header row (text-formatted columns so Excel does not turn `2025-03` into a date,
 * selection lists for single values), a sheet "Erläuterung" describing every column in German and English, and a
 * sheet "Werte" holding the lists the selections refer to.
 */
import ExcelJS from 'exceljs';
import { allowedValues, type Codebook, valueLabel } from '../codebook.ts';
import {
  describeCondition,
  describeType,
  hasSelectionList,
  importColumns,
  MULTI_SEPARATOR,
  valueList,
} from './columns.ts';

export const CSV_DELIMITER = ';';
const BOM = '\uFEFF';
/** Rows of the data sheet that carry formats and selection lists. */
const TEMPLATE_ROWS = 2000;

export function templateFileName(year: number, format: 'csv' | 'xlsx'): string {
  return `datenerhebung-${year}-vorlage.${format}`;
}

export function csvTemplate(codebook: Codebook): Buffer {
  const header = importColumns(codebook)
    .map((v) => v.key)
    .join(CSV_DELIMITER);
  return Buffer.from(`${BOM}${header}\r\n`, 'utf8');
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function xlsxTemplate(codebook: Codebook, year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KOK-Plattform';
  workbook.title = `Datenerhebung ${year} – Importvorlage`;
  const columns = importColumns(codebook);

  const data = workbook.addWorksheet('Daten', { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = workbook.addWorksheet('Erläuterung');
  const lists = workbook.addWorksheet('Werte');

  data.columns = columns.map((v) => ({ header: v.key, key: v.key, width: Math.max(14, v.key.length + 4) }));
  data.getRow(1).font = { bold: true };
  columns.forEach((variable, i) => {
    const column = data.getColumn(i + 1);
    column.numFmt = '@';
    const cell = data.getCell(1, i + 1);
    cell.note = `${variable.label.de} / ${variable.label.en}`;
  });

  // one column per selection list on the sheet "Werte"; the data sheet refers to it
  const validations = (data as unknown as { dataValidations: { add(a: string, v: unknown): void } })
    .dataValidations;
  let listColumn = 0;
  columns.forEach((variable, i) => {
    if (!hasSelectionList(variable)) return;
    const values = allowedValues(codebook, variable) ?? [];
    const letter = columnLetter(listColumn++);
    lists.getCell(`${letter}1`).value = variable.key;
    lists.getCell(`${letter}1`).font = { bold: true };
    values.forEach((value, j) => {
      lists.getCell(`${letter}${j + 2}`).value = value;
    });
    const target = columnLetter(i);
    validations.add(`${target}2:${target}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`Werte!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorTitle: variable.key,
      error: 'Bitte einen Wert aus der Liste wählen. / Please choose a value from the list.',
    });
  });

  help.columns = [
    { header: 'Spalte / column', width: 22 },
    { header: 'Bezeichnung', width: 40 },
    { header: 'Label', width: 40 },
    { header: 'Pflicht / required', width: 12 },
    { header: 'Format', width: 50 },
    { header: 'Bedingung / condition', width: 50 },
    { header: 'Erlaubte Werte / allowed values', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const variable of columns) {
    const values = valueList(codebook, variable, 'de')
      .map(([key, label]) => `${key} – ${label}`)
      .join('\n');
    const row = help.addRow([
      variable.key,
      `${variable.label.de}\n${variable.help.de}`,
      `${variable.label.en}\n${variable.help.en}`,
      variable.required ? 'ja / yes' : 'nein / no',
      `${describeType(variable, 'de')}\n${describeType(variable, 'en')}`,
      variable.condition ? `${describeCondition(variable, 'de')}\n${describeCondition(variable, 'en')}` : '',
      values,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  const notes = [
    `Mehrere Angaben in einer Zelle werden durch ${MULTI_SEPARATOR} getrennt. / Several values in one cell are separated by ${MULTI_SEPARATOR}.`,
    'Keine Namen, kein Geburtsdatum, keine Adresse, kein Freitext. / No names, no date of birth, no address, no free text.',
    'Die Fallnummern vergibt die Plattform. / The platform assigns the case numbers.',
    `Ländercodes: siehe Blatt „Werte“ (Spalte nationality). / Country codes: see sheet “Werte” (column nationality). Beispiel/example: NG – ${valueLabel(codebook, columns.find((c) => c.type === 'country')?.key ?? columns[0]!.key, 'NG', 'de')}`,
  ];
  for (const note of notes) help.addRow([note]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
