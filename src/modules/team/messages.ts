/** Messages of the office team editor (the team shown on the office's page is data, not typed text). */
export const teamDe = {
  'team.admin_title': 'Team der Geschäftsstelle',
  'team.admin_intro':
    'Die Liste erscheint auf der Seite „Die Geschäfts- und Koordinationsstelle“ an der Stelle {{office_team}}. Die Reihenfolge bestimmt das Feld „Position“.',
  'team.name': 'Name',
  'team.role_de': 'Funktion (deutsch)',
  'team.role_en': 'Funktion (englisch)',
  'team.areas_de': 'Arbeitsbereiche (deutsch)',
  'team.areas_en': 'Arbeitsbereiche (englisch)',
  'team.email': 'E-Mail-Adresse (optional, wird öffentlich angezeigt)',
  'team.position': 'Position',
  'team.add': 'Person hinzufügen',
  'team.save': 'Speichern',
  'team.delete': 'Entfernen',
  'team.edit': 'Bearbeiten',
  'team.edit_title': '{name} bearbeiten',
  'team.saved': 'Gespeichert.',
  'team.deleted': 'Entfernt.',
  'team.empty': 'Noch niemand eingetragen.',
} as const;

export const teamEn: Record<keyof typeof teamDe, string> = {
  'team.admin_title': 'Office team',
  'team.admin_intro':
    'The list appears on the page “The coordination office” where it says {{office_team}}. The field “Position” sets the order.',
  'team.name': 'Name',
  'team.role_de': 'Role (German)',
  'team.role_en': 'Role (English)',
  'team.areas_de': 'Areas of work (German)',
  'team.areas_en': 'Areas of work (English)',
  'team.email': 'E-mail address (optional, shown publicly)',
  'team.position': 'Position',
  'team.add': 'Add person',
  'team.save': 'Save',
  'team.delete': 'Remove',
  'team.edit': 'Edit',
  'team.edit_title': 'Edit {name}',
  'team.saved': 'Saved.',
  'team.deleted': 'Removed.',
  'team.empty': 'Nobody entered yet.',
};
