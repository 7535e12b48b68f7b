import type { CouncilApi } from './client';

interface Signing {
  readonly final: { readonly seq: number; readonly pdf: string; readonly lastEvent: string } | null;
  readonly signatories: readonly { readonly memberId: string; readonly name: string }[];
}

/**
 * The end of the sitting: the director submits the final minutes and each signatory approves them
 * in the tab's API; the service seals them. Returns the sealed PDF.
 */
export async function signMinutes(
  api: CouncilApi,
  meetingId: string,
  director: { readonly id: string; readonly name: string },
): Promise<Buffer> {
  const base = `/api/meetings/${meetingId}`;
  const signing = await api.json<Signing>(director, 'GET', `${base}/minutes/signing`);
  const final = signing.final;
  if (!final) throw new Error('the minutes are not final');
  const issue = (person: { id: string; name: string }, command: unknown) =>
    api.json(person, 'POST', `${base}/commands`, {
      commandId: `demo-${person.id}-${String(Date.now())}`,
      command,
    });
  await issue(director, { type: 'SubmitMinutes', ...final });
  for (const { memberId, name } of signing.signatories) {
    await issue(
      { id: memberId, name },
      { type: 'ApproveMinutes', pdf: final.pdf, lastEvent: final.lastEvent },
    );
  }
  return api.bytes(director, `${base}/minutes/sealed.pdf`);
}
