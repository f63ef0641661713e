// Reads formula text into a syntax tree with a hand-written tokenizer and recursive-descent parser (no eval,
// no Function, no regular expressions), and prints a tree back to text that reads the same way.
//
//   comparison     := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive)*
//   additive       := multiplicative (('+' | '-') multiplicative)*
//   multiplicative := unary (('*' | '/') unary)*
//   unary          := '-' unary | primary
//   primary        := number | code | '[' code ']' | function '(' comparison (',' comparison)* ')' | '(' comparison ')'

import {
  ARITY,
  FormulaError,
  isFunctionName,
  type BinaryOperator,
  type Formula,
  type FormulaNode,
} from './formula.ts';

/** Deep enough for any real formula, shallow enough never to overflow the stack. */
const MAX_DEPTH = 500;

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'name'; readonly text: string; readonly position: number }
  | { readonly kind: 'code'; readonly text: string; readonly position: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly position: number }
  | { readonly kind: 'end'; readonly text: ''; readonly position: number };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isNameStart = (c: string | undefined): boolean => isLetter(c) || c === '_';
const isNamePart = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isCodePart = (c: string | undefined): boolean => isNamePart(c) || c === '-';

const TWO_CHAR_SYMBOLS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_SYMBOLS = new Set(['+', '-', '*', '/', '(', ')', ',', '<', '>']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readWhile = (test: (c: string | undefined) => boolean): void => {
    while (i < text.length && test(text[i])) i++;
  };
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      readWhile(isDigit);
      if (text[i] === '.' && isDigit(text[i + 1])) {
        i++;
        readWhile(isDigit);
      }
      const numeral = text.slice(start, i);
      const value = Number(numeral);
      if (!Number.isFinite(value)) {
        throw new FormulaError(`Number ${numeral} is too large at position ${start} in '${text}'`, start);
      }
      tokens.push({ kind: 'number', value, text: numeral, position: start });
    } else if (isNameStart(c)) {
      readWhile(isNamePart);
      tokens.push({ kind: 'name', text: text.slice(start, i), position: start });
    } else if (c === '[') {
      i++;
      readWhile(isCodePart);
      const code = text.slice(start + 1, i);
      if (code === '') throw expected("a measure code after '['", i, text);
      if (text[i] !== ']') throw expected("']'", i, text);
      i++;
      tokens.push({ kind: 'code', text: code, position: start });
    } else if (TWO_CHAR_SYMBOLS.has(text.slice(i, i + 2))) {
      i += 2;
      tokens.push({ kind: 'symbol', text: text.slice(start, i), position: start });
    } else if (c !== undefined && ONE_CHAR_SYMBOLS.has(c)) {
      i++;
      tokens.push({ kind: 'symbol', text: c, position: start });
    } else {
      throw new FormulaError(`Unexpected character '${c}' at position ${start} in '${text}'`, start);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

function expected(what: string, position: number, text: string): FormulaError {
  return new FormulaError(`Expected ${what} at position ${position} in '${text}'`, position);
}

const COMPARISON = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);
const ADDITIVE = new Set<string>(['+', '-']);
const MULTIPLICATIVE = new Set<string>(['*', '/']);

/** Reads a formula, or throws a FormulaError naming what was expected and where. */
export function parseFormula(text: string): Formula {
  const tokens = tokenize(text);
  const inputs: string[] = [];
  let index = 0;
  let depth = 0;

  const peek = (): Token => tokens[index] ?? { kind: 'end', text: '', position: text.length };
  const next = (): Token => {
    const token = peek();
    index++;
    return token;
  };
  const atSymbol = (symbol: string): boolean => peek().kind === 'symbol' && peek().text === symbol;
  const expectSymbol = (symbol: string): void => {
    if (!atSymbol(symbol)) throw expected(`'${symbol}'`, peek().position, text);
    index++;
  };

  const binaryLevel = (operators: Set<string>, operand: () => FormulaNode) => (): FormulaNode => {
    let left = operand();
    while (peek().kind === 'symbol' && operators.has(peek().text)) {
      const operator = next().text as BinaryOperator;
      left = { kind: 'binary', operator, left, right: operand(), position: left.position };
    }
    return left;
  };

  const unary = (): FormulaNode => {
    const token = peek();
    if (atSymbol('-')) {
      index++;
      return nested(token.position, () => ({ kind: 'negate', operand: unary(), position: token.position }));
    }
    return primary();
  };
  const multiplicative = binaryLevel(MULTIPLICATIVE, unary);
  const additive = binaryLevel(ADDITIVE, multiplicative);
  const comparison = binaryLevel(COMPARISON, additive);

  function nested(position: number, read: () => FormulaNode): FormulaNode {
    if (++depth > MAX_DEPTH) {
      throw new FormulaError(
        `Formula nests more than ${MAX_DEPTH} levels deep at position ${position}`,
        position,
      );
    }
    const node = read();
    depth--;
    return node;
  }

  function useInput(code: string, position: number): FormulaNode {
    if (!inputs.includes(code)) inputs.push(code);
    return { kind: 'input', code, position };
  }

  function primary(): FormulaNode {
    const token = next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, position: token.position };
      case 'code':
        return useInput(token.text, token.position);
      case 'name':
        return atSymbol('(') ? call(token.text, token.position) : useInput(token.text, token.position);
      case 'symbol':
        if (token.text === '(') {
          const inner = nested(token.position, comparison);
          expectSymbol(')');
          return inner;
        }
    }
    throw expected("a number, measure code or '('", token.position, text);
  }

  function call(name: string, position: number): FormulaNode {
    if (!isFunctionName(name)) {
      throw new FormulaError(`Unknown function '${name}' at position ${position}`, position);
    }
    expectSymbol('(');
    const args: FormulaNode[] = [];
    if (!atSymbol(')')) {
      args.push(nested(position, comparison));
      while (atSymbol(',')) {
        index++;
        args.push(nested(position, comparison));
      }
    }
    expectSymbol(')');
    const arity = ARITY[name];
    if (args.length < arity.min || args.length > arity.max) {
      throw new FormulaError(
        `'${name}' takes ${arity.text}, not ${args.length}, at position ${position}`,
        position,
      );
    }
    return { kind: 'call', name, args, position };
  }

  const ast = comparison();
  if (peek().kind !== 'end') throw expected('an operator or the end of the formula', peek().position, text);
  return { ast, inputs };
}

const PRECEDENCE: Record<BinaryOperator, number> = {
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '==': 1,
  '!=': 1,
  '+': 2,
  '-': 2,
  '*': 3,
  '/': 3,
};
const UNARY = 4;
const PRIMARY = 5;

function precedence(node: FormulaNode): number {
  if (node.kind === 'binary') return PRECEDENCE[node.operator];
  return node.kind === 'negate' ? UNARY : PRIMARY;
}

function isPlainCode(code: string): boolean {
  if (code === '' || !isNameStart(code[0])) return false;
  for (const c of code) if (!isNamePart(c)) return false;
  return true;
}

function formatNumber(value: number): string {
  // Never exponent notation, which the language does not read.
  return value.toLocaleString('en-GB', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Prints a tree as formula text with as few parentheses as keep its meaning; parsing it gives the same tree. */
export function formatFormula(node: FormulaNode): string {
  const wrap = (child: FormulaNode, needs: boolean): string =>
    needs ? `(${formatFormula(child)})` : formatFormula(child);
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'input':
      return isPlainCode(node.code) ? node.code : `[${node.code}]`;
    case 'negate':
      return `-${wrap(node.operand, precedence(node.operand) < UNARY)}`;
    case 'binary': {
      const level = PRECEDENCE[node.operator];
      // Operators group from the left, so a right operand at the same level needs parentheses.
      const left = wrap(node.left, precedence(node.left) < level);
      const right = wrap(node.right, precedence(node.right) <= level);
      return `${left} ${node.operator} ${right}`;
    }
    case 'call':
      return `${node.name}(${node.args.map(formatFormula).join(', ')})`;
  }
}
