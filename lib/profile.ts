/**
 * Run profiles: `smoke` (tests, under a minute per notebook), `default` (`npm start`) and `full`
 * (the seed's scale). The same code path runs in every profile; only sizes change.
 *
 * Each study keeps its settings per profile in its library (e.g. `lib/zprime/train/settings.ts`) and picks
 * the active one with `pick`; notebooks show them as a table (CONTRIBUTING.md).
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

/** One row of a settings table: a dotted path into a settings object and its value (a type alias, so that it passes as a table row). */
export type SettingRow = {
  setting: string;
  value: string | number | boolean;
};

/**
 * A nested settings object as rows `{ setting: 'gc.epochs', value: 20 }`, so that a notebook can show
 * every number of its profile as a table. Arrays are shown as `[16, 32]`.
 */
export function settingRows(settings: object, prefix = ''): SettingRow[] {
  return Object.entries(settings).flatMap(([name, value]): SettingRow[] => {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return settingRows(value as object, key);
    return [{ setting: key, value: Array.isArray(value) ? `[${value.join(', ')}]` : (value as string | number | boolean) }];
  });
}
