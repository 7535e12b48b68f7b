import {
  councilFileSchema,
  meetingSetupSchema,
  minutesOf,
  setupFromCouncilFile,
  type Language,
  type MinutesBlock,
  type MinutesDocument,
} from '../../shared/src';
import { renderMinutesPdf } from '../../bot/src/minutes';
import { SEAL, Sitting } from '../shared/support/minutes';
import { demo } from './support/service';
import { bodyText, pdfFonts, pdfText } from './support/pdf';

const council = councilFileSchema.parse(demo);
const chair = council.members[0]?.aadObjectId ?? '';
const director = council.director.aadObjectId;

/**
 * The demo council meeting in `language`: 30 members check in, the first item is approved by a named
 * vote, the secret appointment of the fifth item is made, and the chair closes the meeting.
 */
function demoMinutes(language: Language): MinutesDocument {
  const file = { ...council, municipality: { ...council.municipality, language } };
  const setup = meetingSetupSchema.parse(setupFromCouncilFile(file));
  const s = new Sitting(
    [
      {
        type: 'MeetingCreated',
        meetingId: 'm-1',
        setup,
        at: '2026-11-23T18:00:00.000Z',
        by: director,
      },
    ],
    { chair, director },
  );
  s.do(director, {
    type: 'ConveneMeeting',
    place: 'Council chamber',
    reason: 'Chamber under renovation',
  }).do(chair, { type: 'OpenMeeting' });
  for (const member of council.members.slice(0, 30)) s.do(member.aadObjectId, { type: 'CheckIn' });
  s.do(chair, { type: 'NextItem' });
  s.vote({ type: 'OpenVote' }, (_member, index) => (index < 25 ? 'yes' : 'no'));
  for (let item = 2; item <= 5; item++) s.do(chair, { type: 'NextItem' });
  s.nameTellers(council.members.slice(1, 3).map((m) => m.aadObjectId));
  s.vote({ type: 'OpenVote' }, (_member, index, vote) => vote.choices[index < 20 ? 0 : 1] ?? '');
  s.do(chair, { type: 'CloseMeeting' });
  const minutes = minutesOf({ events: s.events, reader: 'director', seal: SEAL });
  if (!minutes) throw new Error('no minutes');
  return minutes;
}

async function minutesIn(language: Language): Promise<{ pdf: Buffer; text: string }> {
  const pdf = await renderMinutesPdf(demoMinutes(language));
  return { pdf, text: await pdfText(pdf) };
}

/** Words of each language the minutes must print, accents and all, as a reader would copy them. */
const words: Record<Language, readonly string[]> = {
  fr: [
    'Procès-verbal',
    '30 présents : Mme Amélie Lambert, Bourgmestre ; Bruno Claes, Échevin',
    'Séance publique',
    'à distance, au moyen de Microsoft Teams',
    'Approbation du procès-verbal de la séance du 20 octobre 2026',
    'Pour : 25',
    'Décision : Le procès-verbal de la séance du 20 octobre 2026 est approuvé.',
    'Scrutin secret : seuls les totaux sont consignés',
    'David Collard est désigné.',
    'La séance est levée à',
  ],
  nl: [
    'Notulen',
    '30 aanwezigen: Mme Amélie Lambert, Burgemeester; Bruno Claes, Schepen',
    'Openbare zitting',
    'digitaal, met Microsoft Teams',
    'Goedkeuring van de notulen van de zitting van 20 oktober 2026',
    'Voor: 25',
    'Besluit: De notulen van de zitting van 20 oktober 2026 worden goedgekeurd.',
    'Geheime stemming: alleen de totalen worden genoteerd',
    'David Collard is aangeduid.',
    'De zitting wordt gesloten om',
  ],
  de: [
    'Protokoll',
    '30 anwesend: Mme Amélie Lambert, Bürgermeisterin; Bruno Claes, Schöffe',
    'Öffentliche Sitzung',
    'virtuell, mit Microsoft Teams',
    'Genehmigung des Protokolls der Sitzung vom 20. Oktober 2026',
    'Dafür: 25',
    'Beschluss: Das Protokoll der Sitzung vom 20. Oktober 2026 wird genehmigt.',
    'Geheime Abstimmung: nur die Summen werden festgehalten',
    'David Collard ist benannt.',
    'Die Sitzung wird um',
    'Schließung',
  ],
  en: [
    'Minutes',
    '30 present: Mme Amélie Lambert, Mayor; Bruno Claes, Alderman',
    'Public session',
    'remotely, using Microsoft Teams',
    'Approval of the minutes of the meeting of 20 October 2026',
    'For: 25',
    'Decision: The minutes of the meeting of 20 October 2026 are approved.',
    'Secret ballot: only the totals are recorded',
    'David Collard is appointed.',
    'The meeting closed at',
  ],
};

/** The footer of every page: the fingerprint of the log, then the page number. */
const footers: Record<Language, string> = {
  fr: `Empreinte SHA-256 du dernier événement (n° 42) :\n${SEAL.hash}\n\nPage 1 sur `,
  nl: `SHA-256-vingerafdruk van de laatste gebeurtenis (nr. 42):\n${SEAL.hash}\n\nPagina 1 van `,
  de: `SHA-256-Fingerabdruck des letzten Ereignisses (Nr. 42):\n${SEAL.hash}\n\nSeite 1 von `,
  en: `SHA-256 fingerprint of the last event (no. 42):\n${SEAL.hash}\n\nPage 1 of `,
};
const footer = /^(Empreinte|SHA-256|Page|Pagina|Seite) /;

// Rendering and poppler's tools run in child processes: slow on a busy machine.
jest.setTimeout(90_000);

describe('minutes as PDF', () => {
  test.each(Object.keys(words) as Language[])(
    'the minutes of a meeting held in %s print that language’s words',
    async (language) => {
      const { text } = await minutesIn(language);
      const body = bodyText(text, footer);
      for (const expected of words[language]) expect(body).toContain(expected);
      expect(text).toContain(footers[language]);
      const others = (Object.keys(words) as Language[]).filter((l) => l !== language);
      for (const other of others) expect(body).not.toContain(words[other][2]);
    },
  );

  test('the fonts are embedded, so é, ë, ü, ß and the em dash print on any machine', async () => {
    const { pdf, text } = await minutesIn('de');
    const fonts = (await pdfFonts(pdf)).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
    for (const sample of [
      'Amélie',
      'Gaëlle Remacle',
      'Für den Gemeinderat',
      'Schließung',
      'Élise',
      ' — ',
    ]) {
      expect(text).toContain(sample);
    }
  });

  test('the signature block never stands alone on a page: it keeps the closing words with it', async () => {
    const minutes = demoMinutes('fr');
    // The header facts only, then line after line, so that each document is quick to typeset.
    const body = minutes.blocks.slice(0, 1);
    const signatures = minutes.blocks.at(-1);
    if (signatures?.kind !== 'signatures') throw new Error('no signatures');
    const filler = (n: number): MinutesBlock[] =>
      Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `Considérant ${i + 1}.` }));
    const closingPages = new Set<number>();
    // One line more each time walks the block across the first page's end, position by position.
    for (let lines = 0; lines < 32; lines++) {
      const pdf = await renderMinutesPdf({
        ...minutes,
        blocks: [...body, ...filler(lines), signatures],
      });
      const pages = (await pdfText(pdf)).split('\f');
      const signing = pages.findLastIndex((page) => page.includes('Directrice générale\n'));
      const page = pages[signing] ?? '';
      expect({ lines, closing: page.includes('La séance est levée à') }).toEqual({
        lines,
        closing: true,
      });
      expect(page).toContain('Par le Conseil,');
      expect(page).toContain('Mme Hélène Vandersmissen');
      closingPages.add(signing);
    }
    expect(closingPages.size).toBeGreaterThan(1);
  });

  test('the hash of the last event is printed in full on every page', async () => {
    const { pdf, text } = await minutesIn('en');
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.split(SEAL.hash)).toHaveLength(pages + 1);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
