import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  Choice,
  type Marker,
  Placeholder,
  SnippetParser,
  Text,
  Variable,
} from 'monaco-editor-core/esm/vs/editor/contrib/snippet/browser/snippetParser.js';
import {
  DATE_AND_RANDOM_VARIABLES,
  type SnippetNode,
  escapeSnippetText,
  fillPlaceholders,
  keepOnlyVariables,
  listPlaceholders,
  parseSnippet,
  renumberPlaceholders,
  serializeSnippet,
  snippetToPlainText,
  textValue,
} from '../../src/plan/snippet';
import { checkProperty, textOf } from './fuzz';

// VS Code's own snippet parser (monaco-editor-core, a dev dependency) is the oracle: our parser must
// read every text the same way, and what our filter lets through must, read by VS Code, expand no
// variable but the date and random ones.

const vscodeParse = (text: string): readonly Marker[] => new SnippetParser().parse(text).children;

/** A tree in one shape for both parsers, adjacent text joined. */
type Shape = (string | { k: string; i?: number | string; t?: boolean; c?: Shape; o?: string[] })[];

function vscodeShape(markers: readonly Marker[]): Shape {
  const shape: Shape = [];
  for (const marker of markers) {
    if (marker instanceof Text) {
      pushText(shape, marker.value);
    } else if (marker instanceof Placeholder && marker.choice) {
      shape.push({ k: 'choice', i: marker.index, o: marker.choice.options.map((option) => option.value) });
    } else if (marker instanceof Placeholder) {
      shape.push({ k: 'tabstop', i: marker.index, t: marker.transform !== undefined, c: vscodeShape(marker.children) });
    } else if (marker instanceof Variable) {
      shape.push({ k: 'variable', i: marker.name, t: marker.transform !== undefined, c: vscodeShape(marker.children) });
    } else if (marker instanceof Choice) {
      throw new Error('a choice outside a placeholder');
    }
  }
  return shape;
}

function ourShape(nodes: readonly SnippetNode[]): Shape {
  const shape: Shape = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      pushText(shape, textValue(node.raw));
    } else if (node.kind === 'choice') {
      shape.push({ k: 'choice', i: node.index, o: [...node.options] });
    } else {
      const i = node.kind === 'tabstop' ? node.index : node.name;
      shape.push({ k: node.kind, i, t: node.transform !== undefined, c: ourShape(node.children ?? []) });
    }
  }
  return shape;
}

function pushText(shape: Shape, text: string): void {
  const last = shape[shape.length - 1];
  if (typeof last === 'string') {
    shape[shape.length - 1] = last + text;
  } else if (text !== '') {
    shape.push(text);
  }
}

/** VS Code fills mirrors with copies after parsing; compare before that by parsing with no mirrors. */
function variablesVscodeExpands(text: string): string[] {
  const names: string[] = [];
  const visit = (markers: readonly Marker[]): void => {
    for (const marker of markers) {
      if (marker instanceof Variable) {
        names.push(marker.name);
      }
      visit(marker.children);
    }
  };
  visit(vscodeParse(text));
  return names;
}

const SNIPPET_PIECES = [
  '$', '{', '}', '\\', '/', '|', ',', ':', '+', '-', '?', '1', '2', '0', '12', 'a', 'x', '_', ' ', '\n', '€', '(.*)', 'upcase', 'g',
  '${', '${1', '${1:', '${1|', '${1/', '${2:', '$1', '$2', '${0}', '$CLIPBOARD', '${CLIPBOARD', 'TM_SELECTED_TEXT', '${TM_FILENAME/',
  '${CURRENT_YEAR', '$CURRENT_DATE', '${RANDOM}', '${1:/upcase}', '${1:+', '${1:?', '${1:-', '\\$', '\\}', '\\\\', '\\/', '\\,', '\\|',
];
const snippetText = textOf(SNIPPET_PIECES, 30);

/** Whether a text makes VS Code's parser reuse a placeholder's content (mirrors), which reshapes its tree. */
function hasRepeatedIndex(nodes: readonly SnippetNode[]): boolean {
  const seen = new Set<number>();
  let repeated = false;
  const visit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'choice') {
        repeated ||= seen.has(node.index);
        seen.add(node.index);
      }
      if (node.kind !== 'text' && node.kind !== 'choice') {
        visit(node.children ?? []);
      }
    }
  };
  visit(nodes);
  return repeated;
}

describe('snippet text read as VS Code reads it (oracle: VS Code\'s own parser)', () => {
  it('gives the same tree as VS Code for any text without mirrors', () => {
    checkProperty(
      'same tree',
      fc.property(snippetText, (text) => {
        const ours = parseSnippet(text);
        fc.pre(!hasRepeatedIndex(ours));
        assert.deepEqual(ourShape(ours), vscodeShape(vscodeParse(text)), JSON.stringify(text));
      }),
      2000,
    );
  });

  it('leaves runs of open placeholders as VS Code does, with and without children between them', () => {
    for (const text of ['${1:${2:${A:', '${1:a${2:${3:b${A:', 'x${1:${2:}${3:$4${B:', '${1:\\$${2:${C:d}${3:', '${1:${2:${3:'.repeat(50)]) {
      assert.deepEqual(ourShape(parseSnippet(text)), vscodeShape(vscodeParse(text)), text);
      // Written back, they stay text even where a `}` follows (as when sections are joined).
      const shown = (snippet: string): string => new SnippetParser().parse(snippet).toString();
      assert.equal(shown(serializeSnippet(parseSnippet(text)) + '}'), shown(text) + '}', text);
    }
  });

  it('shows the same plain text as VS Code, mirrors included', () => {
    checkProperty(
      'same plain text',
      fc.property(snippetText, (text) => {
        fc.pre(!/CURRENT_|RANDOM/.test(text));
        assert.equal(snippetToPlainText(text), new SnippetParser().parse(text).toString(), JSON.stringify(text));
      }),
      2000,
    );
  });

  it('lets through no variable but the date and random ones, as VS Code reads the result', () => {
    checkProperty(
      'filter holds',
      fc.property(snippetText, (text) => {
        const filtered = keepOnlyVariables(text, DATE_AND_RANDOM_VARIABLES);
        for (const name of variablesVscodeExpands(filtered)) {
          assert.ok(DATE_AND_RANDOM_VARIABLES.has(name), `${name} from ${JSON.stringify(text)}`);
        }
        // Any cut at a line end (how sections are taken apart and joined) holds too.
        const lines = filtered.split('\n');
        const cut = lines.filter((_, index) => index % 2 === 0).join('\n');
        for (const name of variablesVscodeExpands(cut)) {
          assert.ok(DATE_AND_RANDOM_VARIABLES.has(name), `${name} from a cut of ${JSON.stringify(text)}`);
        }
      }),
      2000,
    );
  });

  it('keeps what VS Code shows when filtering, renumbering and filling', () => {
    checkProperty(
      'same meaning',
      fc.property(snippetText, (text) => {
        const shown = (snippet: string): string => new SnippetParser().parse(snippet).toString();
        fc.pre(!/CURRENT_|RANDOM/.test(text) && variablesVscodeExpands(text).length === 0);
        assert.equal(shown(keepOnlyVariables(text, DATE_AND_RANDOM_VARIABLES)), shown(text), JSON.stringify(text));
        assert.equal(shown(renumberPlaceholders(text)), shown(text), JSON.stringify(text));
        const filled = fillPlaceholders(text, new Map([[1, 'v$1}\\']]));
        assert.deepEqual(variablesVscodeExpands(filled), [], JSON.stringify(text));
      }),
      2000,
    );
  });

  it('round-trips escaped text, in a placeholder and in a choice', () => {
    checkProperty(
      'escape round trip',
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        assert.equal(new SnippetParser().parse(escapeSnippetText(text)).toString(), text);
        assert.equal(snippetToPlainText(escapeSnippetText(text)), text);
        assert.deepEqual(listPlaceholders('${1:' + escapeSnippetText(text) + '}'), text === '' ? [{ index: 1, text: '' }] : [{ index: 1, text }]);
        if (text !== '') {
          const choice = renumberPlaceholders('${3|' + text.replace(/[\\,|]/g, '\\$&') + ',b|}');
          assert.equal(new SnippetParser().parse(choice).toString(), text, JSON.stringify(choice));
        }
      }),
      1000,
    );
  });
});

describe('issue 16: snippet defects', () => {
  it('a transform VS Code rejects never hides a variable from the filter (defect 1)', () => {
    for (const text of ['${1/$CLIPBOARD}', '${1/x/${TM_SELECTED_TEXT}/z}', 'Notes: ${1/[/$CLIPBOARD/}', '${1/x/$TM_FILEPATH/q}']) {
      const filtered = keepOnlyVariables(text, DATE_AND_RANDOM_VARIABLES);
      assert.deepEqual(variablesVscodeExpands(filtered), [], `${text} → ${filtered}`);
      assert.equal(new SnippetParser().parse(filtered).toString(), new SnippetParser().parse(text.replace(/\$(?=[A-Z{])/g, '\\$')).toString().replace(/\\\$/g, '$'));
    }
  });

  it('a choice option with $ keeps it through renumbering (defect 6)', () => {
    const renumbered = renumberPlaceholders('${4|USD $,EUR €|} ${7|a\\,b,c\\|d,e\\\\f|}');
    assert.equal(renumbered, '${1|USD $,EUR €|} ${2|a\\,b,c\\|d,e\\\\f|}');
    assert.equal(new SnippetParser().parse(renumbered).toString(), 'USD $ a,b');
  });

  it('shows mirrors as VS Code does (issue 16, smaller)', () => {
    assert.equal(snippetToPlainText('${1:a} $1 ${2|x,y|} $2 ${1:b}'), 'a a x x a');
    assert.deepEqual(listPlaceholders('${1:a} $1'), [{ index: 1, text: 'a' }, { index: 1, text: 'a' }]);
  });

  it('reads pathological text to the same tree as VS Code', () => {
    for (const text of ['${1|'.repeat(200), '${1/'.repeat(200), '${1:'.repeat(200), '${1/a/${2:+'.repeat(100), '${1/a/b/'.repeat(100) + '}']) {
      assert.deepEqual(ourShape(parseSnippet(text)), vscodeShape(vscodeParse(text)));
    }
  });

  it('makes a team template nested deeper than VS Code can read plain text', () => {
    const deep = '${1:'.repeat(5000) + '$CLIPBOARD' + '}'.repeat(5000);
    const filtered = keepOnlyVariables(deep, DATE_AND_RANDOM_VARIABLES);
    assert.equal(snippetToPlainText(filtered), deep);
  });
});
