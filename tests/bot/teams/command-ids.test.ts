import { cardActionSchema, commandIdOf, type CommandAction } from '../../../bot/src/teams/actions';

const meetingId = 'meeting-1';

function ballot(choice: string, v = 7): CommandAction {
  const action = cardActionSchema.parse({
    verb: 'vote.cast',
    data: { meetingId, card: { kind: 'vote', id: 'vote-1' }, v, voteId: 'vote-1', choice },
  });
  if (action.verb === 'refresh') throw new Error('not a command');
  return action;
}

describe('command ids of button presses', () => {
  test('a secret ballot’s command id is the same whatever the choice: the id reveals nothing', () => {
    expect(commandIdOf(ballot('yes'), 'ana', true)).toBe(commandIdOf(ballot('no'), 'ana', true));
    expect(commandIdOf(ballot('yes', 7), 'ana', true)).toBe(
      commandIdOf(ballot('yes', 9), 'ana', true),
    );
  });

  test('two members never share a ballot’s command id', () => {
    expect(commandIdOf(ballot('yes'), 'ana', true)).not.toBe(
      commandIdOf(ballot('yes'), 'bram', true),
    );
  });

  test('a named ballot on another choice, or on a newer drawing of the card, is a new command', () => {
    const first = commandIdOf(ballot('yes', 7), 'ana', false);
    expect(commandIdOf(ballot('yes', 7), 'ana', false)).toBe(first);
    expect(commandIdOf(ballot('no', 7), 'ana', false)).not.toBe(first);
    expect(commandIdOf(ballot('yes', 9), 'ana', false)).not.toBe(first);
  });

  test('the same press on the same drawing of a card is the same command (a double click, a Teams retry)', () => {
    const press = (v: number) => {
      const action = cardActionSchema.parse({
        verb: 'vote.open',
        data: { meetingId, card: { kind: 'motion', id: 'm-1' }, v, motionId: 'm-1', secret: true },
      });
      if (action.verb === 'refresh') throw new Error('not a command');
      return commandIdOf(action, 'chair', false);
    };
    expect(press(12)).toBe(press(12));
    expect(press(12)).not.toBe(press(13));
    expect(press(12)).toMatch(/^chat:[0-9a-f]{40}$/);
  });

  test('a vote’s second round is one command, whichever drawing of the result card was pressed', () => {
    const press = (v: number, voteId = 'vote-1') => {
      const action = cardActionSchema.parse({
        verb: 'vote.runoff',
        data: { meetingId, card: { kind: 'result', id: voteId }, v, voteId },
      });
      if (action.verb === 'refresh') throw new Error('not a command');
      return commandIdOf(action, 'chair', false);
    };
    expect(press(12)).toBe(press(15));
    expect(press(12)).not.toBe(press(12, 'vote-2'));
  });
});
