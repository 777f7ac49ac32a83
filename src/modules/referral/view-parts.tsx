import type { FieldErrors } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/http/env.ts';
import { formatDateTime, localePath, type Translate } from '../../platform/i18n/index.ts';
import { languageName } from '../directory/vocabulary.ts';
import type { historyOf } from './training-requests.ts';
import {
  audiences,
  LANDS,
  NATIONWIDE,
  regionKeys,
  speakerFormats,
  speakerLanguages,
  topics,
} from './vocabulary.ts';

export type Option = { value: string; label: string };
export const lp = (c: Ctx, path: string) => localePath(c.get('locale'), path);

export const audienceOptions = (t: Translate): Option[] =>
  audiences.map((a) => ({ value: a, label: t(`referral.audience.${a}`) }));
export const topicOptions = (t: Translate): Option[] =>
  topics.map((k) => ({ value: k, label: t(`referral.topic.${k}`) }));
export const formatOptions = (t: Translate): Option[] =>
  speakerFormats.map((k) => ({ value: k, label: t(`referral.format.${k}`) }));
export const languageOptions = (locale: string): Option[] =>
  speakerLanguages
    .map((k) => ({ value: k, label: languageName(k, locale) }))
    .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : a.label.localeCompare(b.label, locale)));
export const landOptions = (t: Translate): Option[] => [
  { value: '', label: t('referral.land_none') },
  ...LANDS.map((l) => ({ value: l.key, label: l.name })),
];
export const regionOptions = (t: Translate): Option[] =>
  regionKeys.map((k) => ({
    value: k,
    label: k === NATIONWIDE ? t('referral.nationwide') : (LANDS.find((l) => l.key === k)?.name ?? k),
  }));

/** A group of checkboxes with a legend; the error is tied to the group for screen readers. */
export function Choices(props: {
  name: string;
  legend: string;
  options: Option[];
  chosen: readonly string[];
  t: Translate;
  errors?: FieldErrors;
  hint?: string;
}) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  return (
    <fieldset
      id={id}
      class={error ? 'choices has-error' : 'choices'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.t(error.key, error.params)}
        </p>
      ) : null}
      <div class="filters">
        {props.options.map((o, i) => (
          <div class="field checkbox">
            <input
              type="checkbox"
              id={`${id}-${i}`}
              name={props.name}
              value={o.value}
              checked={props.chosen.includes(o.value)}
            />
            <label for={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean }) {
  return (
    <div class="field checkbox">
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="1" checked={props.checked} />
      <label for={`f-${props.name}`}>{props.label}</label>
    </div>
  );
}

/** The hidden trap field: people never see it, form-filling bots fill it. */
export function Honeypot({ t }: { t: Translate }) {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for="f-website">{t('referral.field_website')}</label>
      <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
    </div>
  );
}

export const labelList = (
  t: Translate,
  prefix: 'referral.topic' | 'referral.audience' | 'referral.format',
  keys: readonly string[],
) => keys.map((k) => t(`${prefix}.${k}` as 'referral.topic.other')).join(', ');

export function History({
  c,
  rows,
  kind,
}: {
  c: Ctx;
  rows: Awaited<ReturnType<typeof historyOf>>;
  kind: 'training' | 'speaker';
}) {
  const t = c.get('t');
  const statusLabel = (s: string | null) =>
    t(
      `${kind === 'training' ? 'referral.training.status' : 'referral.request.status'}.${s ?? 'new'}` as 'referral.request.status.new',
    );
  const what = (h: (typeof rows)[number]) => {
    if (h.action === 'created') return t('referral.office.history.created');
    if (h.action === 'note') return t('referral.office.history.note');
    if (h.action === 'status') return t('referral.office.history.status', { status: statusLabel(h.status) });
    return t(`referral.office.history.${h.action}` as 'referral.office.history.proposed', {
      speaker: h.speaker_name ?? '',
    });
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('referral.office.history')}</h2>
      <ol class="history">
        {rows.map((h) => (
          <li>
            <strong>{formatDateTime(c.get('locale'), h.at)}</strong> · {what(h)} ·{' '}
            {h.actor_name ?? t(`referral.office.actor.${h.actor_kind}`)}
            {h.note ? (
              <p>
                {h.action === 'status' ? `${t('referral.office.history.message')}: ` : ''}
                {h.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Links between the office's pages of this module. */
export function OfficeNav({ c }: { c: Ctx }) {
  const t = c.get('t');
  const links: Array<[string, string]> = [
    ['/verwaltung/schulungsanfragen', t('referral.office.training_title')],
    ['/verwaltung/vermittlung', t('referral.office.requests_title')],
    ['/verwaltung/referentinnen', t('referral.office.pool_title')],
    ['/verwaltung/vermittlung/statistik', t('referral.office.stats_title')],
  ];
  const here = c.get('pathInLocale');
  return (
    <nav aria-label={t('referral.office.subnav')}>
      <ul class="inline-list">
        {links.map(([path, label]) => (
          <li>
            <a href={lp(c, path)} aria-current={here === path ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
