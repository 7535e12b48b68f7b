import {
  commandTypes,
  permissions,
  SECRETARIAT_ROLE,
  type Actor,
  type CommandType,
} from '../../shared/src';
import { payloads } from '../shared/support/payloads';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, personOf, startService, type Person, type RunningService } from './support/service';

let running: RunningService;
let council: DemoMeeting;
let people: Record<string, Person>;

beforeAll(async () => {
  running = await startService();
  council = await openDemoMeeting(running, 30);
  people = {
    chair: council.chair,
    director: council.director,
    councillor: council.members[1] as Person,
    observer: council.observer,
    'someone of the tenant not on the roster': personOf(running, 'not-on-the-roster'),
  };
});
afterAll(() => running.close());

const roles = [
  'chair',
  'director',
  'councillor',
  'observer',
  'someone of the tenant not on the roster',
] as const;
const cases = commandTypes.flatMap((type) => roles.map((role) => [type, role] as const));

test.each(cases)(
  '%s by the %s is refused as NOT_AUTHORIZED exactly when the role table says so',
  async (type: CommandType, role) => {
    const allowed = permissions[type].includes(role as Actor);
    // Whoever creates holds the secretariat's app role: what is tested here is the roster's part.
    const creator = personOf(running, people[role]?.id ?? '', undefined, [SECRETARIAT_ROLE]);
    const reply =
      type === 'CreateMeeting'
        ? await creator.call('POST', '/api/meetings', {
            commandId: `create-${role.replace(/\W+/g, '-')}`,
            council: demo,
          })
        : await people[role]?.command(council.meetingId, payloads()[type]);
    const code = reply?.body.code;
    if (allowed) expect(code).not.toBe('NOT_AUTHORIZED');
    else expect({ status: reply?.status, code }).toEqual({ status: 403, code: 'NOT_AUTHORIZED' });
  },
);
