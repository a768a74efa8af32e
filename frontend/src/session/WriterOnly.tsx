import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import { useSession } from './SessionContext';

/** Pages that change data; a read-only role reaching one by link is told why it is not there. */
export function WriterOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useSession();
  if (!me.canWrite) return <p className="notice">{t.session.readOnly}</p>;
  return <>{children}</>;
}
