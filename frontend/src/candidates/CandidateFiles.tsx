import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import { useLanguage } from '../i18n/LanguageContext';

const CandidateFileContentDocument = graphql(`
  query CandidateFileContent($id: ID!) {
    candidate(id: $id) {
      files {
        id
        contentBase64
      }
    }
  }
`);

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  html: 'text/html',
  xml: 'application/xml',
  text: 'text/plain',
};

type KeptFile = { id: string; fileName: string; format: string; sizeBytes: number };

/** The CV files kept with a candidate (personal data: the server lists them only to roles that
 * see it), each downloadable; every download is audited by the server. */
export function CandidateFiles({ candidateId, files }: { candidateId: string; files: KeptFile[] }) {
  const { t, formatNumber } = useLanguage();
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  if (files.length === 0) return null;

  async function download(file: KeptFile) {
    setProblem(null);
    const result = await client
      .query(CandidateFileContentDocument, { id: candidateId }, { requestPolicy: 'network-only' })
      .toPromise();
    const content = result.data?.candidate?.files.find((f) => f.id === file.id)?.contentBase64;
    if (!content) {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t.candidate.fileMissing);
      return;
    }
    const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: MIME[file.format] ?? 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <dt>{t.candidate.files}</dt>
      <dd>
        <ul className="plain">
          {files.map((f) => (
            <li key={f.id}>
              <button type="button" className="link-button" onClick={() => void download(f)}>
                {f.fileName}
              </button>{' '}
              <span className="muted">({t.candidate.fileSize(formatNumber(f.sizeBytes / 1024, 0))})</span>
            </li>
          ))}
        </ul>
        {problem && <p role="alert">{problem}</p>}
      </dd>
    </>
  );
}
