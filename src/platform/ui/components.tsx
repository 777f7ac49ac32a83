import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';

/** The one form helper: label, input, hint and error wired together for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  t: Translate;
  errors?: FieldErrors;
  values?: Record<string, string>;
  type?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'email' | 'search' | 'none' | 'url' | 'tel' | 'text' | 'numeric' | 'decimal';
  value?: string;
  multiline?: number;
  options?: Array<{ value: string; label: string }>;
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  const error = props.errors?.[props.name];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const value = props.values?.[props.name] ?? props.value ?? '';
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  let control: Child;
  if (props.options) {
    control = (
      <select {...common}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (props.multiline) {
    control = (
      <textarea {...common} rows={props.multiline} maxlength={props.maxlength}>
        {value}
      </textarea>
    );
  } else {
    control = (
      <input
        {...common}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
      />
    );
  }
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required"> ({props.t('form.required')})</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.t(error.key, error.params)}
        </p>
      ) : null}
      {control}
    </div>
  );
}

/** Lists every problem at the top of a form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary({
  errors,
  t,
  labels,
}: {
  errors?: FieldErrors;
  t: Translate;
  labels: Record<string, string>;
}) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t('form.error_summary')}</h2>
      <ul>
        {Object.entries(errors).map(([field, issue]) => (
          <li>
            {labels[field] ? <a href={`#f-${field}`}>{`${labels[field]}: `}</a> : null}
            {t(issue.key, issue.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Csrf({ token }: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={token ?? ''} />;
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: Child;
  kind?: 'info' | 'success' | 'warning';
}) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}
