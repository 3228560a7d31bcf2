/**
 * The stored-text blocks' codec and size, measured on the real corpora: for `node:zlib`'s
 * deflate-raw and brotli at block sizes 4–32, the compressed bytes per article (what a loaded
 * index holds and a shard file carries) and the time to inflate one block
 * (what a result page pays per hit when the block is not cached). Medians of `--runs`.
 *
 * Usage: `node --import tsx test/bench/measure-stored-blocks.ts [--runs 5]`
 */
import { parseArgs } from 'node:util';
import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { storedJson, storedTextOf } from '../../functions/core/search/stored-text.ts';
import { readCorpora } from './bench-queries.ts';
import { median } from './percentiles.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const real = await readCorpora();
const encoder = new TextEncoder();
const jsons = real.map((article) => {
  const paragraphs = [...article.text.matchAll(/[^\n]+/g)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  return encoder.encode(storedJson(storedTextOf({ title: article.title, text: article.text, paragraphs, quotes: [] })));
});
const rawBytes = jsons.reduce((n, j) => n + j.byteLength, 0);

const codecs = {
  'deflate-raw 6': { pack: (b: Uint8Array) => deflateRawSync(b), unpack: (b: Uint8Array) => inflateRawSync(b) },
  'brotli 5': {
    pack: (b: Uint8Array) =>
      brotliCompressSync(b, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
      }),
    unpack: (b: Uint8Array) => brotliDecompressSync(b),
  },
};

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

console.log(`${jsons.length} articles, ${(rawBytes / jsons.length / 1024).toFixed(2)} KB of stored JSON each`);
for (const [name, codec] of Object.entries(codecs)) {
  for (const size of [4, 8, 16, 32]) {
    const blocks: Uint8Array[] = [];
    for (let from = 0; from < jsons.length; from += size)
      blocks.push(codec.pack(concat(jsons.slice(from, from + size))));
    const packed = blocks.reduce((n, b) => n + b.byteLength, 0);
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      for (const block of blocks) codec.unpack(block);
      timings.push(((performance.now() - started) / blocks.length) * 1000);
    }
    console.log(
      `${name.padEnd(14)} ${String(size).padStart(2)} per block: ${(packed / jsons.length / 1024).toFixed(2)} KB per article (${(packed / rawBytes).toFixed(3)} of the JSON), inflate one block ${median(timings).toFixed(1)} µs`,
    );
  }
}
