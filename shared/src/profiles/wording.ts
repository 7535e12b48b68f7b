import type { Language } from '../language';
import { fill } from '../template';
import type {
  NoticePeriodRule,
  PublicationRule,
  RuleName,
  RuleStatus,
  RulesProfile,
  SealedBoxRule,
} from './profile';

/**
 * What each rule says, in each language, keyed by the rule's name and then by its value where the
 * value changes the wording (`any` otherwise). The profiles' `source` strings are notes in English
 * for whoever checks them; a reader of the minutes or of a card gets these words and the article.
 */
type Wording = { readonly [K in RuleName]: Readonly<Record<string, string>> };

const fr: Wording = {
  quorumBase: { any: 'la majorité des membres en fonction doit être présente' },
  quorumWaiver: {
    any: 'à la convocation prévue, le conseil délibère quel que soit le nombre de présents',
  },
  majorityBase: { any: 'majorité absolue des suffrages exprimés' },
  abstentionsCount: {
    true: 'les abstentions comptent dans les suffrages exprimés',
    false: 'les abstentions, bulletins blancs et nuls ne sont pas comptés',
  },
  tieRule: {
    older:
      'en cas de parité, la proposition est rejetée ; pour une désignation, ballottage puis le candidat le plus âgé',
    none: 'en cas de parité, la proposition est rejetée et personne n’est désigné',
  },
  thresholds: { any: 'majorités qualifiées que le règlement d’ordre intérieur prévoit' },
  thresholdBases: {
    any: 'une majorité qualifiée se compte sur les suffrages exprimés, les membres présents ou les membres en fonction',
  },
  secretSubjects: { any: 'objets votés au scrutin secret' },
  secretOtherwise: {
    true: 'le conseil peut décider un scrutin secret sur un autre objet',
    false: 'les autres objets sont votés en séance publique, à haute voix',
  },
  publicVoteOrder: { any: 'vote à haute voix, membre par membre, dans l’ordre des places' },
  voteChangeUntilClose: {
    true: 'un membre peut changer son vote jusqu’à la proclamation du résultat',
    false: 'un vote exprimé ne peut plus être changé',
  },
  suspension: {
    true: 'la présidence peut suspendre la séance et la reprendre',
    false: 'la séance ne peut être suspendue',
  },
  namedVoteInMinutes: {
    everyMember: 'le procès-verbal mentionne le vote de chaque membre',
    totalsAndNamesAgainstAndAbstaining:
      'le procès-verbal mentionne le total des voix pour et les noms des opposants et des abstentionnistes',
  },
  remoteRestrictions: { any: 'objets qui ne peuvent être traités en séance à distance' },
  minutesSignedBy: { any: 'signataires du procès-verbal' },
  closedSession: { any: 'objets traités à huis clos' },
  urgency: {
    true: 'un point hors ordre du jour n’est ajouté qu’en cas d’urgence déclarée par le conseil',
    false: 'aucun point ne peut être ajouté à l’ordre du jour en séance',
  },
  motionsNeedSecond: {
    true: 'une motion doit être appuyée pour être mise au vote',
    false: 'une motion ne doit pas être appuyée',
  },
  joiningCallIsPresence: {
    true: 'rejoindre l’appel vaut présence',
    false: 'la présence se constate à l’appel nominal',
  },
  quorumAt: {
    opening: 'le quorum est vérifié à l’ouverture du vote',
    decision: 'le conseil ne décide que si la majorité de ses membres est présente',
  },
  presenceToCast: { any: 'seuls les membres présents prennent part au vote' },
  sealedBox: {
    true: 'urne scellée : {threshold} des {trustees} détenteurs de la clé (la direction générale et {tellers} scrutateurs désignés par la présidence) dépouillent ensemble un scrutin secret',
    false:
      'urne scellée : {threshold} des {tellers} scrutateurs désignés par la présidence dépouillent ensemble un scrutin secret',
    'true service':
      'urne scellée : {threshold} des {trustees} détenteurs de la clé (la direction générale, {tellers} scrutateurs désignés par la présidence et le service de la réunion, dont la part est scellée hors de la base de données) dépouillent ensemble un scrutin secret ; le service seul n’y suffit jamais',
    'false service':
      'urne scellée : {threshold} des {trustees} détenteurs de la clé ({tellers} scrutateurs désignés par la présidence et le service de la réunion, dont la part est scellée hors de la base de données) dépouillent ensemble un scrutin secret ; le service seul n’y suffit jamais',
  },
  conflictOfInterest: {
    true: 'un membre qui a un intérêt personnel à l’objet quitte la séance pour ce point',
    false: 'un membre qui a un intérêt personnel à l’objet ne prend part ni au débat ni au vote',
  },
  noticePeriod: {
    clear:
      'sauf urgence, la convocation part avec l’ordre du jour au moins {days} jours francs avant la séance',
    days: 'sauf urgence, la convocation part avec l’ordre du jour au moins {days} jours avant la séance',
    bylaws: 'la convocation part dans le délai que fixe le règlement',
  },
  publication: {
    both: 'l’ordre du jour est publié en ligne au moins {agenda} jours avant la séance et la liste des décisions au plus tard {decisions} jours après',
    agenda: 'l’ordre du jour est publié en ligne au moins {agenda} jours avant la séance',
    decisionList:
      'la liste des décisions est publiée en ligne au plus tard {decisions} jours après la séance',
    none: 'aucun délai de publication en ligne de l’ordre du jour ni de la liste des décisions',
    subject:
      ' ; la liste des décisions mentionne brièvement chaque décision prise à huis clos, sans rien de ce qui touche à la vie privée',
  },
};

const nl: Wording = {
  quorumBase: { any: 'de meerderheid van de zittende leden moet aanwezig zijn' },
  quorumWaiver: {
    any: 'bij de bepaalde oproeping beraadslaagt de raad ongeacht het aantal aanwezigen',
  },
  majorityBase: { any: 'volstrekte meerderheid van de uitgebrachte stemmen' },
  abstentionsCount: {
    true: 'onthoudingen tellen mee in de uitgebrachte stemmen',
    false: 'onthoudingen, blanco en ongeldige stemmen tellen niet mee',
  },
  tieRule: {
    older:
      'bij staking van stemmen is het voorstel verworpen; bij een aanduiding herstemming en dan de oudste kandidaat',
    none: 'bij staking van stemmen is het voorstel verworpen en niemand aangeduid',
  },
  thresholds: { any: 'bijzondere meerderheden die het huishoudelijk reglement bepaalt' },
  thresholdBases: {
    any: 'een bijzondere meerderheid wordt berekend op de uitgebrachte stemmen, de aanwezige leden of de zittende leden',
  },
  secretSubjects: { any: 'onderwerpen waarover geheim gestemd wordt' },
  secretOtherwise: {
    true: 'de raad kan over een ander onderwerp tot geheime stemming besluiten',
    false: 'over andere onderwerpen wordt openbaar gestemd',
  },
  publicVoteOrder: { any: 'mondelinge stemming, lid per lid, in de volgorde van de zitplaatsen' },
  voteChangeUntilClose: {
    true: 'een lid kan zijn stem wijzigen tot de uitslag is afgekondigd',
    false: 'een uitgebrachte stem kan niet meer gewijzigd worden',
  },
  suspension: {
    true: 'de voorzitter kan de zitting schorsen en hervatten',
    false: 'de zitting kan niet geschorst worden',
  },
  namedVoteInMinutes: {
    everyMember: 'de notulen vermelden de stem van elk lid',
    totalsAndNamesAgainstAndAbstaining:
      'de notulen vermelden het aantal stemmen voor en de namen van wie tegenstemt of zich onthoudt',
  },
  remoteRestrictions: { any: 'onderwerpen die niet digitaal behandeld mogen worden' },
  minutesSignedBy: { any: 'ondertekenaars van de notulen' },
  closedSession: { any: 'onderwerpen die in besloten zitting behandeld worden' },
  urgency: {
    true: 'een punt buiten de agenda wordt alleen toegevoegd als de raad de dringendheid aanneemt',
    false: 'in de zitting kan geen punt aan de agenda worden toegevoegd',
  },
  motionsNeedSecond: {
    true: 'een voorstel moet gesteund worden om in stemming te komen',
    false: 'een voorstel hoeft niet gesteund te worden',
  },
  joiningCallIsPresence: {
    true: 'deelnemen aan de oproep geldt als aanwezigheid',
    false: 'de aanwezigheid blijkt uit de naamafroeping',
  },
  quorumAt: {
    opening: 'het quorum wordt nagegaan bij de opening van de stemming',
    decision: 'de raad beslist alleen als de meerderheid van zijn leden aanwezig is',
  },
  presenceToCast: { any: 'alleen de aanwezige leden nemen deel aan de stemming' },
  sealedBox: {
    true: 'verzegelde stembus: {threshold} van de {trustees} sleutelhouders (de algemeen directeur en {tellers} stemopnemers aangewezen door de voorzitter) tellen samen een geheime stemming',
    false:
      'verzegelde stembus: {threshold} van de {tellers} stemopnemers aangewezen door de voorzitter tellen samen een geheime stemming',
    'true service':
      'verzegelde stembus: {threshold} van de {trustees} sleutelhouders (de algemeen directeur, {tellers} stemopnemers aangewezen door de voorzitter en de vergaderdienst, waarvan het deel buiten de databank verzegeld is) tellen samen een geheime stemming; de dienst alleen volstaat nooit',
    'false service':
      'verzegelde stembus: {threshold} van de {trustees} sleutelhouders ({tellers} stemopnemers aangewezen door de voorzitter en de vergaderdienst, waarvan het deel buiten de databank verzegeld is) tellen samen een geheime stemming; de dienst alleen volstaat nooit',
  },
  conflictOfInterest: {
    true: 'een lid met een persoonlijk belang bij het punt verlaat de zitting voor dat punt',
    false:
      'een lid met een persoonlijk belang bij het punt neemt niet deel aan de bespreking en de stemming',
  },
  noticePeriod: {
    clear:
      'behalve bij hoogdringendheid gaan de oproeping en de agenda minstens {days} vrije dagen voor de zitting uit',
    days: 'behalve bij hoogdringendheid gaan de oproeping en de agenda minstens {days} dagen voor de zitting uit',
    bylaws: 'de oproeping gaat uit binnen de termijn van het reglement',
  },
  publication: {
    both: 'de agenda staat minstens {agenda} dagen voor de zitting online en de besluitenlijst uiterlijk {decisions} dagen erna',
    agenda: 'de agenda staat minstens {agenda} dagen voor de zitting online',
    decisionList: 'de besluitenlijst staat uiterlijk {decisions} dagen na de zitting online',
    none: 'geen termijn voor de online publicatie van de agenda en de besluitenlijst',
    subject:
      '; de besluitenlijst vermeldt elk besluit van de besloten zitting beknopt, zonder wat de persoonlijke levenssfeer raakt',
  },
};

const de: Wording = {
  quorumBase: { any: 'die Mehrheit der amtierenden Mitglieder muss anwesend sein' },
  quorumWaiver: {
    any: 'bei der vorgesehenen Einberufung berät der Rat unabhängig von der Zahl der Anwesenden',
  },
  majorityBase: { any: 'absolute Mehrheit der abgegebenen Stimmen' },
  abstentionsCount: {
    true: 'Enthaltungen zählen zu den abgegebenen Stimmen',
    false: 'Enthaltungen, leere und ungültige Stimmzettel zählen nicht',
  },
  tieRule: {
    older:
      'bei Stimmengleichheit ist der Vorschlag abgelehnt; bei einer Benennung Stichwahl, dann der älteste Kandidat',
    none: 'bei Stimmengleichheit ist der Vorschlag abgelehnt und niemand benannt',
  },
  thresholds: { any: 'qualifizierte Mehrheiten gemäß der Geschäftsordnung' },
  thresholdBases: {
    any: 'eine qualifizierte Mehrheit wird auf die abgegebenen Stimmen, die anwesenden oder die amtierenden Mitglieder berechnet',
  },
  secretSubjects: { any: 'Gegenstände, über die geheim abgestimmt wird' },
  secretOtherwise: {
    true: 'der Rat kann über einen anderen Gegenstand geheim abstimmen lassen',
    false: 'über andere Gegenstände wird öffentlich abgestimmt',
  },
  publicVoteOrder: { any: 'mündliche Abstimmung, Mitglied für Mitglied, in der Sitzordnung' },
  voteChangeUntilClose: {
    true: 'ein Mitglied kann seine Stimme bis zur Verkündung des Ergebnisses ändern',
    false: 'eine abgegebene Stimme kann nicht mehr geändert werden',
  },
  suspension: {
    true: 'der Vorsitz kann die Sitzung unterbrechen und fortsetzen',
    false: 'die Sitzung kann nicht unterbrochen werden',
  },
  namedVoteInMinutes: {
    everyMember: 'das Protokoll nennt die Stimme jedes Mitglieds',
    totalsAndNamesAgainstAndAbstaining:
      'das Protokoll nennt die Zahl der Stimmen dafür und die Namen der Gegenstimmen und Enthaltungen',
  },
  remoteRestrictions: { any: 'Gegenstände, die nicht virtuell behandelt werden dürfen' },
  minutesSignedBy: { any: 'Unterzeichner des Protokolls' },
  closedSession: { any: 'Gegenstände der nichtöffentlichen Sitzung' },
  urgency: {
    true: 'ein Punkt außerhalb der Tagesordnung wird nur hinzugefügt, wenn der Rat die Dringlichkeit beschließt',
    false: 'in der Sitzung kann kein Punkt zur Tagesordnung hinzugefügt werden',
  },
  motionsNeedSecond: {
    true: 'ein Antrag muss unterstützt werden, um zur Abstimmung zu kommen',
    false: 'ein Antrag muss nicht unterstützt werden',
  },
  joiningCallIsPresence: {
    true: 'die Teilnahme am Anruf gilt als Anwesenheit',
    false: 'die Anwesenheit wird durch Namensaufruf festgestellt',
  },
  quorumAt: {
    opening: 'das Quorum wird bei Eröffnung der Abstimmung geprüft',
    decision: 'der Rat beschließt nur, wenn die Mehrheit seiner Mitglieder anwesend ist',
  },
  presenceToCast: { any: 'nur anwesende Mitglieder nehmen an der Abstimmung teil' },
  sealedBox: {
    true: 'versiegelte Urne: {threshold} der {trustees} Schlüsselverwahrer (der Generaldirektor und {tellers} vom Vorsitz bestimmte Stimmenzähler) zählen eine geheime Abstimmung gemeinsam aus',
    false:
      'versiegelte Urne: {threshold} der {tellers} vom Vorsitz bestimmten Stimmenzähler zählen eine geheime Abstimmung gemeinsam aus',
    'true service':
      'versiegelte Urne: {threshold} der {trustees} Schlüsselverwahrer (der Generaldirektor, {tellers} vom Vorsitz bestimmte Stimmenzähler und der Sitzungsdienst, dessen Anteil außerhalb der Datenbank versiegelt ist) zählen eine geheime Abstimmung gemeinsam aus; der Dienst allein genügt nie',
    'false service':
      'versiegelte Urne: {threshold} der {trustees} Schlüsselverwahrer ({tellers} vom Vorsitz bestimmte Stimmenzähler und der Sitzungsdienst, dessen Anteil außerhalb der Datenbank versiegelt ist) zählen eine geheime Abstimmung gemeinsam aus; der Dienst allein genügt nie',
  },
  conflictOfInterest: {
    true: 'ein Mitglied mit persönlichem Interesse am Punkt verlässt für diesen Punkt die Sitzung',
    false:
      'ein Mitglied mit persönlichem Interesse am Punkt nimmt weder an der Beratung noch an der Abstimmung teil',
  },
  noticePeriod: {
    clear:
      'außer in dringenden Fällen geht die Einberufung mit der Tagesordnung mindestens {days} volle Tage vor der Sitzung hinaus',
    days: 'außer in dringenden Fällen geht die Einberufung mit der Tagesordnung mindestens {days} Tage vor der Sitzung hinaus',
    bylaws: 'die Einberufung geht in der Frist der Geschäftsordnung hinaus',
  },
  publication: {
    both: 'die Tagesordnung steht mindestens {agenda} Tage vor der Sitzung online und die Beschlussliste spätestens {decisions} Tage danach',
    agenda: 'die Tagesordnung steht mindestens {agenda} Tage vor der Sitzung online',
    decisionList: 'die Beschlussliste steht spätestens {decisions} Tage nach der Sitzung online',
    none: 'keine Frist für die Online-Veröffentlichung der Tagesordnung und der Beschlussliste',
    subject:
      '; die Beschlussliste nennt jeden Beschluss der nichtöffentlichen Sitzung kurz, ohne was die Privatsphäre berührt',
  },
};

const en: Wording = {
  quorumBase: { any: 'a majority of the members in office must be present' },
  quorumWaiver: {
    any: 'from the convocation set, the council deliberates whatever the attendance',
  },
  majorityBase: { any: 'absolute majority of the votes cast' },
  abstentionsCount: {
    true: 'abstentions count in the votes cast',
    false: 'abstentions, blank and invalid ballots are not counted',
  },
  tieRule: {
    older:
      'a tie rejects the proposal; an appointment goes to a runoff, then to the older candidate',
    none: 'a tie rejects the proposal and nobody is appointed',
  },
  thresholds: { any: 'qualified majorities the house rules provide for' },
  thresholdBases: {
    any: 'a qualified majority is counted on votes cast, members present or members in office',
  },
  secretSubjects: { any: 'subjects voted by secret ballot' },
  secretOtherwise: {
    true: 'the council may order a secret ballot on another subject',
    false: 'other subjects are voted in public',
  },
  publicVoteOrder: { any: 'aloud, member by member, in seating order' },
  voteChangeUntilClose: {
    true: 'a member may change their vote until the result is announced',
    false: 'a vote once cast cannot be changed',
  },
  suspension: {
    true: 'the chair may suspend the sitting and resume it',
    false: 'the sitting cannot be suspended',
  },
  namedVoteInMinutes: {
    everyMember: 'the minutes give every member’s vote',
    totalsAndNamesAgainstAndAbstaining:
      'the minutes give the total for and the names of those against and abstaining',
  },
  remoteRestrictions: { any: 'subjects that may not be handled remotely' },
  minutesSignedBy: { any: 'who signs the minutes' },
  closedSession: { any: 'subjects handled in closed session' },
  urgency: {
    true: 'an item not on the agenda is added only if the council declares it urgent',
    false: 'no item may be added to the agenda during the sitting',
  },
  motionsNeedSecond: {
    true: 'a motion needs a second to be put to the vote',
    false: 'a motion needs no second',
  },
  joiningCallIsPresence: {
    true: 'joining the call counts as being present',
    false: 'presence is taken at the roll call',
  },
  quorumAt: {
    opening: 'quorum is checked when a vote opens',
    decision: 'the council decides only while a majority of its members is present',
  },
  presenceToCast: { any: 'only members present take part in the vote' },
  sealedBox: {
    true: 'sealed ballot box: {threshold} of the {trustees} key holders (the director and {tellers} tellers named by the chair) count a secret ballot together',
    false:
      'sealed ballot box: {threshold} of the {tellers} tellers named by the chair count a secret ballot together',
    'true service':
      'sealed ballot box: {threshold} of the {trustees} key holders (the director, {tellers} tellers named by the chair and the meeting service, whose share is sealed outside the database) count a secret ballot together; the service alone is never enough',
    'false service':
      'sealed ballot box: {threshold} of the {trustees} key holders ({tellers} tellers named by the chair and the meeting service, whose share is sealed outside the database) count a secret ballot together; the service alone is never enough',
  },
  conflictOfInterest: {
    true: 'a member with a personal interest in the item leaves the sitting for it',
    false: 'a member with a personal interest in the item takes no part in its debate and vote',
  },
  noticePeriod: {
    clear:
      'save in urgency, the convocation and its agenda go out at least {days} clear days before the sitting',
    days: 'save in urgency, the convocation and its agenda go out at least {days} days before the sitting',
    bylaws: 'the convocation goes out within the notice the bylaws prescribe',
  },
  publication: {
    both: 'the agenda is online at least {agenda} days before the sitting and the decision list at the latest {decisions} days after it',
    agenda: 'the agenda is online at least {agenda} days before the sitting',
    decisionList: 'the decision list is online at the latest {decisions} days after the sitting',
    none: 'no deadline for publishing the agenda and the decision list online',
    subject:
      '; the decision list names each decision of a closed session briefly, without what touches a person’s privacy',
  },
};

const wordings: Readonly<Record<Language, Wording>> = { fr, nl, de, en };

/** The house rules themselves, as the basis of a rule a council set for itself. */
const houseRules: Readonly<Record<Language, string>> = {
  fr: 'règlement d’ordre intérieur',
  nl: 'huishoudelijk reglement',
  de: 'Geschäftsordnung des Rates',
  en: 'the council’s house rules',
};

function valueKey(profile: RulesProfile, rule: RuleName): string {
  if (rule === 'tieRule') return profile.tieRule.value.appointment.tieBreak;
  if (rule === 'conflictOfInterest') return String(profile.conflictOfInterest.value.leavesRoom);
  if (rule === 'urgency') return String(profile.urgency.value.allowed);
  if (rule === 'sealedBox') {
    const { director, service } = profile.sealedBox.value;
    return service ? `${String(director)} service` : String(director);
  }
  if (rule === 'noticePeriod') return noticeKey(profile.noticePeriod.value);
  if (rule === 'publication') return publicationKey(profile.publication.value);
  const value: unknown = profile[rule].value;
  return typeof value === 'boolean' || typeof value === 'string' ? String(value) : 'any';
}

/** The rule as the profile sets it, in `language`. */
export function ruleDescription(language: Language, profile: RulesProfile, rule: RuleName): string {
  const texts = wordings[language][rule];
  const text = texts[valueKey(profile, rule)] ?? texts.any ?? Object.values(texts)[0] ?? rule;
  if (rule === 'noticePeriod') return fill(text, { days: profile.noticePeriod.value.days ?? 0 });
  if (rule === 'publication') return publicationText(texts, profile.publication.value);
  return rule === 'sealedBox' ? fill(text, trusteeCounts(profile.sealedBox.value)) : text;
}

function noticeKey(rule: NoticePeriodRule): string {
  if (rule.days === null) return 'bylaws';
  return rule.clear ? 'clear' : 'days';
}

function publicationKey(rule: PublicationRule): string {
  if (rule.agendaDaysBefore === null)
    return rule.decisionListDaysAfter === null ? 'none' : 'decisionList';
  return rule.decisionListDaysAfter === null ? 'agenda' : 'both';
}

function publicationText(texts: Readonly<Record<string, string>>, rule: PublicationRule): string {
  const deadlines = fill(texts[publicationKey(rule)] ?? '', {
    agenda: rule.agendaDaysBefore ?? 0,
    decisions: rule.decisionListDaysAfter ?? 0,
  });
  // The closed-session clause carries its own separator: French sets a space before the semicolon.
  return rule.closedDecisions === 'subject' ? `${deadlines}${texts.subject ?? ''}` : deadlines;
}

function trusteeCounts(rule: SealedBoxRule): Record<string, number> {
  const trustees = rule.tellers + (rule.director ? 1 : 0) + (rule.service ? 1 : 0);
  return { tellers: rule.tellers, threshold: rule.threshold, trustees };
}

/** An article reference: a statute's initials or "art.", then a number (CDLD L1122-26, art. 93). */
const statute = String.raw`(?:[A-Z]{2,}|Decreet Lokaal Bestuur|Nouvelle loi communale)`;
const article = new RegExp(String.raw`^(?:${statute}\s+)?(?:art\.\s*)?L?\d[\d\s.§-]*$`);
const statuteAlone = new RegExp(`^${statute}$`);

/**
 * The articles a rule's source cites, as written there ("CDLD L1122-26 and L1122-28" gives both),
 * without the English note that follows the colon. A rule a council set cites its house rules.
 * A tie rule names the article on questions first, then the one on appointments (L1122-28): a
 * question cites only the first.
 */
export function articlesOf(
  language: Language,
  basis: { readonly rule: RuleName; readonly status: RuleStatus; readonly source: string },
  on: 'question' | 'appointment',
): string[] {
  if (basis.status === 'council') return [houseRules[language]];
  const reference = (basis.source.split(':')[0] ?? '').replace(/\([^)]*\)/g, '');
  const parts = reference
    .split(/\s+and\s+|,\s*/)
    .map((part) => part.trim())
    .filter((part) => article.test(part) || statuteAlone.test(part));
  if (parts.length === 0) return [];
  return basis.rule === 'tieRule' && on === 'question' ? parts.slice(0, 1) : parts;
}

/** A list joined as the language joins it: "L1122-26 et L1122-28", "L1122-26 en L1122-28". */
export function listOf(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
