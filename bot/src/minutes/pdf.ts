import { createRequire } from 'node:module';
import type { MinutesBlock, MinutesDocument } from '@council/shared';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans, shipped by an npm package as TrueType: embedded, it prints every accent of the four
 * languages (é, ë, ü, ß), the em dash, and names from anywhere in Europe, with or without network.
 */
const require = createRequire(import.meta.url);
const fontFile = (style: string) =>
  require.resolve(`@expo-google-fonts/noto-sans/${style}/NotoSans_${style}.ttf`);
const fonts = {
  regular: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italic: fontFile('400Regular_Italic'),
} as const;

const ink = '#1b1b1b';
const muted = '#5c5c5c';
const accent = '#1f4e79';
const draftRed = '#b3261e';

const margin = { top: 56, bottom: 64, left: 60, right: 60 };
const indent = 18;

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc): number {
  return doc.page.width - margin.left - margin.right;
}

/** A heading must not be the last line of a page: start a new page when little room is left. */
function keepRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - margin.bottom) doc.addPage();
}

function title(doc: Doc, minutes: MinutesDocument): void {
  doc.font(fonts.regular).fontSize(9).fillColor(muted).text(minutes.municipality.toUpperCase(), {
    characterSpacing: 0.6,
  });
  doc.moveDown(0.2);
  doc.font(fonts.bold).fontSize(22).fillColor(accent).text(minutes.title);
  doc.font(fonts.regular).fontSize(12.5).fillColor(ink).text(minutes.subtitle);
  doc.moveDown(0.6);
  if (minutes.draft) {
    const top = doc.y;
    const text = `${minutes.draft.mark} — ${minutes.draft.notice}`;
    doc.font(fonts.bold).fontSize(9.5);
    const height = doc.heightOfString(text, { width: contentWidth(doc) - 16 }) + 12;
    doc.rect(margin.left, top, contentWidth(doc), height).fill(draftRed);
    doc
      .fillColor('#ffffff')
      .text(text, margin.left + 8, top + 6, { width: contentWidth(doc) - 16 });
    doc.x = margin.left;
    doc.y = top + height;
    doc.moveDown(0.8);
  }
  doc.fillColor(ink);
}

function facts(doc: Doc, rows: readonly (readonly [string, string])[]): void {
  const labelWidth = 140;
  const valueWidth = contentWidth(doc) - labelWidth - 10;
  for (const [label, value] of rows) {
    doc.font(fonts.regular).fontSize(10);
    const height = Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.font(fonts.bold).heightOfString(label, { width: labelWidth }),
    );
    keepRoom(doc, height);
    const top = doc.y;
    doc.font(fonts.bold).fillColor(muted).text(label, margin.left, top, { width: labelWidth });
    doc
      .font(fonts.regular)
      .fillColor(ink)
      .text(value, margin.left + labelWidth + 10, top, { width: valueWidth });
    doc.x = margin.left;
    doc.y = top + height + 3;
  }
  doc.moveDown(0.5);
}

function headingBlock(doc: Doc, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? 15 : level === 2 ? 12 : 10.5;
  keepRoom(doc, level === 3 ? 60 : 90);
  doc.moveDown(level === 1 ? 1 : 0.6);
  doc
    .font(fonts.bold)
    .fontSize(size)
    .fillColor(level === 3 ? ink : accent)
    .text(text, margin.left, doc.y, { width: contentWidth(doc) });
  if (level === 1) {
    const y = doc.y + 2;
    doc
      .moveTo(margin.left, y)
      .lineTo(margin.left + contentWidth(doc), y)
      .lineWidth(0.8)
      .strokeColor(accent)
      .stroke();
    doc.y = y + 4;
  }
  doc.moveDown(0.3);
  doc.fillColor(ink);
}

function paragraphBlock(
  doc: Doc,
  block: Extract<MinutesBlock, { kind: 'paragraph' }>,
  separator: string,
): void {
  const quote = block.tone === 'quote';
  const left = margin.left + (quote ? indent : 0);
  const width = contentWidth(doc) - (quote ? indent * 2 : 0);
  const body = block.tone === 'note' || quote ? fonts.italic : fonts.regular;
  doc.fontSize(10).fillColor(block.tone === 'note' ? muted : ink);
  if (block.label) {
    doc
      .font(fonts.bold)
      .text(`${block.label}${separator}`, left, doc.y, { width, continued: true });
    doc.font(block.tone === 'decision' ? fonts.bold : body).text(block.text);
  } else {
    doc.font(body).text(block.text, left, doc.y, { width });
  }
  doc.x = margin.left;
  doc.moveDown(0.25);
  doc.fillColor(ink);
}

function listBlock(doc: Doc, items: readonly string[]): void {
  doc.font(fonts.regular).fontSize(10).fillColor(ink);
  for (const item of items) {
    const top = doc.y;
    doc.text('•', margin.left + 4, top);
    doc.text(item, margin.left + indent, top, { width: contentWidth(doc) - indent });
    doc.x = margin.left;
  }
  doc.moveDown(0.4);
}

/** Below the signatories' names, the room left to sign by hand. */
const signingSpace = 48;

function signatoryColumns(doc: Doc, block: Extract<MinutesBlock, { kind: 'signatures' }>) {
  const columns = Math.max(block.signatories.length, 1);
  const gap = 24;
  const width = (contentWidth(doc) - gap * (columns - 1)) / columns;
  const height = Math.max(
    0,
    ...block.signatories.map(
      (s) =>
        doc.font(fonts.bold).heightOfString(s.role, { width }) +
        doc.font(fonts.regular).heightOfString(s.name || ' ', { width }),
    ),
  );
  return { width, gap, height };
}

/**
 * The closing words, the approval line and the signatories, measured and kept on one page: a
 * signature alone on a last page would sign nothing that can be seen.
 */
function signaturesBlock(doc: Doc, block: Extract<MinutesBlock, { kind: 'signatures' }>): void {
  doc.font(fonts.regular).fontSize(10).fillColor(ink);
  const full = { width: contentWidth(doc) };
  const line = doc.currentLineHeight(true);
  const columns = signatoryColumns(doc, block);
  doc.font(fonts.regular);
  const height =
    line * 3.8 +
    doc.heightOfString(block.closing, full) +
    doc.heightOfString(`${block.approval} ………………………………`, full) +
    doc.heightOfString(block.intro, full) +
    columns.height +
    signingSpace +
    10;
  keepRoom(doc, height);
  doc.moveDown(1);
  doc.text(block.closing, margin.left, doc.y, full);
  doc.moveDown(1.2);
  doc.text(`${block.approval} ………………………………`);
  doc.moveDown(0.8);
  doc.text(block.intro);
  doc.moveDown(0.8);
  const top = doc.y;
  const rule = top + columns.height + signingSpace;
  block.signatories.forEach((signatory, index) => {
    const left = margin.left + index * (columns.width + columns.gap);
    doc.font(fonts.bold).text(signatory.role, left, top, { width: columns.width });
    doc.font(fonts.regular).text(signatory.name, left, doc.y, { width: columns.width });
    doc
      .moveTo(left, rule)
      .lineTo(left + columns.width, rule)
      .lineWidth(0.5)
      .strokeColor(muted)
      .stroke();
  });
  doc.x = margin.left;
  doc.y = rule + 10;
}

function block(doc: Doc, minutes: MinutesDocument, item: MinutesBlock): void {
  switch (item.kind) {
    case 'heading':
      headingBlock(doc, item.level, item.text);
      return;
    case 'paragraph':
      paragraphBlock(doc, item, minutes.labelSeparator);
      return;
    case 'facts':
      facts(doc, item.rows);
      return;
    case 'list':
      listBlock(doc, item.items);
      return;
    case 'signatures':
      signaturesBlock(doc, item);
      return;
    default: {
      const _exhaustive: never = item;
      return _exhaustive;
    }
  }
}

/** Every page: the seal of the log and the page number; across a draft's pages, its mark. */
function stampPages(doc: Doc, minutes: MinutesDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing in the bottom margin must not make pdfkit start another page.
    doc.page.margins.bottom = 0;
    if (minutes.draft) {
      doc.save();
      doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc
        .font(fonts.bold)
        .fontSize(96)
        .fillColor(draftRed)
        .fillOpacity(0.08)
        .text(minutes.draft.mark, 0, doc.page.height / 2 - 60, {
          width: doc.page.width,
          align: 'center',
        });
      doc.restore();
    }
    const width = contentWidth(doc);
    const top = doc.page.height - margin.bottom + 18;
    doc
      .moveTo(margin.left, top - 6)
      .lineTo(margin.left + width, top - 6)
      .lineWidth(0.4)
      .strokeColor(muted)
      .stroke();
    const page = minutes.pageLabel
      .replace('{page}', String(index - range.start + 1))
      .replace('{pages}', String(range.count));
    doc.font(fonts.regular).fontSize(7).fillColor(muted).fillOpacity(1);
    doc.text(minutes.footer, margin.left, top, { width: width - 80, lineBreak: true });
    doc.text(page, margin.left + width - 75, top, { width: 75, align: 'right' });
  }
}

/** The minutes as a PDF, laid out for A4 paper to be signed by hand. */
export function renderMinutesPdf(minutes: MinutesDocument): Promise<Buffer> {
  const asOf = new Date(minutes.asOf);
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    lang: minutes.language,
    displayTitle: true,
    info: {
      Title: `${minutes.title} — ${minutes.subtitle}`,
      Author: minutes.municipality,
      Subject: minutes.footer,
      CreationDate: asOf,
      ModDate: asOf,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  title(doc, minutes);
  for (const item of minutes.blocks) block(doc, minutes, item);
  stampPages(doc, minutes);
  doc.end();
  return done;
}
