// Pure checks of the account forms: what each field must be, as catalogue keys. Routes read the
// fields, these functions say what is wrong, nothing here touches the database.
import { checkEmail, type FormErrors } from '../../platform/forms.ts';
import { checkDisplayName as checkName, reservedNames } from '../../platform/names.ts';
import { passwordProblem } from '../../platform/passwords.ts';
import type { TokenCheck } from '../../platform/tokens.ts';


export interface RegistrationInput {
  email: string;
  password: string;
  displayName: string;
  acceptTerms: boolean;
}

/** `value` comes through normalizeName; `reserved` holds the site's name when the route knows it. */
export function checkDisplayName(errors: FormErrors, name: string, value: string, reserved = reservedNames('')): void {
  checkName(errors, name, value, reserved);
}

/** A new password: present, long enough, not too long, not one of the most common ones. */
export function checkNewPassword(errors: FormErrors, name: string, value: string): void {
  if (value === '') {
    errors[name] = { key: 'forms.required' };
    return;
  }
  const problem = passwordProblem(value);
  if (problem) errors[name] = { key: problem };
}

/** A password typed to prove who one is: only its presence is checked here. */
export function checkCurrentPassword(errors: FormErrors, name: string, value: string): void {
  if (value === '') errors[name] = { key: 'forms.required' };
  else if (value.length > 1000) errors[name] = { key: 'accounts.current_password_wrong' };
}

export function checkRegistration(input: RegistrationInput, reserved = reservedNames('')): FormErrors {
  const errors: FormErrors = {};
  checkEmail(errors, 'email', input.email);
  checkDisplayName(errors, 'display_name', input.displayName, reserved);
  checkNewPassword(errors, 'password', input.password);
  if (!input.acceptTerms) errors.accept_terms = { key: 'accounts.register.terms_required' };
  return errors;
}

/** The message explaining why a one-time link cannot be used. */
export function tokenProblemKey(check: TokenCheck): string {
  return check.ok ? 'accounts.token.invalid' : `accounts.token.${check.reason}`;
}
