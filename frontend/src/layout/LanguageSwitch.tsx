import { useLanguage } from '../i18n/LanguageContext';

/**
 * Estonian by default; the button names the other language in that language (and is marked
 * as such, so a screen reader pronounces it right). Its visible words are its name.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  const other = language === 'et' ? 'en' : 'et';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {t.app.switchTo}
    </button>
  );
}
