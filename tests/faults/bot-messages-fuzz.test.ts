import fc from 'fast-check';
import type { Meeting } from '../../shared/src';
import { cardKinds } from '../../bot/src/teams/cards/view';
import { cardActionSchema } from '../../bot/src/teams/actions';
import { testDatabases } from '../bot/store/databases';
import { loadTestLimits } from '../../bench/lib/processes';
import { startBot } from '../bot/teams/bot';
import type { Activity, ChatPerson } from '../bot/support/teams';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  anyValue,
  fingerprint,
  fuzzed,
  garbageBody,
  idLike,
  mutate,
  mutation,
  nastyStrings,
  onceIn,
  prototypeIntact,
  ref,
  resolve,
  sendRaw,
  targetsOf,
  text,
} from './support/fuzz';

jest.setTimeout(180_000);

const verbs = [
  ...cardActionSchema.options.map((option) => option.shape.verb.value),
  'meeting.link',
] as const;

/** What a card button sends, near valid: a verb of the bot's and data that points at the meeting. */
const cardAction = fc.record({
  verb: fc.oneof(
    { arbitrary: fc.constantFrom(...verbs), weight: 8 },
    { arbitrary: fc.oneof(nastyStrings, fc.string({ maxLength: 20 })), weight: 1 },
  ),
  data: fc.record(
    {
      meetingId: fc.oneof(
        { arbitrary: fc.constant({ $ref: 'meeting' }), weight: 8 },
        { arbitrary: fc.oneof(idLike, nastyStrings), weight: 1 },
      ),
      card: fc.record({ kind: fc.constantFrom(...cardKinds), id: fc.oneof(ref('vote'), idLike) }),
      v: fc.oneof(fc.nat({ max: 300 }), anyValue),
      voteId: ref('vote'),
      choice: fc.oneof(ref('choice'), idLike),
      motionId: ref('motion'),
      rollCallId: ref('rollCall'),
      itemId: ref('item'),
      motionText: text,
      secret: fc.boolean(),
    },
    { requiredKeys: ['meetingId', 'card'] },
  ),
});

const words = fc.oneof(
  fc.constantFrom('help', 'agenda', 'queue', 'results', 'meetings', 'link', 'open', 'next'),
  fc.constantFrom('rollcall', 'present', 'motion', 'vote', 'vote secret', 'aide', 'hulp', 'hilfe'),
  fc.constantFrom('<at>Council Meetings</at> help', 'motion ', 'link nope', 'link %00'),
  fc.constantFrom('adjourn', 'previous', 'excuse', 'excuse %00', 'floor', 'floor Dupont', 'end'),
  fc.constantFrom('publish', 'runoff', 'second tour', 'tweede ronde', 'zweiter Wahlgang'),
);

const input = fc.record({
  person: fc.nat(),
  kind: fc.constantFrom('message', 'press', 'press', 'other'),
  message: fc.oneof(
    words,
    text,
    fc.tuple(words, text).map(([w, t]) => `${w} ${t}`),
  ),
  action: fc.tuple(cardAction, mutation).map(([a, m]) => ({ ...a, data: mutate(a.data, m) })),
  type: fc.constantFrom(
    'conversationUpdate',
    'event',
    'invoke',
    'messageReaction',
    'installationUpdate',
    'typing',
    'endOfConversation',
    'nonsense',
  ),
  name: fc.constantFrom(
    'adaptiveCard/action',
    'application/vnd.microsoft.meetingStart',
    'application/vnd.microsoft.meetingParticipantJoin',
    'ContinueConversation',
    'task/fetch',
    'signin/verifyState',
    '',
  ),
  value: anyValue,
  activityChange: mutation,
  // Off loopback, each is refused in local mode. (A dead connector on loopback is not here: the
  // bot would spend botbuilder's ten seconds of retries on each reply to it.)
  serviceUrl: onceIn(
    10,
    fc.constantFrom(
      'https://smba.trafficmanager.net/emea/',
      'http://169.254.169.254/',
      'file:///etc/passwd',
      'not a url',
    ),
  ),
  locale: onceIn(4, fc.oneof(nastyStrings, fc.constantFrom('fr-BE', 'nl-BE', 'de', 'xx-YY'))),
  raw: onceIn(12, garbageBody),
  contentType: onceIn(12, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded')),
});

describe.each(testDatabases())('the bot endpoint under fuzzing, on %s', (_engine, fresh) => {
  const service = fuzzed(
    fresh,
    (db) => startBot({ db, env: loadTestLimits }),
    (bot) => bot.running,
  );

  test(`${FUZZ_RUNS} generated activities: never a 5xx, and a refused one changes nothing`, async () => {
    const bot = service.it;
    const people: ChatPerson[] = [
      bot.chair,
      bot.director,
      bot.observer,
      ...bot.members,
      { id: '29:stranger', aadObjectId: 'stranger', name: 'Stranger' },
    ];
    const meeting = async () =>
      (await bot.running.service.meetings.load(bot.meetingId))?.state as Meeting | undefined;
    let before = await fingerprint(bot.running, bot.meetingId);
    const counts = { accepted: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const person = people[generated.person % people.length] as ChatPerson;
        const targets = { ...targetsOf(await meeting()), meeting: [bot.meetingId] };
        const action = resolve(generated.action, targets) as {
          verb: string;
          data: Record<string, unknown>;
        };
        const locale = generated.locale ?? undefined;
        const built: Activity =
          generated.kind === 'message'
            ? bot.chat.message(person, generated.message, locale)
            : generated.kind === 'press'
              ? bot.chat.press(person, action, {}, locale)
              : {
                  ...bot.chat.message(person, '', locale),
                  type: generated.type,
                  name: generated.name,
                  value: generated.value,
                };
        const activity = mutate(built, generated.activityChange);
        if (generated.serviceUrl) activity.serviceUrl = generated.serviceUrl;
        const reply = await sendRaw(bot.running.url, {
          method: 'POST',
          path: '/api/messages',
          headers: { 'content-type': generated.contentType ?? 'application/json' },
          body: generated.raw ?? JSON.stringify(activity),
        });

        expect(reply.status).toBeLessThan(500);
        expect(prototypeIntact()).toBe(true);
        // An invoke's answer carries its own status: an error card is a refusal too.
        const answered = reply.text ? (JSON.parse(reply.text) as { statusCode?: unknown }) : {};
        expect(Number(answered.statusCode ?? 0)).toBeLessThan(500);
        const refused = reply.status >= 400 || Number(answered.statusCode ?? 0) >= 400;
        const after = await fingerprint(bot.running, bot.meetingId);
        if (refused) {
          counts.refused++;
          expect(after).toBe(before);
        } else counts.accepted++;
        before = after;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );

    expect(counts.accepted).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(counts.refused).toBeGreaterThan(FUZZ_RUNS / 20);
    expect((await sendRaw(bot.running.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    // The bot called only the recording connector, never a service URL the fuzzing made up.
    expect(bot.connector.calls.length).toBeGreaterThan(0);
  });
});
