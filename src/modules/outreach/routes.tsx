import { Hono } from 'hono';
import { AppError, notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { botGuardErrors } from '../events/form-guard.tsx';
import { formStamp } from '../events/repo.ts';
import { contactSchema, listContactMessages, markContactDone, receiveContactMessage } from './contact.ts';
import {
  confirmSubscription,
  findByUnsubscribeToken,
  newsWithSends,
  sendNewsletter,
  subscribe,
  subscriberCounts,
  subscribeSchema,
  unsubscribe,
} from './newsletter.ts';
import {
  ContactOffice,
  ContactPage,
  DonatePage,
  MessagePage,
  NewsletterOffice,
  NewsletterPage,
  UnsubscribePage,
} from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const links = (c: Ctx) => ({
  publicUrl: c.get('deps').config.publicUrl,
  siteName: c.get('site').settings.name,
});

/** Public: the newsletter with double opt-in, the contact form and the donations page. */
export function outreachPublicRoutes() {
  const app = new Hono<AppEnv>();

  const newsletterPage = async (
    c: Ctx,
    extra: Partial<Parameters<typeof NewsletterPage>[0]> = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('outreach.newsletter_title'), status },
      <NewsletterPage
        t={c.get('t')}
        locale={contentLocale(c.get('locale'))}
        csrf={csrf(c)}
        stamp={await formStamp(db(c))}
        {...extra}
      />,
    );

  app.get('/newsletter', (c) => newsletterPage(c));
  app.post('/newsletter', async (c) => {
    const form = await readForm(c, subscribeSchema);
    const bot = await botGuardErrors(db(c), form.values);
    if (bot) return newsletterPage(c, { errors: bot, values: form.values }, 422);
    if (!form.ok) return newsletterPage(c, { errors: form.errors, values: form.values }, 422);
    await subscribe(db(c), form.data, c.get('ip'), links(c));
    c.get('deps').kickMail();
    return newsletterPage(c, { notice: c.get('t')('outreach.subscribe_check_mail') });
  });

  app.get('/newsletter/bestaetigen/:token', async (c) => {
    const t = c.get('t');
    const ok = await confirmSubscription(db(c), c.req.param('token'));
    return renderPage(
      c,
      { title: t('outreach.newsletter_title'), status: ok ? 200 : 404 },
      <MessagePage
        title={t('outreach.newsletter_title')}
        text={t(ok ? 'outreach.subscribe_confirmed' : 'outreach.link_invalid')}
        kind={ok ? 'success' : 'warning'}
      />,
    );
  });

  app.get('/newsletter/abmelden/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    const subscriber = await findByUnsubscribeToken(db(c), token);
    if (!subscriber) {
      return renderPage(
        c,
        { title: t('outreach.unsubscribe_title'), status: 404 },
        <MessagePage
          title={t('outreach.unsubscribe_title')}
          text={t('outreach.link_invalid')}
          kind="warning"
        />,
      );
    }
    return renderPage(
      c,
      { title: t('outreach.unsubscribe_title') },
      <UnsubscribePage t={t} locale={c.get('locale')} token={token} email={subscriber.email} />,
    );
  });

  // Also the target of RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) from mail programs.
  app.post('/newsletter/abmelden/:token', async (c) => {
    const t = c.get('t');
    const ok = await unsubscribe(db(c), c.req.param('token'));
    return renderPage(
      c,
      { title: t('outreach.unsubscribe_title'), status: ok ? 200 : 404 },
      <MessagePage
        title={t('outreach.unsubscribe_title')}
        text={t(ok ? 'outreach.unsubscribed' : 'outreach.link_invalid')}
        kind={ok ? 'success' : 'warning'}
      />,
    );
  });

  const contactPage = async (
    c: Ctx,
    extra: Partial<Parameters<typeof ContactPage>[0]> = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('outreach.contact_title'), status },
      <ContactPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        stamp={await formStamp(db(c))}
        {...extra}
      />,
    );

  app.get('/kontakt/nachricht', (c) => contactPage(c));
  app.post('/kontakt/nachricht', async (c) => {
    const form = await readForm(c, contactSchema);
    const bot = await botGuardErrors(db(c), form.values);
    if (bot) return contactPage(c, { errors: bot, values: form.values }, 422);
    if (!form.ok) return contactPage(c, { errors: form.errors, values: form.values }, 422);
    await receiveContactMessage(db(c), form.data, contentLocale(c.get('locale')), c.get('ip'), {
      email: c.get('site').settings.email,
      adminUrl: `${c.get('deps').config.publicUrl}/verwaltung/nachrichten`,
    });
    c.get('deps').kickMail();
    return contactPage(c, { notice: c.get('t')('outreach.contact_sent') });
  });

  app.get('/spenden', (c) =>
    renderPage(
      c,
      { title: c.get('t')('outreach.donate_title') },
      <DonatePage t={c.get('t')} settings={c.get('site').settings} />,
    ),
  );

  return app;
}

/** The office: newsletter sending and the contact form's messages. */
export function outreachOfficeRoutes() {
  const app = new Hono<AppEnv>();

  const newsletterOffice = async (
    c: Ctx,
    extra: { notice?: string; error?: string } = {},
    status: 200 | 409 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('outreach.office_newsletter_title'), status },
      <NewsletterOffice
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        counts={await subscriberCounts(db(c))}
        posts={await newsWithSends(db(c))}
        {...extra}
      />,
    );

  app.get('/newsletter', requirePermission('newsletter:send'), (c) => newsletterOffice(c));
  app.post('/newsletter/:id/senden', requirePermission('newsletter:send'), async (c) => {
    const id = uuidParam(c, 'id');
    try {
      const count = await sendNewsletter(db(c), id, actorOf(c), links(c));
      c.get('deps').kickMail();
      return newsletterOffice(c, { notice: c.get('t')('outreach.office_sent', { count }) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict')
        return newsletterOffice(c, { error: c.get('t')(err.messageKey) }, 409);
      throw err;
    }
  });

  app.get('/nachrichten', requirePermission('contact:read'), async (c) =>
    renderPage(
      c,
      { title: c.get('t')('outreach.office_messages_title') },
      <ContactOffice
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        messages={await listContactMessages(db(c))}
      />,
    ),
  );
  app.post('/nachrichten/:id/erledigt', requirePermission('contact:read'), async (c) => {
    const id = uuidParam(c, 'id');
    if (!(await markContactDone(db(c), id, actorOf(c)))) throw notFound();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/nachrichten'), 303);
  });

  return app;
}
