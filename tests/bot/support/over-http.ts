import type { Meeting } from '../../../shared/src';
import type { Person } from './service';

/** Every HTTP test runs on PGlite, and on PostgreSQL too where TEST_DATABASE_URL names one (CI). */
export const databases = [
  ['PGlite', undefined],
  ...(process.env.TEST_DATABASE_URL
    ? [['PostgreSQL', process.env.TEST_DATABASE_URL] as const]
    : []),
] as const;

/**
 * A meeting as its people reach it over HTTP: `read` its state and version, `meeting` its state,
 * `ok` a command that must be accepted. `meetingId` is read at each call, once the sitting exists.
 */
export function overHttp(meetingId: () => string) {
  const read = async (person: Person) => {
    const reply = await person.get(`/api/meetings/${meetingId()}`);
    expect(reply.status).toBe(200);
    return reply.body as { meeting: Meeting; version: number };
  };
  return {
    read,
    meeting: async (person: Person) => (await read(person)).meeting,
    ok: async (person: Person, command: unknown) => {
      const reply = await person.command(meetingId(), command);
      expect({ command, reply }).toMatchObject({ reply: { status: 200 } });
      return reply;
    },
  };
}
