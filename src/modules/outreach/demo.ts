import type { Db } from '../../db/types.ts';
import { randomToken } from '../../platform/auth/secrets.ts';
import { defaultSiteSettings, getSite, putSetting } from '../../platform/site.ts';
import { generateInvoices } from '../fees/service.ts';

/**
 * Demo content for the newsletter, the contact form, the donations page and the membership fees: a fictional
 * bank account (clearly not a real one), a few subscribers and messages, this year's invoices with some paid.
 */
export async function seedDemoOutreach(db: Db): Promise<{ subscribers: number; invoices: number }> {
  const site = await getSite(db);
  await putSetting(db, 'site', {
    ...defaultSiteSettings,
    ...site.settings,
    donationAccountHolder: 'KOK e.V. (Demo – kein echtes Konto)',
    donationIban: 'DE00123456780000000000',
    donationBic: 'DEMODEM1XXX',
    donationBank: 'Demo-Bank (fiktiv)',
  });
  const subscribers = ['leserin1', 'leser2', 'fachstelle3', 'presse4', 'uni5'].map((name, i) => ({
    email: `${name}@demo.kok.invalid`,
    locale: i === 4 ? ('en' as const) : ('de' as const),
    status: i === 3 ? ('pending' as const) : ('active' as const),
    unsubscribe_token: randomToken(),
    confirmed_at: i === 3 ? null : new Date(),
  }));
  await db.insertInto('newsletter_subscribers').values(subscribers).execute();
  await db
    .insertInto('contact_messages')
    .values([
      {
        name: 'Demo-Absenderin',
        email: 'anfrage@demo.kok.invalid',
        subject: 'Schulung für unser Jugendamt',
        message:
          'Guten Tag, wir würden gern eine Schulung zum Thema Kinderhandel für unser Team anfragen. (Demo)',
        locale: 'de',
      },
      {
        name: 'Demo Sender',
        email: 'press@demo.kok.invalid',
        subject: 'Interview request',
        message:
          'We are preparing a radio feature on labour exploitation and would like to talk to you. (Demo)',
        locale: 'en',
        status: 'done',
        done_at: new Date(),
      },
    ])
    .execute();
  const year = new Date().getUTCFullYear();
  const admin = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'office')
    .limit(1)
    .executeTakeFirst();
  let invoices = 0;
  if (admin) {
    invoices = await generateInvoices(
      db,
      { year, ordinary_eur: 25000, extraordinary_eur: 10000, due_on: `${year}-03-31` },
      { user: admin, ip: null },
    );
    // about two thirds have paid
    const fees = await db
      .selectFrom('membership_fees')
      .select('id')
      .where('year', '=', year)
      .orderBy('invoice_number')
      .execute();
    const paid = fees.filter((_, i) => i % 3 !== 2).map((f) => f.id);
    if (paid.length > 0)
      await db
        .updateTable('membership_fees')
        .set({ paid_on: `${year}-02-15` })
        .where('id', 'in', paid)
        .execute();
  }
  return { subscribers: subscribers.length, invoices };
}
