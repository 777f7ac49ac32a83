import { raw } from 'hono/html';
import type { Page } from '../../../db/types.ts';
import { type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';

export function InfoPage({ page, html }: { page: Page; html: string }) {
  return (
    <article class="prose">
      <h1>{page.title}</h1>
      {raw(html)}
    </article>
  );
}

export function HomePage(props: {
  page: Page;
  html: string;
  sections: Array<{ slug: string; title: string; summary: string }>;
  locale: Locale;
  t: Translate;
}) {
  return (
    <>
      <article class="prose intro">
        <h1>{props.page.title}</h1>
        {raw(props.html)}
      </article>
      {props.sections.length > 0 ? (
        <section aria-labelledby="sections-title">
          <h2 id="sections-title">{props.t('home.sections')}</h2>
          <ul class="cards">
            {props.sections.map((s) => (
              <li class="card">
                <h3>
                  <a href={localePath(props.locale, s.slug)}>{s.title}</a>
                </h3>
                <p>{s.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
