import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function readText(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export function readJson(relative: string): unknown {
  return JSON.parse(readText(relative));
}

/** What provision writes into env/.env.dev: ids in the right shapes, hosts on Azure. */
export const PROVISIONED_DEV = {
  TEAMS_APP_ID: '0f5b7c7e-5c1e-4a59-9f0e-3c1d2b4a5e6f',
  AAD_APP_CLIENT_ID: '8a1c3e5f-7b9d-4f2a-8c6e-1d3f5a7b9c0e',
  BOT_ID: '5d7a2f2b-9c8e-4a1b-8f6e-2b3c4d5e6f70',
  APP_DOMAIN: 'council1a2b3c.azurewebsites.net',
  APP_ENDPOINT: 'https://council1a2b3c.azurewebsites.net',
} as const;

const temporary: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'council-app-package-'));
  temporary.push(dir);
  return dir;
}

/**
 * A copy of the parts of the repository that packaging reads (appPackage/, env/), sharing the
 * real node_modules, so that a test can break one file without touching the working tree.
 */
export function projectCopy(): string {
  const dir = tempDir();
  const appPackage = path.join(ROOT, 'appPackage');
  cpSync(appPackage, path.join(dir, 'appPackage'), {
    recursive: true,
    filter: (source) => path.relative(appPackage, source).split(path.sep)[0] !== 'build',
  });
  cpSync(path.join(ROOT, 'env'), path.join(dir, 'env'), {
    recursive: true,
    filter: (source) => !source.endsWith('.user'),
  });
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeTemporaryDirs(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Width and height from a PNG's IHDR chunk, read straight from the bytes. */
export function pngSize(bytes: Uint8Array): { width: number; height: number; colourType: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error(`first chunk is ${chunkType}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20), colourType: bytes[25] ?? -1 };
}

/** Every `${{NAME}}` in a text. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g)].map((m) => m[1] ?? '');
}
