/**
 * `npm run package [-- --env <name>] [--out <folder>]`: builds appPackage.<name>.zip (in
 * appPackage/build unless --out says otherwise) from appPackage/ and env/.env.<name> (default
 * "dev"), checked offline. Exits 1 with every problem listed when a variable is missing or the
 * manifest is invalid.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PackageError, buildAppPackage } from './teams/app-package';

const rootDir = path.resolve(import.meta.dirname, '..');

function main(): number {
  let env: string;
  let outDir: string | undefined;
  try {
    const { values } = parseArgs({
      options: {
        env: { type: 'string', short: 'e', default: 'dev' },
        out: { type: 'string' },
      },
      strict: true,
    });
    env = values.env;
    outDir = values.out === undefined ? undefined : path.resolve(values.out);
  } catch (error) {
    console.error(
      `${(error as Error).message}\nusage: npm run package -- --env <name> [--out <folder>]`,
    );
    return 2;
  }
  try {
    const result = buildAppPackage({
      rootDir,
      env,
      overrides: process.env,
      ...(outDir ? { outDir } : {}),
    });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    const text = (value: unknown): string => (typeof value === 'string' ? value : '?');
    console.log(
      `${path.relative(process.cwd(), result.zipPath)}: ${result.entries.join(', ')} ` +
        `(manifest v${text(result.manifest.manifestVersion)}, app ${text(result.manifest.version)})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
