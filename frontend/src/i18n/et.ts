import { etAdmin } from './et/admin';
import { etCandidates } from './et/candidates';
import { etCommon } from './et/common';
import { etDocuments } from './et/documents';
import { etIntegrations } from './et/integrations';
import { etOpenings } from './et/openings';
import { etPipeline } from './et/pipeline';
import { etStandards } from './et/standards';
import { etVocabulary } from './et/vocabulary';

/**
 * Estonian, the default. Its shape is the `Messages` type every other language must match,
 * so a missing English string is a type error, not a blank on the screen.
 * The texts live in `et/`, one file per area; each `en/` file has the same keys.
 */
export const et = {
  ...etCommon,
  ...etOpenings,
  ...etVocabulary,
  ...etCandidates,
  ...etIntegrations,
  ...etAdmin,
  ...etDocuments,
  ...etStandards,
  ...etPipeline,
};
