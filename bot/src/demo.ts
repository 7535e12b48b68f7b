import { readFile } from 'node:fs/promises';
import { councilFileSchema, meetingSetupSchema, setupFromCouncilFile } from '@council/shared';
import type { Service } from './http/server';

/**
 * Loads a council file (the demo council for `npm start`) as a meeting of its tenant, once: the
 * meeting's id derives from the file's tenant and a fixed command id, so a restart finds it.
 */
export async function loadCouncil(service: Service, path: string): Promise<string> {
  const file = councilFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const created = await service.meetings.create(file.tenantId, {
    commandId: 'demo-council',
    by: file.director.aadObjectId,
    command: { type: 'CreateMeeting', setup: meetingSetupSchema.parse(setupFromCouncilFile(file)) },
  });
  if (!created.ok && created.error.code !== 'MEETING_EXISTS') {
    throw new Error(`the council file was refused: ${created.error.code}`);
  }
  const convened = await service.meetings.execute({
    meetingId: created.meetingId,
    commandId: 'demo-council-convened',
    by: file.director.aadObjectId,
    command: {
      type: 'ConveneMeeting',
      place: 'Hôtel de ville, salle du conseil',
      reason: 'Séance de démonstration tenue dans Microsoft Teams.',
    },
  });
  if (!convened.ok && convened.error.code !== 'SETUP_LOCKED') {
    throw new Error(`the demo meeting could not be convened: ${convened.error.code}`);
  }
  return created.meetingId;
}
