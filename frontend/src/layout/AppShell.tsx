import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useT } from '../i18n/LanguageContext';
import { isAdmin } from '../admin/AdminOnly';
import { managesWebhooks } from '../integrations/IntegrationsPage';
import { useSession } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';

/** Header with the sections, who is signed in with which role, and the language switch. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header-top">
          <span className="brand">
            {t.app.name}
            <span className="brand-tagline">{t.app.tagline}</span>
          </span>
          <div className="app-header-tools">
            <span className="who" data-testid="who">
              {t.session.signedInAs(me.name, t.roles[me.role])}
            </span>
            <LanguageSwitch />
            <button type="button" className="button-secondary" onClick={signOut}>
              {t.session.signOut}
            </button>
          </div>
        </div>
        <nav aria-label={t.app.mainNav}>
          <ul className="main-nav">
            <li>
              <NavLink to="/openings">{t.nav.openings}</NavLink>
            </li>
            <li>
              <NavLink to="/candidates">{t.nav.candidates}</NavLink>
            </li>
            {me.canWrite && (
              <li>
                <NavLink to="/import">{t.nav.import}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/standards">{t.nav.standards}</NavLink>
            </li>
            {managesWebhooks(me) && (
              <li>
                <NavLink to="/integrations">{t.nav.integrations}</NavLink>
              </li>
            )}
            {isAdmin(me) && (
              <>
                <li>
                  <NavLink to="/tokens">{t.nav.tokens}</NavLink>
                </li>
                <li>
                  <NavLink to="/audit">{t.nav.audit}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      {(!me.seesPersonalData || !me.canWrite) && (
        <p className="role-note">
          {[
            !me.seesPersonalData && t.session.noPersonalData,
            !me.canWrite && (me.movesApplications ? t.session.readAndMove : t.session.readOnly),
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
