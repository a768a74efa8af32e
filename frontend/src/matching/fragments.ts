import { graphql } from '../gql';

/** One requirement of a match, with why it was or was not met. */
export const BreakdownItemFragment = graphql(`
  fragment BreakdownItem on RequirementResult {
    met
    fulfilment
    evidence
    evidenceEn: evidence(language: EN)
    requirement {
      id
      kind
      hard
      weight
      description
      descriptionEn: description(language: EN)
    }
  }
`);
