import { fold, type Meeting } from '../../../shared/src';
import { publicPath } from '../../../bot/src/public/address';
import { publicOrigin, publicPageOf } from '../../../bot/src/public/link';
import { convocationCard } from '../../../bot/src/teams/cards/convocation';
import { textsFor } from '../../../bot/src/teams/i18n';
import { council, created, DIRECTOR } from '../../shared/support/council';
import { command, play } from '../../shared/support/spec';

/** Where the convocation and the stage send the public (issue 17, item 1). */

const setup = council({ members: 5 });
const draft = fold([created(setup)]);
const convened = fold(
  play(
    [created(setup)],
    command(DIRECTOR, { type: 'ConveneMeeting', place: 'Salle du conseil', reason: 'Travaux' }),
  ),
);

/** A councillor's convocation card in Dutch, with the public page's address when there is one. */
const councillorsCard = (publicPage?: string) =>
  convocationCard(
    {
      meetingId: 'm-1',
      version: 2,
      meeting: convened as Meeting,
      reader: 'councillor',
      member: null,
      t: textsFor('nl'),
      language: 'nl',
      ...(publicPage ? { publicPage } : {}),
    },
    '1',
  );

describe('the public page’s address', () => {
  test('is PUBLIC_URL’s origin, whatever path it names', () => {
    expect(publicOrigin({ PUBLIC_URL: 'https://council.example.be/app/', HOST: '0.0.0.0' })).toBe(
      'https://council.example.be',
    );
  });

  test('in local mode, the loopback address the service listens on; elsewhere, none', () => {
    expect(publicOrigin({ HOST: '127.0.0.1', PORT: 3978 })).toBe('http://127.0.0.1:3978');
    expect(publicOrigin({ HOST: '::1', PORT: 3978 })).toBe('http://[::1]:3978');
    expect(publicOrigin({ HOST: '0.0.0.0', PORT: 3978 })).toBeUndefined();
    expect(publicOrigin({ HOST: '127.0.0.1', PORT: 0 })).toBeUndefined();
    expect(publicOrigin({})).toBeUndefined();
  });

  test('names the convened sitting under its municipality; a draft has none', () => {
    expect(publicPageOf(convened, 'm-1', 'https://council.example.be')).toBe(
      `https://council.example.be${publicPath(setup.municipality, 'm-1')}`,
    );
    expect(publicPageOf(draft, 'm-1', 'https://council.example.be')).toBeUndefined();
    expect(publicPageOf(convened, 'm-1', undefined)).toBeUndefined();
  });

  test('the convocation card links it, in the member’s language', () => {
    const url = 'https://council.example.be/public/x/m-1';
    expect(JSON.stringify(councillorsCard(url))).toContain(
      `Het publiek volgt de zitting op haar pagina: [${url}](${url})`,
    );
    expect(JSON.stringify(councillorsCard())).not.toContain('/public/');
  });
});
