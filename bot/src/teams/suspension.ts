import { COUNCIL_TIME_ZONE, type Event, type Language } from '@council/shared';
import { textsFor } from './i18n';

type Pause = Extract<Event, { type: 'SittingSuspended' | 'SittingResumed' }>;

/** What the chat reads when the chair suspends or resumes the sitting, at the council's time. */
export function pauseNotice(event: Pause, language: Language): string {
  const time = new Date(event.at).toLocaleTimeString(language, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: COUNCIL_TIME_ZONE,
  });
  const key = event.type === 'SittingSuspended' ? 'suspension.suspended' : 'suspension.resumed';
  return textsFor(language)(key, { time });
}
