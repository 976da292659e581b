// VS Code's own snippet parser, as monaco-editor-core ships it (a dev dependency: the unit tests
// use it as the oracle our parser in src/plan/snippetParser.ts must agree with).
declare module 'monaco-editor-core/esm/vs/editor/contrib/snippet/browser/snippetParser.js' {
  export interface Marker {
    readonly children: readonly Marker[];
    toString(): string;
    toTextmateString(): string;
  }
  export class Text implements Marker {
    readonly children: readonly Marker[];
    readonly value: string;
    toString(): string;
    toTextmateString(): string;
  }
  export class Placeholder implements Marker {
    readonly children: readonly Marker[];
    readonly index: number;
    readonly transform: Marker | undefined;
    readonly choice: Choice | undefined;
    toString(): string;
    toTextmateString(): string;
  }
  export class Choice implements Marker {
    readonly children: readonly Marker[];
    readonly options: readonly Text[];
    toString(): string;
    toTextmateString(): string;
  }
  export class Variable implements Marker {
    readonly children: readonly Marker[];
    readonly name: string;
    readonly transform: Marker | undefined;
    toString(): string;
    toTextmateString(): string;
  }
  export class TextmateSnippet implements Marker {
    readonly children: readonly Marker[];
    toString(): string;
    toTextmateString(): string;
  }
  export class SnippetParser {
    parse(value: string, insertFinalTabstop?: boolean, enforceFinalTabstop?: boolean): TextmateSnippet;
  }
}
