import type { Language, PublicationKind } from '@council/shared';

/** What the public documents say besides the minutes' own words (shared/src/minutes/catalog.ts). */
export interface PublicationWords {
  readonly documents: Readonly<Record<PublicationKind, string>>;
  /** "Gemeenteraad {municipality}". */
  readonly council: string;
  readonly sittingOf: string;
  readonly item: string;
  readonly plannedPublic: string;
  readonly added: string;
  readonly withdrawn: string;
  readonly present: string;
  readonly started: string;
  readonly ended: string;
  readonly noDecision: string;
  readonly vote: string;
  readonly secretVote: string;
  readonly namedVote: string;
  readonly motivation: string;
  /** An election's reasons, which no draft decision gives: the articles, then the ballot's result. */
  readonly groundsIn: string;
  readonly electionResult: Readonly<Record<'secret' | 'named', string>>;
  readonly decision: string;
  readonly sealedMinutes: string;
  readonly publications: string;
  readonly sittings: string;
  /** The title of a closed-session decision whose item the public agenda did not name. */
  readonly closedDecision: string;
  readonly closedSession: string;
}

const nl: PublicationWords = {
  documents: {
    agenda: 'Agenda',
    supplementaryAgenda: 'Aanvullende agenda',
    decisionList: 'Besluitenlijst',
    minutes: 'Notulen',
    extract: 'Uittreksel',
  },
  council: 'Gemeenteraad {municipality}',
  sittingOf: 'zitting van',
  item: 'Agendapunt',
  plannedPublic: 'Openbaar',
  added: 'Toegevoegd',
  withdrawn: 'Ingetrokken',
  present: 'Aanwezig',
  started: 'Begin',
  ended: 'Einde',
  noDecision: 'Nog geen bekendgemaakte besluiten.',
  vote: 'Stemming',
  secretVote: 'Geheime stemming',
  namedVote: 'Openbare stemming',
  motivation: 'Motivering',
  groundsIn: 'Gelet op {articles};',
  electionResult: {
    secret: 'Gelet op de uitslag van de geheime stemming ({ballots} stembiljetten): {tally};',
    named: 'Gelet op de uitslag van de stemming ({ballots} stemmen): {tally};',
  },
  decision: 'Besluit',
  sealedMinutes: 'Goedgekeurd en verzegeld',
  publications: 'Publicaties',
  sittings: 'Zittingen',
  closedDecision: 'Besluit genomen in besloten zitting',
  closedSession: 'Behandeld in besloten zitting.',
};

const fr: PublicationWords = {
  documents: {
    agenda: 'Ordre du jour',
    supplementaryAgenda: 'Ordre du jour complémentaire',
    decisionList: 'Liste des décisions',
    minutes: 'Procès-verbal',
    extract: 'Extrait',
  },
  council: 'Conseil communal de {municipality}',
  sittingOf: 'séance du',
  item: 'Point',
  plannedPublic: 'Public',
  added: 'Ajouté',
  withdrawn: 'Retiré',
  present: 'Présents',
  started: 'Début',
  ended: 'Fin',
  noDecision: 'Aucune décision publiée pour l’instant.',
  vote: 'Vote',
  secretVote: 'Vote secret',
  namedVote: 'Vote nominatif',
  motivation: 'Motivation',
  groundsIn: 'Vu {articles} ;',
  electionResult: {
    secret: 'Vu le résultat du scrutin secret ({ballots} bulletins) : {tally} ;',
    named: 'Vu le résultat du vote ({ballots} votes) : {tally} ;',
  },
  decision: 'Décision',
  sealedMinutes: 'Approuvé et scellé',
  publications: 'Publications',
  sittings: 'Séances',
  closedDecision: 'Décision prise à huis clos',
  closedSession: 'Traité à huis clos.',
};

const de: PublicationWords = {
  documents: {
    agenda: 'Tagesordnung',
    supplementaryAgenda: 'Ergänzende Tagesordnung',
    decisionList: 'Beschlussliste',
    minutes: 'Protokoll',
    extract: 'Auszug',
  },
  council: 'Gemeinderat {municipality}',
  sittingOf: 'Sitzung vom',
  item: 'Tagesordnungspunkt',
  plannedPublic: 'Öffentlich',
  added: 'Hinzugefügt',
  withdrawn: 'Zurückgezogen',
  present: 'Anwesend',
  started: 'Beginn',
  ended: 'Ende',
  noDecision: 'Noch keine veröffentlichten Beschlüsse.',
  vote: 'Abstimmung',
  secretVote: 'Geheime Abstimmung',
  namedVote: 'Namentliche Abstimmung',
  motivation: 'Begründung',
  groundsIn: 'Gestützt auf {articles};',
  electionResult: {
    secret: 'Angesichts des Ergebnisses der geheimen Abstimmung ({ballots} Stimmzettel): {tally};',
    named: 'Angesichts des Ergebnisses der Abstimmung ({ballots} Stimmen): {tally};',
  },
  decision: 'Beschluss',
  sealedMinutes: 'Genehmigt und versiegelt',
  publications: 'Veröffentlichungen',
  sittings: 'Sitzungen',
  closedDecision: 'Beschluss in nichtöffentlicher Sitzung',
  closedSession: 'In nichtöffentlicher Sitzung behandelt.',
};

const en: PublicationWords = {
  documents: {
    agenda: 'Agenda',
    supplementaryAgenda: 'Supplementary agenda',
    decisionList: 'Decision list',
    minutes: 'Minutes',
    extract: 'Extract',
  },
  council: 'Municipal council of {municipality}',
  sittingOf: 'sitting of',
  item: 'Item',
  plannedPublic: 'Public',
  added: 'Added',
  withdrawn: 'Withdrawn',
  present: 'Present',
  started: 'Start',
  ended: 'End',
  noDecision: 'No decision published yet.',
  vote: 'Vote',
  secretVote: 'Secret vote',
  namedVote: 'Named vote',
  motivation: 'Reasons',
  groundsIn: 'Having regard to {articles};',
  electionResult: {
    secret: 'Having regard to the result of the secret ballot ({ballots} ballots): {tally};',
    named: 'Having regard to the result of the vote ({ballots} votes): {tally};',
  },
  decision: 'Decision',
  sealedMinutes: 'Approved and sealed',
  publications: 'Publications',
  sittings: 'Sittings',
  closedDecision: 'Decision taken in closed session',
  closedSession: 'Handled in closed session.',
};

export const publicationWords: Readonly<Record<Language, PublicationWords>> = { fr, nl, de, en };
