import { stringify } from 'csv-stringify/sync';
import type { Locale, MessageKey, Translate } from '../../platform/i18n/index.ts';
import type { TrackerRow } from './repo.ts';

const k = (key: string) => key as MessageKey;

/** Spreadsheet programs run cells that start with = + - @ as formulas: such text gets a leading apostrophe. */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The tracker as CSV (UTF-8 with BOM so spreadsheet programs read the umlauts), headings in the page language. */
export function trackerCsv(rows: TrackerRow[], t: Translate, locale: Locale): string {
  const de = locale === 'de';
  const header = [
    t('monitoring.col_instrument'),
    t('monitoring.col_round'),
    t('monitoring.col_paragraph'),
    t('monitoring.col_recommendation'),
    t('monitoring.field_addressee'),
    t('monitoring.field_topics'),
    t('monitoring.col_status'),
    t('monitoring.col_date'),
    t('monitoring.reasoning'),
    t('monitoring.sources'),
  ];
  const body = rows.map((r) => [
    de ? r.instrument_de : r.instrument_en,
    de ? r.round_de : r.round_en,
    r.paragraph,
    de || !r.text_en ? r.text_de : r.text_en,
    r.addressee,
    r.topics.map((topic) => t(k(`monitoring.topic.${topic}`))).join('; '),
    t(k(`monitoring.status.${r.status ?? 'none'}`)),
    r.assessed_on ?? '',
    r.reasoning ?? '',
    (r.sources ?? '').replace(/\r?\n/g, '; '),
  ]);
  return `\uFEFF${stringify(
    [header, ...body].map((row) => row.map(cell)),
    { record_delimiter: '\r\n' },
  )}`;
}
