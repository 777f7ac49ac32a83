/**
 * The text form of a PostgreSQL tsquery (what `websearch_to_tsquery('german', q)::text` prints) as a tree, so the
 * in-memory index can evaluate the query PostgreSQL parsed and stemmed. Only what the index can decide exactly from
 * its postings is accepted: lexemes, AND, OR, NOT and parentheses. Phrases (`<->`, `<N>`), prefixes (`:*`) and
 * weight restrictions need word positions; for them `parseTsquery` answers null and the search runs in SQL.
 */
export type TsqueryNode =
  | { op: 'term'; lexeme: string }
  | { op: 'not'; arg: TsqueryNode }
  | { op: 'and' | 'or'; left: TsqueryNode; right: TsqueryNode };

type Token = { kind: 'term'; lexeme: string } | { kind: '&' | '|' | '!' | '(' | ')' };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') {
      i++;
    } else if (ch === "'") {
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            lexeme += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\\' && i + 1 < text.length) i++;
        lexeme += text[i];
        i++;
      }
      // ":*" (prefix) or ":AB" (weights): not decidable from the postings alone
      if (text[i] === ':') return null;
      tokens.push({ kind: 'term', lexeme });
    } else if (ch === '&' || ch === '|' || ch === '!' || ch === '(' || ch === ')') {
      tokens.push({ kind: ch });
      i++;
    } else {
      // "<->" and "<N>": phrase operators
      return null;
    }
  }
  return tokens;
}

/**
 * The tree of a tsquery's text, null when it uses what the index cannot decide (phrases, prefixes, weights) or
 * cannot be read; `{ empty: true }` for the empty query (only stop words), which matches nothing.
 */
export function parseTsquery(text: string): TsqueryNode | { empty: true } | null {
  const tokens = tokenize(text.trim());
  if (tokens === null) return null;
  if (tokens.length === 0) return { empty: true };
  let pos = 0;
  // precedence as in PostgreSQL: ! binds tightest, then &, then |
  const parseOr = (): TsqueryNode | null => {
    let left = parseAnd();
    while (left && tokens[pos]?.kind === '|') {
      pos++;
      const right = parseAnd();
      if (!right) return null;
      left = { op: 'or', left, right };
    }
    return left;
  };
  const parseAnd = (): TsqueryNode | null => {
    let left = parseNot();
    while (left && tokens[pos]?.kind === '&') {
      pos++;
      const right = parseNot();
      if (!right) return null;
      left = { op: 'and', left, right };
    }
    return left;
  };
  const parseNot = (): TsqueryNode | null => {
    const t = tokens[pos];
    if (!t) return null;
    if (t.kind === '!') {
      pos++;
      const arg = parseNot();
      return arg ? { op: 'not', arg } : null;
    }
    if (t.kind === '(') {
      pos++;
      const inner = parseOr();
      if (!inner || tokens[pos]?.kind !== ')') return null;
      pos++;
      return inner;
    }
    if (t.kind === 'term') {
      pos++;
      return { op: 'term', lexeme: t.lexeme };
    }
    return null;
  };
  const tree = parseOr();
  return tree && pos === tokens.length ? tree : null;
}

/** The lexemes a document must contain for the query to rank it (those not under a NOT). */
export function positiveLexemes(node: TsqueryNode, negated = false, out = new Set<string>()): Set<string> {
  if (node.op === 'term') {
    if (!negated) out.add(node.lexeme);
  } else if (node.op === 'not') {
    positiveLexemes(node.arg, !negated, out);
  } else {
    positiveLexemes(node.left, negated, out);
    positiveLexemes(node.right, negated, out);
  }
  return out;
}
