/**
 * A command as its issuer named it. A command id is chosen by whoever sends the command (the tab,
 * the bot from a card press, the service itself), so it is only unique per issuer: the same id from
 * two people is two commands, and one person can never answer, or block, another's.
 */
export interface IssuedCommand {
  /** The verified identity that issued it, or the service's own (`system`). */
  readonly issuedBy: string;
  readonly commandId: string;
}

/** One string per issued command, for maps and sets. */
export function issuedKey({ issuedBy, commandId }: IssuedCommand): string {
  return JSON.stringify([issuedBy, commandId]);
}
