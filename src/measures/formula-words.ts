// Says a formula in words for the measure page: "HOU-04 divided by HOU-03, times 100". Pure. The words come as
// pieces, each either text or a measure code, so the page can link every input to its own measure page.
import { FormulaError, formatFormula, parseFormula, type FormulaNode } from '../assessment/index.ts';

export type FormulaWord = { readonly text: string } | { readonly code: string };

const OPERATOR_WORDS = {
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divided by',
  '<': 'is less than',
  '<=': 'is at most',
  '>': 'is more than',
  '>=': 'is at least',
  '==': 'equals',
  '!=': 'does not equal',
} as const;

const LEVEL = { '<': 1, '<=': 1, '>': 1, '>=': 1, '==': 1, '!=': 1, '+': 2, '-': 2, '*': 3, '/': 3 } as const;

function level(node: FormulaNode): number {
  if (node.kind === 'binary') return LEVEL[node.operator];
  return node.kind === 'negate' ? 4 : 5;
}

function words(node: FormulaNode): FormulaWord[] {
  const text = (t: string): FormulaWord => ({ text: t });
  const group = (child: FormulaNode, needs: boolean) =>
    needs ? [text('('), ...words(child), text(')')] : words(child);
  const list = (args: readonly FormulaNode[]) =>
    args.flatMap((arg, i) => [
      ...(i === 0 ? [] : [text(i === args.length - 1 ? ' and ' : ', ')]),
      ...words(arg),
    ]);
  switch (node.kind) {
    case 'number':
      return [text(formatFormula(node))];
    case 'input':
      return [{ code: node.code }];
    case 'negate':
      return [text('minus '), ...group(node.operand, level(node.operand) < 4)];
    case 'binary': {
      const at = LEVEL[node.operator];
      return [
        ...group(node.left, level(node.left) < at),
        text(` ${OPERATOR_WORDS[node.operator]} `),
        ...group(node.right, level(node.right) <= at),
      ];
    }
    case 'call': {
      const [first, second, third] = node.args;
      if (node.name === 'if' && first && second && third)
        return [
          text('if '),
          ...words(first),
          text(' then '),
          ...words(second),
          text(', otherwise '),
          ...words(third),
        ];
      if (node.name === 'round' && first) {
        const one = second?.kind === 'number' && second.value === 1;
        const places = second
          ? [text(' rounded to '), ...words(second), text(one ? ' decimal place' : ' decimal places')]
          : [];
        return [
          text('('),
          ...words(first),
          text(')'),
          ...(second ? places : [text(' rounded to a whole number')]),
        ];
      }
      if (node.name === 'abs') return [text('the size of ('), ...list(node.args), text(')')];
      return [text(node.name === 'min' ? 'the smaller of ' : 'the larger of '), ...list(node.args)];
    }
  }
}

/** The formula in words, adjacent text pieces joined; null when it does not read (the page then shows the text). */
export function formulaInWords(formula: string): FormulaWord[] | null {
  let ast: FormulaNode;
  try {
    ast = parseFormula(formula).ast;
  } catch (error) {
    if (error instanceof FormulaError) return null;
    throw error;
  }
  const joined: FormulaWord[] = [];
  for (const word of words(ast)) {
    const last = joined[joined.length - 1];
    if ('text' in word && last && 'text' in last) joined[joined.length - 1] = { text: last.text + word.text };
    else joined.push(word);
  }
  return joined;
}
