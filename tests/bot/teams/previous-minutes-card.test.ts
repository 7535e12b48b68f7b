import { fold, type Meeting, type Reader } from '../../../shared/src';
import { convocationCard } from '../../../bot/src/teams/cards/convocation';
import { textsFor } from '../../../bot/src/teams/i18n';
import { council, created, DIRECTOR, minutesApproval } from '../../shared/support/council';
import { command, play } from '../../shared/support/spec';

/**
 * Issue 16 item 7 in the convocation: the approval of the previous minutes names the sealed file
 * it approves, by date and hash, with the public copy's address where the minutes are published.
 */
const SEALED = 'f'.repeat(64);
const PAGE = 'https://council.example.be/public/meuse/m-0/minutes';
const setup = council({ members: 5, language: 'fr' });
const convened = fold(
  play(
    [
      created({
        ...setup,
        agenda: [
          {
            ...minutesApproval(SEALED, { fr: 'Approbation du procès-verbal' }),
            expectedVote: 'named',
            candidates: [],
          },
        ],
      }),
    ],
    command(DIRECTOR, { type: 'ConveneMeeting', place: 'Salle du conseil', reason: 'Travaux' }),
  ),
) as Meeting;

const cardText = (reader: Reader, language: 'fr' | 'nl', pages?: Record<string, string>) =>
  JSON.stringify(
    convocationCard(
      {
        meetingId: 'm-1',
        version: 2,
        meeting: convened,
        reader,
        member: null,
        t: textsFor(language),
        language,
        previousMinutesPages: pages,
      },
      '1',
    ),
  );

test('a member’s convocation names the sealed minutes to approve, by date and hash, to download in the tab', () => {
  expect(cardText('councillor', 'fr')).toContain(
    `Procès-verbal du 5 novembre 2026, scellé (empreinte SHA-256 ${SEALED}): à télécharger dans l’onglet de la séance`,
  );
});

test('published, the minutes are linked at their public copy, in the member’s language', () => {
  expect(cardText('councillor', 'nl', { minutes: PAGE })).toContain(
    `Notulen van 5 november 2026, verzegeld (SHA-256-vingerafdruk ${SEALED}): de openbare versie: [${PAGE}](${PAGE})`,
  );
});

test('an observer is pointed at the public copy only, never at the members’ record', () => {
  expect(cardText('observer', 'fr')).not.toContain(SEALED);
  expect(cardText('observer', 'fr', { minutes: PAGE })).toContain(`[${PAGE}](${PAGE})`);
});
