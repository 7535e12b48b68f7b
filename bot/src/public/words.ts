import type { Language } from '@council/shared';

/** What the public page says, in the four languages of the country and English. */
export interface PublicWords {
  readonly languageName: string;
  readonly otherLanguages: string;
  readonly sitting: string;
  readonly status: string;
  readonly statuses: {
    readonly convened: string;
    readonly open: string;
    readonly suspended: string;
    readonly closedSession: string;
    readonly closed: string;
  };
  readonly scheduled: string;
  readonly livestream: string;
  readonly now: string;
  readonly noCurrentItem: string;
  readonly floor: string;
  readonly nobodyHasTheFloor: string;
  readonly closedSessionNote: string;
  readonly agenda: string;
  readonly emptyAgenda: string;
  readonly itemNumber: string;
  readonly closedItem: string;
  readonly currentMark: string;
  readonly results: string;
  readonly noResults: string;
  readonly namedVote: string;
  readonly secretVote: string;
  readonly participation: string;
  readonly choices: { readonly yes: string; readonly no: string; readonly abstain: string };
  readonly blank: string;
  readonly outcomes: {
    readonly adopted: string;
    readonly rejected: string;
    readonly elected: string;
    readonly runoff: string;
    readonly noneElected: string;
    readonly void: string;
  };
  readonly announceFloor: string;
  readonly announceResult: string;
  readonly announceClosedSession: string;
  readonly live: string;
  readonly liveLost: string;
}

const fr: PublicWords = {
  languageName: 'Français',
  otherLanguages: 'Langue',
  sitting: 'Séance publique du conseil',
  status: 'État de la séance',
  statuses: {
    convened: 'Convoquée, pas encore ouverte',
    open: 'En séance',
    suspended: 'Séance suspendue',
    closedSession: 'Séance à huis clos',
    closed: 'Séance levée',
  },
  scheduled: 'Prévue le {date}',
  livestream: 'Suivre la retransmission en direct',
  now: 'En ce moment',
  noCurrentItem: 'Aucun point n’est en discussion.',
  floor: 'A la parole : {name}',
  nobodyHasTheFloor: 'Personne n’a la parole.',
  closedSessionNote:
    'Le conseil siège à huis clos : rien de ce qui s’y dit n’est public. La séance publique reprend ensuite.',
  agenda: 'Ordre du jour',
  emptyAgenda: 'L’ordre du jour est vide.',
  itemNumber: 'Point {n}',
  closedItem: 'Point traité à huis clos',
  currentMark: '(en discussion)',
  results: 'Résultats publiés',
  noResults: 'Aucun résultat n’a encore été publié.',
  namedVote: 'Vote à haute voix',
  secretVote: 'Vote au scrutin secret',
  participation: '{count} votants sur {eligible}',
  choices: { yes: 'Pour', no: 'Contre', abstain: 'Abstentions' },
  blank: 'Bulletins blancs',
  outcomes: {
    adopted: 'Adopté',
    rejected: 'Rejeté',
    elected: 'Élu·e : {name}',
    runoff: 'Ballottage',
    noneElected: 'Personne n’est élu',
    void: 'Vote nul',
  },
  announceFloor: '{name} a la parole.',
  announceResult: 'Résultat publié, {item} : {outcome}.',
  announceClosedSession: 'Le conseil siège à huis clos.',
  live: 'Cette page se met à jour d’elle-même.',
  liveLost: 'Mise à jour interrompue : rechargez la page.',
};

const nl: PublicWords = {
  languageName: 'Nederlands',
  otherLanguages: 'Taal',
  sitting: 'Openbare zitting van de raad',
  status: 'Stand van de zitting',
  statuses: {
    convened: 'Bijeengeroepen, nog niet geopend',
    open: 'In zitting',
    suspended: 'Zitting geschorst',
    closedSession: 'Besloten zitting',
    closed: 'Zitting gesloten',
  },
  scheduled: 'Gepland op {date}',
  livestream: 'Volg de livestream',
  now: 'Nu',
  noCurrentItem: 'Er wordt geen punt besproken.',
  floor: 'Aan het woord: {name}',
  nobodyHasTheFloor: 'Niemand heeft het woord.',
  closedSessionNote:
    'De raad vergadert achter gesloten deuren: niets daarvan is openbaar. De openbare zitting gaat daarna verder.',
  agenda: 'Agenda',
  emptyAgenda: 'De agenda is leeg.',
  itemNumber: 'Punt {n}',
  closedItem: 'Punt behandeld in besloten zitting',
  currentMark: '(in bespreking)',
  results: 'Bekendgemaakte uitslagen',
  noResults: 'Er is nog geen uitslag bekendgemaakt.',
  namedVote: 'Openbare stemming',
  secretVote: 'Geheime stemming',
  participation: '{count} stemmers van {eligible}',
  choices: { yes: 'Voor', no: 'Tegen', abstain: 'Onthoudingen' },
  blank: 'Blanco stemmen',
  outcomes: {
    adopted: 'Aangenomen',
    rejected: 'Verworpen',
    elected: 'Verkozen: {name}',
    runoff: 'Herstemming',
    noneElected: 'Niemand is verkozen',
    void: 'Ongeldige stemming',
  },
  announceFloor: '{name} heeft het woord.',
  announceResult: 'Uitslag bekendgemaakt, {item}: {outcome}.',
  announceClosedSession: 'De raad vergadert in besloten zitting.',
  live: 'Deze pagina werkt zichzelf bij.',
  liveLost: 'Bijwerken onderbroken: laad de pagina opnieuw.',
};

const de: PublicWords = {
  languageName: 'Deutsch',
  otherLanguages: 'Sprache',
  sitting: 'Öffentliche Ratssitzung',
  status: 'Stand der Sitzung',
  statuses: {
    convened: 'Einberufen, noch nicht eröffnet',
    open: 'In Sitzung',
    suspended: 'Sitzung unterbrochen',
    closedSession: 'Nichtöffentliche Sitzung',
    closed: 'Sitzung geschlossen',
  },
  scheduled: 'Geplant am {date}',
  livestream: 'Die Liveübertragung verfolgen',
  now: 'Jetzt',
  noCurrentItem: 'Kein Punkt wird beraten.',
  floor: 'Das Wort hat: {name}',
  nobodyHasTheFloor: 'Niemand hat das Wort.',
  closedSessionNote:
    'Der Rat tagt nichtöffentlich: nichts davon ist öffentlich. Die öffentliche Sitzung geht danach weiter.',
  agenda: 'Tagesordnung',
  emptyAgenda: 'Die Tagesordnung ist leer.',
  itemNumber: 'Punkt {n}',
  closedItem: 'Punkt in nichtöffentlicher Sitzung behandelt',
  currentMark: '(in Beratung)',
  results: 'Veröffentlichte Ergebnisse',
  noResults: 'Noch kein Ergebnis ist veröffentlicht.',
  namedVote: 'Offene Abstimmung',
  secretVote: 'Geheime Abstimmung',
  participation: '{count} Abstimmende von {eligible}',
  choices: { yes: 'Dafür', no: 'Dagegen', abstain: 'Enthaltungen' },
  blank: 'Leere Stimmzettel',
  outcomes: {
    adopted: 'Angenommen',
    rejected: 'Abgelehnt',
    elected: 'Gewählt: {name}',
    runoff: 'Stichwahl',
    noneElected: 'Niemand ist gewählt',
    void: 'Ungültige Abstimmung',
  },
  announceFloor: '{name} hat das Wort.',
  announceResult: 'Ergebnis veröffentlicht, {item}: {outcome}.',
  announceClosedSession: 'Der Rat tagt nichtöffentlich.',
  live: 'Diese Seite aktualisiert sich selbst.',
  liveLost: 'Aktualisierung unterbrochen: Seite neu laden.',
};

const en: PublicWords = {
  languageName: 'English',
  otherLanguages: 'Language',
  sitting: 'Public council sitting',
  status: 'Sitting status',
  statuses: {
    convened: 'Convened, not yet open',
    open: 'In session',
    suspended: 'Sitting suspended',
    closedSession: 'Closed session',
    closed: 'Sitting closed',
  },
  scheduled: 'Scheduled for {date}',
  livestream: 'Watch the livestream',
  now: 'Now',
  noCurrentItem: 'No item is under discussion.',
  floor: 'Has the floor: {name}',
  nobodyHasTheFloor: 'Nobody has the floor.',
  closedSessionNote:
    'The council is sitting in closed session: nothing of it is public. The public sitting resumes afterwards.',
  agenda: 'Agenda',
  emptyAgenda: 'The agenda is empty.',
  itemNumber: 'Item {n}',
  closedItem: 'Item treated in closed session',
  currentMark: '(under discussion)',
  results: 'Published results',
  noResults: 'No result has been published yet.',
  namedVote: 'Open vote',
  secretVote: 'Secret ballot',
  participation: '{count} voters of {eligible}',
  choices: { yes: 'For', no: 'Against', abstain: 'Abstentions' },
  blank: 'Blank ballots',
  outcomes: {
    adopted: 'Adopted',
    rejected: 'Rejected',
    elected: 'Elected: {name}',
    runoff: 'Runoff',
    noneElected: 'Nobody elected',
    void: 'Void vote',
  },
  announceFloor: '{name} has the floor.',
  announceResult: 'Result published, {item}: {outcome}.',
  announceClosedSession: 'The council is sitting in closed session.',
  live: 'This page updates itself.',
  liveLost: 'Updates interrupted: reload the page.',
};

export const publicWords: Readonly<Record<Language, PublicWords>> = { fr, nl, de, en };

/** A text with its `{name}` places filled. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
