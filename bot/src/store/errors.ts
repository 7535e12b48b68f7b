/**
 * What the store refuses, as types the command pipeline can tell apart. No error here carries a
 * secret ballot's choice, neither in its message nor in a field: a member id and a vote id at most.
 */
export abstract class StoreError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class MeetingNotFound extends StoreError {
  readonly code = 'MEETING_NOT_FOUND';
  constructor(readonly meetingId: string) {
    super(`no meeting ${meetingId}`);
  }
}

export class MeetingAlreadyExists extends StoreError {
  readonly code = 'MEETING_ALREADY_EXISTS';
  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} already exists`);
  }
}

export class TeamsMeetingAlreadyLinked extends StoreError {
  readonly code = 'TEAMS_MEETING_ALREADY_LINKED';
  constructor(
    readonly tenantId: string,
    readonly teamsMeetingId: string,
  ) {
    super(`Teams meeting ${teamsMeetingId} is already linked to another meeting of its tenant`);
  }
}

/** The log was not at the expected version: another command won the race. Reload and retry. */
export class VersionConflict extends StoreError {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly meetingId: string,
    readonly expectedVersion: number,
  ) {
    super(`meeting ${meetingId} is no longer at version ${expectedVersion}`);
  }
}

export class BallotAlreadyCast extends StoreError {
  readonly code = 'BALLOT_ALREADY_CAST';
  constructor(
    readonly voteId: string,
    readonly memberId: string,
  ) {
    super(`member ${memberId} has already cast a ballot in vote ${voteId}`);
  }
}

export class BallotBoxNotFound extends StoreError {
  readonly code = 'BALLOT_BOX_NOT_FOUND';
  constructor(readonly voteId: string) {
    super(`no ballot box for vote ${voteId} in this meeting`);
  }
}

export class BallotBoxAlreadyExists extends StoreError {
  readonly code = 'BALLOT_BOX_ALREADY_EXISTS';
  constructor(readonly voteId: string) {
    super(`vote ${voteId} already has a ballot box`);
  }
}

export class BallotBoxClosed extends StoreError {
  readonly code = 'BALLOT_BOX_CLOSED';
  constructor(readonly voteId: string) {
    super(`the ballot box of vote ${voteId} is closed`);
  }
}

/** Counts stay hidden until the vote closes (DESIGN.md, secret ballot invariant 3). */
export class BallotBoxStillOpen extends StoreError {
  readonly code = 'BALLOT_BOX_STILL_OPEN';
  constructor(readonly voteId: string) {
    super(`the ballot box of vote ${voteId} is still open: no count before it closes`);
  }
}

/** A ballot whose ciphertext is on the board already: a copy of someone's ballot. */
export class TrackerAlreadyOnBoard extends StoreError {
  readonly code = 'TRACKER_ALREADY_ON_BOARD';
  constructor(readonly voteId: string) {
    super(`a ballot of vote ${voteId} is on the board already`);
  }
}
