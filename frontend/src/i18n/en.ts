import { enAdmin } from './en/admin';
import { enCandidates } from './en/candidates';
import { enCommon } from './en/common';
import { enDocuments } from './en/documents';
import { enIntegrations } from './en/integrations';
import { enOpenings } from './en/openings';
import { enPipeline } from './en/pipeline';
import { enStandards } from './en/standards';
import { enVocabulary } from './en/vocabulary';
import type { Messages } from './messages';

/** English: each area's file is typed against its Estonian one, the whole against `Messages`. */
export const en: Messages = {
  ...enCommon,
  ...enOpenings,
  ...enVocabulary,
  ...enCandidates,
  ...enIntegrations,
  ...enAdmin,
  ...enDocuments,
  ...enStandards,
  ...enPipeline,
};
