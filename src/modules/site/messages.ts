export const fr = {
  'site.title': 'Site',
  'site.retention.title': 'Ce que le site conserve, et combien de temps',
  'site.retention.intro': 'Ces durées sont appliquées automatiquement par le logiciel Palabre :',
  'site.retention.emails': 'Les e-mails envoyés (adresse, nom, texte) sont effacés {days} jours après leur envoi.',
  'site.retention.sessions': 'Une connexion prend fin après {days} jours, ou après {idle} jours sans visite.',
  'site.retention.links': 'Les liens envoyés par e-mail (confirmation, nouveau mot de passe) ne servent qu’une fois et expirent.',
  'site.retention.rights': 'Depuis votre compte, vous pouvez à tout moment télécharger vos données ou supprimer votre compte : votre nom, votre adresse, votre code postal et votre quartier sont alors effacés, et vos contributions restent signées « participant supprimé », sans lien entre elles.',
  'site.retention.export': 'télécharger mes données',
  'site.retention.delete': 'supprimer mon compte',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'site.title': 'Site',
  'site.retention.title': 'What the site keeps, and for how long',
  'site.retention.intro': 'The Palabre software applies these periods by itself:',
  'site.retention.emails': 'Emails sent (address, name, text) are deleted {days} days after they were sent.',
  'site.retention.sessions': 'A login ends after {days} days, or after {idle} days without a visit.',
  'site.retention.links': 'Links sent by email (confirmation, new password) work once and expire.',
  'site.retention.rights': 'From your account you can download your data or delete your account at any time: your name, address, postal code and district are then erased, and your contributions stay signed “deleted participant”, with nothing tying them together.',
  'site.retention.export': 'download my data',
  'site.retention.delete': 'delete my account',
};

export const messages = { fr, en };
