import { refusal } from '../http/problems';

interface Quota {
  readonly perPerson: number;
  readonly perMeeting: number;
}

/**
 * How many live streams this instance holds open, per person and per meeting. A stream is a
 * socket and a subscription kept for hours: a person has a few (the side panel, the stage, a
 * second device), a meeting about one per attendee.
 */
export function streamQuota({ perPerson, perMeeting }: Quota) {
  const open = new Map<string, number>();
  const add = (key: string, change: number) => {
    const count = (open.get(key) ?? 0) + change;
    if (count > 0) open.set(key, count);
    else open.delete(key);
  };
  return {
    /** Counts a stream in, or refuses it with TOO_MANY_STREAMS; returns the function that counts it out. */
    admit(meetingId: string, person: string): () => void {
      const [personKey, meetingKey] = [`person:${person}`, `meeting:${meetingId}`];
      if ((open.get(personKey) ?? 0) >= perPerson || (open.get(meetingKey) ?? 0) >= perMeeting) {
        throw refusal('TOO_MANY_STREAMS');
      }
      add(personKey, 1);
      add(meetingKey, 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        add(personKey, -1);
        add(meetingKey, -1);
      };
    },
  };
}
