import { spawn } from 'node:child_process';

/**
 * The service as its own process (node and `args`, in `cwd`), with only PATH and `env` for its
 * environment: what it prints is kept, and `listening` waits for its address.
 */
export function startServiceProcess(
  args: readonly string[],
  { cwd, env }: { readonly cwd: string; readonly env: Readonly<Record<string, string>> },
) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = async () => {
    for (let i = 0; i < 600 && !output.includes('meeting service listening'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = /"url":"([^"]+)"/.exec(output)?.[1];
    if (!url) throw new Error(`the service did not start:\n${output}`);
    return url;
  };
  return {
    child,
    exited,
    listening,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
