// Reading a proposal from its form: the standard fields as the step's form shows them (hidden
// fields are ignored, required ones must be filled), the custom questions through the platform's
// form engine, and the errors beside each field. A draft keeps what is typed: only "required"
// is not asked of it. Pure: the caller gives what the step offers.
import type { FormErrors } from '../../platform/forms.ts';
import { checkText } from '../../platform/forms.ts';
import { parseAnswer } from '../../platform/questions/answers.ts';
import { dropHidden } from '../../platform/questions/logic.ts';
import { fieldName, type Answers, type FormValues, type Question } from '../../platform/questions/types.ts';
import { parseCoordinates } from './media-rules.ts';
import { ADDRESS_MAX, BODY_MAX, SUMMARY_MAX, TITLE_MAX, parseCost, type FormConfig } from './rules.ts';

export interface ProposalInput {
  title: string;
  summary: string;
  body: string;
  categoryId: number | null;
  districtId: number | null;
  address: string;
  cost: number | null;
  answers: Answers;
  /** Picked on the map or typed (media-rules.ts parseCoordinates); none when not given. */
  lat?: number | null;
  lng?: number | null;
}

export interface Offer {
  form: FormConfig;
  categoryIds: readonly number[];
  districtIds: readonly number[];
  questions: readonly Question[];
}

/** What the form sent (a value no form sends, such as a forged category, is `forged`: a 400). */
export interface Parsed {
  values: FormValues;
  errors: FormErrors;
  input: ProposalInput;
  forged: boolean;
}

const REQUIRED_KEYS = new Set(['forms.required', 'questions.errors.required']);
const str = (body: FormValues, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

/** The values a form sends, kept as sent (strings and lists), for showing the form again. */
export function formValues(body: unknown, questions: readonly Question[]): FormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const names = ['title', 'summary', 'body', 'category', 'district', 'address', 'cost', 'lat', 'lng', 'image_alt'];
  for (const q of questions) names.push(fieldName(q), `${fieldName(q)}_other`);
  const values: FormValues = {};
  for (const name of names) {
    const v = b[name];
    if (typeof v === 'string') values[name] = v;
    else if (Array.isArray(v)) values[name] = v.filter((x): x is string => typeof x === 'string');
  }
  return values;
}

export function parseProposal(values: FormValues, offer: Offer, draft: boolean): Parsed {
  const errors: FormErrors = {};
  const f = offer.form.fields;
  const shown = (field: keyof FormConfig['fields']) => f[field].mode !== 'off';
  let forged = false;
  const title = str(values, 'title');
  checkText(errors, 'title', title, { required: true, max: TITLE_MAX });
  const summary = shown('summary') ? str(values, 'summary') : '';
  if (shown('summary')) checkText(errors, 'summary', summary, { required: f.summary.mode === 'required', max: SUMMARY_MAX });
  const body = shown('body') ? str(values, 'body') : '';
  if (shown('body')) checkText(errors, 'body', body, { required: f.body.mode === 'required', max: BODY_MAX });
  const address = shown('address') ? str(values, 'address') : '';
  if (shown('address')) checkText(errors, 'address', address, { required: f.address.mode === 'required', max: ADDRESS_MAX });
  const point = shown('address') ? parseCoordinates(values, errors) : null;

  const choice = (field: 'category' | 'district', ids: readonly number[]): number | null => {
    if (!shown(field)) return null;
    const raw = str(values, field);
    if (raw === '') {
      if (f[field].mode === 'required') errors[field] = { key: 'forms.required' };
      return null;
    }
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    if (!ids.includes(id)) forged = true;
    return ids.includes(id) ? id : null;
  };
  const categoryId = choice('category', offer.categoryIds);
  const districtId = choice('district', offer.districtIds);

  let cost: number | null = null;
  if (shown('cost')) {
    const raw = str(values, 'cost');
    if (raw === '') {
      if (f.cost.mode === 'required') errors.cost = { key: 'forms.required' };
    } else {
      cost = parseCost(raw);
      if (cost === null) errors.cost = { key: 'collect.proposal.errors.cost' };
      else if (offer.form.costMax !== null && cost > offer.form.costMax) errors.cost = { key: 'collect.proposal.errors.cost_max', params: { max: offer.form.costMax } };
    }
  }

  const answers: Answers = {};
  for (const q of offer.questions) {
    const parsed = parseAnswer(q, values);
    if (parsed.error) errors[fieldName(q)] = parsed.error;
    else if (parsed.answer !== null) answers[q.id] = parsed.answer;
  }
  // A draft is allowed to be incomplete: what is missing is asked at submission.
  if (draft) for (const [name, e] of Object.entries(errors)) if (REQUIRED_KEYS.has(e.key) && name !== 'title') delete errors[name];
  return { values, errors, forged, input: { title, summary, body, categoryId, districtId, address, cost, answers: dropHidden(offer.questions, answers), lat: point?.lat ?? null, lng: point?.lng ?? null } };
}
