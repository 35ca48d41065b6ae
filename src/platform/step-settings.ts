// Step settings a module declares in its manifest (DESIGN: stored as JSON on the step and
// validated against the declaration): reading the admin form's `setting_<name>` fields, and the
// stored values over the declared defaults, for the module's pages.
import type { FormErrors } from './forms.ts';
import type { SettingDecl } from './module.ts';

export type SettingValue = boolean | number | string;

/**
 * Reads `setting_<name>` fields against the declarations; unknown fields are ignored. `fixed`,
 * given for a step that has opened, holds its stored values: a setting declared fixedOnceOpen
 * keeps its value there, whatever the form sent.
 */
export function parseSettings(decls: Record<string, SettingDecl>, body: Record<string, unknown> | undefined, errors: FormErrors, fixed?: Record<string, SettingValue>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [name, decl] of Object.entries(decls)) {
    if (fixed && decl.fixedOnceOpen) {
      out[name] = fixed[name]!;
      continue;
    }
    const field = `setting_${name}`;
    const rawValue = body?.[field];
    const value = typeof rawValue === 'string' ? rawValue.trim() : '';
    switch (decl.type) {
      case 'boolean':
        out[name] = value !== '';
        break;
      case 'integer': {
        if (!/^-?\d{1,15}$/.test(value)) {
          errors[field] = { key: value === '' ? 'forms.required' : 'settings.errors.integer' };
          break;
        }
        const n = Number(value);
        if ((decl.min !== undefined && n < decl.min) || (decl.max !== undefined && n > decl.max)) {
          errors[field] = { key: 'settings.errors.range', params: { min: decl.min ?? '−∞', max: decl.max ?? '∞' } };
        }
        out[name] = n;
        break;
      }
      case 'string':
        if ([...value].length > decl.max) errors[field] = { key: 'forms.too_long', params: { max: decl.max } };
        out[name] = value;
        break;
      case 'enum':
        if (!decl.options.includes(value)) errors[field] = { key: 'forms.invalid_choice' };
        out[name] = value;
        break;
    }
  }
  return out;
}

/** Stored settings merged over the declared defaults (a setting added later gets its default). */
export function settingsWithDefaults(decls: Record<string, SettingDecl> | undefined, stored: string | null | undefined): Record<string, SettingValue> {
  let parsed: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(stored || '{}');
    if (v && typeof v === 'object' && !Array.isArray(v)) parsed = v as Record<string, unknown>;
  } catch {
    // A broken JSON value falls back to the defaults rather than breaking the page.
  }
  const out: Record<string, SettingValue> = {};
  for (const [name, decl] of Object.entries(decls ?? {})) {
    const v = parsed[name];
    out[name] = typeof v === typeof decl.default ? (v as SettingValue) : decl.default;
  }
  return out;
}

