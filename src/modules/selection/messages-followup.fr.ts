// French catalogue of a winner's follow-up after publication: milestones moved up and down, news
// posts edited and removed after a question (selection.follow_up.*): the reference.
export const frFollowUp = {
  'selection.follow_up.move.up': 'Monter l’étape « {title} »',
  'selection.follow_up.move.down': 'Descendre l’étape « {title} »',
  'selection.follow_up.error.bad_direction': 'Demande invalide : une étape se déplace vers le haut ou vers le bas.',
  'selection.follow_up.flash.milestone_moved': 'L’étape est déplacée.',
  'selection.follow_up.update.edit': 'Modifier l’actualité « {title} »',
  'selection.follow_up.update.edit_title': 'Modifier l’actualité « {title} »',
  'selection.follow_up.update.edit_hint': 'Publiée le {date}. Une correction n’envoie pas de nouveau courriel aux personnes qui suivent la proposition ; la page indique la date de la modification.',
  'selection.follow_up.update.save': 'Enregistrer l’actualité',
  'selection.follow_up.update.delete_title': 'Supprimer l’actualité « {title} » ?',
  'selection.follow_up.update.delete_warning': 'L’actualité « {title} », publiée le {date}, disparaîtra de la page de la proposition. La suppression est définitive.',
  'selection.follow_up.update.delete_confirm': 'Supprimer définitivement',
  'selection.follow_up.flash.update_saved': 'L’actualité est enregistrée. Aucun courriel n’est envoyé pour une correction.',
  'selection.follow_up.edited': 'modifiée le {date}',
};
