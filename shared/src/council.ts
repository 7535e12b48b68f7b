import { z } from 'zod';
import { profileOverridesSchema, type MeetingSetupInput } from './commands';
import { languages } from './language';
import { profileIds, subjects } from './profiles';
import { genders, memberFunctions, roles } from './roster';

/**
 * The council file a director prepares (as the demo council): municipality, people and agenda.
 * It becomes a meeting setup, which the meeting's own schema then checks in full.
 */
const person = z.object({
  aadObjectId: z.string(),
  name: z.string(),
  role: z.enum(roles),
  group: z.string().optional(),
  seat: z.number().int().optional(),
  birthDate: z.string().optional(),
  title: z.string().optional(),
  gender: z.enum(genders).optional(),
  function: z.enum(memberFunctions).optional(),
  language: z.enum(languages).optional(),
  /** The member's URI in the Mandatendatabank (Flanders), for the linked publication. */
  mandataris: z.string().optional(),
});

const localized = z.object({
  fr: z.string().optional(),
  nl: z.string().optional(),
  de: z.string().optional(),
  en: z.string().optional(),
});

const candidate = z.object({
  aadObjectId: z.string().optional(),
  name: z.string(),
  birthDate: z.string().optional(),
});

export const councilFileSchema = z.object({
  tenantId: z.string(),
  municipality: z.object({ name: z.string(), language: z.enum(languages) }),
  meeting: z.object({
    title: z.string(),
    scheduledStart: z.string(),
    mode: z.enum(['remote', 'hybrid', 'in-person']),
    tool: z.string(),
    convocation: z.number().int().optional(),
  }),
  rulesProfile: z.enum(profileIds),
  /** The council's house rules, where they differ from its region's profile. */
  rulesOverrides: profileOverridesSchema.optional(),
  director: person,
  observer: person.optional(),
  members: z.array(person),
  agenda: z.array(
    z.object({
      n: z.number().int(),
      title: localized,
      session: z.enum(['public', 'closed']),
      expectedVote: z.enum(['named', 'secret', 'none']),
      subject: z.enum(subjects).optional(),
      candidates: z.array(candidate).optional(),
      deliberation: z
        .object({ recitals: z.array(z.string()), articles: z.array(z.string()) })
        .optional(),
      previousSitting: z.string().optional(),
      /** The SHA-256 of that sitting's sealed minutes (as its signing recorded), for the link to them. */
      previousMinutes: z.string().optional(),
      /** Links to the item's file in the council's SharePoint: its draft decision, its annexes. */
      documents: z.array(z.object({ title: localized, url: z.string() })).optional(),
    }),
  ),
  /** The SharePoint and OneDrive hosts its documents live on (the service's DOCUMENT_HOSTS). */
  documentHosts: z.array(z.string()).optional(),
});

export type CouncilFile = z.infer<typeof councilFileSchema>;

export function setupFromCouncilFile(file: CouncilFile): MeetingSetupInput {
  const people = [...file.members, file.director, ...(file.observer ? [file.observer] : [])];
  return {
    title: file.meeting.title,
    municipality: file.municipality.name,
    language: file.municipality.language,
    mode: file.meeting.mode,
    tool: file.meeting.tool,
    scheduledStart: file.meeting.scheduledStart,
    convocation: file.meeting.convocation ?? 1,
    roster: people.map(({ aadObjectId, ...person }) => ({ id: aadObjectId, ...person })),
    agenda: file.agenda.map((item) => ({
      id: `item-${item.n}`,
      // A title left blank in a language is none: the item reads in the meeting's language there.
      title: Object.fromEntries(
        Object.entries(item.title).filter(([, title]) => title.trim() !== ''),
      ),
      session: item.session,
      // An item with candidates to choose among is an appointment unless the file says otherwise.
      subject: item.subject ?? (item.candidates?.length ? 'appointment' : 'general'),
      expectedVote: item.expectedVote,
      candidates: (item.candidates ?? []).map(({ aadObjectId, ...candidate }, index) => ({
        id: aadObjectId ?? `item-${item.n}-candidate-${index + 1}`,
        ...(aadObjectId ? { memberId: aadObjectId } : {}),
        ...candidate,
      })),
      ...(item.deliberation ? { deliberation: item.deliberation } : {}),
      ...(item.previousSitting ? { previousSitting: item.previousSitting } : {}),
      ...(item.previousMinutes ? { previousMinutes: item.previousMinutes } : {}),
    })),
    rules: { profile: file.rulesProfile, overrides: file.rulesOverrides ?? {} },
  };
}

/** A document of the council file, to attach to its item once the meeting exists. */
export interface CouncilDocument {
  readonly itemId: string;
  readonly title: string;
  readonly url: string;
}

/** The council file's item documents, each titled in the meeting's language (else the first given). */
export function councilDocuments(file: CouncilFile): readonly CouncilDocument[] {
  const language = file.municipality.language;
  return file.agenda.flatMap((item) =>
    (item.documents ?? []).map((document) => ({
      itemId: `item-${item.n}`,
      title: document.title[language] ?? Object.values(document.title).find(Boolean) ?? '',
      url: document.url,
    })),
  );
}
