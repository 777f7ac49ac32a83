import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Db, MailAttachment } from '../db/types.ts';
import type { Logger } from './logger.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the mail, e.g. an event's calendar entry. Kept small: they are stored in the queue. */
  attachments?: { filename: string; contentType: string; content: string | Uint8Array }[];
  /** Extra headers such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** A mail as the transport gets it: attachments decoded back to bytes. */
export interface DeliverableMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  headers: Record<string, string>;
}

/** Something that delivers one mail: SMTP in production, `.eml` files in DATA_DIR/outbox otherwise. */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(mail: DeliverableMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(nodemailerMessage(mail));
    },
    close: () => transporter.close(),
  };
}

export function outboxTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(mail) {
      const info = await transporter.sendMail(nodemailerMessage(mail));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`),
        info.message as Buffer,
      );
    },
    close: () => {},
  };
}

function nodemailerMessage(mail: DeliverableMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/** Queues a mail in the caller's transaction: it is sent only if the change that caused it commits. */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<void> {
  const attachments: MailAttachment[] = (mail.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    contentBase64: Buffer.from(a.content).toString('base64'),
  }));
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      attachments: JSON.stringify(attachments),
      headers: JSON.stringify(mail.headers ?? {}),
    })
    .execute();
}

const MAX_ATTEMPTS = 8;

/**
 * Sends what is due. Rows are leased (next_attempt_at pushed ahead) in a short transaction with SKIP LOCKED, so
 * several app processes share the queue, and no database lock is held while talking to the SMTP server.
 */
export async function processMailQueue(
  db: Db,
  transport: MailTransport,
  from: string,
  logger?: Logger,
): Promise<{ sent: number; failed: number }> {
  const leased = await sql<{
    id: string;
    to_address: string;
    subject: string;
    body_text: string;
    attempts: number;
    attachments: MailAttachment[];
    headers: Record<string, string>;
  }>`
    UPDATE mail_outbox SET next_attempt_at = now() + interval '5 minutes', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= now()
      ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, subject, body_text, attempts, attachments, headers`.execute(db);
  let sent = 0;
  let failed = 0;
  for (const mail of leased.rows) {
    try {
      await transport.send({
        id: mail.id,
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        headers: mail.headers ?? {},
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
      });
      await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: new Date(), last_error: null, transport: transport.kind })
        .where('id', '=', mail.id)
        .execute();
      sent++;
    } catch (err) {
      failed++;
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      const backoffSeconds = Math.min(3600, 30 * 2 ** mail.attempts);
      await db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'failed' : 'queued',
          last_error: String((err as Error).message).slice(0, 500),
          next_attempt_at: new Date(Date.now() + backoffSeconds * 1000),
        })
        .where('id', '=', mail.id)
        .execute();
      logger?.warn({ mailId: mail.id, attempts: mail.attempts }, 'mail delivery failed');
    }
  }
  return { sent, failed };
}

export function listOutbox(db: Db, limit = 100) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'status', 'attempts', 'created_at', 'sent_at', 'last_error'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function getOutboxMail(db: Db, id: string) {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sent mail carries reset and invitation links: it is kept only as long as the outbox view is useful. */
export async function purgeSentMail(db: Db, olderThanDays = 14): Promise<void> {
  await db
    .deleteFrom('mail_outbox')
    .where('status', '=', 'sent')
    .where('sent_at', '<', new Date(Date.now() - olderThanDays * 86_400_000))
    .execute();
}
