import { graphql } from '../gql';

/** Everything a profile shows and the editor needs. Personal fields are null without rights. */
export const CandidateProfileFragment = graphql(`
  fragment CandidateProfile on Candidate {
    id
    name
    email
    phone
    education
    educationLevel
    educationText
    languages {
      language
      languageCode
      level
      native
    }
    digital {
      area
      level
    }
    experience {
      years
      description
    }
    competences {
      phrase
      similarity
      competence {
        id
        code
        title
        standardId
      }
      mappings {
        label
        similarity
        competence {
          id
          code
          title
        }
      }
    }
    qualifications
    files {
      id
      fileName
      format
      sizeBytes
    }
    createdAt
    updatedAt
  }
`);
