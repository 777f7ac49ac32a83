import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import type { SiteSettings } from '../../platform/site.ts';
import { renderInvoice } from './invoice.ts';

/** "250", "250,00", "1.250,50" or "250.5": euros as people type them, into cents. */
const euros = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(\.\d{3})*|\d+)([.,]\d{1,2})?$/, 'fees.error_amount')
  .transform((v) => {
    const normal = /,\d{1,2}$/.test(v)
      ? v.replace(/\./g, '').replace(',', '.')
      : v.replace(/\.(?=\d{3}(\D|$))/g, '');
    return Math.round(Number(normal) * 100);
  })
  .refine((cents) => cents <= 10_000_000, 'fees.error_amount');

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format');

export const yearSchema = z.coerce.number().int().min(2000, 'fees.error_year').max(2100, 'fees.error_year');

export const generateSchema = z.object({
  year: yearSchema,
  ordinary_eur: euros,
  extraordinary_eur: euros,
  due_on: isoDate,
});

export const paidSchema = z.object({ paid_on: isoDate });

interface Actor {
  user: User;
  ip: string | null;
}

export function feesOfYear(db: Db, year: number) {
  return db
    .selectFrom('membership_fees as f')
    .innerJoin('network_members as m', 'm.id', 'f.member_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'f.id',
      'f.year',
      'f.amount_cents',
      'f.invoice_number',
      sql<string>`f.issued_on::text`.as('issued_on'),
      sql<string>`f.due_on::text`.as('due_on'),
      sql<string | null>`f.paid_on::text`.as('paid_on'),
      'f.reminded_at',
      'o.name as member_name',
      'o.id as organisation_id',
      'm.city',
      'm.country',
    ])
    .where('f.year', '=', year)
    .orderBy('f.invoice_number')
    .execute();
}

export type FeeRow = Awaited<ReturnType<typeof feesOfYear>>[number];

/**
 * One invoice per admitted member and year. Numbers run on per year (KOK-2026-001, …) in the order of the
 * members' names; a second run only adds invoices for members admitted since, and never renumbers.
 */
export async function generateInvoices(
  db: Db,
  input: z.infer<typeof generateSchema>,
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // one generation at a time per database: the numbers must not collide
    await sql`SELECT pg_advisory_xact_lock(hashtext('membership_fees'))`.execute(trx);
    const members = await trx
      .selectFrom('network_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['m.id', 'm.membership'])
      .where('m.status', '=', 'admitted')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('membership_fees as f')
              .select('f.id')
              .whereRef('f.member_id', '=', 'm.id')
              .where('f.year', '=', input.year),
          ),
        ),
      )
      .orderBy('o.name')
      .execute();
    const last = await trx
      .selectFrom('membership_fees')
      .select((eb) => eb.fn.count<string>('id').as('n'))
      .where('year', '=', input.year)
      .executeTakeFirstOrThrow();
    let next = Number(last.n) + 1;
    const today = new Date().toISOString().slice(0, 10);
    for (const m of members) {
      await trx
        .insertInto('membership_fees')
        .values({
          member_id: m.id,
          year: input.year,
          amount_cents: m.membership === 'extraordinary' ? input.extraordinary_eur : input.ordinary_eur,
          invoice_number: `KOK-${input.year}-${String(next++).padStart(3, '0')}`,
          issued_on: today,
          due_on: input.due_on,
        })
        .execute();
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'fees.generate',
      targetType: 'membership_fees',
      ip: actor.ip,
      meta: { year: input.year, invoices: members.length },
    });
    return members.length;
  });
}

export function getFee(db: Db, id: string) {
  return db
    .selectFrom('membership_fees as f')
    .innerJoin('network_members as m', 'm.id', 'f.member_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'f.id',
      'f.year',
      'f.amount_cents',
      'f.invoice_number',
      sql<string>`f.issued_on::text`.as('issued_on'),
      sql<string>`f.due_on::text`.as('due_on'),
      sql<string | null>`f.paid_on::text`.as('paid_on'),
      'f.reminded_at',
      'o.name as member_name',
      'o.id as organisation_id',
      'm.city',
      'm.country',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function markPaid(db: Db, id: string, paidOn: string, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('membership_fees')
      .set({ paid_on: paidOn })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (row)
      await audit(trx, {
        actorId: actor.user.id,
        actorLabel: actor.user.role,
        action: 'fees.paid',
        targetType: 'membership_fee',
        targetId: id,
        ip: actor.ip,
      });
    return Boolean(row);
  });
}

export async function invoicePdf(
  db: Db,
  id: string,
  settings: SiteSettings,
  actor: Actor,
): Promise<{ name: string; pdf: Buffer } | null> {
  const fee = await getFee(db, id);
  if (!fee) return null;
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'fees.invoice_pdf',
    targetType: 'membership_fee',
    targetId: id,
    ip: actor.ip,
  });
  return { name: `${fee.invoice_number}.pdf`, pdf: await renderInvoice(fee, settings) };
}

export const formatEuro = (cents: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A reminder mail with the invoice attached to each active account that administers the member. */
export async function sendReminder(
  db: Db,
  id: string,
  settings: SiteSettings,
  actor: Actor,
): Promise<number | null> {
  const fee = await getFee(db, id);
  if (!fee || fee.paid_on) return null;
  const recipients = await db
    .selectFrom('users')
    .select('email')
    .where('organisation_id', '=', fee.organisation_id)
    .where('role', '=', 'member_admin')
    .where('active', '=', true)
    .execute();
  if (recipients.length === 0) return 0;
  const pdf = await renderInvoice(fee, settings);
  const t = translator('de');
  await db.transaction().execute(async (trx) => {
    for (const r of recipients) {
      await enqueueMail(trx, {
        to: r.email,
        subject: t('fees.mail_subject', { year: fee.year, number: fee.invoice_number }),
        text: t('fees.mail_body', {
          year: fee.year,
          member: fee.member_name,
          number: fee.invoice_number,
          amount: formatEuro(fee.amount_cents),
          site: settings.name,
        }),
        attachments: [
          { filename: `${fee.invoice_number}.pdf`, contentType: 'application/pdf', content: pdf },
        ],
      });
    }
    await trx.updateTable('membership_fees').set({ reminded_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'fees.remind',
      targetType: 'membership_fee',
      targetId: id,
      ip: actor.ip,
      meta: { recipients: recipients.length },
    });
  });
  return recipients.length;
}
