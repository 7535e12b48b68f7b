import type { AgendaItem } from '../agenda';
import type { MeetingSetup } from '../commands';
import { refuse, type Decision } from '../decision';
import type { Language } from '../language';
import { profileWith, type RulesProfile } from '../profiles';
import type { Member } from '../roster';
import { secretItemRefusal } from '../votes/secrecy';

export function profileOf(setup: MeetingSetup): RulesProfile {
  return profileWith(setup.rules.profile, setup.rules.overrides);
}

function duplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return ids.find((id) => seen.size === seen.add(id).size);
}

function rosterProblem(roster: readonly Member[]): string | null {
  const twice = duplicate(roster.map((m) => m.id));
  if (twice) return `member ${twice} appears twice`;
  if (roster.filter((m) => m.role === 'chair').length !== 1) return 'the roster needs one chair';
  if (!roster.some((m) => m.role === 'director')) return 'the roster needs a director';
  return null;
}

function agendaProblem(agenda: readonly AgendaItem[]): string | null {
  const twice = duplicate(agenda.map((item) => item.id));
  if (twice) return `item ${twice} appears twice`;
  for (const item of agenda) {
    const candidate = duplicate(item.candidates.map((c) => c.id));
    if (candidate) return `candidate ${candidate} appears twice in item ${item.id}`;
  }
  return null;
}

/** Closed sessions: persons must be, and some subjects (Brussels: the budget, art. 93) never are. */
function sessionRefusal(agenda: readonly AgendaItem[], profile: RulesProfile): Decision | null {
  const { mandatory, never } = profile.closedSession.value;
  for (const item of agenda) {
    if (item.session === 'public' && mandatory.includes(item.subject)) {
      return refuse('CLOSED_SESSION_REQUIRED', { item: item.id });
    }
    if (item.session === 'closed' && never.includes(item.subject)) {
      return refuse('CLOSED_SESSION_FORBIDDEN', { item: item.id });
    }
  }
  return null;
}

/** Every item is titled in the meeting's language: the minutes and the notices are written in it. */
export function untitledRefusal(
  agenda: readonly AgendaItem[],
  language: Language,
): Decision | null {
  const untitled = agenda.find((item) => !item.title[language]);
  return untitled ? refuse('ITEM_TITLE_MISSING', { item: untitled.id, language }) : null;
}

export function setupRefusal(setup: MeetingSetup): Decision | null {
  const problem = rosterProblem(setup.roster) ?? agendaProblem(setup.agenda);
  if (problem) return refuse('INVALID_SETUP', { detail: problem });
  const profile = profileOf(setup);
  return (
    untitledRefusal(setup.agenda, setup.language) ??
    sessionRefusal(setup.agenda, profile) ??
    secretItemRefusal(setup.agenda, profile)
  );
}
