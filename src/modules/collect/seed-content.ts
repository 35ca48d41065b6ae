// The French texts of the demo's collect step: an idea box of the charter project, its
// categories and ten proposals by the demo citizens (who wrote which: an index into them).
export const STEP_TITLE = 'Boîte à idées : vos projets pour le quartier';
export const PRESENTATION = 'Proposez des projets pour améliorer la vie du quartier : aménagements, nature en ville, mobilités, culture. Chaque proposition reçoit un numéro ; les services de la ville les étudieront avant le vote.';

export const CATEGORIES: [string, string][] = [
  ['Nature en ville', '#166534'],
  ['Mobilités', '#1d4ed8'],
  ['Culture et loisirs', '#7e22ce'],
  ['Cadre de vie', '#9a3412'],
];

/** [author index, category index, title, summary, text, address, cost in euros] */
export const PROPOSALS: [number, number, string, string, string, string, number][] = [
  [0, 0, 'Un verger partagé au square des Tilleuls', 'Planter une vingtaine d’arbres fruitiers que les habitants entretiennent et récoltent ensemble.', 'Le square est peu utilisé l’après-midi. Un verger partagé, avec une association du quartier pour l’entretien, donnerait des fruits et de l’ombre.', 'Square des Tilleuls', 12000],
  [1, 1, 'Des arceaux à vélos devant l’école Jules-Ferry', 'Installer trente arceaux pour que les parents et les enfants viennent à vélo.', 'Aujourd’hui les vélos sont attachés aux grilles et gênent le passage des poussettes.', 'Rue de l’École', 4500],
  [2, 2, 'Une boîte à livres sur la place du marché', 'Une armoire vitrée où chacun dépose et emprunte des livres librement.', 'Fabriquée par l’atelier menuiserie du lycée professionnel, elle serait relevée chaque semaine par des bénévoles.', 'Place du Marché', 1500],
  [3, 3, 'Des bancs le long de la promenade du canal', 'Poser des bancs tous les deux cents mètres pour les personnes âgées.', 'La promenade est longue et sans assise : beaucoup de personnes âgées renoncent à la faire en entier.', 'Promenade du canal', 9000],
  [4, 1, 'Une piste cyclable sécurisée avenue de la Gare', 'Séparer la piste de la chaussée par une bordure.', 'La bande peinte actuelle est souvent occupée par des voitures en stationnement.', 'Avenue de la Gare', 85000],
  [5, 0, 'Végétaliser la cour de l’école maternelle', 'Remplacer une partie du bitume par de la pelouse et des arbres.', 'Les cours d’école deviennent très chaudes l’été ; un îlot de fraîcheur profiterait aux enfants et aux voisins.', 'École maternelle Pasteur', 60000],
  [6, 2, 'Des concerts gratuits au kiosque en été', 'Un concert par mois de juin à septembre avec des groupes locaux.', 'Le kiosque a été rénové mais reste vide ; une programmation simple le ferait vivre.', 'Kiosque du parc', 8000],
  [7, 3, 'Un éclairage plus doux dans la rue des Lilas', 'Remplacer les lampadaires par un éclairage orienté vers le sol.', 'L’éclairage actuel éblouit les riverains et gêne les oiseaux ; un éclairage plus doux consommerait moins.', 'Rue des Lilas', 20000],
  [8, 0, 'Des composteurs collectifs en pied d’immeuble', 'Installer des composteurs gérés par les habitants avec un guide composteur.', 'Un tiers de nos poubelles pourrait être composté ; le compost servirait aux jardinières du quartier.', 'Résidence Les Érables', 3000],
  [9, 1, 'Un abri à vélos fermé près de la gare', 'Un abri sécurisé accessible avec une carte, pour éviter les vols.', 'Beaucoup renoncent au vélo pour aller à la gare par peur du vol.', 'Parvis de la gare', 40000],
];
