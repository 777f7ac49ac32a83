/** Messages of the office's data-collection tools: threshold, participation, reminders, publishing, autosave. */
export const dataOfficeDe = {
  'data.overview.nav': 'Datenbericht (Übersicht)',
  'data.overview.title': 'Datenbericht: Übersicht',
  'data.overview.intro':
    'Berichtsjahre, Beteiligung in Summe und der erstellte Bericht – nur zum Lesen. Einzelne Datensätze und einzelne Fachberatungsstellen sind hier nicht zu sehen.',
  'data.overview.preview': 'Bericht ansehen',
  'data.overview.centres': 'Beteiligung nach Fachberatungsstelle',
  'data.overview.threshold_link': 'Schwellenwert ändern',
  'data.overview.totals': 'Beteiligung in Summe',
  'data.overview.centres_count': '{count} Fachberatungsstellen',
  'data.overview.back': 'Zur Übersicht',
  'data.centres.title': 'Beteiligung {year} nach Fachberatungsstelle',
  'data.centres.intro':
    'Nur die Administration sieht die Namen der Fachberatungsstellen. Die Geschäftsstelle sieht dieselben Zahlen ohne Namen.',
  'data.participation.centre': 'Fachberatungsstelle',
  'data.participation.anonymous': 'Einrichtung {number}',
  'data.participation.total': 'Summe',
  'data.participation.anonymous_hint':
    'Die Fachberatungsstellen sind nach ihren Zahlen geordnet und nummeriert, nicht nach Namen: Die Geschäftsstelle sieht nicht, welche Stelle welche Zahlen hat.',
  'data.threshold.title': 'Schwellenwert für den Datenbericht',
  'data.threshold.intro':
    'Jede Zahl unter dem Schwellenwert k wird im Bericht unterdrückt, dazu so viele weitere, dass keine unterdrückte Zahl aus Summen berechnet werden kann. Je höher k, desto mehr Zahlen fehlen im Bericht.',
  'data.threshold.label': 'Schwellenwert k',
  'data.threshold.hint': 'Eine ganze Zahl von {min} bis {max}. Voreinstellung: 5.',
  'data.threshold.current': 'Aktueller Schwellenwert: k = {k}',
  'data.threshold.save': 'Schwellenwert speichern',
  'data.threshold.saved': 'Der Schwellenwert wurde gespeichert.',
  'data.threshold.invalid': 'Bitte geben Sie eine ganze Zahl von 3 bis 50 an.',
  'data.threshold.published_note':
    'Bereits veröffentlichte Berichte behalten ihren Schwellenwert, bis sie erneut veröffentlicht werden.',
  'data.reminders.title': 'Erinnerungen',
  'data.reminders.intro':
    'Erinnert alle Fachberatungsstellen, die noch nichts freigegeben haben oder noch Entwürfe bzw. nicht freigegebene Datensätze haben. Automatisch geschieht das {stages} Tage vor der Abgabefrist, je Stufe einmal.',
  'data.reminders.send': 'Jetzt erinnern',
  'data.reminders.sent': 'Erinnerung an {count} Fachberatungsstellen verschickt.',
  'data.reminders.none': 'Noch keine Erinnerungen verschickt.',
  'data.reminders.stage_manual': 'von Hand ({date})',
  'data.reminders.stage_auto': '{days} Tage vor der Frist',
  'data.reminders.row': '{stage}: {count} Fachberatungsstellen',
  'data.reminders.year_closed': 'Für ein abgeschlossenes Berichtsjahr werden keine Erinnerungen verschickt.',
  'data.reminders.subject': 'Erinnerung: Datenerhebung {year}',
  'data.reminders.body':
    'Guten Tag,\n\ndie Abgabefrist für die Datenerhebung {year} ist am {deadline}. Für {centre} sind noch nicht alle Datensätze freigegeben.\n\nBitte vervollständigen Sie Ihre Datensätze und geben Sie sie frei, wenn die Einwilligung vorliegt:\n{link}\n\nVielen Dank!\nIhre Geschäftsstelle',
  'data.office.unpublish': 'Veröffentlichung zurückziehen',
  'data.office.unpublished_notice':
    'Der Bericht ist nicht mehr öffentlich. Sie können ihn neu berechnen und erneut veröffentlichen.',
  'data.office.not_published_yet': 'Dieser Bericht ist nicht veröffentlicht.',
  'data.office.republish_hint':
    'Beim erneuten Veröffentlichen wird der Bericht mit dem aktuellen Schwellenwert neu berechnet.',
  'data.entry.autosave_on': 'Entwürfe werden automatisch gespeichert.',
  'data.entry.autosaved': 'Entwurf automatisch gespeichert um {time}.',
  'data.entry.autosave_failed':
    'Der Entwurf konnte nicht automatisch gespeichert werden. Bitte speichern Sie von Hand.',
  'data.entry.delete_hint': 'Solange das Berichtsjahr offen ist, können Sie eigene Datensätze löschen.',
} as const;

export const dataOfficeEn: Record<keyof typeof dataOfficeDe, string> = {
  'data.overview.nav': 'Data report (overview)',
  'data.overview.title': 'Data report: overview',
  'data.overview.intro':
    'Reporting years, participation in total and the produced report – read only. Single records and single centres are not shown here.',
  'data.overview.preview': 'View report',
  'data.overview.centres': 'Participation per centre',
  'data.overview.threshold_link': 'Change threshold',
  'data.overview.totals': 'Participation in total',
  'data.overview.centres_count': '{count} centres',
  'data.overview.back': 'Back to the overview',
  'data.centres.title': 'Participation {year} per centre',
  'data.centres.intro':
    'Only administrators see the centres’ names. The office sees the same figures without names.',
  'data.participation.centre': 'Centre',
  'data.participation.anonymous': 'Centre {number}',
  'data.participation.total': 'Total',
  'data.participation.anonymous_hint':
    'Centres are ordered and numbered by their figures, not by name: the office cannot see which centre has which figures.',
  'data.threshold.title': 'Threshold of the data report',
  'data.threshold.intro':
    'Every figure below the threshold k is suppressed in the report, plus as many others as needed so that no suppressed figure can be worked out from totals. The higher k, the more figures are missing.',
  'data.threshold.label': 'Threshold k',
  'data.threshold.hint': 'A whole number from {min} to {max}. Default: 5.',
  'data.threshold.current': 'Current threshold: k = {k}',
  'data.threshold.save': 'Save threshold',
  'data.threshold.saved': 'The threshold has been saved.',
  'data.threshold.invalid': 'Please enter a whole number from 3 to 50.',
  'data.threshold.published_note': 'Reports already published keep their threshold until published again.',
  'data.reminders.title': 'Reminders',
  'data.reminders.intro':
    'Reminds every centre that has released nothing yet or still has drafts or unreleased records. This also happens automatically {stages} days before the deadline, once per stage.',
  'data.reminders.send': 'Send reminders now',
  'data.reminders.sent': 'Reminder sent to {count} centres.',
  'data.reminders.none': 'No reminders sent yet.',
  'data.reminders.stage_manual': 'by hand ({date})',
  'data.reminders.stage_auto': '{days} days before the deadline',
  'data.reminders.row': '{stage}: {count} centres',
  'data.reminders.year_closed': 'No reminders are sent for a closed reporting year.',
  'data.reminders.subject': 'Reminder: data collection {year}',
  'data.reminders.body':
    'Hello,\n\nthe deadline of the data collection {year} is {deadline}. Not all records of {centre} have been released yet.\n\nPlease complete your records and release them where consent is recorded:\n{link}\n\nThank you!\nThe office',
  'data.office.unpublish': 'Withdraw publication',
  'data.office.unpublished_notice': 'The report is no longer public. You can recompute and publish it again.',
  'data.office.not_published_yet': 'This report is not published.',
  'data.office.republish_hint': 'Publishing again recomputes the report with the current threshold.',
  'data.entry.autosave_on': 'Drafts are saved automatically.',
  'data.entry.autosaved': 'Draft saved automatically at {time}.',
  'data.entry.autosave_failed': 'The draft could not be saved automatically. Please save it by hand.',
  'data.entry.delete_hint': 'While the reporting year is open, you can delete your own records.',
};
