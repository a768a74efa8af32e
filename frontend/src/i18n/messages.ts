import type { et } from './et';

/** The shape every language's dictionary has: Estonian's, with the same keys and functions. */
export type Messages = typeof et;
export type Language = 'et' | 'en';
