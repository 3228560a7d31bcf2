/**
 * The fixed search mix of the throughput runs (`load-search.ts` over HTTP, `measure-search-page.ts`
 * in process): common and rare words, phrases, a typo, a filter and a second page. `&offset=` is
 * the page's offset.
 */
export const LOAD_QUERIES = [
  'said',
  'government',
  '"prime minister"',
  'police said',
  'election results',
  'footbal',
  'market shares',
  '"the court"',
  'climate',
  'said&offset=10',
  'minister publisher:BBC',
  'hospital',
];
