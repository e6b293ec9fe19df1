import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Messages } from './en';
import { DICTIONARIES, detectLanguage, type Language, rememberLanguage } from './languages';

/** The current language, its words, and Intl formatters bound to it. */
export interface I18n {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
  formatNumber(n: number): string;
  formatDate(iso: string): string;
  formatMoney(amount: number, currency: string): string;
  countryName(code: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the portal's language: detected once, switchable, remembered, and mirrored on `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => detectLanguage());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(language);
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const regions = new Intl.DisplayNames([language], { type: 'region' });
    return {
      language,
      t: DICTIONARIES[language],
      setLanguage: (next) => {
        rememberLanguage(next);
        setLanguageState(next);
      },
      formatNumber: (n) => numbers.format(n),
      formatDate: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dates.format(d);
      },
      formatMoney: (amount, currency) => {
        try {
          return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
        } catch {
          return `${numbers.format(amount)} ${currency}`;
        }
      },
      countryName: (code) => regions.of(code) ?? code,
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The portal's words and formatters; only inside I18nProvider. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
