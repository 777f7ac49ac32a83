import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { requireUser } from '../../platform/http/auth.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { readQuery } from '../../platform/http/forms.ts';
import { renderPageBody } from '../pages/service.ts';
import { type meResponseSchema, pagesQuerySchema, type pagesResponseSchema } from './schemas.ts';

/** `/api/v1/...`: JSON for integrations, with a personal API token (`Authorization: Bearer kok_…`) or a session. */
export function apiRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/me', requireUser(), async (c) => {
    const user = c.get('auth')!.user;
    const org = user.organisation_id
      ? await c
          .get('deps')
          .database.db.selectFrom('organisations')
          .select(['id', 'slug', 'name'])
          .where('id', '=', user.organisation_id)
          .executeTakeFirst()
      : null;
    const me: z.input<typeof meResponseSchema> = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisation: org ?? null,
      two_factor: Boolean(user.totp_enabled_at),
    };
    return c.json(me);
  });

  app.get('/pages', async (c) => {
    const q = readQuery(c, pagesQuerySchema);
    if (!q.ok) throw new AppError('bad_request', 'error.bad_request', {}, q.errors);
    const db = c.get('deps').database.db;
    const rows = await db
      .selectFrom('pages')
      .select(['slug', 'locale', 'title', 'summary', 'body_md', 'updated_at'])
      .where('locale', '=', q.data.locale)
      .where('published', '=', true)
      .orderBy('position')
      .execute();
    const pages = await Promise.all(
      rows.map(async (p) => ({
        slug: p.slug,
        locale: p.locale,
        title: p.title,
        summary: p.summary,
        html: await renderPageBody(db, p.body_md, p.locale),
        updated_at: p.updated_at.toISOString(),
      })),
    );
    const body: z.input<typeof pagesResponseSchema> = { pages };
    return c.json(body);
  });

  return app;
}
