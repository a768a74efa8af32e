import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuditPage } from './admin/AuditPage';
import { TokensPage } from './admin/TokensPage';
import { WriterOnly } from './session/WriterOnly';
import { CandidatePage } from './candidates/CandidatePage';
import { CandidatesPage } from './candidates/CandidatesPage';
import { EditCandidatePage, NewCandidatePage } from './candidates/CandidateEditorPage';
import { ImportPage } from './documents/ImportPage';
import { IntegrationsPage } from './integrations/IntegrationsPage';
import { LanguageProvider, useT } from './i18n/LanguageContext';
import { AppShell } from './layout/AppShell';
import { NewOpeningPage } from './openings/NewOpeningPage';
import { OpeningPage } from './openings/OpeningPage';
import { OpeningsPage } from './openings/OpeningsPage';
import { PipelinePage } from './pipeline/PipelinePage';
import { RestoringPage } from './session/RestoringPage';
import { SessionProvider } from './session/SessionContext';
import { SignInPage } from './session/SignInPage';
import { StandardPage } from './standards/StandardPage';
import { StandardsPage } from './standards/StandardsPage';

export function App() {
  return (
    <LanguageProvider>
      <BrowserRouter>
        <SessionProvider signInForm={(gate) => <SignInPage {...gate} />} restoring={(gate) => <RestoringPage {...gate} />}>
          <AppShell>
            <PageTitle />
            <AppRoutes />
          </AppShell>
        </SessionProvider>
      </BrowserRouter>
    </LanguageProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/openings" replace />} />
      <Route path="/openings" element={<OpeningsPage />} />
      <Route
        path="/openings/new"
        element={
          <WriterOnly>
            <NewOpeningPage />
          </WriterOnly>
        }
      />
      <Route path="/openings/:id" element={<OpeningPage />} />
      <Route path="/openings/:id/candidates/:candidateId" element={<OpeningPage />} />
      <Route path="/openings/:id/pipeline" element={<PipelinePage />} />
      <Route path="/openings/:id/pipeline/:applicationId" element={<PipelinePage />} />
      <Route path="/candidates" element={<CandidatesPage />} />
      <Route
        path="/candidates/new"
        element={
          <WriterOnly>
            <NewCandidatePage />
          </WriterOnly>
        }
      />
      <Route path="/candidates/:id" element={<CandidatePage />} />
      <Route
        path="/candidates/:id/edit"
        element={
          <WriterOnly>
            <EditCandidatePage />
          </WriterOnly>
        }
      />
      <Route
        path="/import"
        element={
          <WriterOnly>
            <ImportPage />
          </WriterOnly>
        }
      />
      <Route path="/integrations" element={<IntegrationsPage />} />
      <Route path="/tokens" element={<TokensPage />} />
      <Route path="/audit" element={<AuditPage />} />
      <Route path="/standards" element={<StandardsPage />} />
      <Route path="/standards/:id" element={<StandardPage />} />
      <Route path="*" element={<Navigate to="/openings" replace />} />
    </Routes>
  );
}

/** The window title names the section, and the main region takes focus on navigation. */
function PageTitle() {
  const t = useT();
  const { pathname } = useLocation();
  useEffect(() => {
    const section = pathname.split('/')[1] ?? '';
    const names: Record<string, string> = {
      openings: t.nav.openings,
      candidates: t.nav.candidates,
      import: t.nav.import,
      standards: t.nav.standards,
      integrations: t.nav.integrations,
      tokens: t.nav.tokens,
      audit: t.nav.audit,
    };
    document.title = names[section] ? `${names[section]} · ${t.app.name}` : t.app.name;
  }, [pathname, t]);
  return null;
}
