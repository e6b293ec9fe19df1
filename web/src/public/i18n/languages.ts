import { de } from './de';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';

/** The portal's languages, in the order the switcher shows them. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every language's dictionary; the `Messages` type makes a missing key a compile error. */
export const DICTIONARIES: Record<Language, Messages> = { en, fr, de, es, ja };

const STORAGE_KEY = 'dragnet.language';

const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag);

/** The language a person chose before (localStorage), else the first of the browser's they can read. */
export function detectLanguage(
  preferred: readonly string[] = navigator.languages,
  stored: string | null = readStored(),
): Language {
  if (stored && isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Remembers the person's choice for their next visit. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private modes may refuse storage: the choice then lasts for this visit only.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
