// French catalogue of the site module: the reference. Keys start with the module's slug.
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
  'site.page.draft': 'Brouillon : cette page n’est visible que par les administrateurs.',
  'site.page.edit': 'Modifier cette page',
} as const;
