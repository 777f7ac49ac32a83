import { Hono } from 'hono';
import { z } from 'zod';
import { audit, listAudit, verifyAuditChain } from '../../platform/audit.ts';
import { notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { getOutboxMail, listOutbox } from '../../platform/mail.ts';
import { can, invitableRoles } from '../../platform/permissions.ts';
import { saveSiteSettings, siteSettingsSchema } from '../../platform/site.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { createOrganisation, listOrganisations, organisationSchema } from './organisations.ts';
import {
  changeRole,
  inviteSchema,
  inviteUser,
  listPendingInvitations,
  listUsers,
  roleChangeSchema,
  setUserActive,
} from './users.ts';
import { AuditPage, MailView, OrganisationsPage, OutboxPage, SettingsPage } from './views/misc.tsx';
import { UsersPage } from './views/users.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actor = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });

/** Accounts, organisations, audit log, outbox and settings (`/verwaltung/...`). */
export function adminRoutes() {
  const app = new Hono<AppEnv>();

  async function usersView(
    c: Ctx,
    extra: {
      values?: Record<string, string>;
      errors?: Parameters<typeof UsersPage>[0]['errors'];
      notice?: string;
    } = {},
  ) {
    const t = c.get('t');
    const user = c.get('auth')!.user;
    const manageAll = can(user.role, 'users:manage_all');
    return renderPage(
      c,
      { title: t('admin.users_title'), status: extra.errors ? 422 : 200 },
      <UsersPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        users={await listUsers(db(c), user)}
        invitations={await listPendingInvitations(db(c), user)}
        roleOptions={invitableRoles(user.role)}
        organisations={manageAll ? await listOrganisations(db(c)) : []}
        canPickOrganisation={manageAll}
        canChangeRoles={manageAll}
        currentUserId={user.id}
        {...extra}
      />,
    );
  }

  app.get('/konten', requirePermission('users:invite'), (c) => {
    const notice =
      c.req.query('eingeladen') === '1'
        ? c.get('t')('admin.invited')
        : c.req.query('geaendert') === '1'
          ? c.get('t')('admin.changed')
          : undefined;
    return usersView(c, { notice });
  });

  app.post('/konten/einladen', requirePermission('users:invite'), async (c) => {
    const form = await readForm(c, inviteSchema);
    if (!form.ok) return usersView(c, { values: form.values, errors: form.errors });
    try {
      await inviteUser(db(c), form.data, actor(c), c.get('deps').config);
    } catch (err) {
      return usersView(c, { values: form.values, errors: validationFields(err) });
    }
    c.get('deps').kickMail();
    return c.redirect(`${localePath(c.get('locale'), '/verwaltung/konten')}?eingeladen=1`, 303);
  });

  for (const [path, active] of [
    ['deaktivieren', false],
    ['aktivieren', true],
  ] as const) {
    app.post(`/konten/:id/${path}`, requirePermission('users:invite'), async (c) => {
      await setUserActive(db(c), uuidParam(c, 'id'), active, actor(c));
      return c.redirect(`${localePath(c.get('locale'), '/verwaltung/konten')}?geaendert=1`, 303);
    });
  }

  app.post('/konten/:id/rolle', requirePermission('users:manage_all'), async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, roleChangeSchema);
    if (!form.ok) return usersView(c, { errors: form.errors });
    try {
      await changeRole(db(c), id, form.data, actor(c));
    } catch (err) {
      return usersView(c, { errors: validationFields(err) });
    }
    return c.redirect(`${localePath(c.get('locale'), '/verwaltung/konten')}?geaendert=1`, 303);
  });

  async function orgsView(
    c: Ctx,
    extra: {
      values?: Record<string, string>;
      errors?: Parameters<typeof OrganisationsPage>[0]['errors'];
      notice?: string;
    } = {},
  ) {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('admin.orgs_title'), status: extra.errors ? 422 : 200 },
      <OrganisationsPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        organisations={await listOrganisations(db(c))}
        {...extra}
      />,
    );
  }

  app.get('/organisationen', requirePermission('orgs:manage'), (c) =>
    orgsView(c, { notice: c.req.query('angelegt') === '1' ? c.get('t')('admin.org_created') : undefined }),
  );

  app.post('/organisationen', requirePermission('orgs:manage'), async (c) => {
    const form = await readForm(c, organisationSchema);
    if (!form.ok) return orgsView(c, { values: form.values, errors: form.errors });
    try {
      const a = actor(c);
      await createOrganisation(db(c), form.data, { user: a.user, label: a.user.role, ip: a.ip });
    } catch (err) {
      return orgsView(c, { values: form.values, errors: validationFields(err) });
    }
    return c.redirect(`${localePath(c.get('locale'), '/verwaltung/organisationen')}?angelegt=1`, 303);
  });

  const auditQuery = z.object({
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z_.]*$/, 'admin.audit_action_format')
      .optional(),
    actor: z.union([z.literal(''), z.string().trim().uuid()]).optional(),
    target: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z_]*$/, 'admin.audit_action_format')
      .optional(),
    from: z.union([z.literal(''), z.iso.date()]).optional(),
    to: z.union([z.literal(''), z.iso.date()]).optional(),
    before: z.coerce.number().int().positive().optional(),
  });

  app.get('/protokoll', requirePermission('audit:read'), async (c) => {
    const t = c.get('t');
    const raw = c.req.query();
    const parsed = readQuery(c, auditQuery);
    const chain = await verifyAuditChain(db(c));
    const chainInfo = chain.ok
      ? { ok: true, entries: chain.entries }
      : { ok: false, entries: chain.entries, seq: chain.seq };
    if (!parsed.ok) {
      return renderPage(
        c,
        { title: t('admin.audit_title'), status: 400 },
        <AuditPage
          t={t}
          locale={c.get('locale')}
          entries={[]}
          query={raw}
          errors={parsed.errors}
          chain={chainInfo}
        />,
      );
    }
    const q = parsed.data;
    const limit = 100;
    const entries = await listAudit(db(c), {
      action: q.action || undefined,
      actorId: q.actor || undefined,
      targetType: q.target || undefined,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
      beforeSeq: q.before,
      limit,
    });
    // reading the log is itself a sensitive read
    await audit(db(c), {
      actorId: actor(c).user.id,
      actorLabel: actor(c).user.role,
      action: 'audit.read',
      ip: c.get('ip'),
    });
    const { before: _ignored, ...query } = raw;
    return renderPage(
      c,
      { title: t('admin.audit_title') },
      <AuditPage
        t={t}
        locale={c.get('locale')}
        entries={entries}
        query={query}
        nextBefore={entries.length === limit ? Number(entries.at(-1)!.seq) : undefined}
        chain={chainInfo}
      />,
    );
  });

  app.get('/postausgang', requirePermission('outbox:read'), async (c) => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('admin.outbox_title') },
      <OutboxPage
        t={t}
        locale={c.get('locale')}
        transport={c.get('deps').mail.kind}
        mails={await listOutbox(db(c))}
      />,
    );
  });

  app.get('/postausgang/:id', requirePermission('outbox:read'), async (c) => {
    const t = c.get('t');
    const mail = await getOutboxMail(db(c), uuidParam(c, 'id'));
    if (!mail) throw notFound();
    await audit(db(c), {
      actorId: actor(c).user.id,
      actorLabel: actor(c).user.role,
      action: 'outbox.read',
      targetType: 'mail',
      targetId: mail.id,
      ip: c.get('ip'),
    });
    return renderPage(c, { title: mail.subject }, <MailView t={t} locale={c.get('locale')} mail={mail} />);
  });

  app.get('/einstellungen', requirePermission('settings:edit'), (c) => {
    const t = c.get('t');
    const values = Object.fromEntries(Object.entries(c.get('site').settings).map(([k, v]) => [k, String(v)]));
    const notice = c.req.query('gespeichert') === '1' ? t('admin.saved') : undefined;
    return renderPage(
      c,
      { title: t('admin.settings_title') },
      <SettingsPage t={t} locale={c.get('locale')} csrf={csrf(c)} values={values} notice={notice} />,
    );
  });

  app.post('/einstellungen', requirePermission('settings:edit'), async (c) => {
    const t = c.get('t');
    const form = await readForm(c, siteSettingsSchema);
    if (!form.ok) {
      return renderPage(
        c,
        { title: t('admin.settings_title'), status: 422 },
        <SettingsPage
          t={t}
          locale={c.get('locale')}
          csrf={csrf(c)}
          values={form.values}
          errors={form.errors}
        />,
      );
    }
    await db(c)
      .transaction()
      .execute(async (trx) => {
        await saveSiteSettings(trx, form.data);
        await audit(trx, {
          actorId: actor(c).user.id,
          actorLabel: actor(c).user.role,
          action: 'settings.update',
          targetType: 'settings',
          targetId: 'site',
          ip: c.get('ip'),
        });
      });
    invalidatePageCache();
    return c.redirect(`${localePath(c.get('locale'), '/verwaltung/einstellungen')}?gespeichert=1`, 303);
  });

  return app;
}
