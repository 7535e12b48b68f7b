import { randomBytes } from 'node:crypto';

/**
 * A PDF text string (ISO 32000-1 §7.9.2.2) as a hex string of UTF-16BE with its byte order mark,
 * which every reader decodes: "Procès-verbal" stays whole, as any name of the roster does.
 */
export function pdfTextString(text: string): string {
  return `<${Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/**
 * A field of the signature dictionary written as `pdfTextString(text)` into a PDF made by a tool
 * that only writes ASCII well (@signpdf writes the UTF-16 bytes of a string as UTF-8): the tool
 * writes `filler`, a literal string of the same length, which `written` then replaces byte for
 * byte, so that no offset of the file moves.
 */
export function textField(text: string): { filler: string; written(pdf: Buffer): Buffer } {
  const hex = pdfTextString(text);
  const filler = randomBytes(hex.length)
    .toString('hex')
    .slice(0, hex.length - 2);
  return {
    filler,
    written(pdf) {
      const at = pdf.indexOf(`(${filler})`, 0, 'latin1');
      if (at < 0 || pdf.indexOf(`(${filler})`, at + 1, 'latin1') >= 0) {
        throw new Error('the signature dictionary holds its text field once, or not at all');
      }
      const out = Buffer.from(pdf);
      out.write(hex, at, 'latin1');
      return out;
    },
  };
}

const escapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** The text of a PDF string token, `(literal)` or `<hex>`, in UTF-16BE with a BOM or PDFDocEncoding. */
export function readPdfTextString(token: string): string {
  const bytes = token.startsWith('<')
    ? Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex')
    : Buffer.from(
        token
          .slice(1, -1)
          .replace(/\\([0-7]{1,3}|.)/gs, (_, c: string) =>
            /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (escapes[c] ?? c),
          ),
        'latin1',
      );
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
  return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
    .swap16()
    .toString('utf16le');
}
