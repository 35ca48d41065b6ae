// Reading and checking form fields. Errors are catalogue keys with parameters, shown beside
// each field and in a summary; the form is re-rendered with status 422 and the values sent.
import type { Params } from './i18n.ts';

export interface FieldError {
  key: string;
  params?: Params;
}
export type FormErrors = Record<string, FieldError>;

export const EMAIL_MAX = 254;
// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A string field, trimmed; '' when absent or not a string (e.g. a repeated field). */
export function text(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** A password or other field that must not be trimmed. */
export function raw(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** A checkbox: true when sent with any value. */
export function checked(body: unknown, name: string): boolean {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return value !== undefined && value !== '';
}

export function checkText(errors: FormErrors, name: string, value: string, opts: { required?: boolean; max: number }): void {
  if (opts.required && value === '') errors[name] = { key: 'forms.required' };
  else if ([...value].length > opts.max) errors[name] = { key: 'forms.too_long', params: { max: opts.max } };
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

export function checkEmail(errors: FormErrors, name: string, value: string): void {
  if (value === '') errors[name] = { key: 'forms.required' };
  else if (value.length > EMAIL_MAX || !EMAIL.test(value)) errors[name] = { key: 'forms.email.invalid' };
}

/** An id from a URL or a form: a positive whole number, else null (never NaN, never 0). */
export function parseId(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

export const hasErrors = (errors: FormErrors) => Object.keys(errors).length > 0;
