/** Messages of the outreach module: newsletter, contact form, donations, membership fees and the office team. */
export const outreachDe = {
  'outreach.nav_newsletter': 'Newsletter',
  'outreach.nav_contact_form': 'Nachricht schreiben',
  'outreach.nav_donate': 'Spenden',

  'outreach.newsletter_title': 'Newsletter',
  'outreach.newsletter_intro':
    'Der KOK-Newsletter berichtet über Neuigkeiten aus dem Netzwerk, Veranstaltungen und Politik gegen Menschenhandel. Sie können ihn jederzeit abbestellen; jede Ausgabe enthält einen Abmeldelink. Wir zählen keine Öffnungen und setzen keine Zählpixel ein.',
  'outreach.email': 'E-Mail-Adresse',
  'outreach.newsletter_language': 'Sprache des Newsletters',
  'outreach.subscribe': 'Newsletter bestellen',
  'outreach.subscribe_check_mail':
    'Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie die Bestellung über den Link darin. Ohne Bestätigung speichern wir Ihre Adresse höchstens sieben Tage.',
  'outreach.subscribe_confirmed': 'Danke! Ihr Newsletter-Abonnement ist bestätigt.',
  'outreach.link_invalid': 'Dieser Link ist ungültig oder abgelaufen.',
  'outreach.unsubscribe_title': 'Newsletter abbestellen',
  'outreach.unsubscribe_question': 'Möchten Sie den Newsletter an {email} abbestellen?',
  'outreach.unsubscribe': 'Abbestellen',
  'outreach.unsubscribed': 'Sie erhalten den Newsletter nicht mehr. Ihre Adresse ist gelöscht.',
  'outreach.mail_optin_subject': 'Bitte bestätigen Sie Ihre Newsletter-Bestellung',
  'outreach.mail_optin_body':
    'Guten Tag,\n\njemand – hoffentlich Sie – hat den Newsletter des {site} für diese Adresse bestellt. Bitte bestätigen Sie das über diesen Link:\n\n{link}\n\nWenn Sie nichts bestellt haben, müssen Sie nichts tun: Ohne Bestätigung löschen wir die Adresse nach sieben Tagen.\n',
  'outreach.mail_newsletter_footer':
    '\n\n--\nSie erhalten diesen Newsletter, weil Sie ihn bestellt haben. Abbestellen: {link}\n',

  'outreach.office_newsletter_title': 'Newsletter',
  'outreach.office_subscribers':
    'Bestätigte Abonnent*innen: {de} auf Deutsch, {en} auf Englisch; {pending} unbestätigt.',
  'outreach.office_send_hint':
    'Ein veröffentlichter Beitrag aus „Aktuelles“ wird als Newsletter an alle bestätigten Abonnent*innen seiner Sprache verschickt.',
  'outreach.office_send': 'Als Newsletter senden',
  'outreach.office_sent': 'Der Newsletter wird an {count} Abonnent*innen verschickt.',
  'outreach.office_already_sent': 'Dieser Beitrag wurde bereits als Newsletter verschickt.',
  'outreach.office_not_published': 'Nur veröffentlichte Beiträge können als Newsletter verschickt werden.',
  'outreach.sends_title': 'Verschickte Ausgaben',
  'outreach.sends_empty': 'Noch keine Ausgabe verschickt.',
  'outreach.col_post': 'Beitrag',
  'outreach.col_recipients': 'Empfänger*innen',
  'outreach.col_sent_at': 'Verschickt am',
  'outreach.col_action': 'Aktion',
  'outreach.not_sent': 'noch nicht verschickt',

  'outreach.contact_title': 'Nachricht an die Geschäftsstelle',
  'outreach.contact_intro':
    'Schreiben Sie uns. Wir antworten in der Regel innerhalb weniger Arbeitstage. Bitte schreiben Sie keine vertraulichen Einzelheiten über Betroffene in dieses Formular. Wenn Sie selbst betroffen sind oder Hilfe suchen, finden Sie eine Fachberatungsstelle in Ihrer Nähe über die Suche.',
  'outreach.contact_finder_link': 'Fachberatungsstelle finden',
  'outreach.name': 'Ihr Name',
  'outreach.subject': 'Betreff',
  'outreach.message': 'Ihre Nachricht',
  'outreach.send': 'Nachricht senden',
  'outreach.contact_sent': 'Danke für Ihre Nachricht. Die Geschäftsstelle meldet sich bei Ihnen.',
  'outreach.contact_privacy':
    'Wir speichern Ihre Nachricht, um sie zu beantworten, und löschen sie zwölf Monate nach Eingang.',
  'outreach.mail_contact_subject': 'Kontaktformular: {subject}',
  'outreach.mail_contact_body':
    'Neue Nachricht über das Kontaktformular.\n\nVon: {name} <{email}>\nBetreff: {subject}\n\n{message}\n\nIn der Verwaltung: {link}\n',

  'outreach.office_messages_title': 'Nachrichten aus dem Kontaktformular',
  'outreach.messages_empty': 'Keine Nachrichten.',
  'outreach.col_from': 'Von',
  'outreach.col_received': 'Eingang',
  'outreach.col_status': 'Status',
  'outreach.status_new': 'neu',
  'outreach.status_done': 'erledigt',
  'outreach.mark_done': 'Als erledigt markieren',
  'outreach.reply': 'Antworten per E-Mail',

  'outreach.donate_title': 'Spenden',
  'outreach.donate_intro':
    'Der KOK finanziert sich zum großen Teil über Zuschüsse, Mitgliedsbeiträge und Spenden. Mit Ihrer Spende unterstützen Sie die Arbeit gegen Menschenhandel und Ausbeutung und für die Rechte der Betroffenen.',
  'outreach.donate_bank': 'Spendenkonto',
  'outreach.account_holder': 'Kontoinhaber',
  'outreach.iban': 'IBAN',
  'outreach.bic': 'BIC',
  'outreach.bank_name': 'Bank',
  'outreach.donate_reference': 'Verwendungszweck: Spende',
  'outreach.donate_receipt':
    'Für eine Zuwendungsbestätigung geben Sie bitte Ihre Anschrift im Verwendungszweck an oder schreiben Sie uns.',
  'outreach.donate_no_account':
    'Die Bankverbindung wird hier angezeigt, sobald die Geschäftsstelle sie eingetragen hat.',
} as const;

export const outreachEn: Record<keyof typeof outreachDe, string> = {
  'outreach.nav_newsletter': 'Newsletter',
  'outreach.nav_contact_form': 'Write to us',
  'outreach.nav_donate': 'Donate',

  'outreach.newsletter_title': 'Newsletter',
  'outreach.newsletter_intro':
    'The KOK newsletter reports news from the network, events and policy against human trafficking. You can unsubscribe at any time; every issue contains an unsubscribe link. We do not count opens and use no tracking pixels.',
  'outreach.email': 'E-mail address',
  'outreach.newsletter_language': 'Language of the newsletter',
  'outreach.subscribe': 'Subscribe',
  'outreach.subscribe_check_mail':
    'Almost done: we have sent you an e-mail. Please confirm your subscription with the link in it. Without confirmation we keep your address for at most seven days.',
  'outreach.subscribe_confirmed': 'Thank you! Your newsletter subscription is confirmed.',
  'outreach.link_invalid': 'This link is invalid or has expired.',
  'outreach.unsubscribe_title': 'Unsubscribe from the newsletter',
  'outreach.unsubscribe_question': 'Do you want to stop the newsletter to {email}?',
  'outreach.unsubscribe': 'Unsubscribe',
  'outreach.unsubscribed': 'You will no longer receive the newsletter. Your address has been deleted.',
  'outreach.mail_optin_subject': 'Please confirm your newsletter subscription',
  'outreach.mail_optin_body':
    'Hello,\n\nsomeone – hopefully you – subscribed this address to the newsletter of {site}. Please confirm with this link:\n\n{link}\n\nIf you did not subscribe, there is nothing to do: without confirmation we delete the address after seven days.\n',
  'outreach.mail_newsletter_footer':
    '\n\n--\nYou receive this newsletter because you subscribed to it. Unsubscribe: {link}\n',

  'outreach.office_newsletter_title': 'Newsletter',
  'outreach.office_subscribers':
    'Confirmed subscribers: {de} in German, {en} in English; {pending} unconfirmed.',
  'outreach.office_send_hint':
    'A published post from “News” is sent as a newsletter to all confirmed subscribers of its language.',
  'outreach.office_send': 'Send as newsletter',
  'outreach.office_sent': 'The newsletter is being sent to {count} subscribers.',
  'outreach.office_already_sent': 'This post has already been sent as a newsletter.',
  'outreach.office_not_published': 'Only published posts can be sent as a newsletter.',
  'outreach.sends_title': 'Issues sent',
  'outreach.sends_empty': 'No issue sent yet.',
  'outreach.col_post': 'Post',
  'outreach.col_recipients': 'Recipients',
  'outreach.col_sent_at': 'Sent on',
  'outreach.col_action': 'Action',
  'outreach.not_sent': 'not sent yet',

  'outreach.contact_title': 'Message to the office',
  'outreach.contact_intro':
    'Write to us. We usually answer within a few working days. Please do not put confidential details about affected persons into this form. If you are affected yourself or looking for help, you can find a specialised counselling centre near you with the search.',
  'outreach.contact_finder_link': 'Find a counselling centre',
  'outreach.name': 'Your name',
  'outreach.subject': 'Subject',
  'outreach.message': 'Your message',
  'outreach.send': 'Send message',
  'outreach.contact_sent': 'Thank you for your message. The office will get back to you.',
  'outreach.contact_privacy':
    'We store your message to answer it and delete it twelve months after it arrived.',
  'outreach.mail_contact_subject': 'Contact form: {subject}',
  'outreach.mail_contact_body':
    'New message through the contact form.\n\nFrom: {name} <{email}>\nSubject: {subject}\n\n{message}\n\nIn the administration: {link}\n',

  'outreach.office_messages_title': 'Messages from the contact form',
  'outreach.messages_empty': 'No messages.',
  'outreach.col_from': 'From',
  'outreach.col_received': 'Received',
  'outreach.col_status': 'Status',
  'outreach.status_new': 'new',
  'outreach.status_done': 'done',
  'outreach.mark_done': 'Mark as done',
  'outreach.reply': 'Reply by e-mail',

  'outreach.donate_title': 'Donate',
  'outreach.donate_intro':
    'The KOK is financed largely by grants, membership fees and donations. Your donation supports the work against human trafficking and exploitation and for the rights of those affected.',
  'outreach.donate_bank': 'Bank account for donations',
  'outreach.account_holder': 'Account holder',
  'outreach.iban': 'IBAN',
  'outreach.bic': 'BIC',
  'outreach.bank_name': 'Bank',
  'outreach.donate_reference': 'Reference: Spende (donation)',
  'outreach.donate_receipt':
    'For a donation receipt, please put your postal address in the reference or write to us.',
  'outreach.donate_no_account': 'The bank details are shown here as soon as the office has entered them.',
};
