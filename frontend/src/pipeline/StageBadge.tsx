import type { PipelineStage } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { isClosed } from './stages';

/** A stage as a pill: its name in words, its colour by how the road stands (never colour alone). */
export function StageBadge({ stage }: { stage: PipelineStage }) {
  const t = useT();
  return (
    <span className={`badge badge-stage stage-${stage.toLowerCase()}${isClosed(stage) ? ' is-closed' : ''}`}>
      {t.pipeline.stages[stage]}
    </span>
  );
}
