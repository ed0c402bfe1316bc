/**
 * Run profiles: `smoke` (tests, under a minute per notebook), `default` (`npm start`) and `full`
 * (the seed's scale). The same code path runs in every profile; only sizes change.
 *
 * Notebooks write `const P = pick({ smoke: {...}, default: {...}, full: {...} })` in their config cell.
 */
export type ProfileName = 'smoke' | 'default' | 'full';
export const PROFILES: readonly ProfileName[] = ['smoke', 'default', 'full'];

/** The active profile, from `NOTEBOOK_PROFILE` (default: `default`). */
export function profileName(): ProfileName {
  const value = (process.env.NOTEBOOK_PROFILE ?? 'default').trim().toLowerCase();
  if (!(PROFILES as readonly string[]).includes(value)) {
    throw new Error(`NOTEBOOK_PROFILE="${process.env.NOTEBOOK_PROFILE}" is not one of ${PROFILES.join(', ')}`);
  }
  return value as ProfileName;
}

/** Picks the settings of the active profile from one object per profile. */
export function pick<T>(settings: Record<ProfileName, T>, profile: ProfileName = profileName()): T {
  return settings[profile];
}
