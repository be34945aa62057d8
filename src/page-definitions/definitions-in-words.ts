/**
 * Definitions written without parentheses: "the Nuclear Consultative Group, or NCG, …", "the CHIPS
 * Act, or Creating Helpful Incentives to Produce Semiconductors Act, …", "OPCON stands for operational
 * control", "the Integrated Air and Missile Defense — IAMD — network". The short form must be one by
 * `isShortForm` (not a plain word) and the long form must spell it.
 */
import { bestLongForm } from './long-form';
import { sentenceBefore } from './sentences';
import { isShortForm } from './short-forms';
import { type Definition, wordBefore } from './words';

/** How far after a joiner a long form may reach, in code units (a parenthesis' span too). */
const PHRASE_REACH = 160;
const IN_WORDS = /,\s+or\s+|\s+stands\s+for\s+|\s[—–]\s/g;

/** A quick test for `definitionsInWords` (native scans; most text has none of these). */
export function mayDefineInWords(text: string): boolean {
  // Called for every run of text on every page, most of them a few words long: a run too short to
  // hold a long form of two words and a short form is not searched at all.
  if (text.length < MIN_DEFINITION_IN_WORDS) return false;
  // One native scan for the three joiners (four `includes` cost twice as much on the shared corpus).
  return MAY_DEFINE_IN_WORDS.test(text);
}

/**
 * "nds for", not "[A-Z0-9] stands for": an alternative that starts on any capital or digit is tried
 * at every one of them; this one starts on "n", "," or a dash only, and the regex ran a third faster
 * on the shared corpus (2.0 → 1.4 ms). "funds for" passes too; IN_WORDS then finds nothing there.
 */
const MAY_DEFINE_IN_WORDS = /, or |[—–]|nds for /;

/** "NCG, or Nuclear Group," is about the shortest there is. */
const MIN_DEFINITION_IN_WORDS = 20;

export function definitionsInWords(text: string, from: number, to: number): Definition[] {
  const found: Definition[] = [];
  const pattern = IN_WORDS;
  // Searched within the window only (and the few characters a joiner may run past it): a search to
  // the text's end from every window would make a long text quadratic.
  const subject = from === 0 && to >= text.length ? text : text.slice(from, to + 16);
  const offset = subject === text ? 0 : from;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
    const at = match.index + offset;
    if (at >= to) break;
    const after = at + match[0].length;
    const joiner = match[0].trim();
    const definition =
      joiner === 'stands for'
        ? shortFormStandsFor(text, at, after)
        : joiner.startsWith(',')
          ? orDefinition(text, at, after)
          : dashDefinition(text, at, after);
    if (definition) found.push(definition);
  }
  return found;
}

/** The short form right after `after` when it stands alone there (followed by , . ; : or a dash). */
function shortFormAt(text: string, after: number): string | null {
  const m = /^([^\s,;:()]{2,16})(?=[,.;:]|\s[—–]\s|\s*$)/.exec(text.slice(after, after + 20));
  const short = m?.[1]?.replace(/\.$/, '') ?? '';
  return short && isShortForm(short) ? short : null;
}

/** "Long Form, or SF," and "SF, or Long Form,". */
function orDefinition(text: string, comma: number, after: number): Definition | null {
  // "The Nuclear Consultative Group, or NCG, met …"
  const short = shortFormAt(text, after);
  if (short) {
    const before = sentenceBefore(text, comma);
    const long = bestLongForm(short, before.text);
    if (long && long.text.split(/\s+/).length >= 2)
      return { short, long: long.text, start: before.start + long.offset, end: after + short.length };
  }
  // "The CHIPS Act, or Creating Helpful Incentives to Produce Semiconductors Act, passed …"
  const end = text.slice(after, after + PHRASE_REACH).search(/[,;:.)]/);
  if (end <= 0) return null;
  const long = text.slice(after, after + end).trim();
  const words = wordBefore(text, Math.max(0, comma - 24), comma);
  if (!words) return null;
  const spelled = (sf: string, name: string) => bestLongForm(sf, name, true) === name;
  const last = text.slice(words.start, comma);
  if (isShortForm(last) && long.split(/\s+/).length >= 2 && spelled(last, long))
    return { short: last, long, start: words.start, end: after + end };
  // A two-word short form whose second word ends the long form too ("CHIPS Act").
  const previous = wordBefore(text, Math.max(0, words.start - 20), words.start);
  if (!previous || !/^[A-Z][a-z]+$/.test(last) || !long.endsWith(` ${last}`)) return null;
  const first = text.slice(previous.start, words.start).trim();
  const name = long.slice(0, -last.length).trim();
  if (!isShortForm(first) || name.split(/\s+/).length < 2 || !spelled(first, name)) return null;
  return { short: `${first} ${last}`, long, start: previous.start, end: after + end };
}

/** "OPCON stands for operational control, the authority …" */
function shortFormStandsFor(text: string, at: number, after: number): Definition | null {
  const word = wordBefore(text, Math.max(0, at - 20), at);
  if (!word) return null;
  const short = text.slice(word.start, word.end);
  if (!isShortForm(short)) return null;
  const end = text.slice(after, after + PHRASE_REACH).search(/[,;:.)]|\s[—–]\s|$/);
  const long = text
    .slice(after, after + end)
    .trim()
    .replace(/^(?:the|The)\s+/, '');
  if (long.split(/\s+/).length < 2 || bestLongForm(short, long, true) !== long) return null;
  return { short, long, start: word.start, end: after + end };
}

/** "The Integrated Air and Missile Defense — IAMD — network …" */
function dashDefinition(text: string, at: number, after: number): Definition | null {
  const short = shortFormAt(text, after);
  if (!short || !/^\s[—–]\s/.test(text.slice(after + short.length, after + short.length + 3))) return null;
  const before = sentenceBefore(text, at);
  const long = bestLongForm(short, before.text);
  if (!long || long.text.split(/\s+/).length < 2) return null;
  return { short, long: long.text, start: before.start + long.offset, end: after + short.length + 2 };
}
