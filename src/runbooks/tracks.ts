// The three ways to remediate. Kept apart from the schema so the startup path does not load zod.
export const tracks = ['console', 'cli', 'sdk'] as const;
export type Track = (typeof tracks)[number];
