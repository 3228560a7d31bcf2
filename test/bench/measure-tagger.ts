/**
 * `node --import tsx test/bench/measure-tagger.ts [--runs 5]`
 *
 * The two part-of-speech taggers considered for speaker phrases, side by side in one run: the
 * import cost in a fresh process (median of runs), the cost of tagging one speaker phrase, and
 * the size of an esbuild bundle (minified ESM) holding the library and its model.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench-results', 'tagger');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const PHRASES = [
  'weapons during the night’s attack and',
  'But he',
  'the ministry',
  'President Volodymyr Zelenskyy',
  'an analyst at Lehman Brothers',
  'Harris attacked Biden during Democratic debates and',
];

const SOURCES: Record<string, string> = {
  'wink-nlp': `const t0 = performance.now();
import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model); const its = nlp.its; const t1 = performance.now();
const P = ${JSON.stringify(PHRASES)}; const t2 = performance.now();
for (let r = 0; r < 200; r++) for (const p of P) nlp.readDoc(p).tokens().out(its.pos);
console.log(JSON.stringify({ phraseMs: (performance.now() - t2) / (200 * P.length) }));`,
  compromise: `import nlp from 'compromise';
const P = ${JSON.stringify(PHRASES)}; const t2 = performance.now();
for (let r = 0; r < 200; r++) for (const p of P) nlp(p).json();
console.log(JSON.stringify({ phraseMs: (performance.now() - t2) / (200 * P.length) }));`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
mkdirSync(OUT, { recursive: true });
const empty = join(OUT, 'empty.mjs');
writeFileSync(empty, 'console.log(JSON.stringify({ phraseMs: 0 }));\n');

const rows: Record<string, unknown>[] = [];
for (const [name, source] of Object.entries(SOURCES)) {
  const entry = join(OUT, `${name}.src.mjs`);
  const outfile = join(OUT, `${name}.mjs`);
  writeFileSync(entry, source);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    logLevel: 'error',
    nodePaths: [join(ROOT, 'node_modules')],
  });
  const imports: number[] = [];
  const phrases: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const base = runChild(empty);
    const run = runChild(outfile);
    imports.push(run.loadMs - base.loadMs - run.phraseMs * 200 * PHRASES.length);
    phrases.push(run.phraseMs);
  }
  rows.push({
    library: name,
    bundleBytes: statSync(outfile).size,
    importMsOverEmpty: +median(imports).toFixed(1),
    phraseMs: +median(phrases).toFixed(4),
    runs: RUNS,
  });
}
console.table(rows);

/** Loads a bundle in a fresh Node process: time to load and run it, and its own phrase timing. */
function runChild(file: string): { loadMs: number; phraseMs: number } {
  const script = `const t=performance.now();const w=process.stdout.write.bind(process.stdout);let out='';process.stdout.write=(s)=>{out+=s;return true};import(${JSON.stringify(file)}).then(()=>{w(JSON.stringify({loadMs:performance.now()-t,...JSON.parse(out)}))})`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
