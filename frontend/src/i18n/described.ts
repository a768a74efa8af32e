import type { Language } from './messages';

/** A requirement's description in the UI's language: the API gives both. */
export function described(r: { description: string; descriptionEn?: string | null }, language: Language): string {
  return language === 'en' && r.descriptionEn ? r.descriptionEn : r.description;
}
