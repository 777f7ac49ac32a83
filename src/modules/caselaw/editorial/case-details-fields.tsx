import type { FieldErrors } from '../../../platform/errors.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { Field } from '../../../platform/ui/components.tsx';
import { exploitationForms } from '../../directory/vocabulary.ts';
import { ACTS, type CaseDetails, MEANS, PURPOSES, VICTIM_SEX } from '../case-details.ts';

const groups = [
  {
    name: 'exploitation',
    legend: 'caselaw.case.exploitation',
    values: exploitationForms,
    label: 'caselaw.exploitation',
  },
  { name: 'acts', legend: 'caselaw.case.acts', values: ACTS, label: 'caselaw.act' },
  { name: 'means', legend: 'caselaw.case.means', values: MEANS, label: 'caselaw.means' },
  { name: 'purposes', legend: 'caselaw.case.purposes', values: PURPOSES, label: 'caselaw.exploitation' },
  { name: 'victims_sex', legend: 'caselaw.case.victims_sex', values: VICTIM_SEX, label: 'caselaw.sex' },
] as const;

/** The case details in the office's editor: checkbox groups for the vocabularies, text fields for the rest. */
export function CaseDetailsFields(props: {
  t: Translate;
  d: CaseDetails;
  /** The submitted values when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, d, errors } = props;
  const chosen = (name: (typeof groups)[number]['name']) =>
    props.values ? (props.values[name] ?? '').split(',').filter(Boolean) : d[name];
  const values = props.values ?? {
    sentence: d.sentence,
    compensation_eur: d.compensation_eur ?? '',
    victims_count: d.victims_count === null ? '' : String(d.victims_count),
    victims_nationalities: d.victims_nationalities.join(', '),
  };
  return (
    <section aria-labelledby="case-details-title">
      <h2 id="case-details-title">{t('caselaw.case.title')}</h2>
      <p class="hint">{t('caselaw.case.hint')}</p>
      {groups.map((g) => (
        <fieldset>
          <legend>{t(g.legend)}</legend>
          {g.values.map((v) => (
            <label class="checkbox">
              <input type="checkbox" name={g.name} value={v} checked={chosen(g.name).includes(v)} />{' '}
              {t(`${g.label}.${v}` as MessageKey)}
            </label>
          ))}
        </fieldset>
      ))}
      <Field
        t={t}
        name="sentence"
        label={t('caselaw.case.sentence')}
        hint={t('caselaw.case.sentence_hint')}
        values={values}
        errors={errors}
        maxlength={500}
      />
      <Field
        t={t}
        name="compensation_eur"
        label={t('caselaw.case.compensation_eur')}
        values={values}
        errors={errors}
        inputmode="decimal"
        maxlength={20}
      />
      <Field
        t={t}
        name="victims_count"
        label={t('caselaw.case.victims_count')}
        values={values}
        errors={errors}
        inputmode="numeric"
        maxlength={6}
      />
      <Field
        t={t}
        name="victims_nationalities"
        label={t('caselaw.case.victims_nationalities')}
        hint={t('caselaw.case.nationalities_hint')}
        values={values}
        errors={errors}
        maxlength={300}
      />
    </section>
  );
}
