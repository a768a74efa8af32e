import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import type { Me } from '../session/meQuery';
import { useSession } from '../session/SessionContext';

/** Tokens and the audit log are the administrator's alone. */
export function isAdmin(me: Me): boolean {
  return me.role === 'ADMIN';
}

/** An admin page; another role reaching it by link is told why it is not there, and nothing is asked. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useSession();
  if (!isAdmin(me)) return <p className="notice">{t.admin.forbidden}</p>;
  return <>{children}</>;
}
