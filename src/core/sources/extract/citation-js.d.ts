/** Types for the parts of citation-js (which ships none) that references.ts uses. */

declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean; strict?: boolean }): unknown[];
      /** One parsing step (for BibTeX text: the raw entries, macros resolved). */
      chainLink(data: unknown, options?: { forceType?: string }): unknown;
    };
    output: {
      format(name: string, data: unknown[], options?: Record<string, unknown>): string;
    };
    config: {
      get(name: string): Record<string, Record<string, unknown>>;
    };
  };
}

/** Registers the BibTeX and BibLaTeX formats with @citation-js/core when loaded; exports nothing used. */
declare module '@citation-js/plugin-bibtex';
