import { Hono } from 'hono';
import { notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { linkGlossaryTerms } from '../glossary/linker.ts';
import { linkableTerms } from '../glossary/repo.ts';
import { listAssemblies } from '../memberarea/assemblies.ts';
import { boardWarnings, isCurrent } from './board.ts';
import { atomFeed } from './feed.ts';
import { membersMap } from './members-map.ts';
import {
  addBoardTerm,
  boardTermSchema,
  changeMemberStatus,
  createMember,
  deleteBoardTerm,
  findPublicNews,
  getMember,
  getNews,
  listAllNews,
  listBoardTerms,
  listMembers,
  memberCounts,
  memberEditSchema,
  memberHistory,
  newsEditSchema,
  organisationsWithoutMembership,
  publicMembers,
  publicNews,
  saveNews,
  statusChangeSchema,
  updateMember,
} from './service.ts';
import {
  BoardAdmin,
  BoardPublic,
  MemberDetail,
  MemberEdit,
  MemberList,
  MembersAdmin,
  NewsAdminList,
  NewsEditor,
  NewsList,
  NewsPost,
} from './views.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const today = () => new Date().toISOString().slice(0, 10);
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** Public pages: news with its Atom feed, the member register and the board. */
export function networkPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/aktuelles', async (c) => {
    const locale = contentLocale(c.get('locale'));
    const posts = await publicNews(c.get('deps').database.db, locale);
    return renderPage(
      c,
      { title: c.get('t')('network.news_title') },
      <NewsList posts={posts} t={c.get('t')} locale={locale} />,
    );
  });

  app.get('/aktuelles/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!SLUG.test(slug)) throw notFound();
    const locale = contentLocale(c.get('locale'));
    const post = await findPublicNews(c.get('deps').database.db, slug, locale);
    if (!post) throw notFound();
    return renderPage(
      c,
      { title: post.title, description: post.summary },
      <NewsPost
        post={post}
        html={linkGlossaryTerms(
          renderMarkdown(post.body_md),
          await linkableTerms(c.get('deps').database.db, locale),
        )}
        t={c.get('t')}
        locale={locale}
      />,
    );
  });

  app.get('/news/feed.xml', async (c) => {
    const locale = contentLocale(c.get('locale'));
    const posts = await publicNews(c.get('deps').database.db, locale);
    const base = c.get('deps').config.publicUrl.replace(/\/$/, '');
    const url = (p: string) => `${base}${localePath(locale, p)}`;
    const xml = atomFeed({
      id: url('/news/feed.xml'),
      title: c.get('t')('network.feed_title'),
      selfUrl: url('/news/feed.xml'),
      alternateUrl: url('/aktuelles'),
      language: locale,
      updated: latest([new Date(0), ...posts.map((p) => p.updated_at)]),
      entries: posts.map((p) => ({
        id: p.id,
        title: p.title,
        url: url(`/aktuelles/${p.slug}`),
        published: p.published_at!,
        updated: latest([p.updated_at, p.published_at!]),
        summary: p.summary,
        html: renderMarkdown(p.body_md),
        category: p.category,
      })),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/mitglieder', async (c) => {
    const locale = contentLocale(c.get('locale'));
    const members = await publicMembers(c.get('deps').database.db);
    const t = c.get('t');
    const mapSvg = membersMap(members, {
      title: t('network.members_map_title'),
      memberHref: (slug) => localePath(locale, `/mitglieder/${slug}`),
      landHref: (key) =>
        `${localePath(locale, '/fachberatungsstellen')}?${new URLSearchParams({ land: key })}`,
      landLabel: (name) => t('network.members_map_land', { land: name }),
    });
    return renderPage(
      c,
      { title: t('network.members_title') },
      <MemberList members={members} counts={memberCounts(members)} t={t} locale={locale} mapSvg={mapSvg} />,
    );
  });

  app.get('/mitglieder/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!SLUG.test(slug)) throw notFound();
    const locale = contentLocale(c.get('locale'));
    const member = (await publicMembers(c.get('deps').database.db)).find((m) => m.slug === slug);
    if (!member) throw notFound();
    return renderPage(
      c,
      { title: member.name },
      <MemberDetail member={member} t={c.get('t')} locale={locale} />,
    );
  });

  app.get('/vorstand', async (c) => {
    const locale = contentLocale(c.get('locale'));
    const terms = (await listBoardTerms(c.get('deps').database.db)).filter((term) =>
      isCurrent(term, today()),
    );
    return renderPage(
      c,
      { title: c.get('t')('network.board_title') },
      <BoardPublic terms={terms} t={c.get('t')} locale={locale} />,
    );
  });

  return app;
}

function newsValues(post?: Awaited<ReturnType<typeof getNews>>): Record<string, string> {
  if (!post) return { locale: 'de', category: 'network', status: 'draft' };
  return {
    slug: post.slug,
    locale: post.locale,
    category: post.category,
    title: post.title,
    summary: post.summary,
    body_md: post.body_md,
    status: post.status,
    published_at: post.published_at ? post.published_at.toISOString().slice(0, 16) : '',
  };
}

/** Office: writing news (Markdown, preview, drafts, scheduled publishing). */
export function newsOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('news:edit'));

  app.get('/', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('network.news_admin_title') },
      <NewsAdminList
        posts={await listAllNews(c.get('deps').database.db)}
        t={c.get('t')}
        locale={c.get('locale')}
      />,
    ),
  );

  function editor(
    c: Ctx,
    id: string | null,
    props: Partial<Parameters<typeof NewsEditor>[0]>,
    status: 200 | 422 = 200,
  ) {
    const t = c.get('t');
    const heading = id
      ? t('network.news_edit_title', { title: props.values?.title ?? '' })
      : t('network.news_new');
    return renderPage(
      c,
      { title: heading, status },
      <NewsEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        action={localePath(c.get('locale'), `/verwaltung/aktuelles/${id ?? 'neu'}`)}
        heading={heading}
        values={props.values ?? {}}
        {...props}
      />,
    );
  }

  async function submit(c: Ctx, id: string | null) {
    const db = c.get('deps').database.db;
    if (id && !(await getNews(db, id))) throw notFound();
    const form = await readForm(c, newsEditSchema);
    if (!form.ok) return editor(c, id, { values: form.values, errors: form.errors }, 422);
    if (form.values.intent === 'preview') {
      return editor(c, id, { values: form.values, previewHtml: renderMarkdown(form.data.body_md) });
    }
    let savedId: string;
    try {
      savedId = await saveNews(db, id, form.data, actorOf(c));
    } catch (err) {
      return editor(c, id, { values: form.values, errors: validationFields(err) }, 422);
    }
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/aktuelles/${savedId}?gespeichert=1`), 303);
  }

  app.get('/neu', (c) => editor(c, null, { values: newsValues() }));
  app.post('/neu', (c) => submit(c, null));
  app.get('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const post = await getNews(c.get('deps').database.db, id);
    if (!post) throw notFound();
    return editor(c, id, { values: newsValues(post), saved: c.req.query('gespeichert') === '1' });
  });
  app.post('/:id', (c) => submit(c, uuidParam(c, 'id')));
  return app;
}

/** Office: the register of member organisations. */
export function membersOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('members:manage'));

  async function list(
    c: Ctx,
    values: Record<string, string> = { country: 'DE', membership: 'ordinary' },
    errors?: Record<string, never> | import('../../platform/errors.ts').FieldErrors,
  ) {
    const db = c.get('deps').database.db;
    return renderPage(
      c,
      { title: c.get('t')('network.members_admin_title'), status: errors ? 422 : 200 },
      <MembersAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        members={await listMembers(db)}
        organisations={await organisationsWithoutMembership(db)}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/', (c) => list(c));
  app.post('/', async (c) => {
    const form = await readForm(c, memberEditSchema);
    if (!form.ok) return list(c, form.values, form.errors);
    let id: string;
    try {
      id = await createMember(c.get('deps').database.db, form.data, actorOf(c));
    } catch (err) {
      return list(c, form.values, validationFields(err));
    }
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/mitglieder/${id}?gespeichert=1`), 303);
  });

  async function edit(
    c: Ctx,
    id: string,
    extra: Partial<Parameters<typeof MemberEdit>[0]> = {},
    status: 200 | 422 = 200,
  ) {
    const db = c.get('deps').database.db;
    const member = await getMember(db, id);
    if (!member) throw notFound();
    const values = extra.values ?? {
      type: member.type,
      membership: member.membership,
      country: member.country,
      city: member.city,
      land: member.land ?? '',
      website: member.website ?? '',
      joined_on: member.joined_on ?? '',
    };
    return renderPage(
      c,
      { title: c.get('t')('network.member_edit_title', { name: member.name }), status },
      <MemberEdit
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        member={member}
        history={await memberHistory(db, id)}
        statusValues={{ status: member.status, changed_on: today() }}
        {...extra}
        values={values}
      />,
    );
  }

  app.get('/:id', (c) => edit(c, uuidParam(c, 'id'), { saved: c.req.query('gespeichert') === '1' }));
  app.post('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    if (!(await getMember(db, id))) throw notFound();
    const form = await readForm(c, memberEditSchema);
    if (!form.ok) return edit(c, id, { values: form.values, errors: form.errors }, 422);
    await updateMember(db, id, form.data, actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/mitglieder/${id}?gespeichert=1`), 303);
  });
  app.post('/:id/status', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    if (!(await getMember(db, id))) throw notFound();
    const form = await readForm(c, statusChangeSchema);
    if (!form.ok) return edit(c, id, { statusValues: form.values, statusErrors: form.errors }, 422);
    await changeMemberStatus(db, id, form.data, actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/mitglieder/${id}?gespeichert=1`), 303);
  });
  return app;
}

/** Office: the board's terms, with warnings about its size and lapsed terms. */
export function boardOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('members:manage'));

  async function page(
    c: Ctx,
    values: Record<string, string> = {},
    errors?: import('../../platform/errors.ts').FieldErrors,
  ) {
    const terms = await listBoardTerms(c.get('deps').database.db);
    const assemblies = await listAssemblies(c.get('deps').database.db);
    const now = today();
    return renderPage(
      c,
      { title: c.get('t')('network.board_admin_title'), status: errors ? 422 : 200 },
      <BoardAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        terms={terms}
        current={terms.filter((term) => isCurrent(term, now))}
        warnings={boardWarnings(terms, now)}
        assemblies={assemblies}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/', (c) => page(c));
  app.post('/', async (c) => {
    const form = await readForm(c, boardTermSchema);
    if (!form.ok) return page(c, form.values, form.errors);
    try {
      await addBoardTerm(c.get('deps').database.db, form.data, actorOf(c));
    } catch (err) {
      return page(c, form.values, validationFields(err));
    }
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/vorstand'), 303);
  });
  app.post('/:id/loeschen', async (c) => {
    await deleteBoardTerm(c.get('deps').database.db, uuidParam(c, 'id'), actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/vorstand'), 303);
  });
  return app;
}
