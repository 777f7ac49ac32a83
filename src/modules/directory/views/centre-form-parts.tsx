import type { FieldErrors } from '../../../platform/errors.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { Field } from '../../../platform/ui/components.tsx';
import { fieldLabel } from '../diff.ts';
import { type FormState, MAX_ROWS } from '../edit-schema.ts';
import { LANDS } from '../geo/geocode.ts';
import { accessibilityFeatures, addressPrivacyLevels } from '../vocabulary.ts';
import type { CentreFormProps } from './centre-form.tsx';

type Option = { value: string; label: string };

/** How many rows to show: every filled one plus an empty one to add another. */
function rowCount(state: FormState, list: 'locations' | 'phones'): number {
  let max = -1;
  for (const key of Object.keys(state)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Math.min(MAX_ROWS, max + 2);
}

export function Choices(props: {
  name: string;
  legend: string;
  options: Option[];
  state: FormState;
  t: Translate;
  errors?: FieldErrors;
}) {
  const picked = props.state[props.name];
  const chosen = Array.isArray(picked) ? picked : picked ? [picked] : [];
  const error = props.errors?.[props.name];
  return (
    <fieldset id={`f-${props.name}`} class={error ? 'has-error' : undefined}>
      <legend>{props.legend}</legend>
      {error ? <p class="field-error">{props.t(error.key, error.params)}</p> : null}
      <div class="filters">
        {props.options.map((o, i) => (
          <div class="field checkbox">
            <input
              type="checkbox"
              id={`f-${props.name}-${i}`}
              name={props.name}
              value={o.value}
              checked={chosen.includes(o.value)}
            />
            <label for={`f-${props.name}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Check({ name, label, state }: { name: string; label: string; state: FormState }) {
  return (
    <div class="field checkbox">
      <input type="checkbox" id={`f-${name}`} name={name} value="on" checked={state[name] === 'on'} />
      <label for={`f-${name}`}>{label}</label>
    </div>
  );
}

export type RowProps = CentreFormProps & { values: Record<string, string> };

export function LocationRows(props: RowProps) {
  const { t, state, errors, values } = props;
  const common = { t, values, errors };
  const privacy = addressPrivacyLevels.map((p) => ({ value: p, label: t(`directory.privacy.${p}`) }));
  const lands = [
    { value: '', label: t('directory.field.location.land_auto') },
    ...LANDS.map((l) => ({ value: l.key, label: l.name })),
  ];
  const access = accessibilityFeatures.map((k) => ({ value: k, label: t(`directory.accessibility.${k}`) }));
  return (
    <fieldset class="stack">
      <legend>{t('directory.form.locations')}</legend>
      <p class="hint">{t('directory.form.locations_hint')}</p>
      {Array.from({ length: rowCount(state, 'locations') }, (_, i) => {
        const p = `locations.${i}.`;
        const f = (sub: string) => fieldLabel(t, `${p}${sub}`);
        return (
          <fieldset class="stack">
            <legend>{t('directory.field.location_n', { n: i + 1 })}</legend>
            <Field name={`${p}name`} label={f('name')} maxlength={120} {...common} />
            <Field name={`${p}street`} label={f('street')} maxlength={200} {...common} />
            <Field
              name={`${p}postal_code`}
              label={f('postal_code')}
              inputmode="numeric"
              maxlength={5}
              {...common}
            />
            <Field
              name={`${p}city`}
              label={f('city')}
              hint={t('directory.field.location.city_hint')}
              maxlength={120}
              {...common}
            />
            <Field name={`${p}land`} label={f('land')} options={lands} {...common} />
            <Field
              name={`${p}address_privacy`}
              label={f('address_privacy')}
              options={privacy}
              value="city"
              {...common}
            />
            <Field
              name={`${p}opening_hours`}
              label={f('opening_hours')}
              hint={t('directory.field.location.opening_hours_hint')}
              maxlength={500}
              {...common}
            />
            <Choices
              name={`${p}accessibility`}
              legend={f('accessibility')}
              options={access}
              state={state}
              {...common}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export function PhoneRows(props: RowProps) {
  const { t, state, errors, values } = props;
  const common = { t, values, errors };
  return (
    <fieldset class="stack">
      <legend>{t('directory.form.phones')}</legend>
      <p class="hint">{t('directory.form.phones_hint')}</p>
      {Array.from({ length: rowCount(state, 'phones') }, (_, i) => {
        const p = `phones.${i}.`;
        return (
          <fieldset class="stack">
            <legend>{t('directory.field.phone_n', { n: i + 1 })}</legend>
            <Field
              name={`${p}number`}
              label={fieldLabel(t, `${p}number`)}
              type="tel"
              maxlength={40}
              {...common}
            />
            <Field
              name={`${p}description`}
              label={fieldLabel(t, `${p}description`)}
              maxlength={120}
              {...common}
            />
            <Field
              name={`${p}languages`}
              label={fieldLabel(t, `${p}languages`)}
              hint={t('directory.field.phone.languages_hint')}
              maxlength={200}
              {...common}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export function OfficeFields(props: RowProps & { office: NonNullable<CentreFormProps['office']> }) {
  const { t, state, errors, values, office } = props;
  const common = { t, values, errors };
  const organisations = [
    { value: '', label: t('directory.office.no_organisation') },
    ...office.organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <fieldset class="stack">
      <legend>{t('directory.form.office')}</legend>
      {office.baseUpdatedAt ? (
        <input type="hidden" name="base_updated_at" value={office.baseUpdatedAt} />
      ) : null}
      <Field
        name="slug"
        label={t('directory.field.slug')}
        hint={t('directory.field.slug_hint')}
        maxlength={81}
        {...common}
      />
      <Field
        name="organisation_id"
        label={t('directory.field.organisation_id')}
        options={organisations}
        {...common}
      />
      <Check name="is_member" label={t('directory.field.is_member')} state={state} />
      <Check name="published" label={t('directory.field.published')} state={state} />
      <Field name="verified_at" label={t('directory.field.verified_at')} type="date" {...common} />
    </fieldset>
  );
}
