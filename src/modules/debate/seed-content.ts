// The demo debate's texts, in French like the instance's reference language: a question on the
// market square, two invited opinions, and what the demo citizens argue.

export const QUESTION = 'Faut-il rendre la place du Marché piétonne le samedi ?';

export const PRESENTATION = [
  'Chaque samedi, le marché occupe la moitié de la place ; l’autre moitié reste ouverte aux voitures et au stationnement.',
  'La municipalité étudie une **fermeture à la circulation de 7 h à 19 h** le samedi, avec un report du stationnement sur le parking de la gare (10 minutes à pied) et une navette gratuite.',
  'Avant toute décision, donnez votre position, vos arguments, et lisez ceux des autres. Ce débat est le premier mené selon les règles du projet de charte de la participation.',
].join('\n\n');

export const OPINIONS = {
  for: {
    name: 'Claire Fournier',
    role: 'adjointe au maire, urbanisme',
    body: 'Une place libérée des voitures le samedi, c’est **plus d’espace pour les étals**, des terrasses, des enfants qui jouent en sécurité.\n\nLes villes qui ont essayé voient souvent la fréquentation des commerces augmenter. Nous proposons une période d’essai de six mois, avec un bilan public.',
  },
  against: {
    name: 'Patrick Roux',
    role: 'président de l’association des commerçants du centre',
    body: 'Beaucoup de nos clients viennent de communes voisines, en voiture, faire des achats lourds. Sans stationnement proche, une partie ira **au centre commercial**.\n\nAvant de fermer, il faut une navette fiable et des places de livraison réservées aux artisans.',
  },
};


/** [index of the citizen who writes it, text]: at most one argument per person and side. */
export const ARGUMENTS_FOR: [number, string][] = [
  [0, 'Le samedi matin, traverser la place avec une poussette entre les voitures est une épreuve. Une place piétonne, c’est la sécurité pour tous.'],
  [2, 'Les commerçants du marché pourraient s’étendre et accueillir de nouveaux producteurs locaux.'],
  [4, 'Moins de bruit et de pollution pour les habitants du centre, au moins un jour par semaine.'],
  [7, 'Une période d’essai permet de juger sur pièces : si cela ne marche pas, on reviendra en arrière.'],
];

export const ARGUMENTS_AGAINST: [number, string][] = [
  [1, 'Les personnes âgées ou à mobilité réduite ont besoin de se garer près des commerces. Il faut au moins garder des places réservées.'],
  [3, 'Le parking de la gare est déjà plein le samedi matin : où iront les voitures ?'],
  [5, 'Les livraisons des artisans se font souvent le samedi ; il faut prévoir des horaires pour eux.'],
  [2, 'Une navette gratuite coûte cher à la commune : son budget doit être connu avant de décider.'],
];

/** For each citizen: their vote (for / against), or null when they do not vote. */
export const VOTES: ('for' | 'against' | null)[] = ['for', 'against', 'for', 'against', 'for', 'against', 'for', 'for', null, 'for'];
