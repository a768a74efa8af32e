import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { et } from './et';
import type { Language, Messages } from './messages';

const dictionaries: Record<Language, Messages> = { et, en };
const storageKey = 'sobivus.language';

interface LanguageState {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
  /** Numbers and dates the way the chosen language writes them. */
  formatNumber: (value: number, fractionDigits?: number) => string;
  formatDate: (iso: string) => string;
  /** A moment with its time of day, for logs (deliveries, attempts). */
  formatDateTime: (iso: string) => string;
}

const LanguageContext = createContext<LanguageState | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'et';
  } catch {
    return 'et';
  }
}

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageState>(() => {
    const locale = language === 'et' ? 'et-EE' : 'en-GB';
    return {
      language,
      t: dictionaries[language],
      setLanguage,
      formatNumber: (value, fractionDigits = 0) => {
        // Whatever rounds to zero is written "0", never "-0".
        const rounded = Number(value.toFixed(fractionDigits));
        return (rounded === 0 ? 0 : rounded).toLocaleString(locale, {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        });
      },
      formatDate: (iso) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' }),
      formatDateTime: (iso) =>
        new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    };
  }, [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** The dictionary of the chosen language. */
export function useT(): Messages {
  return useLanguage().t;
}
