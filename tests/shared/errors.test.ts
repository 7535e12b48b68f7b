import {
  errorCatalogue,
  languages,
  messageOf,
  pickLanguage,
  statusOf,
  type ErrorCode,
} from '../../shared/src';

const codes = Object.keys(errorCatalogue) as ErrorCode[];

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('the error catalogue documents every refusal', () => {
  test('the catalogue holds the refusals the design names', () => {
    expect(codes).toEqual(
      expect.arrayContaining(['QUORUM_NOT_REACHED', 'VOTE_NOT_OPEN', 'ALREADY_VOTED']),
    );
    expect(codes.length).toBeGreaterThan(40);
  });

  test.each(codes)('%s is written in capitals and underscores', (code) => {
    expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  test.each(codes)('%s has a message in fr, nl, de and en', (code) => {
    const { message } = errorCatalogue[code];
    expect(Object.keys(message).sort()).toEqual([...languages].sort());
    for (const language of languages) expect(message[language].trim()).not.toBe('');
  });

  test.each(codes)('%s is translated: fr, nl and de differ from en', (code) => {
    const { message } = errorCatalogue[code];
    for (const language of ['fr', 'nl', 'de'] as const) {
      expect(message[language]).not.toBe(message.en);
    }
  });

  test.each(codes)('%s has the same placeholders in every language', (code) => {
    const { message } = errorCatalogue[code];
    const expected = placeholders(message.en);
    for (const language of languages) expect(placeholders(message[language])).toEqual(expected);
  });

  test.each(codes)('%s has a 4xx or 5xx status', (code) => {
    const status = statusOf(code);
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(status).toBe(errorCatalogue[code].status);
  });

  test('bad input is a 4xx: only an internal error is a 5xx', () => {
    const serverErrors = codes.filter((code) => statusOf(code) >= 500);
    // BALLOT_NOT_SEALED is the service's own failure too: a proof worker fell over holding a
    // card's choice (the member presses again); PUBLICATION_BUSY, a sitting changing faster than
    // the register records its pages (the reader comes back in a second).
    expect(serverErrors).toEqual(['INTERNAL', 'BALLOT_NOT_SEALED', 'PUBLICATION_BUSY']);
  });

  test('no message has a place for a ballot’s choice', () => {
    for (const code of codes) {
      for (const language of languages) {
        const names = placeholders(errorCatalogue[code].message[language]);
        expect(names.filter((name) => /choice|ballot|vote/i.test(name))).toEqual([]);
      }
    }
  });
});

describe('messageOf', () => {
  test('fills the params in the reader’s language', () => {
    const error = { code: 'QUORUM_NOT_REACHED', params: { present: 24, needed: 25 } } as const;
    expect(messageOf(error, 'en')).toBe('Quorum not reached: 24 present, 25 needed.');
    expect(messageOf(error, 'fr')).toBe('Le quorum n’est pas atteint : 24 présents, 25 requis.');
    expect(messageOf(error, 'nl')).toBe('Het quorum is niet bereikt: 24 aanwezig, 25 vereist.');
    expect(messageOf(error, 'de')).toBe(
      'Das Quorum ist nicht erreicht: 24 anwesend, 25 erforderlich.',
    );
  });

  test.each(codes)('%s leaves no placeholder once its params are given', (code) => {
    const names = placeholders(errorCatalogue[code].message.en);
    const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
    for (const language of languages) {
      const message = messageOf({ code, params }, language);
      expect(message).not.toMatch(/\{\w+\}/);
      for (const name of names) expect(message).toContain(`<${name}>`);
    }
  });

  test('a message without params is the template itself', () => {
    expect(messageOf({ code: 'VOTE_NOT_OPEN' }, 'nl')).toBe('Deze stemming is niet geopend.');
  });

  test('a missing param stays visible as its placeholder, never as "undefined"', () => {
    const message = messageOf({ code: 'INVALID_SETUP', params: {} }, 'en');
    expect(message).toBe('The meeting setup is wrong: {detail}');
  });

  test('a param is filled everywhere it appears, and a param the template lacks is ignored', () => {
    const message = messageOf(
      { code: 'CLOSED_SESSION_REQUIRED', params: { item: 'item-8', other: 'x' } },
      'fr',
    );
    expect(message).toBe('Le point « item-8 » doit être traité à huis clos.');
  });
});

describe('pickLanguage', () => {
  test('a Belgian Dutch browser gets Dutch', () => {
    expect(pickLanguage('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
  });

  test('a bare language tag is taken as it is', () => {
    expect(pickLanguage('de')).toBe('de');
  });

  test('a Teams locale picks its language', () => {
    expect(pickLanguage('fr-BE')).toBe('fr');
    expect(pickLanguage('DE-ch')).toBe('de');
  });

  test('an unknown language falls back to English, or to the fallback given', () => {
    expect(pickLanguage('xx')).toBe('en');
    expect(pickLanguage('xx', 'fr')).toBe('fr');
    expect(pickLanguage('*')).toBe('en');
  });

  test('no preference gives the fallback', () => {
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('', 'nl')).toBe('nl');
  });

  test('a language with q=0 is refused', () => {
    expect(pickLanguage('fr;q=0, de;q=0.5')).toBe('de');
    expect(pickLanguage('fr;q=0', 'nl')).toBe('nl');
    expect(pickLanguage('fr;q=0.0,en;q=0.1')).toBe('en');
  });

  test('the q parameter is case-insensitive, as HTTP says (RFC 9110, 12.4.2)', () => {
    expect(pickLanguage('fr;Q=0, de;Q=0.5')).toBe('de');
  });

  test('the highest q wins, whatever the order', () => {
    expect(pickLanguage('en-US;q=0.5, fr-BE;q=0.8')).toBe('fr');
    expect(pickLanguage('xx, de;q=0.2, nl;q=0.3')).toBe('nl');
  });

  test('languages of equal weight keep the order of the header', () => {
    expect(pickLanguage('nl, fr')).toBe('nl');
    expect(pickLanguage('de;q=0.5, en;q=0.5')).toBe('de');
  });
});
