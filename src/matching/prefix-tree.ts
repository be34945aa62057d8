/**
 * The prefix tree of the aliases' patterns, as regex source: shared prefixes factored out, so that a
 * position where no alias starts fails fast. Also splits a pattern into its matching units, and tells
 * whether two branches of the tree could ever match the same character (compile-matcher.ts then checks
 * each candidate again for the longest alias).
 */
import { type AliasPattern, LEFT_BOUNDARY, RIGHT_BOUNDARY } from './alias-pattern';

/**
 * The same alternation with shared prefixes factored into a tree: `(?:th(?:aad|ree no...)|...)`.
 * V8 tries the alternatives of a flat alternation one by one at every position of the text; factored,
 * a position where no alias starts fails after one comparison per distinct first character, and the
 * source shrinks well under the 20 KB past which V8 stops optimising. Measured in Chromium on
 * wikipedia-2 (tests/bench): see the closing note of the change that introduced it.
 *
 * Greedy `(?:…)?` after an alias that ends where a longer one goes on tries the longer one first, so
 * the longest alias still wins; a failed right boundary backtracks into the shorter one.
 */
export function prefixTree(
  patterns: readonly AliasPattern[],
  body: (p: AliasPattern) => string,
): { source: string; overlapping: boolean } {
  const root = new TrieNode();
  for (const pattern of patterns) {
    let node = root;
    for (const unit of regexUnits(body(pattern))) node = node.child(unit);
    node.end = true;
  }
  const source = root.source();
  return {
    source: source ? `${LEFT_BOUNDARY}(?:${source})${RIGHT_BOUNDARY}` : '(?!)',
    overlapping: root.overlapping,
  };
}

/**
 * Could two sibling units of the tree match the same character (with `i`)? Different ASCII characters
 * never do; separator classes ("a/a" and "a a" both take a space) and non-ASCII letters (σ and ς) may.
 * Answered by trying both units on every character either names, their case partners, and the
 * separators the aliases' classes are made of.
 */
function unitsOverlap(a: string, b: string): boolean {
  const charA = literalChar(a);
  const charB = literalChar(b);
  // Two characters: the same once folded as `i` folds them (σ, ς and Σ are one).
  if (charA !== null && charB !== null) return foldCase(charA) === foldCase(charB);
  // A character and a class: does the class take the character in either case?
  if (charA !== null || charB !== null) {
    const [c, other] = charA !== null ? [charA, b] : [charB as string, a];
    const test = unitTest(other);
    return test.test(c) || test.test(c.toLowerCase()) || test.test(c.toUpperCase());
  }
  const testA = unitTest(a);
  const testB = unitTest(b);
  for (const c of new Set([...SEPARATOR_PROBES, ...charsNamed(a), ...charsNamed(b)])) {
    if (testA.test(c) && testB.test(c)) return true;
  }
  return false;
}

/** The one character a unit stands for (a literal, `\.`, `\u00e9`), or null for a class. */
function literalChar(unit: string): string | null {
  if (unit.length === 1) return unit;
  // An escaped punctuation mark; `\s`, `\d` and the like are classes.
  if (unit.length === 2 && unit[0] === '\\' && !/[A-Za-z0-9]/.test(unit[1] as string))
    return unit[1] as string;
  if (unit.length === 6 && unit.startsWith('\\u'))
    return String.fromCharCode(Number.parseInt(unit.slice(2), 16));
  return null;
}

/** Upper case where that is one character: what the `i` flag compares (it may only say "overlap" more often). */
function foldCase(c: string): string {
  const upper = c.toUpperCase();
  return upper.length === 1 ? upper : c;
}

/** One regex per distinct unit: the tree's units repeat (every separator class, every escape). */
const unitTests = new Map<string, RegExp>();
function unitTest(unit: string): RegExp {
  let test = unitTests.get(unit);
  if (!test) {
    test = new RegExp(`^(?:${unit})$`, 'i');
    unitTests.set(unit, test);
  }
  return test;
}

/** White space, dashes, slashes and apostrophes: what the separator classes of alias-pattern.ts take. */
const SEPARATOR_PROBES =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  "\u2028\u2029\u202f\u205f\u3000\ufeff-/\uff0f\u2010\u2011\u2012\u2013'\u2018\u2019\u02bc";

/** The characters a unit's source names (literals, escapes, class members and range ends), with their cases. */
function charsNamed(unit: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < unit.length; i++) {
    let c = unit[i] as string;
    if (c === '\\') {
      if (unit[i + 1] === 'u') {
        c = String.fromCharCode(Number.parseInt(unit.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        c = unit[i + 1] ?? '';
        i++;
      }
    }
    out.push(c, c.toLowerCase(), c.toUpperCase());
  }
  return out.filter((c) => c.length === 1);
}

class TrieNode {
  end = false;
  private readonly children = new Map<string, TrieNode>();

  child(unit: string): TrieNode {
    let next = this.children.get(unit);
    if (!next) {
      next = new TrieNode();
      this.children.set(unit, next);
    }
    return next;
  }

  /** Longest path below: siblings that could match the same text (classes) try the longer first. */
  private depth = 0;
  /** Set by `source()`: somewhere in this subtree, two branches may match the same character. */
  overlapping = false;

  /**
   * The subtree's source. Depths are worked out on the way (bottom up, once per node): asking every
   * child for its depth at every level was quadratic in the aliases' length, ~5 ms per page and frame.
   */
  source(): string {
    const branches = [...this.children]
      .map(([unit, child]) => ({ text: unit + child.source(), depth: child.depth }))
      .sort((a, b) => b.depth - a.depth);
    const units = [...this.children.keys()];
    for (const child of this.children.values()) if (child.overlapping) this.overlapping = true;
    for (let i = 0; i < units.length && !this.overlapping; i++) {
      for (let j = i + 1; j < units.length && !this.overlapping; j++) {
        if (unitsOverlap(units[i] as string, units[j] as string)) this.overlapping = true;
      }
    }
    this.depth = branches.length ? 1 + (branches[0] as { depth: number }).depth : 0;
    const texts = branches.map((branch) => branch.text);
    if (texts.length === 0) return '';
    const group = texts.length === 1 ? (texts[0] as string) : `(?:${texts.join('|')})`;
    if (!this.end) return group;
    return texts.length === 1 ? `(?:${group})?` : `${group}?`;
  }
}

/**
 * Splits a body into its matching units: an escape (`\u00e9`, `\.`), a class with its quantifier
 * (`[\s-]+`), or one literal character. Bodies hold nothing else (see alias-pattern.ts).
 */
export function regexUnits(body: string): string[] {
  const units: string[] = [];
  let i = 0;
  while (i < body.length) {
    let end: number;
    if (body[i] === '\\') end = body[i + 1] === 'u' ? i + 6 : i + 2;
    else if (body[i] === '[') {
      end = i + 1;
      while (end < body.length && body[end] !== ']') end += body[end] === '\\' ? 2 : 1;
      end++;
      if (body[end] === '+' || body[end] === '*' || body[end] === '?') end++;
    } else end = i + 1;
    units.push(body.slice(i, end));
    i = end;
  }
  return units;
}
