import { readFile } from 'node:fs/promises';

/** The JSON lines a probe preloaded into the service appended to `file`; none if it wrote none. */
export async function probeLines<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}
