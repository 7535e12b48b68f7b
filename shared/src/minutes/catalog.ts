import type { Language } from '../language';
import type { ProfileId, Threshold } from '../profiles';
import type { MeetingSetup } from '../commands';
import type { Gender, MemberFunction } from '../roster';
import type { Procedure } from '../agenda/procedure';
import { labelSeparators, procedureVoteWords } from '../agenda/procedure-words';
import type { FloorKind, MotionStatus } from '../state';

type Texts<K extends string> = Readonly<Record<K, string>>;

/** A phrase by grammatical number, chosen with Intl.PluralRules: "1 présent", "2 présents". */
export type Plural = Readonly<{ one: string; other: string }>;
type Plurals<K extends string> = Readonly<Record<K, Plural>>;

/** A word by the person's gender: Échevin, Échevine, Échevin·e. */
export type Gendered = Readonly<Record<Gender, string>>;

/** What a motion, an amendment or an item without a motion becomes when a vote decides it. */
type Decided = Texts<'motion' | 'amendment' | 'item'>;

/** Every word the minutes use, in one language. `{name}` is filled in by the minutes. */
export interface MinutesWords {
  /** The locale whose dates and times the minutes use. */
  readonly locale: string;
  readonly title: string;
  /** Across each page of a draft. */
  readonly draftMark: string;
  readonly draftBanner: string;
  /** Between a label and its text, and between the parts of a list: French spaces `:` and `;`. */
  readonly labelSeparator: string;
  readonly listSeparator: string;
  readonly publicCopy: string;
  readonly facts: Texts<
    | 'municipality'
    | 'meeting'
    | 'date'
    | 'mode'
    | 'chair'
    | 'director'
    | 'opened'
    | 'closed'
    | 'rules'
    | 'convocation'
    | 'convocationSent'
  >;
  /** How the council met; `{tool}` names the tool, as the Walloon rules require (AGW art. 1 §1). */
  readonly modes: Texts<MeetingSetup['mode']>;
  readonly profiles: Texts<ProfileId>;
  readonly convocation: string;
  readonly roles: Texts<'chair' | 'director'>;
  /** Each office as the roster gives it, agreed with the person (i18next would call it context). */
  readonly functions: Readonly<Record<MemberFunction, Gendered>>;
  /** `{n}` members present, excused, absent: the label of each attendance line. */
  readonly counted: Plurals<'present' | 'excused' | 'absent'>;
  readonly attendance: Texts<
    | 'heading'
    | 'withoutVote'
    | 'nobody'
    | 'movements'
    | 'arrival'
    | 'departure'
    | 'duringItem'
    | 'rollCalls'
    | 'quorumReached'
    | 'quorumNotReached'
    | 'quorumWaived'
    | 'byCall'
    | 'presenceRule'
  > &
    Plurals<'rollCall' | 'quorumLost'>;
  readonly sessions: Texts<'public' | 'closed'>;
  readonly item: Texts<'takenUpAt' | 'notTakenUp' | 'notYetTakenUp' | 'speakers' | 'noVote'>;
  readonly floorKinds: Texts<Exclude<FloorKind, 'contribution'>>;
  /**
   * The draft decision as Belgian secretariats write it: recitals, the decisive word, the articles
   * ("Article 1er" in French); an adopted amendment replaces its article or follows them.
   */
  readonly deliberation: Texts<
    'decides' | 'firstArticle' | 'article' | 'amended' | 'amendedAsFollows'
  >;
  /** What the sitting decided of an item's place: set aside, added as urgent, closed. */
  readonly agenda: Texts<
    'withdrawn' | 'postponed' | 'reason' | 'urgent' | 'closedAtOnce' | 'closedByVote'
  > & { readonly procedure: Texts<Procedure['kind']> };
  readonly motion: Texts<
    'motion' | 'amendment' | 'seconded' | 'amendmentSeconded' | 'amendedText'
  > & {
    readonly status: Texts<MotionStatus>;
    /** French agrees the participle: une motion adoptée, un amendement adopté. */
    readonly amendmentStatus: Texts<MotionStatus>;
  };
  readonly vote: Texts<
    | 'heading'
    | 'named'
    | 'secret'
    | 'onMotion'
    | 'onAmendment'
    | 'onItem'
    | 'election'
    | 'runoff'
    | 'openedAt'
    | 'closedAt'
    | 'awaitingResult'
    | 'unpublished'
    | 'notVoted'
    | 'votesCast'
    | 'secretNote'
    | 'sealedBox'
    | 'serviceTrustee'
    | 'evidence'
    | 'rule'
    | 'abstentionsCounted'
    | 'abstentionsNotCounted'
    | 'basis'
    | 'decision'
  > & {
    readonly choices: Texts<'yes' | 'no' | 'abstain' | 'blank'>;
    readonly thresholds: Texts<Threshold>;
  } & Plurals<'inProgress' | 'participation'>;
  readonly outcomes: {
    readonly adopted: Decided;
    readonly rejected: Decided;
    /** "désigné" or "désignée" by the person appointed (CDLD L1122-28 appointments). */
    readonly elected: Gendered;
    readonly electedByAge: Gendered;
    readonly void: Plural;
  } & Texts<
    'tie' | 'runoff' | 'noneElected' | 'minutesApproved' | 'minutesNotApproved' | 'voidKeyLost'
  >;
  readonly closing: Texts<'closedAt' | 'draftState' | 'draftStateOfCopy'>;
  readonly signatures: Texts<'intro' | 'approval'>;
  readonly footer: Texts<'seal' | 'sealOfCopy' | 'page'>;
  /** The chair's breaks in the sitting, with their times. */
  readonly suspension: Texts<'heading' | 'suspended' | 'resumed'>;
  /** On the approval of the previous minutes: their sealed file and the corrections adopted. */
  readonly previousMinutes: Texts<'sealedAs' | 'sealedAt' | 'corrections'>;
}

const fr: MinutesWords = {
  locale: 'fr-BE',
  title: 'Procès-verbal',
  draftMark: 'PROJET',
  draftBanner:
    'Document provisoire établi pendant la séance ; il ne devient définitif qu’à sa clôture.',
  labelSeparator: labelSeparators.fr,
  listSeparator: ' ; ',
  publicCopy: 'Copie publique : les points traités à huis clos n’y figurent pas.',
  facts: {
    municipality: 'Commune',
    meeting: 'Séance',
    date: 'Date',
    mode: 'Mode de réunion',
    chair: 'Présidence',
    director: 'Direction générale',
    opened: 'Ouverture',
    closed: 'Clôture',
    rules: 'Règles de procédure',
    convocation: 'Convocation',
    convocationSent: 'Envoi de la convocation',
  },
  modes: {
    remote: 'à distance, au moyen de {tool}',
    hybrid: 'hybride (en présentiel et à distance au moyen de {tool})',
    'in-person': 'en présentiel (outil : {tool})',
  },
  profiles: {
    wallonia: 'Wallonie — Code de la démocratie locale et de la décentralisation',
    flanders: 'Flandre — Decreet over het Lokaal Bestuur',
    brussels: 'Bruxelles — Nouvelle loi communale',
    roberts: 'Robert’s Rules of Order',
  },
  convocation: '{n}e convocation',
  roles: { chair: 'Le Président', director: 'Le Directeur général' },
  functions: {
    mayor: { female: 'Bourgmestre', male: 'Bourgmestre', neutral: 'Bourgmestre' },
    alderman: { female: 'Échevine', male: 'Échevin', neutral: 'Échevin·e' },
    cpasPresident: {
      female: 'Présidente du CPAS',
      male: 'Président du CPAS',
      neutral: 'Président·e du CPAS',
    },
    councillor: {
      female: 'Conseillère communale',
      male: 'Conseiller communal',
      neutral: 'Conseiller·ère communal·e',
    },
    councilChair: {
      female: 'Présidente du conseil',
      male: 'Président du conseil',
      neutral: 'Président·e du conseil',
    },
    director: {
      female: 'Directrice générale',
      male: 'Directeur général',
      neutral: 'Directeur·rice général·e',
    },
  },
  counted: {
    present: { one: '{n} présent', other: '{n} présents' },
    excused: { one: '{n} excusé', other: '{n} excusés' },
    absent: { one: '{n} absent', other: '{n} absents' },
  },
  attendance: {
    heading: 'Présences',
    withoutVote: 'Assiste sans voix délibérative',
    nobody: 'personne',
    movements: 'Arrivées et départs',
    arrival: '{time} — {name} entre en séance',
    departure: '{time} — {name} quitte la séance',
    duringItem: ' (point {n})',
    rollCalls: 'Appels nominaux',
    rollCall: {
      one: '{time} — {present} membre présent sur {inOffice} ; quorum de {needed} : {quorum}',
      other: '{time} — {present} membres présents sur {inOffice} ; quorum de {needed} : {quorum}',
    },
    quorumReached: 'atteint',
    quorumNotReached: 'non atteint',
    quorumWaived: 'non requis à cette convocation',
    byCall: 'Rejoindre l’appel vaut présence ; le quitter vaut départ',
    presenceRule: 'Présence',
    quorumLost: {
      one: '{time} — quorum perdu : {present} membre présent, {needed} requis',
      other: '{time} — quorum perdu : {present} membres présents, {needed} requis',
    },
  },
  sessions: { public: 'Séance publique', closed: 'Séance à huis clos' },
  item: {
    takenUpAt: 'Examiné à {time}.',
    notTakenUp: 'Point non examiné.',
    notYetTakenUp: 'Point pas encore examiné.',
    speakers: 'Ont pris la parole',
    noVote: 'Pas de vote sur ce point.',
  },
  floorKinds: { pointOfOrder: 'motion d’ordre', reply: 'réplique' },
  deliberation: {
    decides: 'DÉCIDE :',
    firstArticle: 'Article 1er',
    article: 'Article {n}',
    amended: '(texte amendé en séance)',
    amendedAsFollows: 'Amendé en séance comme suit',
  },
  agenda: {
    withdrawn: 'Point retiré de l’ordre du jour par {name} à {time}.',
    postponed: 'Point reporté à une séance ultérieure par {name} à {time}.',
    reason: 'Motif',
    urgent: 'Point ajouté en urgence, l’urgence ayant été déclarée par le conseil.',
    closedAtOnce: 'Huis clos prononcé par {name} à {time}.',
    closedByVote: 'Huis clos décidé par vote du conseil à {time}.',
    procedure: procedureVoteWords.fr,
  },
  motion: {
    motion: 'Motion de {name}',
    amendment: 'Amendement de {name}',
    seconded: 'appuyée par {name}',
    amendmentSeconded: 'appuyé par {name}',
    amendedText: 'Texte après amendement',
    status: {
      proposed: 'déposée',
      seconded: 'appuyée',
      withdrawn: 'retirée',
      voting: 'soumise au vote',
      adopted: 'adoptée',
      rejected: 'rejetée',
    },
    amendmentStatus: {
      proposed: 'déposé',
      seconded: 'appuyé',
      withdrawn: 'retiré',
      voting: 'soumis au vote',
      adopted: 'adopté',
      rejected: 'rejeté',
    },
  },
  vote: {
    heading: 'Vote {n}',
    named: 'vote nominatif',
    secret: 'scrutin secret',
    onMotion: 'sur la motion de {name}',
    onAmendment: 'sur l’amendement de {name}',
    onItem: 'sur le point',
    election: 'désignation',
    runoff: 'ballottage',
    openedAt: 'ouvert à {time}',
    closedAt: 'clos à {time}',
    inProgress: {
      one: 'Vote en cours : {count} membre sur {eligible} a voté.',
      other: 'Vote en cours : {count} membres sur {eligible} ont voté.',
    },
    awaitingResult: 'Vote clos ; le résultat n’est pas encore publié.',
    unpublished: 'Résultat pas encore publié par la direction générale.',
    notVoted: 'N’ont pas pris part au vote',
    participation: {
      one: '{count} votant sur {eligible} membres appelés à voter.',
      other: '{count} votants sur {eligible} membres appelés à voter.',
    },
    votesCast: 'Suffrages exprimés : {cast} ; majorité requise : {needed}.',
    secretNote:
      'Scrutin secret : seuls les totaux sont consignés ; aucun choix n’est lié à un membre.',
    sealedBox:
      'Urne scellée, {threshold} des {trustees} détenteurs de la clé ({names}), dépouillement vérifié.',
    serviceTrustee: 'le service de la réunion',
    evidence: 'Empreinte du dépouillement',
    rule: 'Règle appliquée',
    abstentionsCounted: 'abstentions comptées dans les suffrages exprimés',
    abstentionsNotCounted: 'abstentions et bulletins blancs non comptés',
    basis: 'Fondement',
    decision: 'Décision',
    choices: { yes: 'Pour', no: 'Contre', abstain: 'Abstentions', blank: 'Bulletins blancs' },
    thresholds: {
      '1/2': 'majorité absolue des suffrages exprimés',
      '2/3': 'majorité des deux tiers des suffrages exprimés',
      '3/4': 'majorité des trois quarts des suffrages exprimés',
    },
  },
  outcomes: {
    adopted: {
      motion: 'La motion est adoptée.',
      amendment: 'L’amendement est adopté.',
      item: 'Le point est approuvé.',
    },
    rejected: {
      motion: 'La motion est rejetée.',
      amendment: 'L’amendement est rejeté.',
      item: 'Le point est rejeté.',
    },
    tie: 'Parité des voix.',
    elected: {
      female: '{name} est désignée.',
      male: '{name} est désigné.',
      neutral: '{name} est désigné(e).',
    },
    electedByAge: {
      female: '{name} est désignée au bénéfice de l’âge.',
      male: '{name} est désigné au bénéfice de l’âge.',
      neutral: '{name} est désigné(e) au bénéfice de l’âge.',
    },
    runoff: 'Aucun candidat n’obtient la majorité absolue : ballottage entre {first} et {second}.',
    noneElected: 'Personne n’est désigné.',
    minutesApproved: 'Le procès-verbal de la séance du {date} est approuvé.',
    minutesNotApproved: 'Le procès-verbal de la séance du {date} n’est pas approuvé.',
    voidKeyLost:
      'L’urne scellée n’a pu être ouverte : {lost} des {trustees} détenteurs de la clé ont perdu leur part ({threshold} requises). Le vote est nul et peut être recommencé.',
    void: {
      one: 'Vote nul faute de quorum : {present} membre présent, {needed} requis. Rien n’est décidé.',
      other:
        'Vote nul faute de quorum : {present} membres présents, {needed} requis. Rien n’est décidé.',
    },
  },
  closing: {
    closedAt: 'La séance est levée à {time}.',
    draftState: 'État à {time}, après l’événement n° {seq}.',
    draftStateOfCopy: 'État à {time}.',
  },
  signatures: { intro: 'Par le Conseil,', approval: 'Procès-verbal approuvé en séance du' },
  footer: {
    seal: 'Empreinte SHA-256 du dernier événement (n° {seq}) : {hash}',
    sealOfCopy: 'Empreinte SHA-256 du dernier événement repris dans cette copie : {hash}',
    page: 'Page {page} sur {pages}',
  },
  suspension: {
    heading: 'Suspensions de séance',
    suspended: '{time} — la séance est suspendue',
    resumed: '{time} — la séance est reprise',
  },
  previousMinutes: {
    sealedAs: 'Procès-verbal signé et scellé, empreinte SHA-256 {hash}.',
    sealedAt: 'Procès-verbal signé et scellé, empreinte SHA-256 {hash}, à l’adresse {address}.',
    corrections: 'Corrections adoptées',
  },
};

const nl: MinutesWords = {
  locale: 'nl-BE',
  title: 'Notulen',
  draftMark: 'ONTWERP',
  draftBanner:
    'Voorlopig document, opgesteld tijdens de zitting; het wordt pas definitief na de sluiting.',
  labelSeparator: labelSeparators.nl,
  listSeparator: '; ',
  publicCopy: 'Openbaar exemplaar: de punten van de besloten zitting staan er niet in.',
  facts: {
    municipality: 'Gemeente',
    meeting: 'Zitting',
    date: 'Datum',
    mode: 'Vergadervorm',
    chair: 'Voorzitter',
    director: 'Algemeen directeur',
    opened: 'Opening',
    closed: 'Sluiting',
    rules: 'Procedureregels',
    convocation: 'Oproeping',
    convocationSent: 'Verzending van de oproeping',
  },
  modes: {
    remote: 'digitaal, met {tool}',
    hybrid: 'hybride (fysiek en digitaal met {tool})',
    'in-person': 'fysiek (hulpmiddel: {tool})',
  },
  profiles: {
    wallonia: 'Wallonië — Code de la démocratie locale et de la décentralisation',
    flanders: 'Vlaanderen — Decreet over het Lokaal Bestuur',
    brussels: 'Brussel — Nieuwe Gemeentewet',
    roberts: 'Robert’s Rules of Order',
  },
  convocation: '{n}e oproeping',
  roles: { chair: 'De voorzitter', director: 'De algemeen directeur' },
  functions: {
    mayor: { female: 'Burgemeester', male: 'Burgemeester', neutral: 'Burgemeester' },
    alderman: { female: 'Schepen', male: 'Schepen', neutral: 'Schepen' },
    cpasPresident: {
      female: 'Voorzitter van het bijzonder comité voor de sociale dienst',
      male: 'Voorzitter van het bijzonder comité voor de sociale dienst',
      neutral: 'Voorzitter van het bijzonder comité voor de sociale dienst',
    },
    councillor: {
      female: 'Gemeenteraadslid',
      male: 'Gemeenteraadslid',
      neutral: 'Gemeenteraadslid',
    },
    councilChair: {
      female: 'Voorzitter van de gemeenteraad',
      male: 'Voorzitter van de gemeenteraad',
      neutral: 'Voorzitter van de gemeenteraad',
    },
    director: {
      female: 'Algemeen directeur',
      male: 'Algemeen directeur',
      neutral: 'Algemeen directeur',
    },
  },
  counted: {
    present: { one: '{n} aanwezige', other: '{n} aanwezigen' },
    excused: { one: '{n} verontschuldigde', other: '{n} verontschuldigden' },
    absent: { one: '{n} afwezige', other: '{n} afwezigen' },
  },
  attendance: {
    heading: 'Aanwezigheden',
    withoutVote: 'Woont de zitting bij zonder stemrecht',
    nobody: 'niemand',
    movements: 'Aankomst en vertrek',
    arrival: '{time} — {name} komt de zitting binnen',
    departure: '{time} — {name} verlaat de zitting',
    duringItem: ' (punt {n})',
    rollCalls: 'Naamafroepingen',
    rollCall: {
      one: '{time} — {present} lid aanwezig van {inOffice}; quorum van {needed}: {quorum}',
      other: '{time} — {present} leden aanwezig van {inOffice}; quorum van {needed}: {quorum}',
    },
    quorumReached: 'bereikt',
    quorumNotReached: 'niet bereikt',
    quorumWaived: 'niet vereist bij deze oproeping',
    byCall: 'Deelnemen aan de oproep geldt als aanwezigheid; ze verlaten als vertrek',
    presenceRule: 'Aanwezigheid',
    quorumLost: {
      one: '{time} — quorum verloren: {present} lid aanwezig, {needed} vereist',
      other: '{time} — quorum verloren: {present} leden aanwezig, {needed} vereist',
    },
  },
  sessions: { public: 'Openbare zitting', closed: 'Besloten zitting' },
  item: {
    takenUpAt: 'Behandeld om {time}.',
    notTakenUp: 'Punt niet behandeld.',
    notYetTakenUp: 'Punt nog niet behandeld.',
    speakers: 'Namen het woord',
    noVote: 'Geen stemming over dit punt.',
  },
  floorKinds: { pointOfOrder: 'ordemotie', reply: 'repliek' },
  deliberation: {
    decides: 'BESLUIT:',
    firstArticle: 'Artikel 1',
    article: 'Artikel {n}',
    amended: '(tekst geamendeerd in de zitting)',
    amendedAsFollows: 'In de zitting geamendeerd als volgt',
  },
  agenda: {
    withdrawn: 'Punt van de agenda ingetrokken door {name} om {time}.',
    postponed: 'Punt uitgesteld naar een latere zitting door {name} om {time}.',
    reason: 'Reden',
    urgent: 'Punt bij hoogdringendheid toegevoegd; de raad heeft de dringendheid aangenomen.',
    closedAtOnce: 'Besloten zitting uitgesproken door {name} om {time}.',
    closedByVote: 'Besloten zitting bij stemming van de raad beslist om {time}.',
    procedure: procedureVoteWords.nl,
  },
  motion: {
    motion: 'Voorstel van {name}',
    amendment: 'Amendement van {name}',
    seconded: 'gesteund door {name}',
    amendmentSeconded: 'gesteund door {name}',
    amendedText: 'Tekst na amendering',
    status: {
      proposed: 'ingediend',
      seconded: 'gesteund',
      withdrawn: 'ingetrokken',
      voting: 'in stemming',
      adopted: 'aangenomen',
      rejected: 'verworpen',
    },
    amendmentStatus: {
      proposed: 'ingediend',
      seconded: 'gesteund',
      withdrawn: 'ingetrokken',
      voting: 'in stemming',
      adopted: 'aangenomen',
      rejected: 'verworpen',
    },
  },
  vote: {
    heading: 'Stemming {n}',
    named: 'naamstemming',
    secret: 'geheime stemming',
    onMotion: 'over het voorstel van {name}',
    onAmendment: 'over het amendement van {name}',
    onItem: 'over het punt',
    election: 'aanduiding',
    runoff: 'herstemming',
    openedAt: 'geopend om {time}',
    closedAt: 'gesloten om {time}',
    inProgress: {
      one: 'Stemming bezig: {count} van de {eligible} leden heeft gestemd.',
      other: 'Stemming bezig: {count} van de {eligible} leden hebben gestemd.',
    },
    awaitingResult: 'Stemming gesloten; de uitslag is nog niet bekendgemaakt.',
    unpublished: 'Uitslag nog niet bekendgemaakt door de algemeen directeur.',
    notVoted: 'Namen niet deel aan de stemming',
    participation: {
      one: '{count} stemmer van de {eligible} stemgerechtigde leden.',
      other: '{count} stemmers van de {eligible} stemgerechtigde leden.',
    },
    votesCast: 'Uitgebrachte stemmen: {cast}; vereiste meerderheid: {needed}.',
    secretNote:
      'Geheime stemming: alleen de totalen worden genoteerd; geen keuze is aan een lid gekoppeld.',
    sealedBox:
      'Verzegelde stembus, {threshold} van de {trustees} sleutelhouders ({names}), telling geverifieerd.',
    serviceTrustee: 'de vergaderdienst',
    evidence: 'Vingerafdruk van de telling',
    rule: 'Toegepaste regel',
    abstentionsCounted: 'onthoudingen tellen mee in de uitgebrachte stemmen',
    abstentionsNotCounted: 'onthoudingen en blanco stemmen tellen niet mee',
    basis: 'Grondslag',
    decision: 'Besluit',
    choices: { yes: 'Voor', no: 'Tegen', abstain: 'Onthoudingen', blank: 'Blanco stemmen' },
    thresholds: {
      '1/2': 'volstrekte meerderheid van de uitgebrachte stemmen',
      '2/3': 'tweederdemeerderheid van de uitgebrachte stemmen',
      '3/4': 'driekwartmeerderheid van de uitgebrachte stemmen',
    },
  },
  outcomes: {
    adopted: {
      motion: 'Het voorstel is aangenomen.',
      amendment: 'Het amendement is aangenomen.',
      item: 'Het punt is goedgekeurd.',
    },
    rejected: {
      motion: 'Het voorstel is verworpen.',
      amendment: 'Het amendement is verworpen.',
      item: 'Het punt is verworpen.',
    },
    tie: 'Staking van stemmen.',
    elected: {
      female: '{name} is aangeduid.',
      male: '{name} is aangeduid.',
      neutral: '{name} is aangeduid.',
    },
    electedByAge: {
      female: '{name} is aangeduid op grond van de leeftijd.',
      male: '{name} is aangeduid op grond van de leeftijd.',
      neutral: '{name} is aangeduid op grond van de leeftijd.',
    },
    runoff:
      'Geen kandidaat behaalt de volstrekte meerderheid: herstemming tussen {first} en {second}.',
    noneElected: 'Niemand is aangeduid.',
    minutesApproved: 'De notulen van de zitting van {date} worden goedgekeurd.',
    minutesNotApproved: 'De notulen van de zitting van {date} worden niet goedgekeurd.',
    voidKeyLost:
      'De verzegelde stembus kon niet geopend worden: {lost} van de {trustees} sleutelhouders verloren hun deel van de sleutel ({threshold} nodig). De stemming is nietig en kan opnieuw gehouden worden.',
    void: {
      one: 'Stemming ongeldig bij gebrek aan quorum: {present} lid aanwezig, {needed} vereist. Er is niets beslist.',
      other:
        'Stemming ongeldig bij gebrek aan quorum: {present} leden aanwezig, {needed} vereist. Er is niets beslist.',
    },
  },
  closing: {
    closedAt: 'De zitting wordt gesloten om {time}.',
    draftState: 'Stand om {time}, na gebeurtenis nr. {seq}.',
    draftStateOfCopy: 'Stand om {time}.',
  },
  signatures: {
    intro: 'Namens de gemeenteraad,',
    approval: 'Notulen goedgekeurd in de zitting van',
  },
  footer: {
    seal: 'SHA-256-vingerafdruk van de laatste gebeurtenis (nr. {seq}): {hash}',
    sealOfCopy: 'SHA-256-vingerafdruk van de laatste gebeurtenis in dit exemplaar: {hash}',
    page: 'Pagina {page} van {pages}',
  },
  suspension: {
    heading: 'Schorsingen van de zitting',
    suspended: '{time} — de zitting wordt geschorst',
    resumed: '{time} — de zitting wordt hervat',
  },
  previousMinutes: {
    sealedAs: 'Ondertekende en verzegelde notulen, SHA-256-vingerafdruk {hash}.',
    sealedAt: 'Ondertekende en verzegelde notulen, SHA-256-vingerafdruk {hash}, op {address}.',
    corrections: 'Aangenomen verbeteringen',
  },
};

const de: MinutesWords = {
  locale: 'de-BE',
  title: 'Protokoll',
  draftMark: 'ENTWURF',
  draftBanner:
    'Vorläufiges Dokument, während der Sitzung erstellt; endgültig erst nach deren Schließung.',
  labelSeparator: labelSeparators.de,
  listSeparator: '; ',
  publicCopy: 'Öffentliche Fassung: die Punkte der nichtöffentlichen Sitzung sind nicht enthalten.',
  facts: {
    municipality: 'Gemeinde',
    meeting: 'Sitzung',
    date: 'Datum',
    mode: 'Sitzungsform',
    chair: 'Vorsitz',
    director: 'Generaldirektion',
    opened: 'Eröffnung',
    closed: 'Schließung',
    rules: 'Verfahrensregeln',
    convocation: 'Einberufung',
    convocationSent: 'Versand der Einberufung',
  },
  modes: {
    remote: 'virtuell, mit {tool}',
    hybrid: 'hybrid (vor Ort und virtuell mit {tool})',
    'in-person': 'vor Ort (Werkzeug: {tool})',
  },
  profiles: {
    wallonia: 'Wallonie — Kodex der lokalen Demokratie und der Dezentralisierung',
    flanders: 'Flandern — Dekret über die lokale Verwaltung',
    brussels: 'Brüssel — Neues Gemeindegesetz',
    roberts: 'Robert’s Rules of Order',
  },
  convocation: '{n}. Einberufung',
  roles: { chair: 'Der Vorsitzende', director: 'Der Generaldirektor' },
  functions: {
    mayor: { female: 'Bürgermeisterin', male: 'Bürgermeister', neutral: 'Bürgermeister/in' },
    alderman: { female: 'Schöffin', male: 'Schöffe', neutral: 'Schöffe/Schöffin' },
    cpasPresident: {
      female: 'Präsidentin des ÖSHZ',
      male: 'Präsident des ÖSHZ',
      neutral: 'Präsident/in des ÖSHZ',
    },
    councillor: { female: 'Ratsmitglied', male: 'Ratsmitglied', neutral: 'Ratsmitglied' },
    councilChair: {
      female: 'Vorsitzende des Gemeinderates',
      male: 'Vorsitzender des Gemeinderates',
      neutral: 'Vorsitz des Gemeinderates',
    },
    director: {
      female: 'Generaldirektorin',
      male: 'Generaldirektor',
      neutral: 'Generaldirektor/in',
    },
  },
  counted: {
    present: { one: '{n} anwesend', other: '{n} anwesend' },
    excused: { one: '{n} entschuldigt', other: '{n} entschuldigt' },
    absent: { one: '{n} abwesend', other: '{n} abwesend' },
  },
  attendance: {
    heading: 'Anwesenheit',
    withoutVote: 'Ohne Stimmrecht anwesend',
    nobody: 'niemand',
    movements: 'Ankunft und Weggang',
    arrival: '{time} — {name} nimmt an der Sitzung teil',
    departure: '{time} — {name} verlässt die Sitzung',
    duringItem: ' (Punkt {n})',
    rollCalls: 'Namensaufrufe',
    rollCall: {
      one: '{time} — {present} von {inOffice} Mitgliedern anwesend; Quorum {needed}: {quorum}',
      other: '{time} — {present} von {inOffice} Mitgliedern anwesend; Quorum {needed}: {quorum}',
    },
    quorumReached: 'erreicht',
    quorumNotReached: 'nicht erreicht',
    quorumWaived: 'bei dieser Einberufung nicht erforderlich',
    byCall: 'Die Teilnahme am Anruf gilt als Anwesenheit, sein Verlassen als Weggang',
    presenceRule: 'Anwesenheit',
    quorumLost: {
      one: '{time} — Quorum verloren: {present} Mitglied anwesend, {needed} erforderlich',
      other: '{time} — Quorum verloren: {present} Mitglieder anwesend, {needed} erforderlich',
    },
  },
  sessions: { public: 'Öffentliche Sitzung', closed: 'Nichtöffentliche Sitzung' },
  item: {
    takenUpAt: 'Behandelt um {time}.',
    notTakenUp: 'Punkt nicht behandelt.',
    notYetTakenUp: 'Punkt noch nicht behandelt.',
    speakers: 'Wortmeldungen',
    noVote: 'Keine Abstimmung zu diesem Punkt.',
  },
  floorKinds: { pointOfOrder: 'Antrag zur Geschäftsordnung', reply: 'Erwiderung' },
  deliberation: {
    decides: 'BESCHLIESST:',
    firstArticle: 'Artikel 1',
    article: 'Artikel {n}',
    amended: '(in der Sitzung geänderter Wortlaut)',
    amendedAsFollows: 'In der Sitzung wie folgt geändert',
  },
  agenda: {
    withdrawn: 'Punkt von {name} um {time} von der Tagesordnung zurückgezogen.',
    postponed: 'Punkt von {name} um {time} auf eine spätere Sitzung vertagt.',
    reason: 'Grund',
    urgent: 'Punkt als dringlich hinzugefügt; der Rat hat die Dringlichkeit beschlossen.',
    closedAtOnce: 'Nichtöffentliche Sitzung von {name} um {time} ausgesprochen.',
    closedByVote: 'Nichtöffentliche Sitzung um {time} durch Abstimmung des Rates beschlossen.',
    procedure: procedureVoteWords.de,
  },
  motion: {
    motion: 'Antrag von {name}',
    amendment: 'Änderungsantrag von {name}',
    seconded: 'unterstützt von {name}',
    amendmentSeconded: 'unterstützt von {name}',
    amendedText: 'Wortlaut nach Änderung',
    status: {
      proposed: 'eingereicht',
      seconded: 'unterstützt',
      withdrawn: 'zurückgezogen',
      voting: 'in Abstimmung',
      adopted: 'angenommen',
      rejected: 'abgelehnt',
    },
    amendmentStatus: {
      proposed: 'eingereicht',
      seconded: 'unterstützt',
      withdrawn: 'zurückgezogen',
      voting: 'in Abstimmung',
      adopted: 'angenommen',
      rejected: 'abgelehnt',
    },
  },
  vote: {
    heading: 'Abstimmung {n}',
    named: 'namentliche Abstimmung',
    secret: 'geheime Abstimmung',
    onMotion: 'über den Antrag von {name}',
    onAmendment: 'über den Änderungsantrag von {name}',
    onItem: 'über den Punkt',
    election: 'Benennung',
    runoff: 'Stichwahl',
    openedAt: 'eröffnet um {time}',
    closedAt: 'geschlossen um {time}',
    inProgress: {
      one: 'Abstimmung läuft: {count} von {eligible} Mitgliedern hat abgestimmt.',
      other: 'Abstimmung läuft: {count} von {eligible} Mitgliedern haben abgestimmt.',
    },
    awaitingResult: 'Abstimmung geschlossen; das Ergebnis ist noch nicht veröffentlicht.',
    unpublished: 'Ergebnis von der Generaldirektion noch nicht veröffentlicht.',
    notVoted: 'Nicht an der Abstimmung teilgenommen',
    participation: {
      one: '{count} Abstimmender von {eligible} stimmberechtigten Mitgliedern.',
      other: '{count} Abstimmende von {eligible} stimmberechtigten Mitgliedern.',
    },
    votesCast: 'Abgegebene Stimmen: {cast}; erforderliche Mehrheit: {needed}.',
    secretNote:
      'Geheime Abstimmung: nur die Summen werden festgehalten; keine Wahl ist einem Mitglied zugeordnet.',
    sealedBox:
      'Versiegelte Urne, {threshold} von {trustees} Schlüsselverwahrern ({names}), Auszählung geprüft.',
    serviceTrustee: 'der Sitzungsdienst',
    evidence: 'Fingerabdruck der Auszählung',
    rule: 'Angewandte Regel',
    abstentionsCounted: 'Enthaltungen zählen zu den abgegebenen Stimmen',
    abstentionsNotCounted: 'Enthaltungen und leere Stimmzettel zählen nicht',
    basis: 'Grundlage',
    decision: 'Beschluss',
    choices: { yes: 'Dafür', no: 'Dagegen', abstain: 'Enthaltungen', blank: 'Leere Stimmzettel' },
    thresholds: {
      '1/2': 'absolute Mehrheit der abgegebenen Stimmen',
      '2/3': 'Zweidrittelmehrheit der abgegebenen Stimmen',
      '3/4': 'Dreiviertelmehrheit der abgegebenen Stimmen',
    },
  },
  outcomes: {
    adopted: {
      motion: 'Der Antrag ist angenommen.',
      amendment: 'Der Änderungsantrag ist angenommen.',
      item: 'Der Punkt ist genehmigt.',
    },
    rejected: {
      motion: 'Der Antrag ist abgelehnt.',
      amendment: 'Der Änderungsantrag ist abgelehnt.',
      item: 'Der Punkt ist abgelehnt.',
    },
    tie: 'Stimmengleichheit.',
    elected: {
      female: '{name} ist benannt.',
      male: '{name} ist benannt.',
      neutral: '{name} ist benannt.',
    },
    electedByAge: {
      female: '{name} ist aufgrund des Alters benannt.',
      male: '{name} ist aufgrund des Alters benannt.',
      neutral: '{name} ist aufgrund des Alters benannt.',
    },
    runoff:
      'Kein Kandidat erreicht die absolute Mehrheit: Stichwahl zwischen {first} und {second}.',
    noneElected: 'Niemand ist benannt.',
    minutesApproved: 'Das Protokoll der Sitzung vom {date} wird genehmigt.',
    minutesNotApproved: 'Das Protokoll der Sitzung vom {date} wird nicht genehmigt.',
    voidKeyLost:
      'Die versiegelte Urne konnte nicht geöffnet werden: {lost} der {trustees} Schlüsselverwahrer haben ihren Schlüsselanteil verloren ({threshold} nötig). Die Abstimmung ist nichtig und kann wiederholt werden.',
    void: {
      one: 'Abstimmung mangels Quorum nichtig: {present} Mitglied anwesend, {needed} erforderlich. Nichts ist beschlossen.',
      other:
        'Abstimmung mangels Quorum nichtig: {present} Mitglieder anwesend, {needed} erforderlich. Nichts ist beschlossen.',
    },
  },
  closing: {
    closedAt: 'Die Sitzung wird um {time} geschlossen.',
    draftState: 'Stand um {time}, nach Ereignis Nr. {seq}.',
    draftStateOfCopy: 'Stand um {time}.',
  },
  signatures: { intro: 'Für den Gemeinderat,', approval: 'Protokoll genehmigt in der Sitzung vom' },
  footer: {
    seal: 'SHA-256-Fingerabdruck des letzten Ereignisses (Nr. {seq}): {hash}',
    sealOfCopy: 'SHA-256-Fingerabdruck des letzten Ereignisses dieser Fassung: {hash}',
    page: 'Seite {page} von {pages}',
  },
  suspension: {
    heading: 'Unterbrechungen der Sitzung',
    suspended: '{time} — die Sitzung wird unterbrochen',
    resumed: '{time} — die Sitzung wird fortgesetzt',
  },
  previousMinutes: {
    sealedAs: 'Unterzeichnetes und versiegeltes Protokoll, SHA-256-Fingerabdruck {hash}.',
    sealedAt:
      'Unterzeichnetes und versiegeltes Protokoll, SHA-256-Fingerabdruck {hash}, abrufbar unter {address}.',
    corrections: 'Angenommene Berichtigungen',
  },
};

const en: MinutesWords = {
  locale: 'en-GB',
  title: 'Minutes',
  draftMark: 'DRAFT',
  draftBanner: 'Provisional, drawn up while the meeting runs; final only once it closes.',
  labelSeparator: labelSeparators.en,
  listSeparator: '; ',
  publicCopy: 'Public copy: the items handled in closed session are not included.',
  facts: {
    municipality: 'Municipality',
    meeting: 'Meeting',
    date: 'Date',
    mode: 'How the council met',
    chair: 'Chair',
    director: 'General director',
    opened: 'Opened',
    closed: 'Closed',
    rules: 'Rules of procedure',
    convocation: 'Convocation',
    convocationSent: 'Convocation sent',
  },
  modes: {
    remote: 'remotely, using {tool}',
    hybrid: 'hybrid (in the chamber and remotely using {tool})',
    'in-person': 'in person (tool: {tool})',
  },
  profiles: {
    wallonia: 'Wallonia — Code of local democracy and decentralisation',
    flanders: 'Flanders — Local Government Decree',
    brussels: 'Brussels — New Municipal Law',
    roberts: 'Robert’s Rules of Order',
  },
  convocation: 'convocation no. {n}',
  roles: { chair: 'The Chair', director: 'The General Director' },
  functions: {
    mayor: { female: 'Mayor', male: 'Mayor', neutral: 'Mayor' },
    alderman: { female: 'Alderwoman', male: 'Alderman', neutral: 'Alderperson' },
    cpasPresident: {
      female: 'Chair of the Public Social Welfare Centre',
      male: 'Chair of the Public Social Welfare Centre',
      neutral: 'Chair of the Public Social Welfare Centre',
    },
    councillor: { female: 'Councillor', male: 'Councillor', neutral: 'Councillor' },
    councilChair: {
      female: 'Chair of the council',
      male: 'Chair of the council',
      neutral: 'Chair of the council',
    },
    director: { female: 'General Director', male: 'General Director', neutral: 'General Director' },
  },
  counted: {
    present: { one: '{n} present', other: '{n} present' },
    excused: { one: '{n} excused', other: '{n} excused' },
    absent: { one: '{n} absent', other: '{n} absent' },
  },
  attendance: {
    heading: 'Attendance',
    withoutVote: 'Also present, without a vote',
    nobody: 'nobody',
    movements: 'Arrivals and departures',
    arrival: '{time} — {name} joins the meeting',
    departure: '{time} — {name} leaves the meeting',
    duringItem: ' (item {n})',
    rollCalls: 'Roll calls',
    rollCall: {
      one: '{time} — {present} of {inOffice} member present; quorum of {needed}: {quorum}',
      other: '{time} — {present} of {inOffice} members present; quorum of {needed}: {quorum}',
    },
    quorumReached: 'reached',
    quorumNotReached: 'not reached',
    quorumWaived: 'not required at this convocation',
    byCall: 'Joining the call counted as being present, and leaving it as a departure',
    presenceRule: 'Presence',
    quorumLost: {
      one: '{time} — quorum lost: {present} member present, {needed} needed',
      other: '{time} — quorum lost: {present} members present, {needed} needed',
    },
  },
  sessions: { public: 'Public session', closed: 'Closed session' },
  item: {
    takenUpAt: 'Taken up at {time}.',
    notTakenUp: 'Not taken up.',
    notYetTakenUp: 'Not yet taken up.',
    speakers: 'Speakers',
    noVote: 'No vote on this item.',
  },
  floorKinds: { pointOfOrder: 'point of order', reply: 'reply' },
  deliberation: {
    decides: 'DECIDES:',
    firstArticle: 'Article 1',
    article: 'Article {n}',
    amended: '(as amended in the sitting)',
    amendedAsFollows: 'Amended in the sitting as follows',
  },
  agenda: {
    withdrawn: 'Item withdrawn from the agenda by {name} at {time}.',
    postponed: 'Item postponed to a later sitting by {name} at {time}.',
    reason: 'Reason',
    urgent: 'Item added as urgent, the council having declared the urgency.',
    closedAtOnce: 'Closed session pronounced by {name} at {time}.',
    closedByVote: 'Closed session decided by the council’s vote at {time}.',
    procedure: procedureVoteWords.en,
  },
  motion: {
    motion: 'Motion by {name}',
    amendment: 'Amendment by {name}',
    seconded: 'seconded by {name}',
    amendmentSeconded: 'seconded by {name}',
    amendedText: 'Text as amended',
    status: {
      proposed: 'proposed',
      seconded: 'seconded',
      withdrawn: 'withdrawn',
      voting: 'being voted on',
      adopted: 'adopted',
      rejected: 'rejected',
    },
    amendmentStatus: {
      proposed: 'proposed',
      seconded: 'seconded',
      withdrawn: 'withdrawn',
      voting: 'being voted on',
      adopted: 'adopted',
      rejected: 'rejected',
    },
  },
  vote: {
    heading: 'Vote {n}',
    named: 'named vote',
    secret: 'secret ballot',
    onMotion: 'on the motion by {name}',
    onAmendment: 'on the amendment by {name}',
    onItem: 'on the item',
    election: 'appointment',
    runoff: 'runoff',
    openedAt: 'opened at {time}',
    closedAt: 'closed at {time}',
    inProgress: {
      one: 'Voting in progress: {count} of {eligible} members has voted.',
      other: 'Voting in progress: {count} of {eligible} members have voted.',
    },
    awaitingResult: 'Vote closed; the result is not yet published.',
    unpublished: 'Result not yet published by the general director.',
    notVoted: 'Did not take part in the vote',
    participation: {
      one: '{count} voter of {eligible} members entitled to vote.',
      other: '{count} voters of {eligible} members entitled to vote.',
    },
    votesCast: 'Votes cast: {cast}; majority needed: {needed}.',
    secretNote: 'Secret ballot: only the totals are recorded; no choice is linked to a member.',
    sealedBox: 'Sealed ballot box, {threshold} of {trustees} trustees ({names}), tally verified.',
    serviceTrustee: 'the meeting service',
    evidence: 'Tally hash',
    rule: 'Rule applied',
    abstentionsCounted: 'abstentions counted in the votes cast',
    abstentionsNotCounted: 'abstentions and blank ballots not counted',
    basis: 'Basis',
    decision: 'Decision',
    choices: { yes: 'For', no: 'Against', abstain: 'Abstentions', blank: 'Blank ballots' },
    thresholds: {
      '1/2': 'absolute majority of the votes cast',
      '2/3': 'two-thirds majority of the votes cast',
      '3/4': 'three-quarters majority of the votes cast',
    },
  },
  outcomes: {
    adopted: {
      motion: 'The motion is adopted.',
      amendment: 'The amendment is adopted.',
      item: 'The item is approved.',
    },
    rejected: {
      motion: 'The motion is rejected.',
      amendment: 'The amendment is rejected.',
      item: 'The item is rejected.',
    },
    tie: 'Tied vote.',
    elected: {
      female: '{name} is appointed.',
      male: '{name} is appointed.',
      neutral: '{name} is appointed.',
    },
    electedByAge: {
      female: '{name} is appointed as the older candidate.',
      male: '{name} is appointed as the older candidate.',
      neutral: '{name} is appointed as the older candidate.',
    },
    runoff: 'No candidate has an absolute majority: runoff between {first} and {second}.',
    noneElected: 'Nobody is appointed.',
    minutesApproved: 'The minutes of the meeting of {date} are approved.',
    minutesNotApproved: 'The minutes of the meeting of {date} are not approved.',
    voidKeyLost:
      'The sealed ballot box could not be opened: {lost} of the {trustees} trustees lost their share of the key ({threshold} needed). The vote is void and may be held again.',
    void: {
      one: 'Vote void for want of quorum: {present} member present, {needed} needed. Nothing is decided.',
      other:
        'Vote void for want of quorum: {present} members present, {needed} needed. Nothing is decided.',
    },
  },
  closing: {
    closedAt: 'The meeting closed at {time}.',
    draftState: 'As of {time}, after event no. {seq}.',
    draftStateOfCopy: 'As of {time}.',
  },
  signatures: { intro: 'For the council,', approval: 'Minutes approved at the meeting of' },
  footer: {
    seal: 'SHA-256 fingerprint of the last event (no. {seq}): {hash}',
    sealOfCopy: 'SHA-256 fingerprint of the last event in this copy: {hash}',
    page: 'Page {page} of {pages}',
  },
  suspension: {
    heading: 'Suspensions of the sitting',
    suspended: '{time} — the sitting is suspended',
    resumed: '{time} — the sitting resumes',
  },
  previousMinutes: {
    sealedAs: 'Signed and sealed minutes, SHA-256 {hash}.',
    sealedAt: 'Signed and sealed minutes, SHA-256 {hash}, at {address}.',
    corrections: 'Corrections adopted',
  },
};

/** The minutes are written in the meeting's language, whoever reads them. */
export const minutesWords: Readonly<Record<Language, MinutesWords>> = { fr, nl, de, en };
