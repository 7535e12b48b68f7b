import { brussels } from './brussels';
import { flanders } from './flanders';
import type { ProfileId, ProfileOverrides, Rule, RuleName, RulesProfile } from './profile';
import { roberts } from './roberts';
import { wallonia } from './wallonia';

export const profiles: Readonly<Record<ProfileId, RulesProfile>> = {
  wallonia,
  flanders,
  brussels,
  roberts,
};

/** The region's profile with the council's own house rules applied; overridden rules say so. */
export function profileWith(id: ProfileId, overrides: ProfileOverrides = {}): RulesProfile {
  const profile: Record<string, unknown> = { ...profiles[id] };
  for (const name of Object.keys(overrides) as RuleName[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    const councilRule: Rule<typeof value> = {
      value,
      status: 'council',
      source: 'the council’s house rules',
    };
    profile[name] = councilRule;
  }
  return profile as unknown as RulesProfile;
}

export * from './profile';
export { articlesOf, listOf, ruleDescription } from './wording';
