import { renderPdf } from '../../platform/files/pdf-document.ts';
import { translator } from '../../platform/i18n/index.ts';
import type { SiteSettings } from '../../platform/site.ts';

interface InvoiceData {
  year: number;
  amount_cents: number;
  invoice_number: string;
  issued_on: string;
  due_on: string;
  member_name: string;
  city: string;
  country: string;
}

const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const euro = (cents: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A one-page invoice in German (the network's working language), with the office's address and bank details. */
export function renderInvoice(fee: InvoiceData, s: SiteSettings): Promise<Buffer> {
  const t = translator('de');
  return renderPdf({ title: `${t('fees.invoice_title')} ${fee.invoice_number}`, author: s.name }, (doc) => {
    doc.fontSize(9).fillColor('#444').text(`${s.name} · ${s.street} · ${s.postalCode} ${s.city}`);
    doc.moveDown(2).fontSize(11).fillColor('#000');
    doc.text(fee.member_name);
    if (fee.city) doc.text(fee.country && fee.country !== 'DE' ? `${fee.city} (${fee.country})` : fee.city);
    doc.moveDown(2);
    doc.fontSize(18).text(`${t('fees.invoice_title')} ${fee.invoice_number}`);
    doc.moveDown().fontSize(11);
    doc.text(`${t('fees.invoice_number')}: ${fee.invoice_number}`);
    doc.text(`${t('fees.invoice_date')}: ${germanDate(fee.issued_on)}`);
    doc.moveDown();
    const y = doc.y;
    doc.text(t('fees.invoice_item', { year: fee.year }), 56, y);
    doc.text(euro(fee.amount_cents), 56, y, { align: 'right' });
    doc.moveDown(0.5);
    doc
      .moveTo(56, doc.y)
      .lineTo(doc.page.width - 56, doc.y)
      .stroke();
    doc.moveDown(0.5);
    const y2 = doc.y;
    doc.font('Helvetica-Bold').text(t('fees.invoice_total'), 56, y2);
    doc.text(euro(fee.amount_cents), 56, y2, { align: 'right' });
    doc.font('Helvetica').moveDown(2);
    doc.text(t('fees.invoice_payable', { date: germanDate(fee.due_on) }), 56);
    doc.moveDown();
    doc.text(t('fees.invoice_no_vat'));
    if (s.donationIban) {
      doc.moveDown();
      doc.font('Helvetica-Bold').text(t('fees.invoice_bank'));
      doc.font('Helvetica').text(s.donationAccountHolder || s.name);
      doc.text(`IBAN ${s.donationIban.replace(/(.{4})/g, '$1 ').trim()}`);
      if (s.donationBic) doc.text(`BIC ${s.donationBic}`);
      if (s.donationBank) doc.text(s.donationBank);
    }
    doc.moveDown(2).fontSize(9).fillColor('#444');
    doc.text(`${s.name} · ${s.street}, ${s.postalCode} ${s.city} · ${s.phone} · ${s.email}`);
  });
}
