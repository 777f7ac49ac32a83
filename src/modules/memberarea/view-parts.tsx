import type { Locale, MessageKey, Translate } from '../../platform/i18n/index.ts';
import { localePath } from '../../platform/i18n/index.ts';

export { formatDate } from '../network/views.tsx';

/** Catalogue keys built from a vocabulary value (`memberarea.access.board`). */
export const k = (key: string) => key as MessageKey;

export function formatSize(bytes: number, locale: Locale): string {
  const nf = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

const typeLabels: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

export function typeLabel(mediaType: string): string {
  return typeLabels[mediaType] ?? mediaType;
}

/** The member area's own navigation, on every page of it. */
export function AreaNav({ t, locale, current }: { t: Translate; locale: Locale; current: string }) {
  const items: Array<[string, MessageKey]> = [
    ['/mitgliederbereich', 'memberarea.title'],
    ['/mitgliederbereich/rundschreiben', 'memberarea.circulars'],
    ['/mitgliederbereich/dokumente', 'memberarea.documents'],
    ['/mitgliederbereich/arbeitsgruppen', 'memberarea.groups'],
    ['/mitgliederbereich/kontakte', 'memberarea.contacts'],
    ['/mitgliederbereich/versammlungen', 'memberarea.assemblies'],
    ['/mitgliederbereich/benachrichtigungen', 'memberarea.prefs'],
  ];
  return (
    <nav aria-label={t('memberarea.sections')} class="area-nav">
      <ul class="link-list">
        {items.map(([path, key]) => (
          <li>
            <a href={localePath(locale, path)} aria-current={path === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
