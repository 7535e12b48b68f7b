import { isLanguage, pickLanguage, type Language } from '@council/shared';

/** `trustee`: a trustee's duty alone, in the Teams dialog the bot's card opens. */
export type View = 'panel' | 'stage' | 'details' | 'trustee';
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Where the tab is shown and for whom: from the Teams context, or the address outside Teams. */
export interface Place {
  readonly view: View;
  readonly meetingId: string | null;
  readonly theme: ThemeName;
  readonly language: Language;
}

const views: readonly View[] = ['panel', 'stage', 'details', 'trustee'];

/** Teams names its themes "default", "dark", "contrast" (and "glass", a light one). */
export function themeOf(name: string | null | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Teams' frame contexts: the side panel, the shared stage, a tab (the meeting details), and a
 * dialog (task module), which only the bot's card for a trustee opens.
 */
export function viewOfFrame(frameContext: string | undefined): View {
  if (frameContext === 'meetingStage') return 'stage';
  if (frameContext === 'content') return 'details';
  if (frameContext === 'task') return 'trustee';
  return 'panel';
}

/** The view the address names, if it names one (the shared stage's and a dialog's do). */
export function viewInAddress(search: string): View | null {
  const view = new URLSearchParams(search).get('view');
  return views.find((v) => v === view) ?? null;
}

/** Outside Teams: `?meeting=…&view=panel|stage|details|trustee&theme=dark&lang=nl`. */
export function placeFromAddress(search: string, browserLanguage: string | undefined): Place {
  const query = new URLSearchParams(search);
  const lang = query.get('lang');
  return {
    view: viewInAddress(search) ?? 'panel',
    meetingId: query.get('meeting'),
    theme: themeOf(query.get('theme')),
    language: isLanguage(lang) ? lang : pickLanguage(browserLanguage),
  };
}

/** The tab's address for one meeting and view, as Teams stores it and the stage is shared. */
export function tabAddress(origin: string, meetingId: string, view?: View): string {
  const query = new URLSearchParams({ meeting: meetingId });
  if (view) query.set('view', view);
  return `${origin}/tab/index.html?${query.toString()}`;
}
