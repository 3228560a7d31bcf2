/**
 * Where a document's publication date comes from, and which dates may be one at all. A fact-checker
 * asks "where did it appear first?", so a date is only taken from what states a publication date:
 * the uploader, the file's publication metadata, or a dateline at the very top of the text. A file's
 * creation time (when a PDF was printed, a DOCX saved) says nothing about publication and is never
 * used here; parsers keep it apart as `fileCreatedAt`.
 */
import * as chrono from 'chrono-node';
import type { PublishedAtSource } from '../document.ts';
import { toIsoDate } from './clean-metadata.ts';

/** Dates before this year are a parser's or a file's mistake, not a source article's date. */
export const EARLIEST_PUBLICATION_YEAR = 1800;
/** A metadata date up to this far ahead is a time zone, not the future. */
const FUTURE_TOLERANCE_MS = 36 * 3600_000;
/** Only the top of the text can hold a dateline: a date further down belongs to the story. */
export const DATELINE_SCAN_CHARS = 400;
/** Lines read at the top for a dateline (headline, byline, the dateline itself, the first paragraph). */
const DATELINE_SCAN_LINES = 5;

/** The publication date chosen for a document, with its source and any notes on what was dropped. */
export interface PublicationDate {
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource | null;
  /** Human-readable notes on dates found and not kept (in the future, before 1800). */
  notes: string[];
}

/**
 * Choose a document's publication date: the uploader's value first, then the file's publication
 * metadata (if it is a plausible date), then a dateline at the top of the text.
 *
 * @example
 * ```ts
 * choosePublicationDate({ found: '2099-01-01', text: 'Published 14 November 2025\n\nBody.', now: new Date('2026-01-01') });
 * // => { publishedAt: '2025-11-14', publishedAtSource: 'text', notes: ['The file gives 2099-01-01 …'] }
 * ```
 */
export function choosePublicationDate(input: {
  given?: string | null;
  found?: string | null;
  text: string;
  now: Date;
}): PublicationDate {
  const notes: string[] = [];
  const given = input.given?.trim();
  if (given) return { publishedAt: given, publishedAtSource: 'uploader', notes };
  if (input.found) {
    const problem = implausibility(input.found, input.now);
    if (!problem) return { publishedAt: input.found, publishedAtSource: 'metadata', notes };
    notes.push(
      `The file's metadata gives ${input.found} as the publication date, which is ${problem}; it was not kept.`,
    );
  }
  const dateline = findDatelineDate(input.text, input.now);
  if (dateline) return { publishedAt: dateline, publishedAtSource: 'text', notes };
  return { publishedAt: null, publishedAtSource: null, notes };
}

/** Why an ISO date cannot be a publication date ("in the future", "before 1800"), or null if it can. */
function implausibility(iso: string, now: Date): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return 'not a date';
  if (time > now.getTime() + FUTURE_TOLERANCE_MS) return 'in the future';
  if (new Date(time).getUTCFullYear() < EARLIEST_PUBLICATION_YEAR) return `before ${EARLIEST_PUBLICATION_YEAR}`;
  return null;
}

// "Published 14 November 2025", "Posted on: …", "First published on …", "Date: …".
const LABELLED = /^(?:(?:first\s+)?published|posted|date(?:d)?)\b(?:\s+on)?\s*[:\-–—]?\s*/i;
// "LONDON, 14 Nov 2025 (Reuters) –": a place in capitals, then the date.
const PLACE_DATELINE = /^[A-Z][A-Z.'’ -]{1,40},\s*/;
/** A line that is only a date, with a weekday or punctuation around it, is short. */
const MAX_DATE_LINE = 48;

/**
 * A full date (day, month and year) stated as a dateline in the first lines of the text: a line
 * starting "Published …", a place-and-date dateline, or a line that is only a date. A date inside a
 * sentence of the story ("on November 14 the ministry…") is never taken. Returns `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * findDatelineDate('Bridge reopens\nPublished 14 November 2025\n\nThe bridge…', new Date()); // => '2025-11-14'
 * findDatelineDate('The ministry said on 14 November 2025 that…', new Date()); // => null
 * ```
 */
export function findDatelineDate(text: string, now: Date): string | null {
  const lines = text
    .slice(0, DATELINE_SCAN_CHARS)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, DATELINE_SCAN_LINES);
  for (const line of lines) {
    const labelled = LABELLED.exec(line);
    const place = labelled ? null : PLACE_DATELINE.exec(line);
    const rest = labelled ? line.slice(labelled[0].length) : place ? line.slice(place[0].length) : line;
    if (!labelled && !place && line.length > MAX_DATE_LINE) continue;
    const found = fullDateAtStart(rest, now, !labelled && !place);
    if (found && !implausibility(found, now)) return found;
  }
  return null;
}

/** A full date at the start of `text` (after an optional weekday); with `whole`, the line must be only that date. */
function fullDateAtStart(text: string, now: Date, whole: boolean): string | null {
  const [result] = chrono.en.GB.parse(text, now, { forwardDate: false });
  if (!result) return null;
  const before = text
    .slice(0, result.index)
    .replace(/^(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?/i, '');
  if (before.trim() !== '') return null;
  if (whole && text.slice(result.index + result.text.length).replace(/[\s.,;|–—-]/g, '') !== '') return null;
  const { start } = result;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return toIsoDate(`${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`) ?? null;
}
