import { councilFileSchema, type CouncilFile } from '@council/shared';

/** A council file as the service will accept it, or null; NewMeeting loads this (and zod) on demand. */
export function readCouncilFile(text: string): CouncilFile | null {
  try {
    const council = councilFileSchema.safeParse(JSON.parse(text));
    return council.success ? council.data : null;
  } catch {
    return null;
  }
}
