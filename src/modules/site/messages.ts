export const fr = {
  'site.title': 'Site',
  'site.home.title': 'Accueil',
  'site.home.welcome': 'Bienvenue sur la plateforme de participation de {name}',
  'site.home.default_intro': 'Cette plateforme permet de participer aux projets de la collectivité : consultations, boîtes à idées, budgets participatifs, votes et questionnaires.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'site.title': 'Site',
  'site.home.title': 'Home',
  'site.home.welcome': 'Welcome to the participation platform of {name}',
  'site.home.default_intro': 'This platform lets you take part in the projects of the local authority: consultations, idea boxes, participatory budgets, votes and questionnaires.',
};

export const messages = { fr, en };
