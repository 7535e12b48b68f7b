import type { Language } from './language';
import { fill } from './template';

interface ErrorEntry {
  readonly status: number;
  readonly message: Readonly<Record<Language, string>>;
}

/**
 * Every refusal the app can give, with its HTTP status and a message in each language.
 * `{name}` in a message is filled from the error's params. A test fails if a code lacks a language.
 */
export const errorCatalogue = {
  INVALID_COMMAND: {
    status: 400,
    message: {
      fr: 'La demande est invalide : {detail}',
      nl: 'Het verzoek is ongeldig: {detail}',
      de: 'Die Anfrage ist ungültig: {detail}',
      en: 'The request is invalid: {detail}',
    },
  },
  ARTICLE_NOT_FOUND: {
    status: 422,
    message: {
      fr: 'Le projet de délibération de ce point n’a pas d’article {article}.',
      nl: 'Het ontwerpbesluit van dit punt heeft geen artikel {article}.',
      de: 'Der Beschlussentwurf dieses Punktes hat keinen Artikel {article}.',
      en: 'The draft decision of this item has no article {article}.',
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: {
      fr: 'La demande est trop volumineuse.',
      nl: 'Het verzoek is te groot.',
      de: 'Die Anfrage ist zu groß.',
      en: 'The request is too large.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      fr: 'Le service n’accepte que du JSON (Content-Type: application/json).',
      nl: 'De dienst aanvaardt alleen JSON (Content-Type: application/json).',
      de: 'Der Dienst nimmt nur JSON an (Content-Type: application/json).',
      en: 'The service accepts JSON only (Content-Type: application/json).',
    },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    message: {
      fr: 'La demande a mis trop de temps à arriver.',
      nl: 'Het verzoek kwam te traag binnen.',
      de: 'Die Anfrage kam zu langsam an.',
      en: 'The request took too long to arrive.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      fr: 'Trop de demandes ; réessayez dans {seconds} s.',
      nl: 'Te veel verzoeken; probeer opnieuw over {seconds} s.',
      de: 'Zu viele Anfragen; bitte in {seconds} s erneut versuchen.',
      en: 'Too many requests; try again in {seconds} s.',
    },
  },
  TOO_MANY_STREAMS: {
    status: 429,
    message: {
      fr: 'Trop de fenêtres suivent cette séance en direct ; fermez-en une.',
      nl: 'Te veel vensters volgen deze zitting live; sluit er een.',
      de: 'Zu viele Fenster verfolgen diese Sitzung live; schließen Sie eines.',
      en: 'Too many windows follow this meeting live; close one.',
    },
  },
  MEETING_LIMIT_REACHED: {
    status: 403,
    message: {
      fr: 'Votre organisation a atteint le nombre maximal de séances ({limit}).',
      nl: 'Uw organisatie heeft het maximale aantal zittingen bereikt ({limit}).',
      de: 'Ihre Organisation hat die Höchstzahl an Sitzungen erreicht ({limit}).',
      en: 'Your organisation has reached the maximum number of meetings ({limit}).',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: {
      fr: 'Connexion requise.',
      nl: 'Aanmelding vereist.',
      de: 'Anmeldung erforderlich.',
      en: 'Sign-in required.',
    },
  },
  NOT_AUTHORIZED: {
    status: 403,
    message: {
      fr: 'Votre rôle dans cette séance ne permet pas cette action.',
      nl: 'Uw rol in deze zitting laat deze handeling niet toe.',
      de: 'Ihre Rolle in dieser Sitzung erlaubt diese Handlung nicht.',
      en: 'Your role in this meeting does not allow this action.',
    },
  },
  NOT_MEETING_CREATOR: {
    status: 403,
    message: {
      fr: 'Seul le secrétariat du conseil peut créer une séance.',
      nl: 'Alleen het secretariaat van de raad kan een zitting aanmaken.',
      de: 'Nur das Ratssekretariat kann eine Sitzung anlegen.',
      en: 'Only the council secretariat may create a meeting.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Introuvable.',
      nl: 'Niet gevonden.',
      de: 'Nicht gefunden.',
      en: 'Not found.',
    },
  },
  MEETING_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Cette séance est introuvable.',
      nl: 'Deze zitting werd niet gevonden.',
      de: 'Diese Sitzung wurde nicht gefunden.',
      en: 'This meeting was not found.',
    },
  },
  VERSION_CONFLICT: {
    status: 409,
    message: {
      fr: 'La séance a changé entre-temps ; réessayez.',
      nl: 'De zitting is intussen gewijzigd; probeer opnieuw.',
      de: 'Die Sitzung hat sich inzwischen geändert; bitte erneut versuchen.',
      en: 'The meeting changed in the meantime; try again.',
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      fr: 'Erreur interne ; rien n’a été enregistré.',
      nl: 'Interne fout; er werd niets opgeslagen.',
      de: 'Interner Fehler; nichts wurde gespeichert.',
      en: 'Internal error; nothing was recorded.',
    },
  },
  LOCAL_ONLY: {
    status: 403,
    message: {
      fr: 'Ce service tourne en mode local : il ne répond qu’aux demandes faites sur cette machine.',
      nl: 'Deze dienst draait in lokale modus: hij beantwoordt alleen verzoeken van deze computer.',
      de: 'Dieser Dienst läuft im lokalen Modus: Er beantwortet nur Anfragen von diesem Rechner.',
      en: 'This service runs in local mode: it answers only requests made on this machine.',
    },
  },
  MINUTES_BUSY: {
    status: 429,
    message: {
      fr: 'Trop de procès-verbaux sont en cours de mise en page ; réessayez dans un instant.',
      nl: 'Er worden te veel notulen tegelijk opgemaakt; probeer het zo dadelijk opnieuw.',
      de: 'Zu viele Protokolle werden gerade gesetzt; bitte gleich erneut versuchen.',
      en: 'Too many minutes are being typeset; try again in a moment.',
    },
  },
  MEETING_EXISTS: {
    status: 409,
    message: {
      fr: 'Cette séance existe déjà.',
      nl: 'Deze zitting bestaat al.',
      de: 'Diese Sitzung existiert bereits.',
      en: 'This meeting already exists.',
    },
  },
  INVALID_SETUP: {
    status: 400,
    message: {
      fr: 'La préparation de la séance est incorrecte : {detail}',
      nl: 'De voorbereiding van de zitting is onjuist: {detail}',
      de: 'Die Vorbereitung der Sitzung ist fehlerhaft: {detail}',
      en: 'The meeting setup is wrong: {detail}',
    },
  },
  SETUP_LOCKED: {
    status: 409,
    message: {
      fr: 'La séance est ouverte : l’ordre du jour, la liste des membres et le règlement ne peuvent plus changer.',
      nl: 'De zitting is geopend: agenda, ledenlijst en reglement kunnen niet meer wijzigen.',
      de: 'Die Sitzung ist eröffnet: Tagesordnung, Mitgliederliste und Regeln können nicht mehr geändert werden.',
      en: 'The meeting is open: the agenda, roster and rules can no longer change.',
    },
  },
  MEETING_NOT_CONVENED: {
    status: 409,
    message: {
      fr: 'La séance n’a pas encore été convoquée.',
      nl: 'De zitting is nog niet bijeengeroepen.',
      de: 'Die Sitzung wurde noch nicht einberufen.',
      en: 'The meeting has not been convened yet.',
    },
  },
  MEETING_NOT_OPEN: {
    status: 409,
    message: {
      fr: 'La séance n’est pas ouverte.',
      nl: 'De zitting is niet geopend.',
      de: 'Die Sitzung ist nicht eröffnet.',
      en: 'The meeting is not open.',
    },
  },
  MEETING_CLOSED: {
    status: 409,
    message: {
      fr: 'La séance est close.',
      nl: 'De zitting is gesloten.',
      de: 'Die Sitzung ist geschlossen.',
      en: 'The meeting is closed.',
    },
  },
  NO_CURRENT_ITEM: {
    status: 409,
    message: {
      fr: 'Aucun point de l’ordre du jour n’est en cours.',
      nl: 'Er is geen agendapunt aan de orde.',
      de: 'Kein Tagesordnungspunkt wird behandelt.',
      en: 'No agenda item is under discussion.',
    },
  },
  END_OF_AGENDA: {
    status: 409,
    message: {
      fr: 'C’est le dernier point de l’ordre du jour.',
      nl: 'Dit is het laatste agendapunt.',
      de: 'Dies ist der letzte Tagesordnungspunkt.',
      en: 'This is the last agenda item.',
    },
  },
  START_OF_AGENDA: {
    status: 409,
    message: {
      fr: 'C’est le premier point de l’ordre du jour.',
      nl: 'Dit is het eerste agendapunt.',
      de: 'Dies ist der erste Tagesordnungspunkt.',
      en: 'This is the first agenda item.',
    },
  },
  ALREADY_PRESENT: {
    status: 409,
    message: {
      fr: 'Vous êtes déjà noté présent.',
      nl: 'U bent al aanwezig gemeld.',
      de: 'Sie sind bereits als anwesend vermerkt.',
      en: 'You are already marked present.',
    },
  },
  ALREADY_IN_CALL: {
    status: 409,
    message: {
      fr: 'Ce membre est déjà noté dans l’appel.',
      nl: 'Dit lid is al in de oproep gemeld.',
      de: 'Dieses Mitglied ist bereits als im Anruf vermerkt.',
      en: 'This member is already recorded in the call.',
    },
  },
  NOT_IN_CALL: {
    status: 409,
    message: {
      fr: 'Ce membre n’est pas noté dans l’appel.',
      nl: 'Dit lid is niet in de oproep gemeld.',
      de: 'Dieses Mitglied ist nicht als im Anruf vermerkt.',
      en: 'This member is not recorded in the call.',
    },
  },
  NOT_PRESENT: {
    status: 409,
    message: {
      fr: 'Ce membre n’est pas noté présent.',
      nl: 'Dit lid is niet aanwezig gemeld.',
      de: 'Dieses Mitglied ist nicht als anwesend vermerkt.',
      en: 'This member is not marked present.',
    },
  },
  NOT_A_MEMBER: {
    status: 404,
    message: {
      fr: 'Cette personne n’est pas membre du conseil.',
      nl: 'Deze persoon is geen lid van de raad.',
      de: 'Diese Person ist kein Ratsmitglied.',
      en: 'This person is not a member of the council.',
    },
  },
  ROLL_CALL_NOT_OPEN: {
    status: 409,
    message: {
      fr: 'Aucun appel nominal n’est en cours.',
      nl: 'Er loopt geen naamafroeping.',
      de: 'Es läuft kein Namensaufruf.',
      en: 'No roll call is open.',
    },
  },
  ROLL_CALL_ALREADY_OPEN: {
    status: 409,
    message: {
      fr: 'Un appel nominal est déjà en cours.',
      nl: 'Er loopt al een naamafroeping.',
      de: 'Ein Namensaufruf läuft bereits.',
      en: 'A roll call is already open.',
    },
  },
  ALREADY_ANSWERED: {
    status: 409,
    message: {
      fr: 'Vous avez déjà répondu à l’appel.',
      nl: 'U hebt al geantwoord op de naamafroeping.',
      de: 'Sie haben auf den Namensaufruf bereits geantwortet.',
      en: 'You have already answered the roll call.',
    },
  },
  QUORUM_NOT_REACHED: {
    status: 409,
    message: {
      fr: 'Le quorum n’est pas atteint : {present} présents, {needed} requis.',
      nl: 'Het quorum is niet bereikt: {present} aanwezig, {needed} vereist.',
      de: 'Das Quorum ist nicht erreicht: {present} anwesend, {needed} erforderlich.',
      en: 'Quorum not reached: {present} present, {needed} needed.',
    },
  },
  ALREADY_REQUESTED: {
    status: 409,
    message: {
      fr: 'Vous avez déjà demandé la parole à ce titre.',
      nl: 'U hebt al om die reden het woord gevraagd.',
      de: 'Sie haben sich aus diesem Grund bereits zu Wort gemeldet.',
      en: 'You have already asked for the floor for this reason.',
    },
  },
  REQUEST_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Cette demande de parole n’est pas dans la file.',
      nl: 'Deze spreekaanvraag staat niet in de wachtrij.',
      de: 'Diese Wortmeldung ist nicht in der Rednerliste.',
      en: 'This request for the floor is not in the queue.',
    },
  },
  NOT_YOUR_REQUEST: {
    status: 403,
    message: {
      fr: 'Seul le membre qui a demandé la parole peut retirer sa demande.',
      nl: 'Alleen wie het woord vroeg, kan de aanvraag intrekken.',
      de: 'Nur wer sich zu Wort gemeldet hat, kann die Meldung zurückziehen.',
      en: 'Only the member who asked for the floor can withdraw the request.',
    },
  },
  INVALID_POSITION: {
    status: 400,
    message: {
      fr: 'Cette position n’existe pas dans la file.',
      nl: 'Deze plaats bestaat niet in de wachtrij.',
      de: 'Diese Position gibt es in der Rednerliste nicht.',
      en: 'That position does not exist in the queue.',
    },
  },
  QUEUE_EMPTY: {
    status: 409,
    message: {
      fr: 'Personne n’a demandé la parole.',
      nl: 'Niemand heeft het woord gevraagd.',
      de: 'Niemand hat sich zu Wort gemeldet.',
      en: 'Nobody has asked for the floor.',
    },
  },
  NO_SPEAKER: {
    status: 409,
    message: {
      fr: 'Personne n’a la parole.',
      nl: 'Niemand heeft het woord.',
      de: 'Niemand hat das Wort.',
      en: 'Nobody has the floor.',
    },
  },
  REPLY_NEEDS_SPEAKER: {
    status: 409,
    message: {
      fr: 'Une réplique répond à l’orateur en cours, qui doit être un autre membre.',
      nl: 'Een repliek antwoordt op de huidige spreker, die een ander lid moet zijn.',
      de: 'Eine Erwiderung antwortet auf den aktuellen Redner, der ein anderes Mitglied sein muss.',
      en: 'A reply answers the current speaker, who must be another member.',
    },
  },
  MOTION_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Cette motion est introuvable.',
      nl: 'Deze motie werd niet gevonden.',
      de: 'Dieser Antrag wurde nicht gefunden.',
      en: 'This motion was not found.',
    },
  },
  CARD_OUT_OF_DATE: {
    status: 409,
    message: {
      fr: 'Cette carte ne correspond plus à la séance : elle a changé depuis. Servez-vous de la dernière carte.',
      nl: 'Deze kaart komt niet meer overeen met de zitting: die is intussen gewijzigd. Gebruik de laatste kaart.',
      de: 'Diese Karte entspricht nicht mehr der Sitzung: sie hat sich seither geändert. Verwenden Sie die neueste Karte.',
      en: 'This card no longer matches the meeting: it has changed since. Use the latest card.',
    },
  },
  MOTION_NOT_PENDING: {
    status: 409,
    message: {
      fr: 'Cette motion n’est plus en discussion.',
      nl: 'Deze motie is niet meer in bespreking.',
      de: 'Dieser Antrag wird nicht mehr beraten.',
      en: 'This motion is no longer pending.',
    },
  },
  ALREADY_SECONDED: {
    status: 409,
    message: {
      fr: 'Cette motion est déjà appuyée.',
      nl: 'Deze motie is al gesteund.',
      de: 'Dieser Antrag ist bereits unterstützt.',
      en: 'This motion has already been seconded.',
    },
  },
  CANNOT_SECOND_OWN: {
    status: 409,
    message: {
      fr: 'On ne peut pas appuyer sa propre motion.',
      nl: 'U kunt uw eigen motie niet steunen.',
      de: 'Den eigenen Antrag kann man nicht unterstützen.',
      en: 'You cannot second your own motion.',
    },
  },
  NOT_YOUR_MOTION: {
    status: 403,
    message: {
      fr: 'Seul l’auteur peut retirer cette motion.',
      nl: 'Alleen de indiener kan deze motie intrekken.',
      de: 'Nur der Antragsteller kann diesen Antrag zurückziehen.',
      en: 'Only its mover can withdraw this motion.',
    },
  },
  MOTION_NOT_SECONDED: {
    status: 409,
    message: {
      fr: 'Cette motion doit être appuyée avant le vote.',
      nl: 'Deze motie moet eerst gesteund worden.',
      de: 'Dieser Antrag muss vor der Abstimmung unterstützt werden.',
      en: 'This motion must be seconded before the vote.',
    },
  },
  AMENDMENTS_PENDING: {
    status: 409,
    message: {
      fr: 'Les amendements à cette motion sont votés avant elle.',
      nl: 'Over de amendementen op deze motie wordt eerst gestemd.',
      de: 'Über die Änderungsanträge wird vor dem Antrag abgestimmt.',
      en: 'The amendments to this motion are voted on before it.',
    },
  },
  CANNOT_AMEND_AMENDMENT: {
    status: 409,
    message: {
      fr: 'Un amendement ne peut pas être amendé.',
      nl: 'Een amendement kan niet geamendeerd worden.',
      de: 'Ein Änderungsantrag kann nicht geändert werden.',
      en: 'An amendment cannot itself be amended.',
    },
  },
  MOTION_NOT_ON_CURRENT_ITEM: {
    status: 409,
    message: {
      fr: 'Cette motion ne porte pas sur le point en cours.',
      nl: 'Deze motie hoort niet bij het huidige agendapunt.',
      de: 'Dieser Antrag gehört nicht zum aktuellen Tagesordnungspunkt.',
      en: 'This motion is not on the current agenda item.',
    },
  },
  VOTE_ALREADY_OPEN: {
    status: 409,
    message: {
      fr: 'Un vote est déjà en cours.',
      nl: 'Er loopt al een stemming.',
      de: 'Eine Abstimmung läuft bereits.',
      en: 'A vote is already open.',
    },
  },
  VOTE_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Ce vote est introuvable.',
      nl: 'Deze stemming werd niet gevonden.',
      de: 'Diese Abstimmung wurde nicht gefunden.',
      en: 'This vote was not found.',
    },
  },
  VOTE_NOT_OPEN: {
    status: 409,
    message: {
      fr: 'Ce vote n’est pas ouvert.',
      nl: 'Deze stemming is niet geopend.',
      de: 'Diese Abstimmung ist nicht geöffnet.',
      en: 'This vote is not open.',
    },
  },
  NOT_PRESENT_TO_VOTE: {
    status: 403,
    message: {
      fr: 'Vous n’êtes pas présent : pointez votre présence pour voter.',
      nl: 'U bent niet aanwezig: meld uw aanwezigheid om te stemmen.',
      de: 'Sie sind nicht anwesend: melden Sie Ihre Anwesenheit, um abzustimmen.',
      en: 'You are not present: check in to vote.',
    },
  },
  LEFT_DURING_VOTE: {
    status: 403,
    message: {
      fr: 'Vous avez quitté la séance pendant ce vote : le règlement ne vous permet plus d’y voter.',
      nl: 'U hebt de zitting tijdens deze stemming verlaten: het reglement laat u niet meer meestemmen.',
      de: 'Sie haben die Sitzung während dieser Abstimmung verlassen: die Geschäftsordnung lässt Sie nicht mehr mitstimmen.',
      en: 'You left the sitting during this vote: the rules no longer let you vote in it.',
    },
  },
  NOT_ENTITLED: {
    status: 403,
    message: {
      fr: 'Vous ne figurez pas parmi les membres appelés à ce vote (présents à son ouverture).',
      nl: 'U hoort niet bij de stemgerechtigden van deze stemming (aanwezig bij de opening).',
      de: 'Sie gehören nicht zu den Stimmberechtigten dieser Abstimmung (anwesend bei ihrer Eröffnung).',
      en: 'You are not entitled to this vote (members present when it opened).',
    },
  },
  CONFLICT_OF_INTEREST: {
    status: 403,
    message: {
      fr: 'Vous avez un intérêt personnel dans ce point : vous ne prenez part ni à son débat ni à son vote ({article}).',
      nl: 'U hebt een persoonlijk belang bij dit punt: u neemt niet deel aan de bespreking en de stemming ervan ({article}).',
      de: 'Sie haben ein persönliches Interesse an diesem Punkt: Sie nehmen weder an seiner Beratung noch an seiner Abstimmung teil ({article}).',
      en: 'You have a personal interest in this item: you take no part in its debate or its vote ({article}).',
    },
  },
  CONFLICT_LEFT_ROOM: {
    status: 403,
    message: {
      fr: 'Vous avez quitté la séance pour ce point, où vous avez un intérêt personnel ({article}) : vous la rejoindrez au point suivant.',
      nl: 'U hebt de zitting verlaten voor dit punt, waarbij u een persoonlijk belang hebt ({article}): u keert terug bij het volgende punt.',
      de: 'Sie haben die Sitzung für diesen Punkt verlassen, an dem Sie ein persönliches Interesse haben ({article}): Sie kehren beim nächsten Punkt zurück.',
      en: 'You left the sitting for this item, in which you have a personal interest ({article}): you return at the next item.',
    },
  },
  CONFLICT_DURING_VOTE: {
    status: 409,
    message: {
      fr: 'Un vote est ouvert sur ce point : un conflit d’intérêts se déclare avant le vote. Le membre peut quitter la séance et ne pas voter.',
      nl: 'Er loopt een stemming over dit punt: een belangenconflict wordt vóór de stemming gemeld. Het lid kan de zitting verlaten en niet stemmen.',
      de: 'Über diesen Punkt läuft eine Abstimmung: ein Interessenkonflikt wird vor der Abstimmung erklärt. Das Mitglied kann die Sitzung verlassen und nicht abstimmen.',
      en: 'A vote is open on this item: a conflict of interest is declared before the vote. The member may leave the sitting and not vote.',
    },
  },
  CONFLICT_ALREADY_DECLARED: {
    status: 409,
    message: {
      fr: 'Ce conflit d’intérêts est déjà acté pour ce point.',
      nl: 'Dit belangenconflict is al geakteerd voor dit punt.',
      de: 'Dieser Interessenkonflikt ist für diesen Punkt bereits festgehalten.',
      en: 'This conflict of interest is already recorded for this item.',
    },
  },
  CONFLICT_ITEM_PASSED: {
    status: 409,
    message: {
      fr: 'La séance a déjà traité ce point : un conflit d’intérêts se déclare avant ou pendant son examen.',
      nl: 'De zitting heeft dit punt al behandeld: een belangenconflict wordt vóór of tijdens de behandeling gemeld.',
      de: 'Die Sitzung hat diesen Punkt bereits behandelt: ein Interessenkonflikt wird vor oder während seiner Beratung erklärt.',
      en: 'The sitting has already dealt with this item: a conflict of interest is declared before or during its examination.',
    },
  },
  CONFLICT_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Aucun conflit d’intérêts de ce membre n’est acté pour ce point.',
      nl: 'Voor dit punt is geen belangenconflict van dit lid geakteerd.',
      de: 'Für diesen Punkt ist kein Interessenkonflikt dieses Mitglieds festgehalten.',
      en: 'No conflict of interest of this member is recorded for this item.',
    },
  },
  CONFLICT_ITEM_TAKEN_UP: {
    status: 409,
    message: {
      fr: 'Ce point a déjà été abordé : le conflit d’intérêts reste acté au procès-verbal.',
      nl: 'Dit punt is al aangevat: het belangenconflict blijft in de notulen geakteerd.',
      de: 'Dieser Punkt wurde bereits aufgerufen: der Interessenkonflikt bleibt im Protokoll festgehalten.',
      en: 'This item has already been taken up: the conflict of interest stays on the record.',
    },
  },
  ALREADY_VOTED: {
    status: 409,
    message: {
      fr: 'Votre vote est déjà enregistré ; il ne peut pas être modifié.',
      nl: 'Uw stem is al geregistreerd; ze kan niet gewijzigd worden.',
      de: 'Ihre Stimme ist bereits erfasst; sie kann nicht geändert werden.',
      en: 'Your vote is already recorded; it cannot be changed.',
    },
  },
  INVALID_CHOICE: {
    status: 400,
    message: {
      fr: 'Ce choix n’existe pas pour ce vote.',
      nl: 'Deze keuze bestaat niet voor deze stemming.',
      de: 'Diese Wahl gibt es bei dieser Abstimmung nicht.',
      en: 'That choice does not exist in this vote.',
    },
  },
  SECRET_VOTE_REQUIRED: {
    status: 409,
    message: {
      fr: 'Ce point doit être voté au scrutin secret.',
      nl: 'Over dit punt moet geheim gestemd worden.',
      de: 'Über diesen Punkt muss geheim abgestimmt werden.',
      en: 'This item must be voted by secret ballot.',
    },
  },
  NO_RUNOFF: {
    status: 409,
    message: {
      fr: 'Ce vote n’appelle pas de ballottage.',
      nl: 'Deze stemming vraagt geen herstemming.',
      de: 'Diese Abstimmung erfordert keine Stichwahl.',
      en: 'This vote does not call for a runoff.',
    },
  },
  RUNOFF_NOT_ON_CURRENT_ITEM: {
    status: 409,
    message: {
      fr: 'Le ballottage se tient sur le point en discussion : ce vote porte sur un autre point.',
      nl: 'De herstemming gebeurt over het punt in bespreking: deze stemming gaat over een ander punt.',
      de: 'Die Stichwahl findet zum laufenden Punkt statt: diese Abstimmung betrifft einen anderen Punkt.',
      en: 'A runoff is held on the item under discussion: this vote was on another item.',
    },
  },
  RUNOFF_ALREADY_HELD: {
    status: 409,
    message: {
      fr: 'Le ballottage de ce vote a déjà été ouvert.',
      nl: 'De herstemming van deze stemming is al geopend.',
      de: 'Die Stichwahl zu dieser Abstimmung wurde bereits eröffnet.',
      en: 'The runoff of this vote has already been opened.',
    },
  },
  THRESHOLD_NOT_ALLOWED: {
    status: 400,
    message: {
      fr: 'Cette majorité n’est pas prévue par le règlement.',
      nl: 'Deze meerderheid is niet voorzien in het reglement.',
      de: 'Diese Mehrheit ist in den Regeln nicht vorgesehen.',
      en: 'That majority is not provided for by the rules.',
    },
  },
  THRESHOLD_BASE_NOT_ALLOWED: {
    status: 400,
    message: {
      fr: 'Le règlement ne prévoit pas de majorité comptée sur cette base.',
      nl: 'Het reglement voorziet geen meerderheid berekend op deze basis.',
      de: 'Die Regeln sehen keine Mehrheit auf dieser Grundlage vor.',
      en: 'The rules provide for no majority counted on that base.',
    },
  },
  SECRET_VOTE_NOT_ALLOWED: {
    status: 409,
    message: {
      fr: 'Ce point se vote en séance publique : les règles de procédure réservent le scrutin secret aux sujets qu’elles énumèrent (présentations, nominations, sanctions…).',
      nl: 'Over dit punt wordt openbaar gestemd: het reglement behoudt de geheime stemming voor aan de onderwerpen die het opsomt (voordrachten, benoemingen, tuchtstraffen…).',
      de: 'Über diesen Punkt wird öffentlich abgestimmt: die Verfahrensregeln behalten die geheime Abstimmung den aufgezählten Gegenständen vor (Vorschläge, Ernennungen, Disziplinarstrafen…).',
      en: 'This item is voted in public: the rules of procedure keep the secret ballot for the subjects they list (presentations, appointments, sanctions…).',
    },
  },
  SECRET_ITEM_NOT_ALLOWED: {
    status: 400,
    message: {
      fr: 'Le point « {item} » ne peut pas être prévu au scrutin secret : les règles de procédure veulent que son objet se vote en séance publique.',
      nl: 'Punt "{item}" kan niet voor een geheime stemming voorzien worden: volgens het reglement wordt over dit onderwerp openbaar gestemd.',
      de: 'Punkt „{item}“ kann nicht für eine geheime Abstimmung vorgesehen werden: nach den Verfahrensregeln wird über diesen Gegenstand öffentlich abgestimmt.',
      en: 'Item "{item}" cannot be set for a secret ballot: the rules of procedure have its subject voted in public.',
    },
  },
  REMOTE_SUBJECT_FORBIDDEN: {
    status: 409,
    message: {
      fr: 'Ce point ne peut pas être traité en séance à distance.',
      nl: 'Dit punt kan niet in een digitale zitting behandeld worden.',
      de: 'Dieser Punkt kann nicht in einer Fernsitzung behandelt werden.',
      en: 'This item cannot be dealt with in a remote meeting.',
    },
  },
  CLOSED_SESSION_REQUIRED: {
    status: 400,
    message: {
      fr: 'Le point « {item} » doit être traité à huis clos.',
      nl: 'Punt "{item}" moet achter gesloten deuren behandeld worden.',
      de: 'Punkt „{item}“ muss nichtöffentlich behandelt werden.',
      en: 'Item "{item}" must be dealt with in closed session.',
    },
  },
  CLOSED_SESSION_FORBIDDEN: {
    status: 400,
    message: {
      fr: 'Le point « {item} » ne peut pas être traité à huis clos.',
      nl: 'Punt "{item}" mag niet achter gesloten deuren behandeld worden.',
      de: 'Punkt „{item}“ darf nicht nichtöffentlich behandelt werden.',
      en: 'Item "{item}" may not be dealt with in closed session.',
    },
  },
  ALREADY_CLOSED_SESSION: {
    status: 409,
    message: {
      fr: 'Le point « {item} » est déjà traité à huis clos.',
      nl: 'Punt "{item}" wordt al achter gesloten deuren behandeld.',
      de: 'Punkt „{item}“ wird bereits nichtöffentlich behandelt.',
      en: 'Item "{item}" is already in closed session.',
    },
  },
  ITEM_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Le point « {item} » n’est pas à l’ordre du jour.',
      nl: 'Punt "{item}" staat niet op de agenda.',
      de: 'Punkt „{item}“ steht nicht auf der Tagesordnung.',
      en: 'Item "{item}" is not on the agenda.',
    },
  },
  ITEM_SET_ASIDE: {
    status: 409,
    message: {
      fr: 'Le point « {item} » a été retiré ou reporté : il ne peut plus être traité dans cette séance.',
      nl: 'Punt "{item}" is ingetrokken of uitgesteld: het kan in deze zitting niet meer behandeld worden.',
      de: 'Punkt „{item}“ wurde zurückgezogen oder vertagt: er kann in dieser Sitzung nicht mehr behandelt werden.',
      en: 'Item "{item}" was withdrawn or postponed: it cannot be taken up again in this sitting.',
    },
  },
  URGENCY_NOT_ALLOWED: {
    status: 403,
    message: {
      fr: 'Les règles de ce conseil ne permettent pas d’ajouter un point en urgence.',
      nl: 'De regels van deze raad laten niet toe een dringend punt toe te voegen.',
      de: 'Die Regeln dieses Rates erlauben keinen Dringlichkeitspunkt.',
      en: 'This council’s rules do not allow an urgent item to be added.',
    },
  },
  AGENDA_FULL: {
    status: 409,
    message: {
      fr: 'L’ordre du jour compte déjà {max} points : aucun point ne peut y être ajouté.',
      nl: 'De agenda telt al {max} punten: er kan geen punt worden toegevoegd.',
      de: 'Die Tagesordnung hat bereits {max} Punkte: es kann kein Punkt hinzugefügt werden.',
      en: 'The agenda already holds {max} items: no item can be added.',
    },
  },
  VOTE_NOT_CLOSED: {
    status: 409,
    message: {
      fr: 'Ce vote n’est pas clos.',
      nl: 'Deze stemming is niet afgesloten.',
      de: 'Diese Abstimmung ist nicht abgeschlossen.',
      en: 'This vote is not closed.',
    },
  },
  TALLY_MISMATCH: {
    status: 409,
    message: {
      fr: 'Le dépouillement ne correspond pas au nombre de votants.',
      nl: 'De telling komt niet overeen met het aantal stemmers.',
      de: 'Die Auszählung stimmt nicht mit der Zahl der Abstimmenden überein.',
      en: 'The count does not match the number of voters.',
    },
  },
  RESULT_NOT_READY: {
    status: 409,
    message: {
      fr: 'Le résultat de ce vote n’est pas encore disponible.',
      nl: 'De uitslag van deze stemming is nog niet beschikbaar.',
      de: 'Das Ergebnis dieser Abstimmung liegt noch nicht vor.',
      en: 'The result of this vote is not ready yet.',
    },
  },
  ALREADY_PUBLISHED: {
    status: 409,
    message: {
      fr: 'Ce résultat est déjà publié.',
      nl: 'Deze uitslag is al bekendgemaakt.',
      de: 'Dieses Ergebnis ist bereits veröffentlicht.',
      en: 'This result has already been published.',
    },
  },
  SITTING_SUSPENDED: {
    status: 409,
    message: {
      fr: 'La séance est suspendue : la présidence doit d’abord la reprendre.',
      nl: 'De zitting is geschorst: de voorzitter moet ze eerst hervatten.',
      de: 'Die Sitzung ist unterbrochen: der Vorsitz muss sie zuerst fortsetzen.',
      en: 'The sitting is suspended: the chair must resume it first.',
    },
  },
  SITTING_NOT_SUSPENDED: {
    status: 409,
    message: {
      fr: 'La séance n’est pas suspendue.',
      nl: 'De zitting is niet geschorst.',
      de: 'Die Sitzung ist nicht unterbrochen.',
      en: 'The sitting is not suspended.',
    },
  },
  ITEM_TITLE_MISSING: {
    status: 400,
    message: {
      fr: 'Le point {item} n’a pas d’intitulé dans la langue de la séance ({language}).',
      nl: 'Punt {item} heeft geen titel in de taal van de zitting ({language}).',
      de: 'Punkt {item} hat keinen Titel in der Sprache der Sitzung ({language}).',
      en: 'Item {item} has no title in the language of the meeting ({language}).',
    },
  },
  SUSPENSION_NOT_ALLOWED: {
    status: 403,
    message: {
      fr: 'Les règles de ce conseil ne permettent pas de suspendre la séance.',
      nl: 'De regels van deze raad laten niet toe de zitting te schorsen.',
      de: 'Die Regeln dieses Rates erlauben keine Unterbrechung der Sitzung.',
      en: 'This council’s rules do not allow the sitting to be suspended.',
    },
  },
  TELLERS_BUSY: {
    status: 409,
    message: {
      fr: 'Les scrutateurs ne peuvent être changés tant qu’un scrutin secret n’est pas dépouillé.',
      nl: 'De stemopnemers kunnen niet gewijzigd worden zolang een geheime stemming niet geteld is.',
      de: 'Die Stimmenzähler können nicht gewechselt werden, solange eine geheime Abstimmung nicht ausgezählt ist.',
      en: 'The tellers cannot change while a secret ballot is not yet counted.',
    },
  },
  TELLER_COUNT_WRONG: {
    status: 422,
    message: {
      fr: 'Les règles de ce conseil demandent {needed} scrutateurs.',
      nl: 'De regels van deze raad vragen {needed} stemopnemers.',
      de: 'Die Regeln dieses Rates verlangen {needed} Stimmenzähler.',
      en: 'This council’s rules ask for {needed} tellers.',
    },
  },
  TELLER_NOT_ELIGIBLE: {
    status: 422,
    message: {
      fr: '{member} ne peut être scrutateur : un scrutateur est un membre votant du conseil, autre que la direction générale, nommé une seule fois.',
      nl: '{member} kan geen stemopnemer zijn: een stemopnemer is een stemgerechtigd raadslid, niet de algemeen directeur, en wordt één keer aangewezen.',
      de: '{member} kann nicht Stimmenzähler sein: ein Stimmenzähler ist ein stimmberechtigtes Ratsmitglied, nicht der Generaldirektor, und wird nur einmal bestimmt.',
      en: '{member} cannot be a teller: a teller is a voting member of the council, not the director, named once.',
    },
  },
  NOT_TRUSTEE: {
    status: 403,
    message: {
      fr: 'Seuls les détenteurs de la clé de l’urne scellée peuvent faire ceci.',
      nl: 'Alleen de sleutelhouders van de verzegelde stembus kunnen dit doen.',
      de: 'Nur die Schlüsselverwahrer der versiegelten Urne können dies tun.',
      en: 'Only the holders of the sealed ballot box’s key can do this.',
    },
  },
  CEREMONY_OUT_OF_ORDER: {
    status: 409,
    message: {
      fr: 'La remise des clés des scrutateurs n’en est pas à cette étape.',
      nl: 'De sleuteluitwisseling van de stemopnemers is niet aan deze stap toe.',
      de: 'Die Schlüsselübergabe der Stimmenzähler ist nicht bei diesem Schritt.',
      en: 'The tellers’ key ceremony is not at this step.',
    },
  },
  TRUSTEE_STEP_DONE: {
    status: 409,
    message: {
      fr: 'Vous avez déjà franchi cette étape de la remise des clés.',
      nl: 'U hebt deze stap van de sleuteluitwisseling al gezet.',
      de: 'Sie haben diesen Schritt der Schlüsselübergabe bereits getan.',
      en: 'You have already taken this step of the key ceremony.',
    },
  },
  INVALID_COMMITMENTS: {
    status: 400,
    message: {
      fr: 'Il faut {needed} engagements, un par coefficient.',
      nl: 'Er zijn {needed} verbintenissen nodig, één per coëfficiënt.',
      de: 'Es werden {needed} Verpflichtungen benötigt, eine je Koeffizient.',
      en: '{needed} commitments are needed, one per coefficient.',
    },
  },
  INVALID_DEALT_SHARES: {
    status: 400,
    message: {
      fr: 'Il faut une part scellée pour chacun des autres détenteurs de la clé, et pour eux seuls.',
      nl: 'Er is een verzegeld deel nodig voor elk van de andere sleutelhouders, en alleen voor hen.',
      de: 'Für jeden anderen Schlüsselverwahrer ist ein versiegelter Anteil nötig, und nur für sie.',
      en: 'A sealed share is needed for each of the other key holders, and for them only.',
    },
  },
  SEALED_BOX_NOT_READY: {
    status: 409,
    message: {
      fr: 'L’urne scellée n’est pas prête : {ready} détenteurs de la clé sur {needed} sont prêts. La présidence désigne les scrutateurs, qui ouvrent ensuite le panneau des scrutateurs.',
      nl: 'De verzegelde stembus is niet klaar: {ready} van de {needed} sleutelhouders zijn klaar. De voorzitter wijst de stemopnemers aan, die daarna het paneel van de stemopnemers openen.',
      de: 'Die versiegelte Urne ist nicht bereit: {ready} von {needed} Schlüsselverwahrern sind bereit. Der Vorsitz bestimmt die Stimmenzähler, die dann das Feld der Stimmenzähler öffnen.',
      en: 'The sealed ballot box is not ready: {ready} of {needed} key holders are ready. The chair names the tellers, who then open the tellers’ panel.',
    },
  },
  INVALID_BALLOT: {
    status: 400,
    message: {
      fr: 'Ce bulletin ne convient pas à ce vote : un scrutin secret reçoit un bulletin scellé, un chiffré pour chacun de ses {count} choix ; un vote nominatif reçoit un choix.',
      nl: 'Dit stembiljet past niet bij deze stemming: een geheime stemming krijgt een verzegeld stembiljet, één versleuteling voor elk van haar {count} keuzes; een naamstemming krijgt een keuze.',
      de: 'Dieser Stimmzettel passt nicht zu dieser Abstimmung: eine geheime Abstimmung erhält einen versiegelten Stimmzettel, eine Verschlüsselung für jede ihrer {count} Wahlmöglichkeiten; eine namentliche Abstimmung erhält eine Wahl.',
      en: 'This ballot does not fit this vote: a secret ballot takes a sealed ballot, one ciphertext for each of its {count} choices; a named vote takes a choice.',
    },
  },
  BALLOT_PROOF_INVALID: {
    status: 400,
    message: {
      fr: 'Ce bulletin scellé ne porte pas de preuve valable : il n’a pas été déposé. Votez à nouveau.',
      nl: 'Dit verzegelde stembiljet draagt geen geldig bewijs: het is niet aanvaard. Stem opnieuw.',
      de: 'Dieser versiegelte Stimmzettel trägt keinen gültigen Nachweis: er wurde nicht angenommen. Stimmen Sie erneut ab.',
      en: 'This sealed ballot carries no valid proof: it was not accepted. Vote again.',
    },
  },
  PARTIAL_PROOF_INVALID: {
    status: 400,
    message: {
      fr: 'Cette part du dépouillement ne porte pas de preuve valable : elle n’a pas été retenue.',
      nl: 'Dit deel van de telling draagt geen geldig bewijs: het is niet aanvaard.',
      de: 'Dieser Anteil der Auszählung trägt keinen gültigen Nachweis: er wurde nicht angenommen.',
      en: 'This share of the count carries no valid proof: it was not accepted.',
    },
  },
  NOT_SEALED_VOTE: {
    status: 409,
    message: {
      fr: 'Ce vote n’est pas un scrutin secret à l’urne scellée.',
      nl: 'Deze stemming is geen geheime stemming met verzegelde stembus.',
      de: 'Diese Abstimmung ist keine geheime Abstimmung mit versiegelter Urne.',
      en: 'This vote is not a secret ballot in the sealed box.',
    },
  },
  ALREADY_AGGREGATED: {
    status: 409,
    message: {
      fr: 'Les bulletins de ce vote ont déjà été additionnés.',
      nl: 'De stembiljetten van deze stemming zijn al opgeteld.',
      de: 'Die Stimmzettel dieser Abstimmung wurden bereits addiert.',
      en: 'This vote’s ballots have already been added up.',
    },
  },
  AGGREGATE_MISMATCH: {
    status: 409,
    message: {
      fr: 'La somme doit compter un bulletin par votant : {participants}.',
      nl: 'De som moet één stembiljet per deelnemer tellen: {participants}.',
      de: 'Die Summe muss einen Stimmzettel je Teilnehmer zählen: {participants}.',
      en: 'The sum must count one ballot per voter: {participants}.',
    },
  },
  NOT_AGGREGATED: {
    status: 409,
    message: {
      fr: 'Les bulletins de ce vote ne sont pas encore additionnés.',
      nl: 'De stembiljetten van deze stemming zijn nog niet opgeteld.',
      de: 'Die Stimmzettel dieser Abstimmung sind noch nicht addiert.',
      en: 'This vote’s ballots are not added up yet.',
    },
  },
  ALREADY_DECRYPTED: {
    status: 409,
    message: {
      fr: 'Vous avez déjà remis votre part du dépouillement de ce vote.',
      nl: 'U hebt uw deel van de telling van deze stemming al gegeven.',
      de: 'Sie haben Ihren Anteil an der Auszählung dieser Abstimmung bereits abgegeben.',
      en: 'You have already given your share of this vote’s count.',
    },
  },
  TALLY_SHARES_MISSING: {
    status: 409,
    message: {
      fr: 'Le dépouillement attend les scrutateurs : {have} part(s) sur {needed}. En attente de : {waiting}.',
      nl: 'De telling wacht op de stemopnemers: {have} van de {needed} delen. Wachten op: {waiting}.',
      de: 'Die Auszählung wartet auf die Stimmenzähler: {have} von {needed} Anteilen. Ausstehend: {waiting}.',
      en: 'The count waits for the tellers: {have} of {needed} shares. Waiting for: {waiting}.',
    },
  },
  SHARE_DECLARED_LOST: {
    status: 409,
    message: {
      fr: 'Vous avez déclaré perdue votre part de la clé de ces scrutateurs : vous ne pouvez plus remettre de part du dépouillement.',
      nl: 'U hebt uw deel van de sleutel van deze stemopnemers verloren verklaard: u kunt geen deel van de telling meer geven.',
      de: 'Sie haben Ihren Anteil am Schlüssel dieser Stimmenzähler als verloren erklärt: Sie können keinen Anteil an der Auszählung mehr abgeben.',
      en: 'You declared your share of these tellers’ key lost: you can no longer give a share of a count.',
    },
  },
  SERVICE_TRUSTEE_UNAVAILABLE: {
    status: 409,
    message: {
      fr: 'Les règles font du service un détenteur de la clé, mais aucune clé pour sceller sa part n’est configurée ou lisible (SEALED_BOX_KEY_FILE ou SEALED_BOX_KEY_VAULT_URL) : les scrutateurs ne peuvent pas être désignés.',
      nl: 'De regels maken de dienst tot sleutelhouder, maar er is geen sleutel geconfigureerd of leesbaar om zijn deel te verzegelen (SEALED_BOX_KEY_FILE of SEALED_BOX_KEY_VAULT_URL): de stemopnemers kunnen niet worden aangewezen.',
      de: 'Die Regeln machen den Dienst zu einem Schlüsselverwahrer, aber kein Schlüssel zum Versiegeln seines Anteils ist konfiguriert oder lesbar (SEALED_BOX_KEY_FILE oder SEALED_BOX_KEY_VAULT_URL): die Stimmenzähler können nicht bestimmt werden.',
      en: 'The rules make the service a key holder, but no key to seal its share is configured or readable (SEALED_BOX_KEY_FILE or SEALED_BOX_KEY_VAULT_URL): the tellers cannot be named.',
    },
  },
  BALLOT_COPIED: {
    status: 409,
    message: {
      fr: 'Ce bulletin scellé est la copie d’un bulletin déjà déposé : il n’a pas été accepté. Votez avec votre propre bulletin.',
      nl: 'Dit verzegelde stembiljet is een kopie van een reeds ingediend stembiljet: het is niet aanvaard. Stem met uw eigen stembiljet.',
      de: 'Dieser versiegelte Stimmzettel ist die Kopie eines bereits abgegebenen Stimmzettels: er wurde nicht angenommen. Stimmen Sie mit Ihrem eigenen Stimmzettel ab.',
      en: 'This sealed ballot is a copy of a ballot already cast: it was not accepted. Vote with a ballot of your own.',
    },
  },
  CONVOCATION_PLACE_MISSING: {
    status: 422,
    message: {
      fr: 'La convocation d’une séance en présentiel ou hybride indique le lieu de la séance.',
      nl: 'De oproeping voor een fysieke of hybride zitting vermeldt de plaats van de zitting.',
      de: 'Die Einberufung einer Präsenz- oder Hybridsitzung nennt den Sitzungsort.',
      en: 'The convocation of an in-person or hybrid sitting names its place.',
    },
  },
  CONVOCATION_REASON_MISSING: {
    status: 422,
    message: {
      fr: 'La convocation d’une séance à distance ou hybride en indique la raison (AGW du 23 septembre 2021, art. 1er).',
      nl: 'De oproeping voor een digitale of hybride zitting vermeldt waarom ze zo gehouden wordt.',
      de: 'Die Einberufung einer Fern- oder Hybridsitzung nennt den Grund dafür.',
      en: 'The convocation of a remote or hybrid sitting states why it is held so.',
    },
  },
  DOCUMENT_LINK_INVALID: {
    status: 400,
    message: {
      fr: 'Le lien du document doit être une adresse https complète vers le fichier.',
      nl: 'De koppeling van het document moet een volledig https-adres naar het bestand zijn.',
      de: 'Der Link des Dokuments muss eine vollständige https-Adresse der Datei sein.',
      en: 'The document’s link must be a full https address of the file.',
    },
  },
  DOCUMENT_LINK_CREDENTIALS: {
    status: 400,
    message: {
      fr: 'Le lien du document ne peut contenir ni nom d’utilisateur ni mot de passe.',
      nl: 'De koppeling van het document mag geen gebruikersnaam of wachtwoord bevatten.',
      de: 'Der Link des Dokuments darf weder Benutzername noch Passwort enthalten.',
      en: 'The document’s link may carry no user name or password.',
    },
  },
  DOCUMENT_HOST_NOT_ALLOWED: {
    status: 422,
    message: {
      fr: 'Les documents doivent se trouver dans le SharePoint ou le OneDrive de la commune, pas sur {host}.',
      nl: 'De documenten moeten in de SharePoint of OneDrive van de gemeente staan, niet op {host}.',
      de: 'Die Dokumente müssen im SharePoint oder OneDrive der Gemeinde liegen, nicht auf {host}.',
      en: 'Documents must be in the council’s SharePoint or OneDrive, not on {host}.',
    },
  },
  DOCUMENT_ALREADY_ATTACHED: {
    status: 409,
    message: {
      fr: 'Ce document est déjà joint à ce point.',
      nl: 'Dit document is al bij dit punt gevoegd.',
      de: 'Dieses Dokument ist diesem Punkt bereits beigefügt.',
      en: 'This document is already attached to this item.',
    },
  },
  DOCUMENTS_LIMIT: {
    status: 409,
    message: {
      fr: 'Un point ne peut compter plus de {max} documents.',
      nl: 'Een punt kan niet meer dan {max} documenten hebben.',
      de: 'Ein Punkt kann nicht mehr als {max} Dokumente haben.',
      en: 'An item can have no more than {max} documents.',
    },
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Ce document n’est pas joint à ce point.',
      nl: 'Dit document is niet bij dit punt gevoegd.',
      de: 'Dieses Dokument ist diesem Punkt nicht beigefügt.',
      en: 'This document is not attached to this item.',
    },
  },
  DOCUMENTS_ITEM_DECIDED: {
    status: 409,
    message: {
      fr: 'Le conseil a statué sur ce point : ses documents ne changent plus.',
      nl: 'De raad heeft over dit punt beslist: de documenten ervan veranderen niet meer.',
      de: 'Der Rat hat über diesen Punkt entschieden: seine Dokumente ändern sich nicht mehr.',
      en: 'The council has decided this item: its documents no longer change.',
    },
  },
  MINUTES_NOT_FINAL: {
    status: 409,
    message: {
      fr: 'Le procès-verbal n’est définitif qu’une fois la séance clôturée et chaque résultat publié.',
      nl: 'De notulen zijn pas definitief als de zitting gesloten is en elke uitslag bekendgemaakt.',
      de: 'Das Protokoll ist erst endgültig, wenn die Sitzung geschlossen und jedes Ergebnis veröffentlicht ist.',
      en: 'The minutes are final only once the sitting is closed and every result published.',
    },
  },
  MINUTES_ALREADY_SUBMITTED: {
    status: 409,
    message: {
      fr: 'Ce procès-verbal est déjà soumis à la signature.',
      nl: 'Deze notulen liggen al ter ondertekening voor.',
      de: 'Dieses Protokoll liegt bereits zur Unterzeichnung vor.',
      en: 'These minutes are already submitted for signature.',
    },
  },
  MINUTES_NOT_SUBMITTED: {
    status: 409,
    message: {
      fr: 'Le procès-verbal n’a pas encore été soumis à la signature.',
      nl: 'De notulen zijn nog niet ter ondertekening voorgelegd.',
      de: 'Das Protokoll wurde noch nicht zur Unterzeichnung vorgelegt.',
      en: 'The minutes have not been submitted for signature yet.',
    },
  },
  MINUTES_SEALED: {
    status: 409,
    message: {
      fr: 'Le procès-verbal est déjà signé et scellé.',
      nl: 'De notulen zijn al ondertekend en verzegeld.',
      de: 'Das Protokoll ist bereits unterzeichnet und versiegelt.',
      en: 'The minutes are already signed and sealed.',
    },
  },
  NOT_SIGNATORY: {
    status: 403,
    message: {
      fr: 'Seuls les signataires que désignent les règles signent le procès-verbal.',
      nl: 'Alleen de ondertekenaars die de regels aanwijzen, ondertekenen de notulen.',
      de: 'Nur die Unterzeichner, die die Regeln bestimmen, unterzeichnen das Protokoll.',
      en: 'Only the signatories the rules name sign the minutes.',
    },
  },
  ALREADY_APPROVED: {
    status: 409,
    message: {
      fr: 'Vous avez déjà approuvé ce procès-verbal.',
      nl: 'U hebt deze notulen al goedgekeurd.',
      de: 'Sie haben dieses Protokoll bereits genehmigt.',
      en: 'You have already approved these minutes.',
    },
  },
  MINUTES_CHANGED: {
    status: 409,
    message: {
      fr: 'Le procès-verbal a changé depuis votre lecture : relisez la version soumise.',
      nl: 'De notulen zijn gewijzigd sinds u ze las: lees de voorgelegde versie opnieuw.',
      de: 'Das Protokoll hat sich seit Ihrer Lektüre geändert: Lesen Sie die vorgelegte Fassung erneut.',
      en: 'The minutes have changed since you read them: read the submitted version again.',
    },
  },
  APPROVALS_MISSING: {
    status: 409,
    message: {
      fr: 'Le procès-verbal attend l’approbation de : {waiting}.',
      nl: 'De notulen wachten op de goedkeuring van: {waiting}.',
      de: 'Das Protokoll wartet auf die Genehmigung von: {waiting}.',
      en: 'The minutes wait for the approval of: {waiting}.',
    },
  },
  NO_SIGNATORY: {
    status: 422,
    message: {
      fr: 'La liste des membres ne compte aucun des signataires que désignent les règles.',
      nl: 'De ledenlijst bevat geen van de ondertekenaars die de regels aanwijzen.',
      de: 'Die Mitgliederliste enthält keinen der Unterzeichner, die die Regeln bestimmen.',
      en: 'The roster has none of the signatories the rules name.',
    },
  },
  NOT_MINUTES_APPROVAL: {
    status: 422,
    message: {
      fr: 'Une correction du procès-verbal se note au point de son approbation.',
      nl: 'Een verbetering van de notulen wordt bij het punt van hun goedkeuring genoteerd.',
      de: 'Eine Berichtigung des Protokolls wird beim Punkt seiner Genehmigung vermerkt.',
      en: 'A correction of the minutes is recorded on the item approving them.',
    },
  },
  BALLOT_NOT_SEALED: {
    status: 503,
    message: {
      fr: 'Votre choix n’a pas pu être scellé : il n’a pas été déposé. Votez à nouveau.',
      nl: 'Uw keuze kon niet worden verzegeld: ze is niet aanvaard. Stem opnieuw.',
      de: 'Ihre Wahl konnte nicht versiegelt werden: sie wurde nicht angenommen. Stimmen Sie erneut ab.',
      en: 'Your choice could not be sealed: it was not accepted. Vote again.',
    },
  },
  PREVIOUS_MINUTES_NOT_FOUND: {
    status: 404,
    message: {
      fr: 'Aucun procès-verbal scellé de ce conseil ne porte l’empreinte que nomme ce point.',
      nl: 'Geen verzegelde notulen van deze raad dragen de vingerafdruk die dit punt noemt.',
      de: 'Kein versiegeltes Protokoll dieses Rates trägt den Fingerabdruck, den dieser Punkt nennt.',
      en: 'No sealed minutes of this council carry the fingerprint this item names.',
    },
  },
  PUBLICATION_BUSY: {
    status: 503,
    message: {
      fr: 'Cette séance change plus vite que ses pages ne sont inscrites au registre ; réessayez dans {seconds} s.',
      nl: 'Deze zitting verandert sneller dan haar pagina’s in het register worden opgenomen; probeer opnieuw over {seconds} s.',
      de: 'Diese Sitzung ändert sich schneller, als ihre Seiten ins Register eingetragen werden; bitte in {seconds} s erneut versuchen.',
      en: 'This sitting changes faster than its pages are recorded in the register; try again in {seconds} s.',
    },
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A parameter whose words differ by language (the service, named among trustees). */
export type Wording = Readonly<Record<Language, string>>;

export interface DomainError {
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number | Wording>>;
}

export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

export function messageOf(error: DomainError, language: Language): string {
  const params =
    error.params &&
    Object.fromEntries(
      Object.entries(error.params).map(([name, value]) => [
        name,
        typeof value === 'object' ? value[language] : value,
      ]),
    );
  return fill(errorCatalogue[error.code].message[language], params);
}
