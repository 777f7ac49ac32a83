/**
 * The report as files: PDF, XLSX and CSV, all built from the same protected report (`DataReport`, the JSON of the
 * API) — never from records — so no output can show a figure the JSON withholds. Suppressed figures have no value
 * in any file: the PDF prints `< k` with the legend, the XLSX leaves the cell empty (with a note `< k`), the CSV
 * leaves the value empty and marks the row as withheld.
 *
 * CSV layout (a decision, see docs/decisions/0017): one file in long form — one line per figure with the table,
 * row and column keys and labels — rather than several tables one after another or a ZIP: a single rectangular
 * table reads into every statistics tool and spreadsheet, and the totals are lines with the key `_total`.
 */

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type PdfDoc, renderPdf } from '../../../platform/files/pdf-document.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { Codebook, Lang } from '../codebook.ts';
import { legend, type ProtectedCell, percentages } from '../disclosure.ts';
import { categoryLabel, type DataReport, type ReportTable, tableTitles } from '../report.ts';
import { barsOf, chartable } from './charts.tsx';
import type { Comparison } from './compare.ts';

export type ReportFormat = 'json' | 'pdf' | 'xlsx' | 'csv';
export const reportFormats: readonly ReportFormat[] = ['json', 'pdf', 'xlsx', 'csv'];

export const mediaTypes: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ReportFile {
  name: string;
  media_type: string;
  content: Uint8Array;
}

const numberLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'de-DE');
const titleOf = (table: ReportTable, lang: Lang) => tableTitles[table.id]?.[lang] ?? table.title;
const isOneWay = (table: ReportTable) => table.cols.length === 1 && table.cols[0] === 'n';
const published = (table: ReportTable) => !table.total.suppressed;

function labeller(codebook: Codebook, table: ReportTable, lang: Lang) {
  return (axis: 'rows' | 'cols', key: string) => categoryLabel(codebook, table.id, axis, key, lang);
}

/** The file of one format (JSON as the API answers it). */
export async function reportFile(
  report: DataReport,
  codebook: Codebook,
  format: ReportFormat,
  lang: Lang,
  comparison: Comparison | null = null,
): Promise<ReportFile> {
  const name = `datenbericht-${report.year}.${format}`;
  const content =
    format === 'json'
      ? Buffer.from(`${JSON.stringify(report, null, 2)}\n`)
      : format === 'csv'
        ? reportCsv(report, codebook, lang)
        : format === 'xlsx'
          ? await reportXlsx(report, codebook, lang)
          : await reportPdf(report, codebook, lang, comparison);
  return { name, media_type: mediaTypes[format], content };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

export function reportCsv(report: DataReport, codebook: Codebook, lang: Lang): Buffer {
  const t = translator(lang);
  const lines: Array<Array<string | number>> = [
    [
      'year',
      'threshold',
      'table',
      'table_title',
      'row',
      'row_label',
      'col',
      'col_label',
      'value',
      'suppressed',
      'multiple',
    ],
  ];
  for (const table of report.tables) {
    const label = labeller(codebook, table, lang);
    const add = (row: string, col: string, cell: ProtectedCell) =>
      lines.push([
        report.year,
        report.threshold,
        table.id,
        titleOf(table, lang),
        row,
        row === '_total' ? t('data.export.total') : label('rows', row),
        col,
        col === '_total' ? t('data.export.total') : label('cols', col),
        cell.suppressed || cell.value === null ? '' : cell.value,
        cell.suppressed ? 1 : 0,
        table.multiple ? 1 : 0,
      ]);
    table.rows.forEach((row, i) => {
      for (const [j, col] of table.cols.entries()) add(row, col, table.cells[i]![j]!);
      if (!isOneWay(table)) add(row, '_total', table.row_totals[i]!);
    });
    if (!isOneWay(table))
      for (const [j, col] of table.cols.entries()) add('_total', col, table.col_totals[j]!);
    add('_total', '_total', table.total);
  }
  return Buffer.from(`\uFEFF${stringify(lines, { delimiter: ';', record_delimiter: '\r\n' })}`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

function sheetName(id: string, used: Set<string>): string {
  let name = id.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${id.slice(0, 28)}_${i}`;
  used.add(name);
  return name;
}

export async function reportXlsx(report: DataReport, codebook: Codebook, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const k = report.threshold;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KOK-Plattform';
  workbook.title = t('data.export.title', { year: report.year });
  const used = new Set<string>();
  const overview = workbook.addWorksheet(sheetName(lang === 'de' ? 'Überblick' : 'Overview', used));
  overview.columns = [{ width: 48 }, { width: 16 }];
  overview.addRow([t('data.export.title', { year: report.year })]).font = { bold: true, size: 14 };
  overview.addRow([t('data.export.year'), report.year]);
  overview.addRow([t('data.export.threshold'), k]);
  overview.addRow([t('data.export.codebook', { version: report.codebook })]);
  overview.addRow([t('data.export.documented'), report.documented]);
  overview.addRow([t('data.export.released'), report.released]);
  overview.addRow([]);
  overview.addRow([legend(k)[lang]]);
  overview.addRow([t('data.export.suppressed_note', { k })]);
  overview.addRow([t('data.export.method_text', { k })]);
  overview.getColumn(1).alignment = { wrapText: true, vertical: 'top' };

  const suppressedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E5E5' } };
  const put = (cell: ExcelJS.Cell, value: ProtectedCell) => {
    if (value.suppressed || value.value === null) {
      cell.value = null;
      cell.fill = suppressedFill;
      cell.note = `< ${k}`;
    } else cell.value = value.value;
  };

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.id, used));
    const label = labeller(codebook, table, lang);
    sheet.getColumn(1).width = 44;
    sheet.addRow([titleOf(table, lang)]).font = { bold: true, size: 12 };
    if (!published(table)) {
      sheet.addRow([t('data.export.not_published_table', { k })]);
      continue;
    }
    const oneWay = isOneWay(table);
    const header = sheet.addRow([
      '',
      ...(oneWay
        ? [label('cols', 'n')]
        : [...table.cols.map((c) => label('cols', c)), t('data.export.total')]),
    ]);
    header.font = { bold: true };
    table.rows.forEach((row, i) => {
      const line = sheet.addRow([label('rows', row)]);
      for (const [j, cell] of table.cells[i]!.entries()) put(line.getCell(j + 2), cell);
      if (!oneWay) put(line.getCell(table.cols.length + 2), table.row_totals[i]!);
    });
    const totals = sheet.addRow([t('data.export.total')]);
    totals.font = { bold: true };
    if (!oneWay) for (const [j, cell] of table.col_totals.entries()) put(totals.getCell(j + 2), cell);
    put(totals.getCell(oneWay ? 2 : table.cols.length + 2), table.total);
    sheet.addRow([]);
    sheet.addRow([legend(k)[lang]]);
    if (table.multiple) sheet.addRow([t('data.export.method_multiple')]);
    for (let j = 2; j <= table.cols.length + 2; j++) sheet.getColumn(j).width = 14;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

const BLUE = '#1f5f8b';

export async function reportPdf(
  report: DataReport,
  codebook: Codebook,
  lang: Lang,
  comparison: Comparison | null = null,
): Promise<Buffer> {
  const t = translator(lang);
  const k = report.threshold;
  const fmt = (n: number) => n.toLocaleString(numberLocale(lang));
  const show = (cell: ProtectedCell) => (cell.suppressed || cell.value === null ? `< ${k}` : fmt(cell.value));
  const title = t('data.export.title', { year: report.year });
  return renderPdf({ title, language: lang === 'en' ? 'en-GB' : 'de-DE' }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
    const ensure = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };
    const contents: Array<{ title: string; page: number }> = [];
    const currentPage = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    const heading = (text: string) => {
      ensure(80);
      contents.push({ title: text, page: currentPage() });
      doc
        .moveDown(0.5)
        .font('Helvetica-Bold')
        .fontSize(14)
        .fillColor(BLUE)
        .text(text, left, doc.y, { width });
      doc.fillColor('black').font('Helvetica').fontSize(10).moveDown(0.4);
    };

    // title page
    doc
      .font('Helvetica-Bold')
      .fontSize(28)
      .fillColor(BLUE)
      .text(title, left, 220, { width, align: 'center' });
    doc.moveDown(1).font('Helvetica').fontSize(14).fillColor('black');
    doc.text(t('data.export.subtitle'), { width, align: 'center' });
    doc.moveDown(2).fontSize(11);
    doc.text(t('data.export.codebook', { version: report.codebook }), { width, align: 'center' });
    doc.text(`${t('data.export.threshold')}: ${k}`, { width, align: 'center' });
    doc.text(t('data.export.created', { date: new Date().toLocaleDateString(numberLocale(lang)) }), {
      width,
      align: 'center',
    });

    // contents: page 2 is filled in at the end, when the page numbers are known
    doc.addPage();
    const contentsPage = currentPage() - 1;

    doc.addPage();
    heading(t('data.export.overview'));
    const summary = [
      [t('data.export.documented'), report.documented === null ? `< ${k}` : fmt(report.documented)],
      [t('data.export.released'), report.released === null ? `< ${k}` : fmt(report.released)],
    ];
    for (const [label, value] of summary) doc.text(`${label}: ${value}`, left, doc.y, { width });
    doc.moveDown(0.5).fontSize(9).text(legend(k)[lang], { width });
    doc.fontSize(10);

    for (const table of report.tables) {
      heading(titleOf(table, lang));
      if (!published(table)) {
        doc.text(t('data.export.not_published_table', { k }), left, doc.y, { width });
        continue;
      }
      drawTable(
        doc,
        table,
        codebook,
        lang,
        show,
        t,
        comparison?.tables[table.id]?.rows ?? null,
        comparison?.year,
      );
      doc.moveDown(0.3).fontSize(8).fillColor('#333333');
      const base = table.total.value === null ? '' : `n = ${fmt(table.total.value)}. `;
      doc.text(`${base}${table.multiple ? t('data.export.method_multiple') : ''}`, left, doc.y, { width });
      doc.text(legend(k)[lang], left, doc.y, { width });
      doc.fillColor('black').fontSize(10);
      if (chartable(table))
        drawChart(
          doc,
          barsOf(table, (key) => categoryLabel(codebook, table.id, 'rows', key, lang)),
          k,
          fmt,
        );
    }

    heading(t('data.export.method'));
    doc.text(t('data.export.method_text', { k }), left, doc.y, { width, align: 'left' });
    doc.moveDown(0.5).text(t('data.export.method_multiple'), { width });
    doc.moveDown(0.5).text(t('data.export.method_comparison'), { width });

    // the contents page, now that every heading's page is known
    doc.switchToPage(contentsPage);
    doc
      .font('Helvetica-Bold')
      .fontSize(18)
      .fillColor(BLUE)
      .text(t('data.export.contents'), left, doc.page.margins.top, { width });
    doc.moveDown(0.6).font('Helvetica').fontSize(11).fillColor('black');
    for (const entry of contents) {
      const y = doc.y;
      doc.text(entry.title, left, y, { width: width - 50 });
      doc.text(String(entry.page), left + width - 40, y, { width: 40, align: 'right' });
      doc.moveDown(0.2);
    }
    // page numbers in the footer
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .fontSize(8)
        .fillColor('#555555')
        .text(`${title} · ${t('data.export.page', { page: i + 1 })}`, left, doc.page.height - 36, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottomMargin;
    }
  });
}

function drawTable(
  doc: PdfDoc,
  table: ReportTable,
  codebook: Codebook,
  lang: Lang,
  show: (cell: ProtectedCell) => string,
  t: ReturnType<typeof translator>,
  previous: Array<number | null> | null,
  previousYear: number | undefined,
) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const label = labeller(codebook, table, lang);
  const oneWay = isOneWay(table);
  const pct = percentages({ ...table, published: true }, oneWay ? 'total' : 'col');
  const header = oneWay
    ? [label('cols', 'n'), '%', ...(previous && previousYear ? [String(previousYear)] : [])]
    : [...table.cols.map((c) => label('cols', c)), t('data.export.total')];
  const body: string[][] = table.rows.map((row, i) => {
    const cells = table.cells[i]!.map(show);
    if (oneWay) {
      const p = pct.cells[i]![0];
      cells.push(p === null || p === undefined ? '–' : `${p.toLocaleString(numberLocale(lang))} %`);
      if (previous) {
        const v = previous[i];
        cells.push(v === null || v === undefined ? '–' : v.toLocaleString(numberLocale(lang)));
      }
    } else cells.push(show(table.row_totals[i]!));
    return [label('rows', row), ...cells];
  });
  const footer = oneWay
    ? [t('data.export.total'), show(table.total), '', ...(previous ? [''] : [])]
    : [t('data.export.total'), ...table.col_totals.map(show), show(table.total)];
  const labelWidth = Math.min(190, width * 0.4);
  const colWidth = (width - labelWidth) / header.length;
  const fontSize = header.length > 6 ? 7 : 9;
  const rowHeight = fontSize + 7;
  const drawRow = (cells: string[], bold: boolean, fill?: string) => {
    const height = Math.max(
      rowHeight,
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(fontSize)
        .heightOfString(cells[0] ?? '', { width: labelWidth - 4 }) + 6,
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    if (fill) doc.rect(left, y, width, height).fill(fill).fillColor('black');
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    doc.text(cells[0] ?? '', left + 2, y + 3, { width: labelWidth - 4 });
    cells.slice(1).forEach((cell, j) => {
      doc.text(cell, left + labelWidth + j * colWidth, y + 3, {
        width: colWidth - 4,
        align: 'right',
        lineBreak: false,
      });
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(['', ...header], true, '#e8eef3');
  for (const row of body) drawRow(row, false);
  drawRow(footer, true);
  doc.font('Helvetica').fontSize(10);
}

function drawChart(doc: PdfDoc, bars: ReturnType<typeof barsOf>, k: number, fmt: (n: number) => string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rowHeight = 12;
  const height = bars.length * rowHeight + 16;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
  const top = doc.y + 8;
  const labelWidth = 170;
  const barWidth = width - labelWidth - 50;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  doc.fontSize(7).fillColor('black');
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    doc.text(bar.label, left, y + 2, {
      width: labelWidth - 6,
      align: 'right',
      lineBreak: false,
      height: rowHeight,
    });
    const w = bar.value === null ? 0 : (bar.value / max) * barWidth;
    if (w > 0)
      doc
        .rect(left + labelWidth, y + 1, w, rowHeight - 3)
        .fill(BLUE)
        .fillColor('black');
    doc.text(bar.value === null ? `< ${k}` : fmt(bar.value), left + labelWidth + w + 4, y + 2, {
      lineBreak: false,
    });
  });
  doc.x = left;
  doc.y = top + height;
  doc.fontSize(10);
}
