import { createHash } from 'node:crypto';
import type { Member, PublicationKind } from '@council/shared';
import { municipalitySlug, publicPath } from '../public/address';

/** The prefixes the pages use; `dct:` and others are not in RDFa's initial context. */
export const PREFIXES = [
  'besluit: http://data.vlaanderen.be/ns/besluit#',
  'mandaat: http://data.vlaanderen.be/ns/mandaat#',
  'eli: http://data.europa.eu/eli/ontology#',
  'prov: http://www.w3.org/ns/prov#',
  'dct: http://purl.org/dc/terms/',
  'foaf: http://xmlns.com/foaf/0.1/',
  'skos: http://www.w3.org/2004/02/skos/core#',
  'org: http://www.w3.org/ns/org#',
  'rdfs: http://www.w3.org/2000/01/rdf-schema#',
  'xsd: http://www.w3.org/2001/XMLSchema#',
  'leidinggevenden: http://data.lblod.info/vocabularies/leidinggevenden/',
  'lblodBesluit: http://lblod.data.gift/vocabularies/besluit/',
].join(' ');

/**
 * The document types of the BesluitDocumentType scheme by which ABB's harvester knows each page
 * (lib-decision-validation's determineDocumentType).
 */
const DOCUMENT_TYPE = 'https://data.vlaanderen.be/id/concept/BesluitDocumentType/';
export const documentTypes: Readonly<Record<PublicationKind, string>> = {
  agenda: `${DOCUMENT_TYPE}13fefad6-a9d6-4025-83b5-e4cbee3a8965`,
  supplementaryAgenda: `${DOCUMENT_TYPE}13fefad6-a9d6-4025-83b5-e4cbee3a8965`,
  decisionList: `${DOCUMENT_TYPE}3fa67785-ffdc-4b30-8880-2b99d97b4dee`,
  minutes: `${DOCUMENT_TYPE}8e791b27-7600-4577-b24e-c7c29e0eb773`,
  extract: `${DOCUMENT_TYPE}9d5bfaca-bbf2-49dd-a830-769f91a6377b`,
};

/** What the sitting's links to each document are called in the profile. */
export const documentLinks: Readonly<Record<PublicationKind, string>> = {
  agenda: 'besluit:heeftAgenda',
  supplementaryAgenda: 'besluit:heeftAgenda',
  decisionList: 'besluit:heeftBesluitenlijst',
  minutes: 'besluit:heeftNotulen',
  extract: 'besluit:heeftUittreksel',
};

/** The council (gemeenteraad) and the municipality (gemeente) in the Flemish code lists. */
export const COUNCIL_CLASSIFICATION =
  'http://data.vlaanderen.be/id/concept/BestuursorgaanClassificatieCode/5ab0e9b8a3b2ca7c5e000005';
export const MUNICIPALITY_CLASSIFICATION =
  'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001';

/**
 * Where a sitting's resources live: under its public address, so that each URI is also a page.
 * A member's URI is the one the council maps to the Mandatendatabank (the director's, to the
 * Leidinggevendendatabank), else one under the municipality's address derived from the member's
 * id: stable from one sitting to the next, and an Entra object id is not for the public.
 */
export function addressesOf(origin: string, municipality: string, meetingId: string) {
  const council = `${origin}/public/${municipalitySlug(municipality)}`;
  const sitting = `${origin}${publicPath(municipality, meetingId)}`;
  const token = (id: string) =>
    createHash('sha256').update(`${council}\n${id}`).digest('hex').slice(0, 20);
  return {
    council,
    sitting,
    zitting: `${sitting}#zitting`,
    orgaan: `${council}#gemeenteraad`,
    eenheid: `${council}#bestuurseenheid`,
    werkingsgebied: `${council}#werkingsgebied`,
    agendapunt: (itemId: string) => `${sitting}#agendapunt-${encodeURIComponent(itemId)}`,
    behandeling: (itemId: string) => `${sitting}#behandeling-${encodeURIComponent(itemId)}`,
    besluit: (itemId: string) => `${sitting}/extracts/${encodeURIComponent(itemId)}#besluit`,
    stemming: (voteId: string) => `${sitting}#stemming-${encodeURIComponent(voteId)}`,
    person: (member: Pick<Member, 'id' | 'role' | 'mandataris'>) =>
      member.mandataris ??
      `${council}/${member.role === 'director' ? 'functionarissen' : 'mandatarissen'}/${token(member.id)}`,
    document: (path: string) => `${origin}${path}`,
  };
}

export type Addresses = ReturnType<typeof addressesOf>;
