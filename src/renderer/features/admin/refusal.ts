import type { TFunction } from 'i18next';
import { errorText } from '../../lib/errorText';

/** An engine error as the admin forms show it: the field it names (the hub's or the input check's) and a translated text. */
export interface FieldRefusal {
  field: string | null;
  text: string;
}

/**
 * Translates a refusal: `admin:refusal.<code>.<field>` where the admin texts say more for that field (a taken
 * username, an unknown queue), else the code's general text. The field, when named, is where the form shows it.
 */
export function adminRefusal(t: TFunction, error: { code: string; message: string; field?: string }): FieldRefusal {
  const field = error.field ?? null;
  const key = field === null ? null : `admin:refusal.${error.code}.${field.split('.')[0]}`;
  const text = key !== null && t(key, { defaultValue: '' }) !== '' ? t(key) : errorText(t, error);
  return { field, text };
}

/** The refusal's text when it names `field` (for a form control's `error`), else undefined. */
export const errorAt = (refusal: FieldRefusal | null, field: string): string | undefined =>
  refusal !== null && refusal.field !== null && (refusal.field === field || refusal.field.startsWith(`${field}.`)) ? refusal.text : undefined;
