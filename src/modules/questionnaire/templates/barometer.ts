// Template: a local-democracy barometer (over a hundred questions in twelve sections), original
// French text written for Palabre, to be adapted by each town. Conditions and jumps show the
// follow-up questions only to those they concern.
import type { QuestionnaireFile } from '../transfer.ts';
import { AGREE, OFTEN, SATISFIED, builder } from './build.ts';

const b = builder();
const CONFIDENCE = ['Aucune confiance', 'Peu confiance', 'Assez confiance', 'Tout à fait confiance'];
const KNOW = ['Je ne connais pas', 'J’en ai entendu parler', 'Je connais bien'];

b.section('Vous et votre commune', 'Quelques questions pour situer les réponses ; elles restent anonymes dans les résultats.');
b.single('Depuis combien de temps habitez-vous la commune ?', ['Moins de 2 ans', 'De 2 à 5 ans', 'De 5 à 10 ans', 'De 10 à 20 ans', 'Plus de 20 ans', 'Je n’y habite pas'], { required: true });
b.single('Quelle est votre tranche d’âge ?', ['Moins de 18 ans', '18 à 24 ans', '25 à 34 ans', '35 à 49 ans', '50 à 64 ans', '65 à 74 ans', '75 ans et plus'], { private: true });
b.single('Quelle est votre situation principale ?', ['En emploi', 'En recherche d’emploi', 'Étudiant ou en formation', 'À la retraite', 'Au foyer', 'Autre situation'], { private: true });
b.single('Votre logement', ['Propriétaire', 'Locataire du parc privé', 'Locataire d’un logement social', 'Hébergé par un proche', 'Autre'], { private: true });
b.yesNo('Avez-vous des enfants scolarisés dans la commune ?');
b.single('Quel mode de déplacement utilisez-vous le plus souvent ?', ['Marche', 'Vélo', 'Transports en commun', 'Voiture', 'Deux-roues motorisé', 'Autre']);
b.likert('Je me sens attaché(e) à ma commune.');
b.likert('Je me sens attaché(e) à mon quartier.');
b.scale('Sur une échelle de 0 à 10, recommanderiez-vous à un proche de venir vivre dans la commune ?');

b.section('L’information municipale');
b.multiple('Par quels moyens vous informez-vous sur la vie municipale ?', ['Le magazine municipal', 'Le site internet de la ville', 'Les réseaux sociaux de la ville', 'La presse locale', 'Les panneaux d’affichage', 'Le bouche-à-oreille', 'Les associations', 'Les réunions publiques'], { other: true, maxSelect: 4 });
b.likert('Je me sens bien informé(e) des décisions prises par la municipalité.');
b.likert('Les informations de la ville sont faciles à comprendre.');
b.likert('Je sais à qui m’adresser en mairie pour une question ou un problème.');
b.likert('Les comptes rendus du conseil municipal sont faciles à trouver.');
b.single('À quelle fréquence lisez-vous le magazine municipal ?', OFTEN);
b.yesNo('Avez-vous déjà assisté (sur place ou en vidéo) à un conseil municipal ?');
b.single('Quel sujet aimeriez-vous voir davantage expliqué ?', ['Le budget de la ville', 'Les travaux et l’urbanisme', 'Les services aux familles', 'L’environnement', 'La sécurité', 'La culture et le sport', 'Les aides sociales']);
b.long('Que faudrait-il changer dans l’information municipale ?');

b.section('Votre participation');
const meeting = b.yesNo('Au cours des douze derniers mois, avez-vous participé à une réunion publique organisée par la ville ?', { required: true });
b.multiple('Lesquelles ?', ['Réunion de quartier', 'Présentation d’un projet d’aménagement', 'Conseil municipal', 'Atelier de concertation', 'Visite de chantier', 'Réunion sur le budget'], { other: true }, { showIf: [b.when(meeting, 'is', 'yes')] });
b.likert('Lors de cette réunion, j’ai pu m’exprimer librement.', AGREE, { showIf: [b.when(meeting, 'is', 'yes')] });
b.likert('J’ai eu le sentiment que mon avis pouvait être pris en compte.', AGREE, { showIf: [b.when(meeting, 'is', 'yes')] });
b.multiple('Pour quelles raisons n’y avez-vous pas participé ?', ['Je n’étais pas au courant', 'Les horaires ne me convenaient pas', 'Le sujet ne m’intéressait pas', 'Je ne pense pas que cela serve', 'Je ne me sens pas légitime', 'Problème de garde d’enfants ou de transport'], { other: true }, { showIf: [b.when(meeting, 'is', 'no')] });
b.yesNo('Avez-vous déjà répondu à une consultation en ligne de la ville ?');
b.yesNo('Avez-vous déjà signé une pétition concernant la commune ?');
b.yesNo('Êtes-vous membre d’une association de la commune ?');
b.yesNo('Avez-vous déjà contacté directement un ou une élue ?');
b.single('Combien de temps seriez-vous prêt(e) à consacrer chaque mois à la vie de votre commune ?', ['Aucun', 'Moins d’une heure', 'Une à trois heures', 'Plus de trois heures']);
b.multiple('Sous quelles formes aimeriez-vous participer ?', ['Réunions publiques', 'Consultations en ligne', 'Ateliers en petits groupes', 'Balades urbaines', 'Conseils de quartier', 'Budget participatif', 'Jurys citoyens tirés au sort', 'Questionnaires comme celui-ci'], { maxSelect: 3 });
b.ranking('Classez les moments de la semaine qui vous conviennent le mieux pour participer.', ['En semaine en journée', 'En semaine en soirée', 'Le samedi', 'Le dimanche'], 2);

b.section('Confiance dans les institutions locales');
b.grid('Quelle confiance accordez-vous aux acteurs suivants ?', ['Le maire', 'Le conseil municipal', 'Les services municipaux', 'L’intercommunalité', 'Le département', 'Les associations locales', 'Les commerçants du quartier'], CONFIDENCE);
b.likert('La municipalité tient compte de l’avis des habitants.');
b.likert('Les décisions importantes sont prises de manière transparente.');
b.likert('Les élus sont accessibles.');
b.likert('L’argent public est bien utilisé dans la commune.');
b.likert('Tous les quartiers sont traités de la même manière.');
b.likert('Les engagements pris pendant la campagne sont tenus.');
b.scale('Globalement, quelle note donneriez-vous à l’action municipale, de 0 à 10 ?', { required: true });
b.long('Qu’est-ce qui renforcerait votre confiance dans la municipalité ?');

b.section('Les services publics locaux');
b.grid('Quel est votre niveau de satisfaction pour chacun de ces services ?', ['L’accueil en mairie', 'Les démarches en ligne', 'Les écoles', 'Les crèches', 'La bibliothèque', 'Les équipements sportifs', 'Le centre social', 'La propreté des rues', 'La collecte des déchets', 'L’éclairage public'], SATISFIED);
b.yesNo('Avez-vous effectué une démarche en mairie au cours de l’année ?');
b.likert('Les horaires d’ouverture des services sont adaptés.');
b.likert('Les délais de réponse aux demandes sont raisonnables.');
b.single('Quel service mériterait en priorité d’être amélioré ?', ['L’accueil en mairie', 'Les démarches en ligne', 'L’accueil de la petite enfance', 'Les écoles', 'La propreté', 'Les équipements sportifs', 'La culture', 'Les services aux personnes âgées']);
b.long('Racontez une expérience, bonne ou mauvaise, avec un service municipal.');

b.section('Le cadre de vie');
b.likert('Mon quartier est agréable à vivre.', AGREE, { required: true });
b.likert('Je me sens en sécurité dans mon quartier le jour.');
b.likert('Je me sens en sécurité dans mon quartier la nuit.');
b.likert('Les trottoirs permettent de circuler facilement, y compris avec une poussette ou un fauteuil.');
b.likert('Il y a assez d’espaces verts près de chez moi.');
b.likert('Le bruit est supportable dans mon quartier.');
b.likert('Les commerces de proximité répondent à mes besoins.');
b.single('Combien de temps vous faut-il à pied pour rejoindre un parc ou un jardin public ?', ['Moins de 5 minutes', '5 à 15 minutes', '15 à 30 minutes', 'Plus de 30 minutes']);
b.multiple('Quels problèmes rencontrez-vous le plus dans votre quartier ?', ['Dépôts sauvages', 'Stationnement gênant', 'Vitesse des voitures', 'Manque d’éclairage', 'Incivilités', 'Manque de bancs ou de toilettes publiques', 'Logements dégradés'], { other: true, maxSelect: 3 });

b.section('Mobilités');
b.likert('Il est facile de se déplacer à vélo dans la commune.');
b.likert('Les transports en commun desservent bien mon quartier.');
b.likert('La place donnée à la voiture en ville est excessive.');
b.yesNo('Seriez-vous favorable à davantage de rues réservées aux piétons ?');
b.yesNo('Seriez-vous favorable à une zone limitée à 30 km/h dans toute la commune ?');
b.ranking('Classez ces aménagements par ordre de priorité.', ['Pistes cyclables sécurisées', 'Trottoirs plus larges', 'Fréquence des bus', 'Parkings relais', 'Stationnements vélo', 'Traversées piétonnes sécurisées'], 3);
b.number('Combien de kilomètres parcourez-vous environ chaque jour pour vos trajets habituels ?', 0, 500);

b.section('Transition écologique');
b.likert('La commune en fait assez pour l’environnement.');
b.likert('Je suis prêt(e) à changer mes habitudes pour réduire mon impact sur l’environnement.');
b.multiple('Quelles actions la ville devrait-elle développer ?', ['Planter des arbres', 'Rénover les bâtiments publics', 'Développer le compost', 'Installer des panneaux solaires', 'Créer des jardins partagés', 'Réduire l’éclairage nocturne', 'Aider la rénovation des logements'], { minSelect: 1, maxSelect: 3 });
const garden = b.yesNo('Seriez-vous intéressé(e) par une parcelle dans un jardin partagé ?');
b.single('Quelle surface vous conviendrait ?', ['Un bac de culture', 'Une petite parcelle (moins de 10 m²)', 'Une parcelle moyenne (10 à 30 m²)'], { showIf: [b.when(garden, 'is', 'yes')] });
b.yesNo('Triez-vous vos biodéchets ?');
b.likert('Les épisodes de chaleur en été sont un problème dans mon logement.');
b.long('Avez-vous une idée pour rendre la commune plus respectueuse de l’environnement ?');

b.section('Priorités pour la commune', 'Dites-nous ce qui compte le plus pour les années à venir.');
b.ranking('Classez ces thèmes du plus important au moins important.', ['Éducation et jeunesse', 'Logement', 'Environnement', 'Sécurité', 'Santé', 'Emploi et commerce', 'Culture et sport', 'Solidarité'], 5, { required: true });
b.majority('Comment jugez-vous chacun de ces projets possibles ?', ['Une nouvelle médiathèque', 'La rénovation de la piscine', 'Un parc en centre-ville', 'Une maison de santé', 'Un tiers-lieu pour les associations']);
b.single('Si la ville disposait d’un million d’euros supplémentaires, où faudrait-il l’investir en priorité ?', ['Écoles', 'Espaces verts', 'Voirie et pistes cyclables', 'Logement', 'Équipements sportifs', 'Action sociale', 'Culture']);
b.likert('Je serais prêt(e) à accepter une hausse des impôts locaux pour de meilleurs services.');
b.long('Quel projet aimeriez-vous voir réalisé dans votre quartier ?');

b.section('Le budget participatif');
const knowsBudget = b.single('Connaissez-vous le budget participatif de la commune ?', KNOW);
b.likert('Le budget participatif devrait représenter une part plus importante du budget de la ville.');
b.single('Qui devrait pouvoir voter au budget participatif ?', ['Toutes les personnes habitant la commune, dès 11 ans', 'Dès 16 ans', 'Les personnes majeures', 'Les personnes inscrites sur les listes électorales']);
// Those who do not know it skip the next section.
b.section('Votre expérience du budget participatif');
b.yesNo('Avez-vous déjà voté pour des projets du budget participatif ?');
b.yesNo('Avez-vous déjà déposé un projet ?');
b.likert('Les projets retenus sont réellement réalisés.');
b.likert('Les règles du budget participatif sont claires.');

const councilSection = b.section('Conseils de quartier et instances');
b.questions.find((q) => q.id === knowsBudget)!.jump = { when: b.when(knowsBudget, 'is', '0'), to: councilSection };
const council = b.yesNo('Savez-vous qu’il existe un conseil de quartier près de chez vous ?');
b.yesNo('En êtes-vous membre ?', { showIf: [b.when(council, 'is', 'yes')] });
b.likert('Les conseils de quartier ont un vrai rôle dans les décisions.', AGREE, { showIf: [b.when(council, 'is', 'yes')] });
b.yesNo('Seriez-vous prêt(e) à participer à un jury citoyen tiré au sort ?');
b.yesNo('Seriez-vous favorable à un conseil municipal des jeunes ?');
b.yesNo('Seriez-vous favorable à un droit d’interpellation du conseil municipal par pétition ?');
b.number('À partir de combien de signatures une pétition devrait-elle être inscrite à l’ordre du jour du conseil municipal ?', 10, 100000);
b.likert('Les instances de participation sont ouvertes à tous, quels que soient l’âge, l’origine ou la situation.');

b.section('Le numérique et la participation');
b.single('Avec quel appareil accédez-vous le plus souvent à internet ?', ['Téléphone', 'Ordinateur', 'Tablette', 'Je n’utilise pas internet']);
b.likert('Je suis à l’aise pour faire des démarches en ligne.');
b.yesNo('Avez-vous besoin d’aide pour certaines démarches en ligne ?');
b.yesNo('Connaissez-vous les lieux où l’on peut être accompagné dans ses démarches numériques ?');
b.likert('La participation en ligne remplace bien les réunions en présence.');
b.single('Préférez-vous participer…', ['En ligne', 'En présence', 'Les deux me conviennent', 'Je ne souhaite pas participer']);

b.section('Jeunesse et solidarités');
b.likert('La commune offre assez d’activités aux jeunes.');
b.likert('Les personnes âgées sont bien accompagnées dans la commune.');
b.likert('Les personnes en situation de handicap peuvent accéder facilement aux équipements publics.');
b.likert('La solidarité entre voisins est forte dans mon quartier.');
b.yesNo('Avez-vous déjà aidé un voisin (courses, bricolage, garde d’enfants) au cours de l’année ?');
b.multiple('Quels lieux manquent le plus aux jeunes de la commune ?', ['Un lieu de rencontre', 'Des terrains de sport en accès libre', 'Une salle de répétition', 'Un espace de travail', 'Des activités le soir'], { other: true });

b.section('Pour finir');
b.likert('Ce questionnaire m’a permis de m’exprimer sur les sujets qui comptent pour moi.');
b.single('Comment avez-vous connu ce questionnaire ?', ['Le site de la ville', 'Les réseaux sociaux', 'Le magazine municipal', 'Une affiche', 'Un proche', 'Une association', 'Autre']);
b.long('Souhaitez-vous ajouter quelque chose ?');
const keep = b.yesNo('Souhaitez-vous être informé(e) des résultats de ce baromètre ?');
b.email('Votre adresse e-mail', { private: true, showIf: [b.when(keep, 'is', 'yes')], help: 'Elle ne servira qu’à vous envoyer les résultats, puis sera effacée.' });

export const barometer: QuestionnaireFile = {
  format: 'palabre-questionnaire',
  version: 1,
  title: 'Baromètre de la démocratie locale',
  description: 'Un état des lieux annuel de l’information, de la participation et de la confiance des habitants.',
  questions: b.questions,
};
