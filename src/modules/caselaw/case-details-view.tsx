import type { Db } from '../../db/types.ts';
import { contentLocale, type Locale, type MessageKey, type Translate } from '../../platform/i18n/index.ts';
import { type CaseDetails, countryName, formatEuros, hasCaseDetails } from './case-details.ts';

export async function caseDetailsOf(db: Db, id: string): Promise<CaseDetails | undefined> {
  return db
    .selectFrom('caselaw_decisions')
    .select([
      'exploitation',
      'acts',
      'means',
      'purposes',
      'sentence',
      'compensation_eur',
      'victims_count',
      'victims_sex',
      'victims_nationalities',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The case details on the public decision page, as a definition list; nothing when none are recorded. */
export function CaseDetailsSection(props: {
  t: Translate;
  locale: Locale;
  details: CaseDetails | undefined;
}) {
  const { t, details: d } = props;
  if (!d || !hasCaseDetails(d)) return null;
  const locale = contentLocale(props.locale);
  const labels = (prefix: string, keys: string[]) =>
    keys.map((k) => t(`${prefix}.${k}` as MessageKey)).join(', ');
  const rows: Array<[MessageKey, string]> = [];
  if (d.exploitation.length)
    rows.push(['caselaw.case.exploitation', labels('caselaw.exploitation', d.exploitation)]);
  if (d.acts.length) rows.push(['caselaw.case.acts', labels('caselaw.act', d.acts)]);
  if (d.means.length) rows.push(['caselaw.case.means', labels('caselaw.means', d.means)]);
  if (d.purposes.length) rows.push(['caselaw.case.purposes', labels('caselaw.exploitation', d.purposes)]);
  if (d.sentence) rows.push(['caselaw.case.sentence', d.sentence]);
  if (d.compensation_eur !== null)
    rows.push(['caselaw.case.compensation_eur', formatEuros(d.compensation_eur, locale)]);
  if (d.victims_count !== null) rows.push(['caselaw.case.victims_count', String(d.victims_count)]);
  if (d.victims_sex.length) rows.push(['caselaw.case.victims_sex', labels('caselaw.sex', d.victims_sex)]);
  if (d.victims_nationalities.length)
    rows.push([
      'caselaw.case.victims_nationalities',
      d.victims_nationalities.map((c) => countryName(c, locale)).join(', '),
    ]);
  return (
    <section class="decision-section case-details">
      <h2>{t('caselaw.case.title')}</h2>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
