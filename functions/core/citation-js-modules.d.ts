// citation-js ships no types; these declare only what Verbatim uses (see format-citations.ts).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: object): string;
  }
}
declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string>;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
