import type { Translate } from '../../../platform/i18n/index.ts';
import { telHref } from '../../../platform/ui/layout.tsx';

/** Always visible on every finder page: who to call right now. */
export function EmergencyBox({ t, officePhone }: { t: Translate; officePhone: string }) {
  return (
    <aside class="emergency" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{t('directory.emergency_title')}</h2>
      <ul>
        <li>
          {t('directory.emergency_police')}: <a href="tel:110">110</a>
        </li>
        <li>
          {t('directory.emergency_helpline')}: <a href="tel:116016">116 016</a>
        </li>
        <li>
          {t('directory.emergency_office')}: <a href={`tel:${telHref(officePhone)}`}>{officePhone}</a>
        </li>
      </ul>
    </aside>
  );
}
