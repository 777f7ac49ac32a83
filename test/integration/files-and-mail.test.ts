import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { fileMeta, fileWithContent, saveFile } from '../../src/platform/files/store.ts';
import { checkBytes, checkUpload, safeFileName, uploadPolicies } from '../../src/platform/files/uploads.ts';
import { enqueueMail, processMailQueue } from '../../src/platform/mail.ts';
import { startSmtpServer } from '../helpers/smtp.ts';

const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>');

describe('uploads are checked by content', () => {
  it('accepts a real PDF and names it after its content', async () => {
    const pdf = await renderPdf({ title: 'Test' }, (doc) => doc.text('Hallo'));
    const result = await checkBytes(pdf, 'Bericht über Ausbeutung.exe', uploadPolicies.pdf);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.file.mediaType).toBe('application/pdf');
      expect(result.file.name).toBe('Bericht über Ausbeutung.pdf');
      expect(result.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses HTML disguised as a PDF, an empty file, and a file over the limit', async () => {
    expect(await checkBytes(html, 'rundschreiben.pdf', uploadPolicies.pdf)).toEqual({
      ok: false,
      error: 'upload.wrong_type',
    });
    expect(await checkUpload(new File([], 'leer.pdf'), uploadPolicies.pdf)).toEqual({
      ok: false,
      error: 'upload.missing',
    });
    expect(await checkUpload('not a file', uploadPolicies.pdf)).toEqual({
      ok: false,
      error: 'upload.missing',
    });
    const big = new File([new Uint8Array(11)], 'gross.pdf');
    expect(await checkUpload(big, { types: ['application/pdf'], maxBytes: 10 })).toEqual({
      ok: false,
      error: 'upload.too_large',
    });
  });

  it('makes file names safe for headers and file systems', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('"a";\r\nb.html', 'png')).toBe('a_b.png');
    expect(safeFileName('', 'pdf')).toBe('datei.pdf');
  });
});

describe('PDF text and stored files', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('reads back the text of a generated PDF, page by page, with umlauts', async () => {
    const pdf = await renderPdf({ title: 'Bescheinigung' }, (doc) => {
      doc.text('Teilnahmebescheinigung für Jürgen Müßig');
      doc.addPage();
      doc.text('Seite zwei: Straße');
    });
    const text = await extractPdfText(pdf);
    expect(text.pages).toHaveLength(2);
    expect(text.pages[0]).toContain('Jürgen Müßig');
    expect(text.pages[1]).toContain('Straße');
  });

  it('throws on a file that is not a PDF', async () => {
    await expect(extractPdfText(html)).rejects.toThrow();
  });

  it('stores and returns the exact bytes', async () => {
    const pdf = await renderPdf({ title: 'X' }, (doc) => doc.text('Inhalt'));
    const checked = await checkBytes(pdf, 'x.pdf', uploadPolicies.pdf);
    if (!checked.ok) throw new Error(checked.error);
    const id = await saveFile(database.db, checked.file, { textContent: 'Inhalt' });
    const meta = await fileMeta(database.db, id);
    expect(meta).toMatchObject({ name: 'x.pdf', media_type: 'application/pdf', size: pdf.length });
    const row = await fileWithContent(database.db, id);
    expect(Buffer.from(row!.content).equals(pdf)).toBe(true);
  });
});

describe('mail attachments and headers', () => {
  it('travel through the queue and a real SMTP server', async () => {
    const database = await createTestDatabase();
    const smtp = await startSmtpServer();
    try {
      await enqueueMail(database.db, {
        to: 'teilnehmerin@example.org',
        subject: 'Anmeldung bestätigt',
        text: 'Im Anhang der Kalendereintrag.',
        attachments: [
          {
            filename: 'termin.ics',
            contentType: 'text/calendar',
            content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          },
        ],
        headers: { 'List-Unsubscribe': '<https://kok.example/abmelden/abc>' },
      });
      expect(await processMailQueue(database.db, smtp.transport, 'kok@example.org')).toEqual({
        sent: 1,
        failed: 0,
      });
      const raw = smtp.received[0]!.raw;
      expect(raw).toContain('List-Unsubscribe: <https://kok.example/abmelden/abc>');
      expect(raw).toMatch(/Content-Type: text\/calendar/);
      expect(raw).toMatch(/filename=termin\.ics/);
      expect(raw).toContain(
        Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64').slice(0, 20),
      );
    } finally {
      await smtp.close();
      await database.close();
    }
  });
});
