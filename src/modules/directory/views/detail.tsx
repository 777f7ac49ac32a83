import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { telHref } from '../../../platform/ui/layout.tsx';
import { formatSlots } from '../opening-hours.ts';
import {
  description,
  effectiveShelterStatus,
  labelList,
  landList,
  languageList,
  visibleAddress,
} from '../present.ts';
import type { CentreRecord } from '../types.ts';
import { EmergencyBox } from './emergency.tsx';

export function CentreDetail({
  centre,
  t,
  locale,
  officePhone,
}: {
  centre: CentreRecord;
  t: Translate;
  locale: Locale;
  officePhone: string;
}) {
  const base = localePath(locale, '/fachberatungsstellen');
  const shelter = effectiveShelterStatus(centre);
  return (
    <article class="centre">
      <p class="no-print">
        <a href={base}>{t('directory.back_to_search')}</a>
      </p>
      <h1>{centre.name}</h1>
      {centre.alternateName ? <p class="lead">{centre.alternateName}</p> : null}
      <p class="result-meta">
        {centre.isMember ? <span class="badge">{t('directory.member')}</span> : null}
        {centre.isDemo ? <span class="badge">{t('admin.demo')}</span> : null}
      </p>
      {description(centre, locale) ? <p>{description(centre, locale)}</p> : null}

      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('directory.contact')}</h2>
        <ul class="contact-list">
          {centre.phones.map((p) => (
            <li>
              {p.description ? `${p.description}: ` : ''}
              <a href={`tel:${telHref(p.number)}`}>{p.number}</a>
              {p.languages.length ? <span class="hint"> ({languageList(p.languages, locale)})</span> : null}
            </li>
          ))}
          {centre.email ? (
            <li>
              {t('layout.email')}: <a href={`mailto:${centre.email}`}>{centre.email}</a>
            </li>
          ) : null}
          {centre.website ? (
            <li>
              {t('directory.website')}:{' '}
              <a href={centre.website} rel="noreferrer">
                {centre.website.replace(/^https?:\/\//, '')}
              </a>
            </li>
          ) : null}
          {centre.onlineCounselling ? (
            <li>
              {t('directory.online_badge')}
              {centre.onlineUrl ? (
                <>
                  {': '}
                  <a href={centre.onlineUrl} rel="noreferrer">
                    {centre.onlineUrl.replace(/^https?:\/\//, '')}
                  </a>
                </>
              ) : null}
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('directory.locations')}</h2>
        {centre.locations.map((l) => {
          const lines = visibleAddress(l);
          return (
            <div class="location">
              {l.name ? <h3>{l.name}</h3> : null}
              {lines.length > 0 ? (
                <address>
                  {lines.map((line, i) => (
                    <>
                      {i > 0 ? <br /> : null}
                      {line}
                    </>
                  ))}
                </address>
              ) : null}
              {l.addressPrivacy !== 'public' ? (
                <p class="hint">
                  {t(
                    l.addressPrivacy === 'city'
                      ? 'directory.address_city_only'
                      : 'directory.address_on_request',
                  )}
                </p>
              ) : null}
              {l.openingHours.length > 0 ? (
                <p>
                  {t('directory.hours')}: {formatSlots(l.openingHours, locale === 'de' ? 'de' : 'en')}
                </p>
              ) : null}
              {l.accessibility.length > 0 ? (
                <p>
                  {t('directory.accessibility')}: {labelList(t, 'directory.accessibility', l.accessibility)}
                </p>
              ) : null}
            </div>
          );
        })}
      </section>

      <section aria-labelledby="offer-title">
        <h2 id="offer-title">{t('directory.offer')}</h2>
        <dl class="facts">
          <dt>{t('directory.target')}</dt>
          <dd>{labelList(t, 'directory.target', centre.targets) || '–'}</dd>
          <dt>{t('directory.exploitation')}</dt>
          <dd>{labelList(t, 'directory.exploitation', centre.exploitation) || '–'}</dd>
          <dt>{t('directory.service')}</dt>
          <dd>{labelList(t, 'directory.service', centre.services) || '–'}</dd>
          <dt>{t('directory.language')}</dt>
          <dd>{languageList(centre.languages, locale) || '–'}</dd>
          <dt>{t('directory.responsible_for')}</dt>
          <dd>{centre.nationwide ? t('directory.nationwide') : landList(centre.lands)}</dd>
          {centre.services.includes('accommodation') ? (
            <>
              <dt>{t('directory.shelter')}</dt>
              <dd>
                {t(`directory.shelter.${shelter}`)}
                {shelter !== 'unknown' && centre.shelterUpdatedAt
                  ? ` (${t('directory.as_of', { date: formatDateTime(locale, centre.shelterUpdatedAt) })})`
                  : ''}
              </dd>
            </>
          ) : null}
          {centre.verifiedAt ? (
            <>
              <dt>{t('directory.verified')}</dt>
              <dd>{centre.verifiedAt}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <p class="no-print actions">
        <a class="button-link" href={`${base}/${centre.slug}/vcard`}>
          {t('directory.vcard')}
        </a>
        <a class="button-link" href={`${base}/${centre.slug}?ansicht=druck`}>
          {t('directory.print')}
        </a>
      </p>
      <EmergencyBox t={t} officePhone={officePhone} />
    </article>
  );
}
