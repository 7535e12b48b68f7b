import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Meeting } from '@council/shared';
import { municipalitySlug, publicPath } from '../public/address';
import { publicDocuments } from '../publication/documents';

/**
 * The sitting's public documents as the service serves them (GET, no sign-in), written under
 * `dir`: index.html for the municipality's index, then each document by its address below the
 * sitting's (agenda.html, decisions.html, minutes.html, extracts/item-2.html…). Returns how many.
 */
export async function writePublicDocuments(
  url: string,
  origin: string,
  meeting: Meeting,
  dir: string,
): Promise<number> {
  const base = publicPath(meeting.setup.municipality, meeting.id);
  const pages = [
    { path: `/public/${municipalitySlug(meeting.setup.municipality)}`, file: 'index.html' },
    ...publicDocuments(meeting, origin).map((document) => ({
      path: document.path,
      file: `${decodeURIComponent(document.path.slice(base.length + 1))}.html`,
    })),
  ];
  for (const { path, file } of pages) {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(await response.arrayBuffer()));
  }
  return pages.length;
}
