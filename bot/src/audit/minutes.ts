/**
 * `verify-minutes`: the seal of a PDF of the minutes (seal.ts), and with the meeting's log, that it
 * is the file the log records as sealed, that it seals the very PDF submitted and approved, that
 * the log's event the approvals name is there with that hash, and that every signatory's approval
 * is listed in the seal.
 */
import { fold, signatoriesOf, type Event } from '@council/shared';
import type { StoredEvent } from '../store';
import { checkSeal, sha256, type SealFound } from './seal';
import { verifyChain } from './verify';

export interface MinutesVerdict {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly seal?: SealFound;
}

/** What the log says of the sealed minutes, as problems: none when the file is the one it records. */
function againstLog(pdf: Buffer, seal: SealFound | undefined, stored: readonly StoredEvent[]) {
  const problems: string[] = [];
  const chain = verifyChain(stored);
  if (!chain.intact) problems.push(`the log is broken at ${chain.where}: ${chain.reason}`);
  const meeting = fold(stored.map((row) => row.data as Event));
  const signing = meeting.status === 'none' ? undefined : meeting.signing;
  if (meeting.status === 'none' || !signing?.sealed) {
    return [...problems, 'the log records no sealed minutes'];
  }
  if (sha256(pdf) !== signing.sealed.hash) {
    problems.push(`the file is not the sealed minutes the log records (${signing.sealed.hash})`);
  }
  if (seal && !seal.revisions.includes(signing.submitted.pdf)) {
    problems.push(
      `the file does not seal the PDF the signatories approved (${signing.submitted.pdf})`,
    );
  }
  const { seq, lastEvent } = signing.submitted;
  if (stored.find((row) => row.seq === seq)?.hash !== lastEvent) {
    problems.push(
      `the log's event ${seq} is not the one the minutes were approved at (${lastEvent})`,
    );
  }
  const approved = new Set(signing.approvals.map((approval) => approval.member));
  for (const member of signatoriesOf(meeting)) {
    if (!approved.has(member.id)) problems.push(`${member.name} has not approved the minutes`);
    else if (seal && !seal.approvals.includes(member.name)) {
      problems.push(`the seal does not list the approval of ${member.name}`);
    }
  }
  return problems;
}

export function verifyMinutes(pdf: Buffer, stored?: readonly StoredEvent[]): MinutesVerdict {
  const checked = checkSeal(pdf);
  const problems = checked.ok ? [] : [...checked.problems];
  if (stored) problems.push(...againstLog(pdf, checked.seal, stored));
  return { ok: problems.length === 0, problems, ...(checked.seal ? { seal: checked.seal } : {}) };
}

export function describeMinutes(verdict: MinutesVerdict): string {
  const { seal } = verdict;
  const lines = seal
    ? [
        `sealed by ${seal.signer} (certificate SHA-256 ${seal.fingerprint})` +
          (seal.signedAt ? ` at ${seal.signedAt.toISOString()}` : ''),
        seal.approvals || 'the seal lists no approval',
        `approved PDF SHA-256 ${seal.revisions[0] ?? 'none'}`,
      ]
    : [];
  const outcome = verdict.ok ? ['verified'] : verdict.problems.map((p) => `NOT VERIFIED: ${p}`);
  return [...lines, ...outcome].join('\n');
}
