// Template: a neighbourhood satisfaction survey (about thirty questions), original French text
// written for Palabre: living there, public spaces, services, and what to improve first.
import type { QuestionnaireFile } from '../transfer.ts';
import { SATISFIED, builder } from './build.ts';

const b = builder();
b.section('Votre quartier');
b.single('Dans quel quartier habitez-vous ?', ['Centre', 'Gare', 'Les Coteaux', 'Le Port', 'Les Prés', 'Autre'], { required: true });
b.single('Depuis combien de temps ?', ['Moins d’un an', '1 à 5 ans', '5 à 15 ans', 'Plus de 15 ans']);
b.scale('De 0 à 10, à quel point êtes-vous satisfait(e) de vivre dans votre quartier ?', { required: true });
b.multiple('Qu’appréciez-vous le plus dans votre quartier ?', ['Le calme', 'Les commerces', 'Les espaces verts', 'Les voisins', 'Les transports', 'Les écoles'], { maxSelect: 3, other: true });
b.multiple('Qu’appréciez-vous le moins ?', ['Le bruit', 'La circulation', 'La propreté', 'Le manque de commerces', 'Le manque d’animation', 'Le sentiment d’insécurité'], { maxSelect: 3, other: true });

b.section('Espaces publics');
b.grid('Comment jugez-vous ces espaces de votre quartier ?', ['Rues et trottoirs', 'Places', 'Parcs et jardins', 'Aires de jeux', 'Abords des écoles', 'Arrêts de bus'], SATISFIED, { required: true });
const bench = b.yesNo('Manque-t-il du mobilier urbain (bancs, poubelles, abris) ?');
b.multiple('Lequel ?', ['Bancs', 'Poubelles', 'Abris de bus', 'Fontaines', 'Toilettes publiques', 'Arceaux à vélos'], {}, { showIf: [b.when(bench, 'is', 'yes')] });
b.single('Comment circulez-vous le plus souvent dans le quartier ?', ['À pied', 'À vélo', 'En bus', 'En voiture']);
b.likert('Les traversées piétonnes sont sûres.');
b.likert('L’éclairage des rues est suffisant.');

b.section('Services et vie de quartier');
b.grid('Votre satisfaction pour ces services de proximité', ['Commerces alimentaires', 'Médecins et pharmacies', 'Poste ou relais', 'Équipements sportifs', 'Maison de quartier'], SATISFIED);
b.yesNo('Participez-vous aux fêtes ou animations du quartier ?');
b.likert('Je connais des voisins sur qui compter.');
const assoc = b.yesNo('Aimeriez-vous vous impliquer dans une association de quartier ?');
b.email('Laissez votre adresse pour être recontacté(e)', { private: true, showIf: [b.when(assoc, 'is', 'yes')] });

b.section('Vos priorités');
b.ranking('Classez trois priorités pour votre quartier.', ['Propreté', 'Sécurité routière', 'Espaces verts', 'Commerces', 'Animations', 'Stationnement', 'Éclairage'], 3, { required: true });
b.majority('Comment jugez-vous ces projets pour le quartier ?', ['Végétaliser la place du marché', 'Créer une rue aux écoles', 'Ouvrir un jardin partagé', 'Installer une boîte à livres']);
b.long('Une remarque, une idée pour votre quartier ?');

export const neighbourhood: QuestionnaireFile = {
  format: 'palabre-questionnaire',
  version: 1,
  title: 'Enquête de satisfaction de quartier',
  questions: b.questions,
};
