import type { Child } from 'hono/jsx';
import type { Ctx } from '../http/env.ts';
import { Layout, type NavItem } from './layout.tsx';

export type NavProvider = (ctx: Ctx) => Promise<NavItem[]>;

let navProvider: NavProvider = async () => [];

/** The pages module supplies the navigation (only pages that exist are linked). */
export function setNavProvider(provider: NavProvider): void {
  navProvider = provider;
}

export interface PageOptions {
  title: string;
  description?: string;
  status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;
}

/** Renders a full HTML page in the site layout. */
export async function renderPage(c: Ctx, options: PageOptions, body: Child): Promise<Response> {
  let nav: NavItem[] = [];
  try {
    nav = await navProvider(c);
  } catch {
    // an error page must render even when the database does not answer
  }
  const html = (
    <Layout
      title={options.title}
      description={options.description}
      locale={c.get('locale')}
      t={c.get('t')}
      site={c.get('site')}
      auth={c.get('auth')}
      path={c.get('pathInLocale')}
      search={new URL(c.req.url).search}
      nav={nav}
      assets={c.get('deps').assets}
    >
      {body}
    </Layout>
  );
  return c.html(`<!doctype html>${await html}`, options.status ?? 200);
}
