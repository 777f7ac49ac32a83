import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import { defaultSiteSettings } from '../site.ts';
import { renderPage } from '../ui/render.tsx';
import type { AppEnv } from './env.ts';

function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || c.req.path === '/healthz';
}

/** One place maps errors to responses: AppError → its status; anything else → 500 with a reference id. */
export async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  // an error thrown before the locale middleware ran still needs a working context
  if (!c.get('t')) {
    c.set('locale', 'de');
    c.set('t', translator('de'));
    c.set('pathInLocale', c.req.path);
  }
  if (!c.get('site')) c.set('site', { settings: defaultSiteSettings, demo: false });
  if (c.get('auth') === undefined) c.set('auth', null);
  const t = c.get('t');
  if (err instanceof AppError) {
    if (err.code === 'rate_limited' && err.params.minutes)
      c.header('Retry-After', String(Number(err.params.minutes) * 60));
    const firstField = Object.values(err.fields)[0];
    // for a single bad field, its own message says more than the general one
    const message =
      wantsJson(c) && firstField ? t(firstField.key, firstField.params) : t(err.messageKey, err.params);
    if (wantsJson(c)) {
      const field = Object.keys(err.fields)[0];
      return c.json(
        {
          error: {
            code: err.code,
            message,
            ...(field
              ? {
                  field,
                  details: Object.fromEntries(
                    Object.entries(err.fields).map(([f, i]) => [f, t(i.key, i.params)]),
                  ),
                }
              : {}),
          },
        },
        err.status,
      );
    }
    const fieldMessages = Object.values(err.fields).map((i) => t(i.key, i.params));
    return renderPage(
      c,
      { title: t(`error.title_${err.status}`), status: err.status },
      <div class="narrow error-page">
        <h1>{t(`error.title_${err.status}`)}</h1>
        <p>{message}</p>
        {fieldMessages.length > 0 ? (
          <ul>
            {fieldMessages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href={c.get('locale') === 'en' ? '/en' : '/'}>{t('error.to_home')}</a>
        </p>
      </div>,
    );
  }
  const reference = randomUUID().slice(0, 8);
  c.get('deps').logger.error(
    { err: { message: err.message, stack: err.stack }, reference, path: c.req.routePath },
    'unhandled error',
  );
  if (wantsJson(c))
    return c.json(
      { error: { code: 'internal', message: t('error.internal', { reference }), reference } },
      500,
    );
  return renderPage(
    c,
    { title: t('error.title_500'), status: 500 },
    <div class="narrow error-page">
      <h1>{t('error.title_500')}</h1>
      <p>{t('error.internal', { reference })}</p>
      <p>
        <a href={c.get('locale') === 'en' ? '/en' : '/'}>{t('error.to_home')}</a>
      </p>
    </div>,
  );
}
