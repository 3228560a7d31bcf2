/**
 * Runs a script as a new Node process and reads the one JSON line it prints last, timing it from
 * the outside too (spawn to exit) — which adds what the child cannot see: process creation before
 * its clock starts, and its exit.
 */
import { spawn } from 'node:child_process';

/**
 * @example
 * ```ts
 * const { result, wallMs } = await runJsonChild<{ totalMs: number }>(['bench-results/cold-start.mjs']);
 * ```
 */
export function runJsonChild<T>(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ result: T; wallMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}:\n${stderr.trim()}`));
      try {
        resolve({ result: JSON.parse(stdout.trim().split('\n').pop()!) as T, wallMs });
      } catch {
        reject(new Error(`${args.join(' ')} printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
