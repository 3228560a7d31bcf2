/**
 * `node --import tsx test/bench/summarize-cpu-profiles.ts DIR [--top 12]`: one line per
 * `.cpuprofile` that `node --cpu-prof --cpu-prof-dir DIR` wrote (the import, its parse workers and
 * its storage children each write one): how long it ran, how much of that its thread was busy (not
 * idle), and where the busy time went by package (the `node_modules` folder a frame's file is in,
 * or `verbatim` for our own code, `node` for Node's internals, `gc` and `(program)` as V8 names them).
 * Prints JSON. This is how the README's import figures say which side is saturated.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '12' } },
});
const dir = positionals[0];
if (!dir) throw new Error('Usage: summarize-cpu-profiles.ts DIR [--top 12]');

/** Which package a frame belongs to, by its file. */
function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === '(idle)' ? 'idle' : functionName === '(garbage collector)' ? 'gc' : functionName;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  return url.startsWith('node:') ? 'node' : 'verbatim';
}

const lines = [];
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const spent = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = packageOf(byId.get(id)!);
    spent.set(name, (spent.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const busyMs = (wallMs * 1000 - (spent.get('idle') ?? 0)) / 1000;
  spent.delete('idle');
  const top = [...spent]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top))
    .map(([name, us]) => `${name} ${((us / 1000 / busyMs) * 100).toFixed(0)}%`);
  lines.push({
    file,
    wallS: +(wallMs / 1000).toFixed(1),
    busyS: +(busyMs / 1000).toFixed(1),
    busy: `${((busyMs / wallMs) * 100).toFixed(0)}%`,
    top,
  });
}
console.log(JSON.stringify(lines, null, 2));
