/**
 * Which sites Glossa runs on: host patterns ("news.example.com", or "*.example.com" for a domain and
 * all its subdomains), a mode ("everywhere except these sites" or "only on these sites") and a global
 * pause. Pure functions, no extension APIs.
 */

/**
 * Why a host pattern was refused: `error` says it in English (logs, tests); an interface shows the
 * message of `reason` in the reader's language (assets/locales `site_<reason>`, the input as $1).
 */
export type HostPatternReason = 'empty' | 'everySite' | 'ipv6' | 'starFirst' | 'notHost' | 'ipSubdomains';

export type HostPatternResult =
  | { ok: true; pattern: string }
  | { ok: false; error: string; reason: HostPatternReason };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Reads what a reader typed as a host pattern. A pasted address ("https://news.example.com/a?b") is
 * taken for its host; case, a trailing dot and a port are dropped; non-ASCII names become punycode,
 * as `location.hostname` reports them.
 */
export function parseHostPattern(input: string): HostPatternResult {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'Type a host name such as news.example.com.', reason: 'empty' };
  if (text === '*' || text === '*.') {
    return {
      ok: false,
      error: '"*" would mean every site; use the pause switch instead.',
      reason: 'everySite',
    };
  }
  const schemeless = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  text = schemeless.split(/[/?#]/, 1)[0] ?? '';
  text = text.replace(/^[^@]*@/, '');
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  if (text.startsWith('['))
    return { ok: false, error: 'IPv6 addresses are not supported in the site list.', reason: 'ipv6' };
  text = text.replace(/:\d*$/, '').replace(/\.$/, '');
  if (text.includes('*')) {
    return {
      ok: false,
      error: `"${input.trim()}": a "*" may only come first, as in *.example.com.`,
      reason: 'starFirst',
    };
  }
  const host = toAsciiHost(text);
  if (!host) {
    return {
      ok: false,
      error: `"${input.trim()}" is not a host name such as news.example.com.`,
      reason: 'notHost',
    };
  }
  if (wildcard && IPV4.test(host))
    return {
      ok: false,
      error: `"${input.trim()}": an IP address has no subdomains.`,
      reason: 'ipSubdomains',
    };
  return { ok: true, pattern: wildcard ? `*.${host}` : host };
}

function toAsciiHost(text: string): string | null {
  if (text === '' || /[\s\\%]/.test(text)) return null;
  let host: string;
  try {
    host = new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
  if (host !== text && !/[^\p{ASCII}]/u.test(text)) return null;
  if (IPV4.test(host)) return host;
  const labels = host.split('.');
  if (labels.some((label) => !LABEL.test(label))) return null;
  return host;
}

/** True when a host (as `location.hostname` gives it) falls under a pattern. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return h === domain || h.endsWith(`.${domain}`);
  }
  return h === pattern;
}

export interface SiteRules {
  readonly paused: boolean;
  readonly siteMode: 'except' | 'only';
  readonly sites: readonly string[];
}

/** Whether Glossa runs on a host. A page without a host (a local file) follows only the pause. */
export function isEnabledFor(rules: SiteRules, host: string): boolean {
  if (rules.paused) return false;
  if (!host) return rules.siteMode === 'except';
  const listed = rules.sites.some((pattern) => hostMatches(pattern, host));
  return rules.siteMode === 'except' ? !listed : listed;
}

/**
 * The site list after the reader switched Glossa on or off for one host. Switching a host back on
 * removes every pattern that covers it (including a "*." one), since a list entry cannot make an
 * exception; the caller shows what was removed.
 */
export function withSiteEnabled(
  rules: SiteRules,
  host: string,
  enabled: boolean,
): { sites: string[]; removed: string[] } {
  const sites = [...rules.sites];
  const listWanted = rules.siteMode === 'except' ? !enabled : enabled;
  const covering = sites.filter((pattern) => hostMatches(pattern, host));
  if (listWanted) {
    if (covering.length === 0) sites.push(host.toLowerCase());
    return { sites, removed: [] };
  }
  return { sites: sites.filter((pattern) => !covering.includes(pattern)), removed: covering };
}
