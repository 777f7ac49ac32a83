import type { Locale } from '../../db/types.ts';
import { renderPdf } from '../../platform/files/pdf-document.ts';
import { formatDateTime, translator } from '../../platform/i18n/index.ts';
import type { EventRow } from './repo.ts';

export interface CertificatePerson {
  name: string;
  organisation: string;
  locale: Locale;
}

/**
 * Participation certificates: one A4 page per person, in the language the person registered in. One
 * person gives a one-page file, the whole list one file with a page each.
 */
export function certificatesPdf(
  event: EventRow,
  people: CertificatePerson[],
  issuer: string,
): Promise<Buffer> {
  const title = translator('de')('events.cert.title');
  return renderPdf({ title: `${title}: ${event.title}`, author: issuer }, (doc) => {
    people.forEach((person, i) => {
      const t = translator(person.locale);
      if (i > 0) doc.addPage();
      doc.moveDown(3);
      doc.font('Helvetica-Bold').fontSize(26).text(t('events.cert.title'), { align: 'center' });
      doc.moveDown(2);
      doc.font('Helvetica').fontSize(13).text(t('events.cert.intro'), { align: 'center' });
      doc.moveDown(1);
      doc.font('Helvetica-Bold').fontSize(22).text(person.name, { align: 'center' });
      if (person.organisation) {
        doc.font('Helvetica').fontSize(13).text(person.organisation, { align: 'center' });
      }
      doc.moveDown(1);
      doc.font('Helvetica').fontSize(13).text(t('events.cert.attended'), { align: 'center' });
      doc.moveDown(1);
      doc.font('Helvetica-Bold').fontSize(16).text(event.title, { align: 'center' });
      doc.moveDown(0.5);
      doc
        .font('Helvetica')
        .fontSize(12)
        .text(`${t(`events.kind.${event.kind}`)} · ${t(`events.format.${event.format}`)}`, {
          align: 'center',
        })
        .text(
          `${formatDateTime(person.locale, event.starts_at)} – ${formatDateTime(person.locale, event.ends_at)}`,
          { align: 'center' },
        );
      if (event.format !== 'online' && event.address) doc.text(event.address, { align: 'center' });
      doc.moveDown(4);
      doc
        .fontSize(11)
        .text(issuer, { align: 'center' })
        .text(
          t('events.cert.issued', {
            date: new Intl.DateTimeFormat(person.locale === 'en' ? 'en-GB' : 'de-DE', {
              dateStyle: 'long',
              timeZone: 'Europe/Berlin',
            }).format(new Date()),
          }),
          {
            align: 'center',
          },
        );
    });
  });
}
