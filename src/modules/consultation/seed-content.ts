// The demo consultation's text and what the demo citizens write on it: a municipal charter of
// citizen participation, in French like the instance's reference language.

export const STEP = {
  title: 'Consultation sur le projet de charte',
  body: 'La municipalité soumet à la consultation son **projet de charte de la participation citoyenne**. Lisez chaque article, votez, proposez des modifications et débattez des propositions des autres habitants.',
};

export const TYPES = [
  { name: 'Proposition', colour: '#1d4ed8' },
  { name: 'Problème', colour: '#b91c1c' },
  { name: 'Solution', colour: '#15803d' },
];


export interface DemoSection {
  key: string;
  parent?: string;
  title: string;
  body: string;
  /** Contribution types open here (indexes into TYPES); none: a heading without contributions. */
  types: number[];
}

export const SECTIONS: DemoSection[] = [
  {
    key: 'preambule',
    title: 'Préambule',
    body: 'La commune reconnaît à chaque habitant le droit de participer aux décisions qui concernent son cadre de vie. La présente charte fixe les engagements de la municipalité et les règles communes de la participation citoyenne.',
    types: [0],
  },
  { key: 'titre1', title: 'Titre I – Les principes', body: 'Ce titre énonce les principes qui guident toute démarche participative de la commune.', types: [] },
  {
    key: 'article1',
    parent: 'titre1',
    title: 'Article 1 – Le droit à l’information',
    body: 'La commune publie les documents utiles à la compréhension de chaque projet au moins quinze jours avant toute réunion publique. Les informations sont rédigées dans un langage clair et accessibles aux personnes en situation de handicap.',
    types: [0, 1, 2],
  },
  {
    key: 'article2',
    parent: 'titre1',
    title: 'Article 2 – La consultation des habitants',
    body: 'Tout projet d’aménagement d’un montant supérieur à 500 000 euros fait l’objet d’une consultation des habitants. La consultation dure au moins trois semaines et ses résultats sont rendus publics.',
    types: [0, 1, 2],
  },
  { key: 'titre2', title: 'Titre II – Les instances', body: 'Ce titre organise les lieux où les habitants et les élus travaillent ensemble.', types: [] },
  {
    key: 'article3',
    parent: 'titre2',
    title: 'Article 3 – Les conseils de quartier',
    body: 'Chaque quartier dispose d’un conseil de quartier ouvert à tous ses habitants. Le conseil se réunit au moins deux fois par an et peut saisir le conseil municipal de toute question d’intérêt local.',
    types: [0, 1, 2],
  },
  {
    key: 'article4',
    parent: 'titre2',
    title: 'Article 4 – Le suivi des engagements',
    body: 'Un comité de suivi composé d’élus et d’habitants tirés au sort vérifie chaque année le respect de la charte. Son rapport est présenté en conseil municipal.',
    types: [0, 1, 2],
  },
];

/** [section key, type index, title, body] */
export const OPINIONS: [string, number, string, string][] = [
  ['preambule', 0, 'Mentionner les enfants et les jeunes', 'Les jeunes de moins de 18 ans devraient être explicitement cités : ils vivent aussi dans la commune.'],
  ['preambule', 0, 'Rappeler la Convention d’Aarhus', 'Le droit de participer aux décisions sur l’environnement est déjà reconnu par la Convention d’Aarhus : autant le rappeler.'],
  ['article1', 1, 'Les documents arrivent trop tard', 'Pour le projet de la place du marché, les plans ont été publiés la veille de la réunion. Impossible de les lire à temps.'],
  ['article1', 2, 'Un espace en ligne pour chaque projet', 'Chaque projet pourrait avoir sa page avec tous les documents, le calendrier et les comptes rendus.'],
  ['article1', 0, 'Des versions papier en mairie', 'Tout le monde n’a pas internet : les documents doivent aussi être consultables en mairie et dans les bibliothèques.'],
  ['article1', 1, 'Un vocabulaire trop technique', 'Les notices d’urbanisme sont illisibles pour la plupart des habitants.'],
  ['article1', 2, 'Une synthèse en une page', 'Chaque dossier commencerait par une synthèse en langage simple, relue par des habitants volontaires.'],
  ['article1', 0, 'Traduire les documents principaux', 'Une partie des habitants maîtrise mal le français ; les synthèses pourraient être traduites.'],
  ['article2', 0, 'Abaisser le seuil à 200 000 euros', 'Beaucoup de projets de quartier coûtent moins de 500 000 euros et changent pourtant la vie des riverains.'],
  ['article2', 1, 'Des résultats sans réponse', 'La dernière consultation sur les pistes cyclables n’a jamais reçu de réponse de la mairie.'],
  ['article2', 2, 'Répondre à chaque proposition', 'La municipalité publie une réponse motivée à chaque proposition ayant reçu au moins 50 votes favorables.'],
  ['article2', 0, 'Consulter aussi sur le budget', 'Les grandes orientations budgétaires devraient être soumises à consultation chaque année.'],
  ['article2', 1, 'Trois semaines, c’est court', 'Pendant les vacances scolaires, trois semaines ne suffisent pas pour que les familles participent.'],
  ['article2', 2, 'Éviter les périodes de vacances', 'Aucune consultation ne devrait se dérouler principalement pendant les vacances scolaires.'],
  ['article3', 0, 'Des réunions le soir ou le samedi', 'Les horaires doivent permettre aux personnes qui travaillent de venir.'],
  ['article3', 1, 'Toujours les mêmes participants', 'Dans mon quartier, ce sont toujours les mêmes dix personnes qui viennent au conseil.'],
  ['article3', 2, 'Tirer au sort une partie des membres', 'Un tiers des membres du conseil de quartier pourrait être tiré au sort sur les listes électorales.'],
  ['article3', 0, 'Un budget propre à chaque conseil', 'Chaque conseil de quartier devrait gérer un petit budget pour des projets immédiats.'],
  ['article3', 2, 'Une garde d’enfants pendant les réunions', 'Proposer une garde d’enfants permettrait aux parents de participer.'],
  ['article4', 0, 'Publier le rapport en ligne', 'Le rapport du comité de suivi doit être publié en ligne, pas seulement présenté en conseil.'],
  ['article4', 1, 'Un comité sans moyens', 'Sans budget ni accès aux services, le comité ne pourra rien vérifier.'],
  ['article4', 2, 'Un droit d’interpellation', 'Si la charte n’est pas respectée, 300 habitants pourraient demander l’inscription d’une question au conseil municipal.'],
  ['article4', 0, 'Renouveler le comité tous les deux ans', 'Un renouvellement régulier évite que le comité ne s’essouffle.'],
  ['article4', 2, 'Des indicateurs simples', 'Le rapport suivrait quelques chiffres : nombre de consultations, participants, propositions retenues.'],
];

/** [section key, title, justification, [search, replace]] applied to the section's text. */
export const AMENDMENTS: [string, string, string, [string, string]][] = [
  ['article1', 'Un mois plutôt que quinze jours', 'Quinze jours ne suffisent pas pour lire un dossier d’urbanisme et en discuter entre voisins.', ['au moins quinze jours', 'au moins un mois']],
  ['article2', 'Abaisser le seuil de consultation', 'Les projets de quartier coûtent souvent moins de 500 000 euros.', ['500 000 euros', '200 000 euros']],
  ['article2', 'Une réponse motivée', 'Rendre publics les résultats ne suffit pas : la commune doit expliquer ce qu’elle en retient.', ['ses résultats sont rendus publics.', 'ses résultats sont rendus publics, accompagnés d’une réponse motivée de la municipalité.']],
  ['article3', 'Quatre réunions par an', 'Deux réunions par an ne permettent pas de suivre les projets.', ['au moins deux fois par an', 'au moins quatre fois par an']],
  ['article4', 'Un rapport publié en ligne', 'Le rapport doit être accessible à tous, pas seulement aux élus.', ['Son rapport est présenté en conseil municipal.', 'Son rapport est publié en ligne et présenté en conseil municipal.']],
];

export const ARGUMENTS_FOR = [
  'C’est du bon sens, et cela ne coûte presque rien.',
  'Les communes voisines le font déjà avec succès.',
  'Cela redonnerait confiance dans les consultations.',
  'Les personnes âgées en seraient les premières bénéficiaires.',
];

export const ARGUMENTS_AGAINST = [
  'Cela risque d’alourdir les procédures et de retarder les projets.',
  'Les services municipaux n’ont pas les moyens de suivre.',
  'Mieux vaut commencer petit et évaluer avant de généraliser.',
];

/** [title, url, category] */
export const SOURCES: [string, string, string][] = [
  ['Code général des collectivités territoriales, article L2143-1 (conseils de quartier)', 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390121', 'official'],
  ['Convention d’Aarhus sur l’accès à l’information et la participation du public', 'https://unece.org/environment-policy/public-participation/aarhus-convention/text', 'official'],
  ['Commission nationale du débat public : principes de la participation', 'https://www.debatpublic.fr/', 'study'],
  ['Les conseils de quartier, dix ans après (article de presse)', 'https://www.example.org/presse/conseils-de-quartier', 'press'],
  ['Guide du langage clair (Facile à lire et à comprendre)', 'https://www.unapei.org/article/facile-a-lire-et-a-comprendre/', 'other'],
];
