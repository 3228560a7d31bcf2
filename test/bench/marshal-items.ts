/**
 * What util-dynamodb's `marshall`/`unmarshall` cost beside the hand mapping it replaced (the
 * former `adapters/dynamo-attributes.ts`, kept here as the baseline): a catalog item (a document's
 * metadata) there and back, 20,000 times, median of 5 runs, in one process.
 *
 * Usage: node --import tsx test/bench/marshal-items.ts
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { toItem } from '../../functions/adapters/dynamo-item.ts';

type Flat = Record<string, string | number | boolean | null>;

/** The baseline: the flat mapping Verbatim used before util-dynamodb. */
function handToItem(record: Flat): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null) item[key] = { NULL: true };
    else if (typeof value === 'number') item[key] = { N: String(value) };
    else if (typeof value === 'boolean') item[key] = { BOOL: value };
    else item[key] = { S: value };
  }
  return item;
}

function handFromItem(item: Record<string, AttributeValue>): Flat {
  const record: Flat = {};
  for (const [key, value] of Object.entries(item))
    record[key] = value.S ?? (value.N !== undefined ? Number(value.N) : (value.BOOL ?? null));
  return record;
}

const RECORDS = 20_000;
const RUNS = 5;
const records: Flat[] = Array.from({ length: RECORDS }, (_, i) => ({
  pk: `DOC#${i}`,
  sk: 'META',
  id: String(i).padStart(16, '0'),
  title: 'Bridge reopens after six weeks of repairs',
  url: null,
  publisher: 'Town Crier',
  author: '',
  publishedAt: '2025-11-14',
  publishedAtSource: 'metadata',
  fileCreatedAt: null,
  ingestedAt: '2026-12-01T23:00:00.000Z',
  uploader: 'newsdesk',
  sha256: 'a'.repeat(64),
  originalSha256: 'b'.repeat(64),
  size: 12_345,
  contentType: 'text/html',
  wordCount: 812,
  quoteCount: 4,
  status: 'ready',
}));

const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const hand: number[] = [];
const library: number[] = [];
for (let run = 0; run < RUNS; run++) {
  hand.push(time(() => records.forEach((r) => handFromItem(handToItem(r)))));
  library.push(time(() => records.forEach((r) => unmarshall(toItem(r)))));
}
const perItemUs = (ms: number) => ((ms / RECORDS) * 1000).toFixed(0);
console.log(
  `${RECORDS} items there and back, median of ${RUNS}: hand mapping ${median(hand).toFixed(0)} ms (${perItemUs(median(hand))} µs/item), ` +
    `util-dynamodb ${median(library).toFixed(0)} ms (${perItemUs(median(library))} µs/item): ${(median(library) / median(hand)).toFixed(2)}×`,
);
