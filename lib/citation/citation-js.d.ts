// The parts of Citation.js (which ships no types) that lib/citation uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'biblatex' | 'data', options?: { format?: 'text' | 'object' }): string;
    format(format: 'ris', options: { format: 'object' }): Record<string, string | string[]>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): {
    given?: string;
    family?: string;
    suffix?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
  };
}
