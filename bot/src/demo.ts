import { readFile } from 'node:fs/promises';
import {
  councilDocuments,
  councilFileSchema,
  documentLinkRefusal,
  meetingSetupSchema,
  setupFromCouncilFile,
} from '@council/shared';
import type { Service } from './http/server';

/**
 * Loads a council file (the demo council for `npm start`) as a meeting of its tenant, once: the
 * meeting's id derives from the file's tenant and a fixed command id, so a restart finds it. Its
 * items' documents are attached before it is convened, those on `documentHosts` (the service's
 * DOCUMENT_HOSTS) only, as the tab's edge would admit them.
 */
export async function loadCouncil(
  service: Service,
  path: string,
  documentHosts: readonly string[] = [],
): Promise<string> {
  const file = councilFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const by = file.director.aadObjectId;
  const created = await service.meetings.create(file.tenantId, {
    commandId: 'demo-council',
    by,
    command: { type: 'CreateMeeting', setup: meetingSetupSchema.parse(setupFromCouncilFile(file)) },
  });
  if (!created.ok && created.error.code !== 'MEETING_EXISTS') {
    throw new Error(`the council file was refused: ${created.error.code}`);
  }
  const meetingId = created.meetingId;
  const documents = councilDocuments(file).filter(
    (document) => documentHosts.length > 0 && !documentLinkRefusal(document.url, documentHosts),
  );
  for (const [index, { itemId, title, url }] of documents.entries()) {
    const attached = await service.meetings.execute({
      meetingId,
      commandId: `demo-council-document-${index + 1}`,
      by,
      command: { type: 'AttachDocument', itemId, title, url },
    });
    if (!attached.ok && attached.error.code !== 'DOCUMENT_ALREADY_ATTACHED') {
      throw new Error(`the demo meeting's document ${url} was refused: ${attached.error.code}`);
    }
  }
  const convened = await service.meetings.execute({
    meetingId,
    commandId: 'demo-council-convened',
    by,
    command: {
      type: 'ConveneMeeting',
      place: 'Hôtel de ville, salle du conseil',
      reason: 'Séance de démonstration tenue dans Microsoft Teams.',
    },
  });
  if (!convened.ok && convened.error.code !== 'SETUP_LOCKED') {
    throw new Error(`the demo meeting could not be convened: ${convened.error.code}`);
  }
  return meetingId;
}
