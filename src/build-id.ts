// What identifies the running code: a hash of the sources, set by the build (scripts/build.mjs); empty
// when running from source (tests, development), where nothing that depends on it is cached.
declare const __TRAILGUIDE_BUILD__: string | undefined;

export const buildId: string = typeof __TRAILGUIDE_BUILD__ === 'string' ? __TRAILGUIDE_BUILD__ : '';
