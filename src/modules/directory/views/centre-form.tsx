import type { FieldErrors } from '../../../platform/errors.ts';
import type { Locale, MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field } from '../../../platform/ui/components.tsx';
import { fieldLabel } from '../diff.ts';
import type { FormState } from '../edit-schema.ts';
import { LANDS } from '../geo/geocode.ts';
import {
  centreServices,
  counsellingLanguages,
  exploitationForms,
  languageName,
  targetGroups,
} from '../vocabulary.ts';
import { Check, Choices, LocationRows, OfficeFields, PhoneRows } from './centre-form-parts.tsx';

export interface CentreFormProps {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  action: string;
  state: FormState;
  errors?: FieldErrors;
  submitLabel: string;
  /** Present on the office's form: the fields only the office sets. */
  office?: { organisations: Array<{ id: string; name: string }>; baseUpdatedAt?: string };
}

type Option = { value: string; label: string };

function strings(state: FormState): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
}

/** The one form of an entry: the centre's proposal and, with `office`, the office's direct edit. */
export function CentreForm(props: CentreFormProps) {
  const { t, locale, state, errors } = props;
  const values = strings(state);
  const common = { t, values, errors };
  const label = (path: string) => fieldLabel(t, path);
  const vocab = (prefix: string, keys: readonly string[]): Option[] =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as MessageKey) }));
  const languages = counsellingLanguages
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const labels = Object.fromEntries(Object.keys(errors ?? {}).map((k) => [k, label(k)]));
  return (
    <form method="post" action={props.action} class="stack">
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <Csrf token={props.csrf} />
      <fieldset class="stack">
        <legend>{t('directory.form.basics')}</legend>
        <Field name="name" label={label('name')} required maxlength={200} {...common} />
        <Field name="alternate_name" label={label('alternate_name')} maxlength={200} {...common} />
        <Field
          name="description_de"
          label={label('description_de')}
          multiline={5}
          maxlength={4000}
          {...common}
        />
        <Field
          name="description_en"
          label={label('description_en')}
          multiline={5}
          maxlength={4000}
          {...common}
        />
      </fieldset>
      <fieldset class="stack">
        <legend>{t('directory.form.contact')}</legend>
        <Field name="email" label={label('email')} type="email" maxlength={254} {...common} />
        <Field name="website" label={label('website')} type="url" maxlength={300} {...common} />
        <Check name="online_counselling" label={label('online_counselling')} state={state} />
        <Field name="online_url" label={label('online_url')} type="url" maxlength={300} {...common} />
      </fieldset>
      <fieldset class="stack">
        <legend>{t('directory.form.offer')}</legend>
        <Choices
          name="targets"
          legend={label('targets')}
          options={vocab('directory.target', targetGroups)}
          state={state}
          {...common}
        />
        <Choices
          name="exploitation"
          legend={label('exploitation')}
          options={vocab('directory.exploitation', exploitationForms)}
          state={state}
          {...common}
        />
        <Choices
          name="services"
          legend={label('services')}
          options={vocab('directory.service', centreServices)}
          state={state}
          {...common}
        />
        <Choices name="languages" legend={label('languages')} options={languages} state={state} {...common} />
      </fieldset>
      <fieldset class="stack">
        <legend>{t('directory.form.region')}</legend>
        <Check name="nationwide" label={label('nationwide')} state={state} />
        <Choices
          name="lands"
          legend={label('lands')}
          options={LANDS.map((l) => ({ value: l.key, label: l.name }))}
          state={state}
          {...common}
        />
      </fieldset>
      <LocationRows {...props} values={values} />
      <PhoneRows {...props} values={values} />
      {props.office ? <OfficeFields {...props} office={props.office} values={values} /> : null}
      <div class="actions">
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
