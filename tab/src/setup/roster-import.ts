import { memberSchema, type Member } from '@council/shared';

export type ImportProblem =
  | { readonly kind: 'notJson' | 'empty' }
  | { readonly kind: 'invalid'; readonly line: number; readonly field: string };

export type Imported =
  | { readonly ok: true; readonly roster: Member[] }
  | { readonly ok: false; readonly problem: ImportProblem };

/** Splits one CSV line, with quoted fields ("Claes, Bruno") and doubled quotes inside them. */
function csvFields(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const aliases: Readonly<Record<string, keyof Member>> = {
  id: 'id',
  aadobjectid: 'id',
  objectid: 'id',
  name: 'name',
  role: 'role',
  group: 'group',
  seat: 'seat',
  birthdate: 'birthDate',
  title: 'title',
  gender: 'gender',
  function: 'function',
};

function rowsOfCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  // Spreadsheets in French, Dutch and German locales write CSV with semicolons.
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';
  const names = csvFields(header, separator).map((name) => aliases[name.toLowerCase()] ?? name);
  return lines.slice(1).map((line) => {
    const fields = csvFields(line, separator);
    return Object.fromEntries(
      names.flatMap((name, i) => (fields[i] ? [[name, fields[i]] as const] : [])),
    );
  });
}

/** A council file ({ director, observer, members }) or a plain list of members. */
function peopleOfJson(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && 'members' in value) {
    const file = value as { members: unknown[]; director?: unknown; observer?: unknown };
    return [...file.members, file.director, file.observer].filter(Boolean);
  }
  return [];
}

function normalised(person: unknown): unknown {
  if (!person || typeof person !== 'object') return person;
  const { aadObjectId, seat, role, ...rest } = person as Record<string, unknown>;
  return {
    ...rest,
    id: rest.id ?? aadObjectId,
    role: typeof role === 'string' ? role.trim().toLowerCase() : role,
    ...(seat === undefined || seat === '' ? {} : { seat: Number(seat) }),
  };
}

/**
 * Reads a roster from CSV (a header row: id, name, role, group, seat, birthDate, title, gender,
 * function) or JSON (a list of members, or a council file like the demo council's). Every member
 * is checked as the service will check it; the first problem is named with its line and field.
 */
export function importRoster(text: string, fileName = ''): Imported {
  let people: unknown[];
  const looksJson = fileName.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      people = peopleOfJson(JSON.parse(text));
    } catch {
      return { ok: false, problem: { kind: 'notJson' } };
    }
  } else people = rowsOfCsv(text);
  if (people.length === 0) return { ok: false, problem: { kind: 'empty' } };
  const roster: Member[] = [];
  for (const [index, person] of people.entries()) {
    const parsed = memberSchema.safeParse(normalised(person));
    if (!parsed.success) {
      // A CSV file's first line is its header: the second line holds the first member.
      const line = looksJson ? index + 1 : index + 2;
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      return { ok: false, problem: { kind: 'invalid', line, field } };
    }
    roster.push(parsed.data);
  }
  return { ok: true, roster };
}
