import { useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import type { Me } from '../session/meQuery';

const ExportCandidateDocument = graphql(`
  query ExportCandidate($id: ID!) {
    exportCandidate(id: $id)
  }
`);

/** Roles offered the export (GDPR access and portability): those who handle personal data. */
export function exportsCandidates(me: Me): boolean {
  return me.role === 'ADMIN' || me.role === 'RECRUITER';
}

/** Hands `text` to the browser as a file download named `name`. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Everything held about one candidate as a JSON file (`candidate-<id>.json`), asked fresh from
 * the server on every click (each export is audited there).
 */
export function ExportCandidateButton({ candidateId }: { candidateId: string }) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  async function run() {
    setBusy(true);
    setDone('');
    setError(null);
    const result = await client
      .query(ExportCandidateDocument, { id: candidateId }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    if (result.error || result.data?.exportCandidate == null) {
      setError(result.error ?? null);
      return;
    }
    const file = `candidate-${candidateId}.json`;
    download(file, `${JSON.stringify(result.data.exportCandidate, null, 2)}\n`);
    setDone(t.candidate.exported(file));
  }
  return (
    <div className="export">
      <button type="button" className="button-secondary" disabled={busy} onClick={run}>
        {busy ? t.candidate.exporting : t.candidate.exportJson}
      </button>
      <p className="hint" role="status">
        {done}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
