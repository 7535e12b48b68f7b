import { createHash } from 'node:crypto';
import { COUNCIL_TIME_ZONE, languages, type Language } from '@council/shared';
import { escapeHtml } from '../publication/html';
import type { ChoiceLabel, PublicItem, PublicResult, PublicSitting } from './sitting';
import { fill, publicWords, type PublicWords } from './words';

/** Text as HTML: every name and title comes from a council's setup, not from this service. */
const esc = escapeHtml;

/** Text-first, readable at 320 px and 200 % zoom: one column, relative sizes, wrapping long words. */
const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:48rem;padding:1rem;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
a{color:#0b4f9c}a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
nav ul,.counts{list-style:none;padding:0}nav li{display:inline-block;margin-right:1rem}
.status{font-weight:700}.closed{font-style:italic}.current{font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`.trim();

/**
 * Progressive enhancement: without it the page is whole, with it the live region follows the sitting.
 * Each `sitting` event replaces it and says what changed in the polite live region; EventSource
 * resumes by itself with Last-Event-ID, and `since` tells the stream which version the page shows.
 */
const SCRIPT = `
(function(){var m=document.getElementById('sitting'),s=document.getElementById('announce'),l=document.getElementById('live');
if(!m||!s||!window.EventSource)return;
var q=new URLSearchParams(location.search);q.set('since',m.getAttribute('data-version')||'0');
var e=new EventSource(location.pathname.replace(/\\/$/,'')+'/events?'+q.toString());
e.addEventListener('sitting',function(ev){var d=JSON.parse(ev.data);m.innerHTML=d.html;m.setAttribute('data-version',ev.lastEventId);if(d.say)s.textContent=d.say;});
e.addEventListener('error',function(){if(e.readyState===2&&l)l.textContent=l.getAttribute('data-lost')||'';});
})();
`.trim();

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page runs its one inline script and style, by their hashes, and reaches only its own stream:
 * nothing else loads, nothing frames it, no form goes anywhere.
 */
export const PUBLIC_PAGE_POLICY = [
  "default-src 'none'",
  `script-src ${hashOf(SCRIPT)}`,
  `style-src ${hashOf(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function choiceName(words: PublicWords, choice: ChoiceLabel): string {
  if (typeof choice !== 'string') return choice.candidate;
  return choice === 'blank' ? words.blank : words.choices[choice];
}

const titleOf = (item: { title: PublicItem['title'] }, language: Language, fallback: Language) =>
  item.title ? (item.title[language] ?? item.title[fallback] ?? '') : '';

function outcomeOf(words: PublicWords, result: PublicResult): string {
  return result.outcome === 'elected'
    ? fill(words.outcomes.elected, { name: result.elected ?? '' })
    : words.outcomes[result.outcome];
}

function itemLine(words: PublicWords, item: PublicItem, language: Language, fallback: Language) {
  const number = esc(fill(words.itemNumber, { n: item.number }));
  if (!item.title) return `<li class="closed">${number} — ${esc(words.closedItem)}</li>`;
  const title = esc(titleOf(item, language, fallback));
  return item.current
    ? `<li class="current" aria-current="step">${number} — ${title} ${esc(words.currentMark)}</li>`
    : `<li>${number} — ${title}</li>`;
}

function resultBlock(
  words: PublicWords,
  result: PublicResult,
  language: Language,
  fallback: Language,
) {
  const item = `${fill(words.itemNumber, { n: result.item.number })} — ${titleOf(result.item, language, fallback)}`;
  const counts = result.counts
    .map(({ choice, count, names }) => {
      const who = names.length > 0 ? ` — ${esc(names.join(', '))}` : '';
      return `<li>${esc(choiceName(words, choice))} : ${String(count)}${who}</li>`;
    })
    .join('');
  const how = result.secret ? words.secretVote : words.namedVote;
  const participation = fill(words.participation, {
    count: result.participation,
    eligible: result.eligible,
  });
  return (
    `<section aria-labelledby="r-${esc(result.voteId)}"><h3 id="r-${esc(result.voteId)}">${esc(item)}</h3>` +
    `<p><strong>${esc(outcomeOf(words, result))}</strong> — ${esc(how)}, ${esc(participation)}</p>` +
    `<ul class="counts">${counts}</ul></section>`
  );
}

/** The part of the page that follows the sitting, the same for every reader of a language. */
export function liveRegion(sitting: PublicSitting, language: Language): string {
  const words = publicWords[language];
  const fallback = sitting.language;
  const status = words.statuses[sitting.status];
  const now =
    sitting.status === 'closedSession'
      ? `<p>${esc(words.closedSessionNote)}</p>`
      : sitting.current
        ? `<p class="current">${esc(fill(words.itemNumber, { n: sitting.current.number }))} — ${esc(titleOf(sitting.current, language, fallback))}</p>` +
          `<p>${esc(sitting.speaker ? fill(words.floor, { name: sitting.speaker }) : words.nobodyHasTheFloor)}</p>`
        : `<p>${esc(words.noCurrentItem)}</p>`;
  const agenda =
    sitting.agenda.length === 0
      ? `<p>${esc(words.emptyAgenda)}</p>`
      : `<ol>${sitting.agenda.map((item) => itemLine(words, item, language, fallback)).join('')}</ol>`;
  const results =
    sitting.results.length === 0
      ? `<p>${esc(words.noResults)}</p>`
      : sitting.results.map((r) => resultBlock(words, r, language, fallback)).join('');
  return (
    `<h2>${esc(words.status)}</h2><p class="status">${esc(status)}</p>` +
    `<h2>${esc(words.now)}</h2>${now}` +
    `<h2>${esc(words.agenda)}</h2>${agenda}` +
    `<h2>${esc(words.results)}</h2>${results}`
  );
}

/** What a screen reader says, politely, of the change from one snapshot to the next. */
export function announcement(
  before: PublicSitting,
  after: PublicSitting,
  language: Language,
): string {
  const words = publicWords[language];
  const said: string[] = [];
  if (after.status === 'closedSession' && before.status !== 'closedSession') {
    said.push(words.announceClosedSession);
  }
  if (after.speaker && after.speaker !== before.speaker) {
    said.push(fill(words.announceFloor, { name: after.speaker }));
  }
  const known = new Set(before.results.map((r) => r.voteId));
  for (const result of after.results) {
    if (known.has(result.voteId)) continue;
    said.push(
      fill(words.announceResult, {
        item: fill(words.itemNumber, { n: result.item.number }),
        outcome: outcomeOf(words, result),
      }),
    );
  }
  return said.join(' ');
}

function scheduled(sitting: PublicSitting, language: Language): string {
  const date = new Intl.DateTimeFormat(`${language}-BE`, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: COUNCIL_TIME_ZONE,
  }).format(new Date(sitting.scheduledStart));
  return fill(publicWords[language].scheduled, { date });
}

/** The whole page of a sitting in one language, at one version of the meeting. */
export function publicPage(
  sitting: PublicSitting,
  language: Language,
  { version, path }: { readonly version: number; readonly path: string },
): string {
  const words = publicWords[language];
  const switches = languages
    .map((other) =>
      other === language
        ? `<li><a href="${esc(path)}?lang=${other}" lang="${other}" aria-current="page">${esc(publicWords[other].languageName)}</a></li>`
        : `<li><a href="${esc(path)}?lang=${other}" lang="${other}" hreflang="${other}">${esc(publicWords[other].languageName)}</a></li>`,
    )
    .join('');
  const livestream = sitting.livestream
    ? `<p><a href="${esc(sitting.livestream)}" rel="noopener noreferrer">${esc(words.livestream)}</a></p>`
    : '';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(`${sitting.title} — ${sitting.municipality}`)}</title>` +
    `<style>${STYLE}</style></head><body>` +
    `<header><p>${esc(sitting.municipality)} · ${esc(words.sitting)}</p><h1>${esc(sitting.title)}</h1>` +
    `<p>${esc(scheduled(sitting, language))}</p>${livestream}` +
    `<nav aria-label="${esc(words.otherLanguages)}"><ul>${switches}</ul></nav></header>` +
    `<main id="sitting" data-version="${String(version)}">${liveRegion(sitting, language)}</main>` +
    `<footer><p id="live" data-lost="${esc(words.liveLost)}">${esc(words.live)}</p>` +
    `<p id="announce" class="sr-only" role="status" aria-live="polite"></p></footer>` +
    `<script>${SCRIPT}</script></body></html>`
  );
}
