import type { Language, Meeting } from '@council/shared';
import { html } from './html';
import { councilBlock, fill, sheetOf, timeProperty } from './sitting';
import type { PublicDocument } from './documents';
import { PREFIXES, addressesOf } from './vocabulary';
import { publicationWords } from './words';

/**
 * The municipality's index of publications: each sitting with a link per document it has online,
 * as `lblodBesluit:linkToPublication`, which ABB's harvester follows (lblod/pages-vendors).
 */
export function indexPage(
  origin: string,
  municipality: string,
  language: Language,
  sittings: readonly { readonly meeting: Meeting; readonly documents: readonly PublicDocument[] }[],
): string {
  const words = publicationWords[language];
  const council = fill(words.council, { municipality });
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${words.publications} — ${council}</title>
      </head>
      <body prefix="${PREFIXES}">
        <main>
          <h1>${words.publications} — ${council}</h1>
          <h2>${words.sittings}</h2>
          <ul>
            ${sittings.map(({ meeting, documents }) => {
              const sheet = sheetOf(
                meeting,
                addressesOf(origin, meeting.setup.municipality, meeting.id),
              );
              return html`<li resource="${sheet.at.zitting}" typeof="besluit:Zitting">
                <h3>
                  ${meeting.setup.title} —
                  ${timeProperty(sheet, 'besluit:geplandeStart', meeting.setup.scheduledStart)}
                </h3>
                <p hidden>${councilBlock(sheet)}</p>
                <ul>
                  ${documents.map(
                    (document) =>
                      html`<li>
                        <a property="lblodBesluit:linkToPublication" href="${document.path}"
                          >${sheet.words.documents[document.kind]}${document.kind === 'extract' || document.kind === 'supplementaryAgenda' ? ` (${decodeURIComponent(document.path.split('/').at(-1) ?? '')})` : ''}</a
                        >
                      </li>`,
                  )}
                </ul>
              </li>`;
            })}
          </ul>
        </main>
      </body>
    </html> `.text;
}
