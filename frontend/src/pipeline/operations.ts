import { graphql } from '../gql';

/** What a card on the board shows (no notes or rejection text: those are read, and audited, in the details). */
export const PipelineCardFragment = graphql(`
  fragment PipelineCard on Application {
    id
    stage
    source
    scoreWhenAdded
    qualifiedWhenAdded
    rejectionKind
    candidate {
      id
      name
    }
  }
`);

export const PipelineColumnPageFragment = graphql(`
  fragment PipelineColumnPage on PipelineConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PipelineCard
      }
    }
  }
`);

/**
 * The whole board in one request: the opening, every stage's count, and the first page of each
 * column (aliased by stage name, so a column reads `opening[stage]`). Eight pages of cards in
 * one query: the card stays small and the page short (`columnPageSize`) to keep within the
 * server's complexity limit.
 */
export const PipelineBoardDocument = graphql(`
  query PipelineBoard($openingId: ID!, $first: Int!) {
    opening(id: $openingId) {
      id
      title
      closedAt
      summary: applications(first: 0) {
        totalCount
        counts {
          stage
          count
        }
        rejections {
          kind
          count
        }
      }
      NEW: applications(stage: NEW, first: $first) {
        ...PipelineColumnPage
      }
      SHORTLISTED: applications(stage: SHORTLISTED, first: $first) {
        ...PipelineColumnPage
      }
      CONTACTED: applications(stage: CONTACTED, first: $first) {
        ...PipelineColumnPage
      }
      INTERVIEW: applications(stage: INTERVIEW, first: $first) {
        ...PipelineColumnPage
      }
      OFFER: applications(stage: OFFER, first: $first) {
        ...PipelineColumnPage
      }
      HIRED: applications(stage: HIRED, first: $first) {
        ...PipelineColumnPage
      }
      REJECTED: applications(stage: REJECTED, first: $first) {
        ...PipelineColumnPage
      }
      WITHDRAWN: applications(stage: WITHDRAWN, first: $first) {
        ...PipelineColumnPage
      }
    }
  }
`);

/** A column's later pages ("show more"). */
export const PipelineColumnMoreDocument = graphql(`
  query PipelineColumnMore($openingId: ID!, $stage: PipelineStage!, $first: Int!, $after: String) {
    pipeline(openingId: $openingId, stage: $stage, first: $first, after: $after) {
      ...PipelineColumnPage
    }
  }
`);

export const MoveApplicationDocument = graphql(`
  mutation MoveApplication($id: ID!, $stage: PipelineStage!, $reason: RejectionInput, $force: Boolean!) {
    moveApplication(id: $id, stage: $stage, reason: $reason, force: $force) {
      ...PipelineCard
    }
  }
`);

export const AddToPipelineDocument = graphql(`
  mutation AddToPipeline($openingId: ID!, $candidateId: ID!, $stage: PipelineStage!, $source: ApplicationSource!) {
    addToPipeline(openingId: $openingId, candidateId: $candidateId, stage: $stage, source: $source) {
      id
      stage
    }
  }
`);

export const ApplicationDetailsDocument = graphql(`
  query ApplicationDetails($id: ID!) {
    application(id: $id) {
      ...PipelineCard
      rejectionText
      addedBy
      createdAt
      opening {
        id
      }
      notes {
        id
        text
        author
        createdAt
      }
      history {
        fromStage
        toStage
        rejectionKind
        rejectionText
        forced
        actor
        at
      }
    }
  }
`);

export const AddNoteDocument = graphql(`
  mutation AddNote($applicationId: ID!, $text: String!) {
    addNote(applicationId: $applicationId, text: $text) {
      id
      text
      author
      createdAt
    }
  }
`);

/** Changes on this opening's board by anyone (the board loads again for each). */
export const PipelineChangedDocument = graphql(`
  subscription PipelineChanged($openingId: ID!, $after: ID) {
    applicationChanged(openingId: $openingId, after: $after) {
      eventId
      applicationId
      toStage
    }
  }
`);
