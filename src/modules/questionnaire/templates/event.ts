// Template: a short feedback form after a public meeting or a workshop, original French text.
import type { QuestionnaireFile } from '../transfer.ts';
import { builder } from './build.ts';

const b = builder();
b.single('À quel titre avez-vous participé ?', ['Habitant', 'Membre d’une association', 'Commerçant', 'Élu', 'Autre'], { required: true });
b.scale('Globalement, de 0 à 10, êtes-vous satisfait(e) de cette rencontre ?', { required: true });
b.likert('Les informations présentées étaient claires.');
b.likert('J’ai pu donner mon avis.');
b.likert('La durée était adaptée.');
b.yesNo('Participeriez-vous à une prochaine rencontre ?');
b.long('Que faudrait-il améliorer ?');

export const event: QuestionnaireFile = {
  format: 'palabre-questionnaire',
  version: 1,
  title: 'Retour après une réunion publique',
  questions: b.questions,
};
