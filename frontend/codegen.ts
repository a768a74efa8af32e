import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation in src/, generated from the server's printed schema.
 * `CODEGEN_OUT` lets `npm run codegen:check` generate into a scratch folder and compare.
 */
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', NaiveDate: 'string', JSON: 'unknown', Upload: 'File' },
      },
    },
  },
};

export default config;
