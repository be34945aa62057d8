import { describe, expect, it } from 'vitest';
import { PageDefinitions } from '../../../src/page-definitions/page-definitions';

const source = { title: 'A page', url: 'https://example.org/a' };
const DEFINES = 'Korea Air and Missile Defense (KAMD) guards the south.';

describe('PageDefinitions: a part of the page read ahead of its turn', () => {
  it('learns what that part defines and matches it there, without teaching the page’s own pass', () => {
    const page = new PageDefinitions(() => undefined, source);
    const ahead = page.readAhead();
    expect(ahead.readRun(DEFINES)?.get('page:kamd')).toBe(DEFINES.indexOf(')') + 1);
    expect(ahead.matcher?.size).toBe(2);
    // The page's pass has not met the definition: it matches nothing yet, so nothing is marked above it.
    expect(page.matcher).toBeNull();
    // The popover still finds the entry of a mention marked ahead, and "On this page" lists it.
    expect(page.entry('page:kamd')?.expansion).toBe('Korea Air and Missile Defense');
    expect(page.list().map((e) => e.id)).toEqual(['page:kamd']);
  });

  it('once the page’s pass reads the definition, the term is the page’s, listed once, in page order', () => {
    const page = new PageDefinitions(() => undefined, source);
    page.readAhead().readRun(DEFINES);
    expect(page.readRun('The Combined Forces Command (CFC) came first.')?.has('page:cfc')).toBe(true);
    expect(page.list().map((e) => e.id)).toEqual(['page:cfc', 'page:kamd']);
    expect(page.readRun(DEFINES)?.get('page:kamd')).toBe(DEFINES.indexOf(')') + 1);
    expect(page.list().map((e) => e.id)).toEqual(['page:cfc', 'page:kamd']);
    const found: string[] = [];
    page.matcher?.scan('KAMD and CFC', (start, end) => found.push('KAMD and CFC'.slice(start, end)));
    expect(found).toEqual(['KAMD', 'CFC']);
  });

  it('a term the reader’s glossaries own stays theirs when read ahead', () => {
    const page = new PageDefinitions((short) => (short === 'KAMD' ? 'kamd' : undefined), source);
    expect(page.readAhead().readRun(DEFINES)).toBeNull();
    expect(page.list()).toEqual([]);
  });
});
