import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostMatches, isEnabledFor, parseHostPattern, withSiteEnabled } from '../../../src/settings';

const pattern = (input: string) => {
  const result = parseHostPattern(input);
  return result.ok ? result.pattern : `error: ${result.error}`;
};

describe('parseHostPattern', () => {
  it.each([
    ['news.example.com', 'news.example.com'],
    ['  News.Example.COM  ', 'news.example.com'],
    ['news.example.com.', 'news.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://news.example.com/world/story?id=1#top', 'news.example.com'],
    ['http://user@news.example.com:8080/', 'news.example.com'],
    ['example.com:443', 'example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['한국.kr', 'xn--3e0b707e.kr'],
  ])('%s → %s', (input, expected) => {
    expect(pattern(input)).toBe(expected);
  });

  it.each([
    ['', /Type a host name/],
    ['   ', /Type a host name/],
    ['*', /every site; use the pause/],
    ['news.*.com', /may only come first/],
    ['exa mple.com', /not a host name/],
    ['-bad.example.com', /not a host name/],
    ['bad-.example.com', /not a host name/],
    ['a..b', /not a host name/],
    ['http://', /not a host name/],
    ['*.10.0.0.1', /IP address has no subdomains/],
    ['[::1]', /IPv6/],
    ['1.2.3', /not a host name/],
    ['%41.com', /not a host name/],
  ])('refuses %j with a message', (input, message) => {
    const result = parseHostPattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('gives the same pattern when its own output is parsed again', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.domain(),
          fc.domain().map((d) => `*.${d}`),
          fc.webUrl(),
          fc.string(),
        ),
        (input) => {
          const first = parseHostPattern(input);
          if (!first.ok) return;
          const second = parseHostPattern(first.pattern);
          expect(second).toEqual(first);
        },
      ),
    );
  });
});

describe('hostMatches', () => {
  it('matches a plain host exactly, case and trailing dot aside', () => {
    expect(hostMatches('news.example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('news.example.com', 'NEWS.example.com.')).toBe(true);
    expect(hostMatches('news.example.com', 'example.com')).toBe(false);
    expect(hostMatches('news.example.com', 'www.news.example.com')).toBe(false);
    expect(hostMatches('example.com', 'notexample.com')).toBe(false);
  });

  it('matches "*." patterns on the domain and all its subdomains, never on look-alikes', () => {
    expect(hostMatches('*.example.com', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com.evil.net')).toBe(false);
  });
});

describe('isEnabledFor and withSiteEnabled', () => {
  const except = {
    paused: false,
    siteMode: 'except' as const,
    sites: ['*.blocked.org', 'quiet.example.com'],
  };
  const only = { paused: false, siteMode: 'only' as const, sites: ['news.example.com'] };

  it('"everywhere except": listed hosts are off, the rest on', () => {
    expect(isEnabledFor(except, 'news.example.com')).toBe(true);
    expect(isEnabledFor(except, 'quiet.example.com')).toBe(false);
    expect(isEnabledFor(except, 'www.blocked.org')).toBe(false);
  });

  it('"only on": listed hosts are on, the rest off', () => {
    expect(isEnabledFor(only, 'news.example.com')).toBe(true);
    expect(isEnabledFor(only, 'other.example.com')).toBe(false);
  });

  it('the pause turns every site off; a page without a host follows only the mode and pause', () => {
    expect(isEnabledFor({ ...except, paused: true }, 'news.example.com')).toBe(false);
    expect(isEnabledFor(except, '')).toBe(true);
    expect(isEnabledFor(only, '')).toBe(false);
    expect(isEnabledFor({ ...except, paused: true }, '')).toBe(false);
  });

  it('switching a site off adds it to an "except" list once', () => {
    const off = withSiteEnabled(except, 'News.example.com', false);
    expect(off.sites).toEqual(['*.blocked.org', 'quiet.example.com', 'news.example.com']);
    expect(withSiteEnabled({ ...except, sites: off.sites }, 'news.example.com', false).sites).toEqual(
      off.sites,
    );
    expect(isEnabledFor({ ...except, sites: off.sites }, 'news.example.com')).toBe(false);
  });

  it('switching a site back on removes every pattern covering it, and says which', () => {
    const on = withSiteEnabled(except, 'www.blocked.org', true);
    expect(on.sites).toEqual(['quiet.example.com']);
    expect(on.removed).toEqual(['*.blocked.org']);
    expect(isEnabledFor({ ...except, sites: on.sites }, 'www.blocked.org')).toBe(true);
  });

  it('in "only on" mode the list holds the sites that are on', () => {
    const on = withSiteEnabled(only, 'other.example.com', true);
    expect(on.sites).toEqual(['news.example.com', 'other.example.com']);
    const off = withSiteEnabled(only, 'news.example.com', false);
    expect(off.sites).toEqual([]);
    expect(off.removed).toEqual(['news.example.com']);
  });

  it('after switching, the site is in the state asked for, and other hosts keep theirs', () => {
    const host = fc.constantFrom(
      'a.example.com',
      'b.example.com',
      'example.com',
      'x.y.example.com',
      'other.net',
    );
    const rules = fc.record({
      paused: fc.constant(false),
      siteMode: fc.constantFrom('except' as const, 'only' as const),
      sites: fc.array(fc.constantFrom('a.example.com', '*.example.com', 'other.net', 'x.y.example.com'), {
        maxLength: 4,
      }),
    });
    fc.assert(
      fc.property(rules, host, fc.boolean(), host, (before, target, enabled, other) => {
        const after = { ...before, sites: withSiteEnabled(before, target, enabled).sites };
        expect(isEnabledFor(after, target)).toBe(enabled);
        // Only a host covered by a removed "*." pattern may change along with the target.
        const coveredTogether = before.sites.some((p) => hostMatches(p, target) && hostMatches(p, other));
        if (!coveredTogether && other !== target) {
          expect(isEnabledFor(after, other)).toBe(isEnabledFor(before, other));
        }
      }),
    );
  });
});
