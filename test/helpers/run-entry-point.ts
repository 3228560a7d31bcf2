/** Runs one of the package's entry points in a child process, as `npm start` / `npm run import` would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * The child, its output so far, and its exit code once it closes.
 *
 * @example
 * ```ts
 * const imported = runEntryPoint('functions/handlers/import-cli.ts', [file], { VERBATIM_DATA_DIR: dir });
 * expect(await imported.exited).toBe(0);
 * ```
 */
export function runEntryPoint(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output, exited };
}
