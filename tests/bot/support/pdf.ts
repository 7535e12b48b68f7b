import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler tool (installed by .ci/poppler.sh) on a PDF held in memory. */
async function withPdfFile<T>(pdf: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'minutes-'));
  try {
    const file = join(dir, 'minutes.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler's pdftotext extracts it, page footers included. */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return withPdfFile(
    pdf,
    async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout,
  );
}

/** The fonts of a PDF, as poppler's pdffonts lists them. */
export function pdfFonts(pdf: Uint8Array): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdffonts', [file])).stdout);
}

/**
 * The body of the minutes as one line of words: each page's footer (the log's fingerprint and the
 * page number) taken out, so that a list running over a page break reads on.
 */
export function bodyText(text: string, footer: RegExp): string {
  return text
    .split('\n')
    .filter((line) => !footer.test(line) && !/^[0-9a-f]{64}$/.test(line.trim()))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** What poppler's pdfsig says of a PDF's signatures (it exits non-zero on a bad one). */
export function pdfSignatures(pdf: Uint8Array): Promise<string> {
  return withPdfFile(pdf, async (file) => {
    try {
      return (await run('pdfsig', [file])).stdout;
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? '';
    }
  });
}
