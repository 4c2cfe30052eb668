import type { SettingsHook } from '../settings/settings-hooks.ts';

/**
 * A site's time zone places its answers in local days, and the rollups count them so: the zone
 * cannot move once answers are counted there (make a new site instead). Any door refuses it alike.
 */
export function timeZoneHook(sites: { siteHasAnswers(siteId: string): boolean }): SettingsHook {
  return {
    owner: 'rollups',
    validate: (old, next) => {
      const zones = new Map(old.sites.map((s) => [s.id, s.timeZone]));
      const moved = next.sites.filter((s) => zones.has(s.id) && zones.get(s.id) !== s.timeZone && sites.siteHasAnswers(s.id));
      const messages = moved.map(
        (s) =>
          `sites/${s.id}.timeZone: site "${s.id}" has answers counted in ${zones.get(s.id)}; its time zone cannot change (make a new site instead)`,
      );
      return messages.length > 0 ? messages.join('; ') : undefined;
    },
  };
}
