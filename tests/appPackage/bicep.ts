/**
 * Just enough of Bicep to check infra/ by its text, since no Bicep compiler runs here: the
 * declarations of a file (parameters with their decorators and defaults, variables, resources,
 * modules with the parameters they pass, outputs), and a lexer that checks that every string,
 * interpolation and bracket is closed.
 */
import path from 'node:path';
import { readText } from './helpers';

export interface Param {
  name: string;
  type: string;
  default?: string;
  decorators: string;
}

export interface Module {
  symbol: string;
  file: string;
  params: string[];
}

export interface BicepFile {
  path: string;
  text: string;
  params: Param[];
  vars: string[];
  resources: { symbol: string; type: string }[];
  modules: Module[];
  outputs: { name: string; type: string; value: string }[];
}

/** The text without comments (strings are kept, a `//` inside a string is not a comment). */
export function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (!inString && c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (!inString && c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === "'" && (!inString || text[i - 1] !== '\\')) inString = !inString;
    out += c;
  }
  return out;
}

/** The text between the bracket at `open` and its partner, brackets inside strings aside. */
function block(text: string, open: number): string {
  const last = lex(text.slice(open), true).at(-1);
  if (!last) throw new Error(`unclosed bracket at ${open}`);
  return text.slice(open + 1, open + last.at);
}

export function readBicep(relative: string): BicepFile {
  const text = withoutComments(readText(relative));
  const params: Param[] = [];
  // Decorators: lines starting with @, and the indented lines or closing brackets that continue them.
  const paramPattern =
    /((?:^@[^\n]*\n(?:^[ \t'\])][^\n]*\n)*)*)^param\s+(\w+)\s+(\w+)(?:\s*=\s*([^\n]+))?$/gm;
  for (const m of text.matchAll(paramPattern)) {
    params.push({
      name: m[2] ?? '',
      type: m[3] ?? '',
      ...(m[4] === undefined ? {} : { default: m[4].trim() }),
      decorators: m[1] ?? '',
    });
  }
  const modules: Module[] = [];
  for (const m of text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)) {
    const body = block(text, m.index + m[0].length - 1);
    const paramsAt = /^\s{2}params:\s*\{/m.exec(body);
    const paramsBody = paramsAt ? block(body, paramsAt.index + paramsAt[0].length - 1) : '';
    modules.push({
      symbol: m[1] ?? '',
      file: path.posix.join(path.posix.dirname(relative), m[2] ?? ''),
      params: [...paramsBody.matchAll(/^\s{4}(\w+):/gm)].map((p) => p[1] ?? ''),
    });
  }
  return {
    path: relative,
    text,
    params,
    vars: [...text.matchAll(/^var\s+(\w+)\s*=/gm)].map((m) => m[1] ?? ''),
    resources: [...text.matchAll(/^resource\s+(\w+)\s+'([^']+)'/gm)].map((m) => ({
      symbol: m[1] ?? '',
      type: m[2] ?? '',
    })),
    modules,
    outputs: [...text.matchAll(/^output\s+(\w+)\s+(\w+)\s*=\s*([^\n]+)$/gm)].map((m) => ({
      name: m[1] ?? '',
      type: m[2] ?? '',
      value: m[3] ?? '',
    })),
  };
}

/** The body of the resource (or module) with this symbolic name. */
export function bodyOf(file: BicepFile, symbol: string): string {
  const m = new RegExp(`^(?:resource|module)\\s+${symbol}\\s+'[^']+'\\s*=\\s*\\{`, 'm').exec(
    file.text,
  );
  if (!m) throw new Error(`${file.path} has no resource or module "${symbol}"`);
  return block(file.text, m.index + m[0].length - 1);
}

interface Token {
  text: string;
  at: number;
}

/**
 * Brackets outside strings, in order. Strings are '…' with \' escapes and ${…} interpolations,
 * whose contents are lexed as code; a multi-line string is '''…'''. Throws on anything unclosed.
 */
export function lex(text: string, untilBalanced = false): Token[] {
  const tokens: Token[] = [];
  const stack: string[] = [];
  let i = 0;
  /** Code until the end of the text, or until the `}` that ends an interpolation. */
  const code = (interpolation: boolean): void => {
    const base = stack.length;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (text.startsWith("'''", i)) {
        const end = text.indexOf("'''", i + 3);
        if (end < 0) throw new Error(`unclosed ''' string at ${i}`);
        i = end + 3;
      } else if (c === "'") {
        i++;
        string();
      } else if ('([{'.includes(c)) {
        tokens.push({ text: c, at: i });
        stack.push(c);
        i++;
      } else if (')]}'.includes(c)) {
        if (stack.length === base) {
          if (interpolation && c === '}') return;
          throw new Error(`"${c}" closes nothing at ${i}`);
        }
        const open = stack.pop() ?? '';
        if ('([{'.indexOf(open) !== ')]}'.indexOf(c)) {
          throw new Error(`"${open}" closed by "${c}" at ${i}`);
        }
        tokens.push({ text: c, at: i });
        i++;
        if (untilBalanced && stack.length === 0) return;
      } else {
        i++;
      }
    }
    if (interpolation) throw new Error('unclosed interpolation');
  };
  const string = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === "'") {
        i++;
        return;
      } else if (c === '\n') throw new Error(`string not closed on its line at ${i}`);
      else if (text.startsWith('${', i)) {
        i += 2;
        code(true);
        i++;
      } else i++;
    }
    throw new Error('unclosed string');
  };
  code(false);
  if (stack.length > 0) throw new Error(`unclosed "${stack.join('')}"`);
  return tokens;
}
