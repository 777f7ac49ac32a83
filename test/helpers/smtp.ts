import { SMTPServer } from 'smtp-server';
import { type MailTransport, smtpTransport } from '../../src/platform/mail.ts';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback: mails go through nodemailer and the SMTP protocol, as in production. */
export async function startSmtpServer(): Promise<{
  transport: MailTransport;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
  return {
    transport,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.close(() => resolve());
      }),
  };
}

/** The body of a quoted-printable plain-text mail, decoded enough to find links in it. */
export function mailText(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
