import { refuse, type Decision } from '../decision';

/** Long enough for a SharePoint sharing link with its query, short enough to show on a card. */
export const MAX_DOCUMENT_URL = 2_000;

/** Spaces, control characters and backslashes: each read differently by browsers and servers. */
const unsafe = (url: string) => /[\s\\]|[^\u0020-\u007e\u00a0-\uffff]/.test(url);
const hostShape = /^[a-z0-9.-]+(?::\d{1,5})?$/;

/**
 * The host (with any port) of an https address, or why it is not one a member may be sent to: a
 * link goes out on cards and in the tab, so it must be https and carry no user name or password.
 * Parsed by hand: the domain has no URL class, and this reading is stricter than a browser's.
 */
function hostOf(url: string): { readonly host: string } | { readonly refusal: Decision } {
  if (url.length > MAX_DOCUMENT_URL || unsafe(url) || !/^https:\/\//i.test(url)) {
    return { refusal: refuse('DOCUMENT_LINK_INVALID') };
  }
  const authority = url.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { refusal: refuse('DOCUMENT_LINK_CREDENTIALS') };
  const host = authority.toLowerCase();
  return hostShape.test(host) ? { host } : { refusal: refuse('DOCUMENT_LINK_INVALID') };
}

/**
 * Why an item's document may not link to `url`, or null. `hosts` are the council's document hosts
 * (its SharePoint and OneDrive, from the service's configuration): the domain checks the address's
 * form, the service's edge the host as well.
 */
export function documentLinkRefusal(url: string, hosts?: readonly string[]): Decision | null {
  const checked = hostOf(url);
  if ('refusal' in checked) return checked.refusal;
  if (hosts === undefined || hosts.some((allowed) => allowed.toLowerCase() === checked.host)) {
    return null;
  }
  return refuse('DOCUMENT_HOST_NOT_ALLOWED', { host: checked.host });
}
