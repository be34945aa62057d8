import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPack, type GlossaryPack, validatePack } from '../../../src/glossary';

/** A small valid pack; each test breaks one thing in a fresh copy. */
function makePack(): GlossaryPack {
  return {
    schemaVersion: 1,
    id: 'test-pack',
    name: 'Test pack',
    version: '1.0.0',
    languages: ['en', 'ko'],
    source: {
      title: 'A source',
      author: 'An Author',
      publisher: 'A Publisher',
      date: '2025-09-30',
      url: 'https://example.org/article',
    },
    entries: [
      {
        id: 'thaad',
        term: 'THAAD',
        expansion: 'Terminal High Altitude Area Defense',
        aliases: [
          { text: 'THAAD', lang: 'en', caseSensitive: true },
          { text: '사드', lang: 'ko', caseSensitive: true },
        ],
        category: 'weapon system',
        explanation: 'A U.S. missile defense system.',
        quotes: [{ text: 'A quoted sentence.', section: 'A section' }],
        related: ['a2ad'],
      },
      {
        id: 'a2ad',
        term: 'A2/AD',
        expansion: 'anti-access/area denial',
        aliases: [
          { text: 'A2/AD', lang: 'en', caseSensitive: true },
          { text: 'anti-access/area denial', lang: 'en', caseSensitive: false },
        ],
        category: 'strategy',
        explanation: 'Keeping an opponent away from a region.',
        quotes: [{ text: 'Another quoted sentence.', section: 'A section' }],
        related: ['thaad'],
      },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests break the pack's shape on purpose.
type Loose = Record<string, any>;

/** Validates a copy of the test pack after `change` has broken it, and returns the errors. */
function errorsAfter(change: (pack: Loose) => void): string[] {
  const pack = structuredClone(makePack()) as Loose;
  change(pack);
  const result = validatePack(pack);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

const anyError = (errors: string[], ...parts: string[]) =>
  errors.some((error) => parts.every((part) => error.includes(part)));

describe('validatePack accepts', () => {
  it('a valid pack, unchanged', () => {
    const result = validatePack(makePack());
    expect(result).toEqual({ ok: true, pack: makePack() });
  });

  it('the built-in pack', () => {
    expect(validatePack(builtinPack).ok).toBe(true);
  });

  it('a source without the optional fields', () => {
    const pack = makePack();
    pack.source = { title: 'Only a title' };
    expect(validatePack(pack).ok).toBe(true);
  });

  it('an alias marked ambiguous (marked on a page only in context)', () => {
    const pack = makePack();
    pack.entries[1]?.aliases.push({ text: 'AD', lang: 'en', caseSensitive: true, ambiguous: true });
    const result = validatePack(pack);
    expect(result.ok && result.pack.entries[1]?.aliases.at(-1)?.ambiguous).toBe(true);
  });

  it('aliases of one entry that overlap without being the same', () => {
    const pack = makePack();
    pack.entries[1]?.aliases.push({ text: 'area denial', lang: 'en', caseSensitive: false });
    expect(validatePack(pack).ok).toBe(true);
  });
});

describe('validatePack names the entry and the field', () => {
  it('for a quote with empty text', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].quotes[0].text = '   ';
    });
    expect(anyError(errors, 'entry "thaad"', 'quotes[0].text', 'must not be empty')).toBe(true);
  });

  it('for a quote with no text at all', () => {
    const errors = errorsAfter((pack) => {
      delete pack.entries[0].quotes[0].text;
    });
    expect(anyError(errors, 'entry "thaad"', 'quotes[0].text')).toBe(true);
  });

  it('for an entry without quotes', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[1].quotes = [];
    });
    expect(anyError(errors, 'entry "a2ad" (#2)', 'quotes', 'needs at least one verbatim quote')).toBe(true);
  });

  it('for an entry without aliases', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].aliases = [];
    });
    expect(anyError(errors, 'entry "thaad"', 'aliases', 'needs at least one alias')).toBe(true);
  });

  it('for an alias whose ambiguous flag is anything but true', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].aliases[0].ambiguous = 'yes';
    });
    expect(anyError(errors, 'entry "thaad"', 'aliases[0].ambiguous', 'must be true when given')).toBe(true);
  });

  it('for an alias with a bad language tag', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].aliases[1].lang = 'Korean';
    });
    expect(anyError(errors, 'entry "thaad"', 'aliases[1].lang')).toBe(true);
  });

  it('for an alias without caseSensitive', () => {
    const errors = errorsAfter((pack) => {
      delete pack.entries[0].aliases[0].caseSensitive;
    });
    expect(anyError(errors, 'entry "thaad"', 'aliases[0].caseSensitive')).toBe(true);
  });

  it('for an alias with no letters or digits', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[1].aliases.push({ text: ' / - ', lang: 'en', caseSensitive: false });
    });
    expect(anyError(errors, 'entry "a2ad"', 'aliases[2].text', 'no letters or digits')).toBe(true);
  });

  it('for an unknown category', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].category = 'missile';
    });
    expect(anyError(errors, 'entry "thaad"', 'category', 'must be one of')).toBe(true);
  });

  it('for an explanation over 400 characters', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].explanation = 'x'.repeat(401);
    });
    expect(anyError(errors, 'entry "thaad"', 'explanation', '400')).toBe(true);
  });

  it('for an id that is not kebab-case, by position', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[1].id = 'A2/AD';
      pack.entries[0].related = [];
    });
    expect(anyError(errors, 'entry "A2/AD" (#2)', 'id', 'lower-case words')).toBe(true);
  });

  it('for an entry without an id, by position', () => {
    const errors = errorsAfter((pack) => {
      delete pack.entries[1].id;
      pack.entries[0].related = [];
    });
    expect(anyError(errors, 'entry #2', 'id')).toBe(true);
  });

  it('for an unknown field in an entry', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].definition = 'extra';
    });
    expect(anyError(errors, 'entry "thaad"', 'definition')).toBe(true);
  });

  it('for an entry that is not an object', () => {
    const errors = errorsAfter((pack) => {
      pack.entries.push(null);
    });
    expect(anyError(errors, 'entry #3')).toBe(true);
  });
});

describe('validatePack checks the entries against one another', () => {
  it('rejects duplicate ids', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[1].id = 'thaad';
      pack.entries[0].related = [];
      pack.entries[1].related = [];
    });
    expect(anyError(errors, 'entry "thaad" (#2)', 'id', 'used by an earlier entry')).toBe(true);
  });

  it('rejects a related id that no entry has', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].related = ['a2ad', 'no-such-entry'];
    });
    expect(anyError(errors, 'entry "thaad"', 'related[1]', '"no-such-entry"')).toBe(true);
  });

  it('rejects an entry related to itself', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].related = ['thaad'];
    });
    expect(anyError(errors, 'entry "thaad"', 'related[0]', 'itself')).toBe(true);
  });

  it('rejects an alias claimed by two entries', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[1].aliases.push({ text: 'THAAD', lang: 'en', caseSensitive: true });
    });
    expect(anyError(errors, 'entry "a2ad"', 'aliases[2].text', 'already an alias of "thaad"')).toBe(true);
  });

  it('rejects an alias claimed by two entries in different spellings of one key', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].aliases.push({ text: 'a2 - ad', lang: 'en', caseSensitive: false });
    });
    // The earlier entry keeps the alias; the later one is named.
    expect(
      anyError(errors, 'entry "a2ad"', 'aliases[0].text', '"A2/AD" is already an alias of "thaad"'),
    ).toBe(true);
  });

  it('rejects an alias repeated within one entry', () => {
    const errors = errorsAfter((pack) => {
      pack.entries[0].aliases.push({ text: 'THAAD', lang: 'en', caseSensitive: false });
    });
    expect(anyError(errors, 'entry "thaad"', 'aliases[2].text', 'repeats another alias')).toBe(true);
  });

  it('accepts spellings of one alias key within one entry ("Three No\'s", "Three Nos")', () => {
    const pack = structuredClone(makePack()) as Loose;
    pack.entries[0].aliases.push({ text: 'T-HAAD', lang: 'en', caseSensitive: true });
    expect(validatePack(pack)).toMatchObject({ ok: true });
  });

  it('rejects an impossible calendar date', () => {
    const errors = errorsAfter((pack) => {
      pack.source.date = '2025-02-30';
    });
    expect(anyError(errors, 'pack: source.date', 'real calendar date')).toBe(true);
  });
});

describe('validatePack checks the pack itself', () => {
  it('rejects a non-https source URL', () => {
    const errors = errorsAfter((pack) => {
      pack.source.url = 'http://example.org/article';
    });
    expect(anyError(errors, 'pack: source.url', 'https://')).toBe(true);
  });

  it('rejects a source URL that is not a URL', () => {
    const errors = errorsAfter((pack) => {
      pack.source.url = 'example.org/article';
    });
    expect(anyError(errors, 'pack: source.url')).toBe(true);
  });

  it.each(['30/09/2025', '2025-13-01', '2025-9-30', ''])('rejects the date "%s"', (date) => {
    const errors = errorsAfter((pack) => {
      pack.source.date = date;
    });
    expect(anyError(errors, 'pack: source.date')).toBe(true);
  });

  it.each([2, 0, '1', null])('rejects schemaVersion %j', (schemaVersion) => {
    const errors = errorsAfter((pack) => {
      pack.schemaVersion = schemaVersion;
    });
    expect(anyError(errors, 'pack: schemaVersion', 'must be 1')).toBe(true);
  });

  it('rejects a missing schemaVersion', () => {
    const errors = errorsAfter((pack) => {
      delete pack.schemaVersion;
    });
    expect(anyError(errors, 'pack: schemaVersion')).toBe(true);
  });

  it('rejects a bad version and an empty entry list', () => {
    const errors = errorsAfter((pack) => {
      pack.version = 'v1';
      pack.entries = [];
    });
    expect(anyError(errors, 'pack: version')).toBe(true);
    expect(anyError(errors, 'pack: entries', 'at least one entry')).toBe(true);
  });

  it('rejects a source without a title', () => {
    const errors = errorsAfter((pack) => {
      delete pack.source.title;
    });
    expect(anyError(errors, 'pack: source.title')).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'a pack'],
    ['a number', 42],
    ['an array', []],
    ['an array of packs', [makePack()]],
    ['a function', () => makePack()],
  ])('rejects %s without throwing', (_, input) => {
    const result = validatePack(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors.every((error) => error.startsWith('pack: '))).toBe(true);
    }
  });

  it('rejects entries that are not a list', () => {
    for (const entries of [null, 'thaad', { 0: makePack().entries[0] }]) {
      const errors = errorsAfter((pack) => {
        pack.entries = entries;
      });
      expect(anyError(errors, 'pack: entries')).toBe(true);
    }
  });
});

describe('validatePack never throws', () => {
  const expectRejectedCleanly = (input: unknown) => {
    const result = validatePack(input);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(typeof error).toBe('string');
    }
    return result;
  };

  it('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(expectRejectedCleanly(input).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(expectRejectedCleanly(input).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('on a valid pack with one field anywhere replaced by garbage', () => {
    const paths = fieldPaths(makePack());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
        const pack = structuredClone(makePack()) as unknown;
        setAt(pack, path, value);
        expectRejectedCleanly(pack);
      }),
      { numRuns: 500 },
    );
  });

  it('on entries full of garbage', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), (entries) => {
        expectRejectedCleanly({ ...makePack(), entries });
      }),
      { numRuns: 300 },
    );
  });
});

/** Every path to a value inside `value` (objects and arrays), e.g. ['entries', 0, 'quotes', 0, 'text']. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value)
    ? value.flatMap((item, i) => fieldPaths(item, [...prefix, i]))
    : Object.entries(value).flatMap(([key, item]) => fieldPaths(item, [...prefix, key]));
  return prefix.length ? [prefix, ...children] : children;
}

function setAt(target: unknown, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}
