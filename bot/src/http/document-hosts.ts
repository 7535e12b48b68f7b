import { documentLinkRefusal, type WireCommand } from '@council/shared';
import { refusal } from './problems';

/**
 * An item's document links only to the council's own SharePoint or OneDrive (the configured
 * hosts): a card or the tab must never send a member elsewhere under the council's name.
 */
export function admitDocumentLink(command: WireCommand, hosts: readonly string[]): void {
  if (command.type !== 'AttachDocument') return;
  const refused = documentLinkRefusal(command.url, hosts);
  if (refused && !refused.ok) throw refusal(refused.error.code, refused.error.params);
}
