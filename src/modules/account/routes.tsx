import { Hono } from 'hono';
import { audit } from '../../platform/audit.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../platform/auth/api-tokens.ts';
import { endSession, listSessions } from '../../platform/auth/sessions.ts';
import { totpQrSvg, totpUri } from '../../platform/auth/totp.ts';
import { notFound, validationFields } from '../../platform/errors.ts';
import { clearSessionCookie, pendingStep, requireUser, setSessionCookie } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { requiresTwoFactor } from '../../platform/permissions.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { acceptInvitation, findOpenInvitation } from '../admin/users.ts';
import {
  acceptInvitationSchema,
  changePasswordSchema,
  codeSchema,
  forgotSchema,
  loginSchema,
  newPasswordSchema,
  safeNext,
  tokenNameSchema,
} from './schema.ts';
import {
  beginTotpSetup,
  changePassword,
  confirmTotpSetup,
  countUnusedRecoveryCodes,
  findValidReset,
  login,
  replaceRecoveryCodes,
  requestPasswordReset,
  resetPassword,
  verifySecondFactor,
} from './service.ts';
import { AccountOverview, SessionList, TokenList, TotpEnabled, TotpSetup } from './views/account.tsx';
import { CodeForm, ForgotForm, LoginForm, MessagePage, NewPasswordForm } from './views/auth.tsx';

const meta = (c: Ctx) => ({ ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null });
const policy = (c: Ctx) => ({
  idleMinutes: c.get('deps').config.SESSION_IDLE_MINUTES,
  maxHours: c.get('deps').config.SESSION_MAX_HOURS,
});
const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const to = (c: Ctx, path: string) => c.redirect(localePath(c.get('locale'), path), 303);

/** Logging in and out, second factor, forgotten passwords, invitations. */
export function authRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/anmelden', (c) => {
    const t = c.get('t');
    const notice =
      c.req.query('abgemeldet') === '1'
        ? t('auth.logged_out')
        : c.req.query('passwort') === '1'
          ? t('auth.password_was_reset')
          : undefined;
    return renderPage(
      c,
      { title: t('auth.login_title') },
      <LoginForm
        t={t}
        locale={c.get('locale')}
        next={safeNext(c.req.query('next')) ?? undefined}
        notice={notice}
      />,
    );
  });

  app.post('/anmelden', async (c) => {
    const t = c.get('t');
    const form = await readForm(c, loginSchema);
    const show = (errors: Parameters<typeof LoginForm>[0]['errors'], status: 422) =>
      renderPage(
        c,
        { title: t('auth.login_title'), status },
        <LoginForm
          t={t}
          locale={c.get('locale')}
          values={form.values}
          errors={errors}
          next={safeNext(form.values.next) ?? undefined}
        />,
      );
    if (!form.ok) return show(form.errors, 422);
    try {
      const result = await login(db(c), form.data, meta(c), policy(c));
      setSessionCookie(c, result.sessionToken);
      const pending = pendingStep({
        user: result.user,
        via: 'session',
        session: { idHash: '', csrfToken: '', mfaPassed: false, createdAt: new Date() },
      });
      if (pending === 'code') return to(c, '/anmelden/code');
      if (pending === 'setup') return to(c, '/konto/zwei-faktor');
      return c.redirect(safeNext(form.data.next) ?? localePath(c.get('locale'), '/konto'), 303);
    } catch (err) {
      return show(validationFields(err), 422);
    }
  });

  app.get('/anmelden/code', requireUser({ allowPending: true }), (c) => {
    if (pendingStep(c.get('auth')!) !== 'code') return to(c, '/konto');
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('auth.code_title') },
      <CodeForm t={t} locale={c.get('locale')} csrf={csrf(c)} />,
    );
  });

  app.post('/anmelden/code', requireUser({ allowPending: true }), async (c) => {
    const t = c.get('t');
    const auth = c.get('auth')!;
    if (pendingStep(auth) !== 'code') return to(c, '/konto');
    const form = await readForm(c, codeSchema);
    const show = (errors: Parameters<typeof CodeForm>[0]['errors']) =>
      renderPage(
        c,
        { title: t('auth.code_title'), status: 422 },
        <CodeForm t={t} locale={c.get('locale')} csrf={csrf(c)} errors={errors} />,
      );
    if (!form.ok) return show(form.errors);
    try {
      const token = await verifySecondFactor(
        db(c),
        auth.user,
        auth.session!.idHash,
        form.data.code,
        meta(c),
        policy(c),
      );
      setSessionCookie(c, token);
      return to(c, '/konto');
    } catch (err) {
      return show(validationFields(err));
    }
  });

  app.post('/abmelden', requireUser({ allowPending: true }), async (c) => {
    const auth = c.get('auth')!;
    if (auth.session) await endSession(db(c), auth.session.idHash);
    await audit(db(c), {
      actorId: auth.user.id,
      actorLabel: auth.user.role,
      action: 'auth.logout',
      ip: c.get('ip'),
    });
    clearSessionCookie(c);
    return c.redirect(`${localePath(c.get('locale'), '/anmelden')}?abgemeldet=1`, 303);
  });

  app.get('/passwort-vergessen', (c) => {
    const t = c.get('t');
    return renderPage(c, { title: t('auth.forgot_title') }, <ForgotForm t={t} locale={c.get('locale')} />);
  });

  app.post('/passwort-vergessen', async (c) => {
    const t = c.get('t');
    const form = await readForm(c, forgotSchema);
    if (!form.ok) {
      return renderPage(
        c,
        { title: t('auth.forgot_title'), status: 422 },
        <ForgotForm t={t} locale={c.get('locale')} values={form.values} errors={form.errors} />,
      );
    }
    await requestPasswordReset(
      db(c),
      form.data.email,
      meta(c),
      c.get('deps').config,
      contentLocale(c.get('locale')),
    );
    c.get('deps').kickMail();
    return renderPage(
      c,
      { title: t('auth.forgot_title') },
      <ForgotForm t={t} locale={c.get('locale')} sent />,
    );
  });

  const resetView = (
    c: Ctx,
    token: string,
    extra: { values?: Record<string, string>; errors?: Parameters<typeof NewPasswordForm>[0]['errors'] } = {},
  ) => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('auth.reset_title'), status: extra.errors ? 422 : 200 },
      <NewPasswordForm
        t={t}
        locale={c.get('locale')}
        title={t('auth.reset_title')}
        action={localePath(c.get('locale'), `/passwort-zuruecksetzen/${token}`)}
        {...extra}
      />,
    );
  };
  const invalidLink = (c: Ctx, key: 'auth.reset_link_invalid' | 'auth.invitation_invalid') => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('auth.link_invalid_title'), status: 404 },
      <MessagePage title={t('auth.link_invalid_title')} text={t(key)} />,
    );
  };

  app.get('/passwort-zuruecksetzen/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await findValidReset(db(c), token))) return invalidLink(c, 'auth.reset_link_invalid');
    return resetView(c, token);
  });

  app.post('/passwort-zuruecksetzen/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readForm(c, newPasswordSchema);
    if (!form.ok) return resetView(c, token, { errors: form.errors });
    if (!(await findValidReset(db(c), token))) return invalidLink(c, 'auth.reset_link_invalid');
    await resetPassword(db(c), token, form.data.password, meta(c));
    return c.redirect(`${localePath(c.get('locale'), '/anmelden')}?passwort=1`, 303);
  });

  const inviteView = (
    c: Ctx,
    token: string,
    extra: { values?: Record<string, string>; errors?: Parameters<typeof NewPasswordForm>[0]['errors'] } = {},
  ) => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('auth.invitation_title'), status: extra.errors ? 422 : 200 },
      <NewPasswordForm
        t={t}
        locale={c.get('locale')}
        title={t('auth.invitation_title')}
        intro={t('auth.invitation_intro')}
        withName
        action={localePath(c.get('locale'), `/einladung/${token}`)}
        {...extra}
      />,
    );
  };

  app.get('/einladung/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await findOpenInvitation(db(c), token))) return invalidLink(c, 'auth.invitation_invalid');
    return inviteView(c, token);
  });

  app.post('/einladung/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readForm(c, acceptInvitationSchema);
    if (!form.ok) return inviteView(c, token, { values: form.values, errors: form.errors });
    if (!(await findOpenInvitation(db(c), token))) return invalidLink(c, 'auth.invitation_invalid');
    await acceptInvitation(db(c), token, form.data, meta(c), contentLocale(c.get('locale')));
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('auth.invitation_title') },
      <MessagePage
        title={t('auth.invitation_done_title')}
        text={t('auth.invitation_done')}
        link={{ href: localePath(c.get('locale'), '/anmelden'), label: t('auth.login_title') }}
      />,
    );
  });

  return app;
}

/** The account's own pages: overview, password, 2FA, sessions, API tokens. */
export function accountRoutes() {
  const app = new Hono<AppEnv>();

  async function overview(
    c: Ctx,
    extra: { notice?: string; errors?: Parameters<typeof AccountOverview>[0]['errors'] } = {},
  ) {
    const t = c.get('t');
    const user = c.get('auth')!.user;
    const org = user.organisation_id
      ? await db(c)
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', user.organisation_id)
          .executeTakeFirst()
      : undefined;
    return renderPage(
      c,
      { title: t('account.title'), status: extra.errors ? 422 : 200 },
      <AccountOverview
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        user={user}
        organisationName={org?.name ?? null}
        recoveryCodesLeft={await countUnusedRecoveryCodes(db(c), user.id)}
        {...extra}
      />,
    );
  }

  app.get('/', requireUser(), (c) =>
    overview(c, {
      notice: c.req.query('passwort') === '1' ? c.get('t')('account.password_changed') : undefined,
    }),
  );

  app.post('/passwort', requireUser(), async (c) => {
    const form = await readForm(c, changePasswordSchema);
    if (!form.ok) return overview(c, { errors: form.errors });
    const auth = c.get('auth')!;
    try {
      await changePassword(
        db(c),
        auth.user,
        form.data.current_password,
        form.data.password,
        auth.session?.idHash,
        meta(c),
      );
    } catch (err) {
      return overview(c, { errors: validationFields(err) });
    }
    return to(c, '/konto?passwort=1');
  });

  async function twoFactorView(c: Ctx, errors?: Parameters<typeof TotpSetup>[0]['errors']) {
    const t = c.get('t');
    const user = c.get('auth')!.user;
    if (user.totp_enabled_at) {
      return renderPage(
        c,
        { title: t('account.two_factor'), status: errors ? 422 : 200 },
        <TotpEnabled
          t={t}
          locale={c.get('locale')}
          csrf={csrf(c)}
          codesLeft={await countUnusedRecoveryCodes(db(c), user.id)}
          errors={errors}
        />,
      );
    }
    // keep the secret shown while the person retries a code; make one the first time
    const secret = errors && user.totp_secret ? user.totp_secret : await beginTotpSetup(db(c), user);
    const qrSvg = await totpQrSvg(totpUri(c.get('site').settings.shortName, user.email, secret));
    return renderPage(
      c,
      { title: t('account.totp_setup_title'), status: errors ? 422 : 200 },
      <TotpSetup
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        secret={secret}
        qrSvg={qrSvg}
        required={requiresTwoFactor(user.role) && !user.mfa_exempt}
        errors={errors}
      />,
    );
  }

  app.get('/zwei-faktor', requireUser({ allowPending: true }), (c) => {
    if (pendingStep(c.get('auth')!) === 'code') return to(c, '/anmelden/code');
    return twoFactorView(c);
  });

  app.post('/zwei-faktor', requireUser({ allowPending: true }), async (c) => {
    const auth = c.get('auth')!;
    if (pendingStep(auth) === 'code') return to(c, '/anmelden/code');
    const form = await readForm(c, codeSchema);
    if (!form.ok) return twoFactorView(c, form.errors);
    try {
      const result = await confirmTotpSetup(
        db(c),
        auth.user,
        auth.session!.idHash,
        form.data.code,
        meta(c),
        policy(c),
      );
      setSessionCookie(c, result.sessionToken);
      const t = c.get('t');
      return renderPage(
        c,
        { title: t('account.two_factor') },
        <TotpEnabled t={t} locale={c.get('locale')} recoveryCodes={result.recoveryCodes} codesLeft={10} />,
      );
    } catch (err) {
      return twoFactorView(c, validationFields(err));
    }
  });

  app.post('/zwei-faktor/wiederherstellungscodes', requireUser(), async (c) => {
    const auth = c.get('auth')!;
    const form = await readForm(c, codeSchema);
    if (!form.ok) return twoFactorView(c, form.errors);
    try {
      // proving possession of the authenticator again before new codes are issued
      const token = await verifySecondFactor(
        db(c),
        auth.user,
        auth.session!.idHash,
        form.data.code,
        meta(c),
        policy(c),
      );
      setSessionCookie(c, token);
    } catch (err) {
      return twoFactorView(c, validationFields(err));
    }
    const codes = await replaceRecoveryCodes(db(c), auth.user.id);
    await audit(db(c), {
      actorId: auth.user.id,
      actorLabel: auth.user.role,
      action: 'account.recovery_codes_replaced',
      ip: c.get('ip'),
    });
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('account.two_factor') },
      <TotpEnabled t={t} locale={c.get('locale')} recoveryCodes={codes} codesLeft={10} />,
    );
  });

  app.get('/sitzungen', requireUser(), async (c) => {
    const t = c.get('t');
    const auth = c.get('auth')!;
    const sessions = await listSessions(db(c), auth.user.id);
    return renderPage(
      c,
      { title: t('account.sessions_title') },
      <SessionList
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        sessions={sessions}
        currentHash={auth.session?.idHash}
      />,
    );
  });

  app.post('/sitzungen/:id/beenden', requireUser(), async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!/^[0-9a-f]{64}$/.test(id)) throw notFound();
    const result = await db(c)
      .deleteFrom('sessions')
      .where('id_hash', '=', id)
      .where('user_id', '=', auth.user.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound();
    await audit(db(c), {
      actorId: auth.user.id,
      actorLabel: auth.user.role,
      action: 'account.session_ended',
      ip: c.get('ip'),
    });
    return to(c, '/konto/sitzungen');
  });

  async function tokensView(
    c: Ctx,
    extra: Partial<Parameters<typeof TokenList>[0]> = {},
    status: 200 | 201 | 422 = 200,
  ) {
    const t = c.get('t');
    const tokens = await listApiTokens(db(c), c.get('auth')!.user.id);
    return renderPage(
      c,
      { title: t('account.tokens_title'), status },
      <TokenList t={t} locale={c.get('locale')} csrf={csrf(c)} tokens={tokens} {...extra} />,
    );
  }

  app.get('/tokens', requireUser(), (c) => tokensView(c));

  app.post('/tokens', requireUser(), async (c) => {
    const form = await readForm(c, tokenNameSchema);
    if (!form.ok) return tokensView(c, { values: form.values, errors: form.errors }, 422);
    const user = c.get('auth')!.user;
    const created = await db(c)
      .transaction()
      .execute(async (trx) => {
        const result = await createApiToken(trx, user.id, form.data.name);
        await audit(trx, {
          actorId: user.id,
          actorLabel: user.role,
          action: 'account.token_created',
          targetType: 'api_token',
          targetId: result.id,
          ip: c.get('ip'),
        });
        return result;
      });
    return tokensView(c, { newToken: created.token }, 201);
  });

  app.post('/tokens/:id/widerrufen', requireUser(), async (c) => {
    const user = c.get('auth')!.user;
    const id = uuidParam(c, 'id');
    if (!(await revokeApiToken(db(c), user.id, id))) throw notFound();
    await audit(db(c), {
      actorId: user.id,
      actorLabel: user.role,
      action: 'account.token_revoked',
      targetType: 'api_token',
      targetId: id,
      ip: c.get('ip'),
    });
    return to(c, '/konto/tokens');
  });

  return app;
}
