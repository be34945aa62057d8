/**
 * Incremental updates must leave the scanner where a fresh scan of the changed page would: fast-check
 * builds random pages (blocks, inline elements, terms split over text nodes, skipped elements), applies
 * random changes (text edits, insertions and removals of inline and block elements, moves, splits), waits
 * for the batch, and compares the scanner's mentions with a fresh scan's.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mention, PageScanner, TextScan } from '../../../src/page-scanning';
import { matcher, Recorder, sleep, textOf } from './fixtures';

const FRAGMENTS = [
  'THAAD',
  'TH',
  'AAD',
  'wartime ',
  'operational ',
  'control',
  'UNC',
  ' ',
  'x',
  '사드',
  '를',
  '. ',
];
const INLINE = ['b', 'em', 'span', 'a'];
const BLOCKS = ['p', 'div', 'li', 'section'];

const fragment = fc.constantFrom(...FRAGMENTS);
const text = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/** Markup of a random inline run: text and inline elements holding text. */
const inlineHtml = fc
  .array(
    fc.oneof(
      text,
      fc.tuple(fc.constantFrom(...INLINE), text).map(([tag, t]) => `<${tag}>${t}</${tag}>`),
      fc.constantFrom('<br>', '<script>UNC</script>', '<textarea>THAAD</textarea>'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

const blockHtml = fc
  .tuple(fc.constantFrom(...BLOCKS), inlineHtml)
  .map(([tag, inner]) => `<${tag}>${inner}</${tag}>`);

const pageHtml = fc
  .array(fc.oneof(blockHtml, inlineHtml), { minLength: 1, maxLength: 6 })
  .map((p) => p.join(''));

type Change =
  | { kind: 'setText'; pick: number; value: string }
  | { kind: 'insertHtml'; pick: number; html: string; where: InsertPosition }
  | { kind: 'insertBlockBetween'; pick: number; tag: string }
  | { kind: 'remove'; pick: number }
  | { kind: 'move'; pick: number; to: number }
  | { kind: 'split'; pick: number; at: number }
  | { kind: 'appendText'; pick: number; value: string };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('setText' as const), pick: fc.nat(), value: text }),
  fc.record({
    kind: fc.constant('insertHtml' as const),
    pick: fc.nat(),
    html: fc.oneof(inlineHtml, blockHtml),
    where: fc.constantFrom<InsertPosition>('beforebegin', 'afterbegin', 'beforeend', 'afterend'),
  }),
  fc.record({
    kind: fc.constant('insertBlockBetween' as const),
    pick: fc.nat(),
    tag: fc.constantFrom('div', 'br', 'script', 'p'),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('appendText' as const), pick: fc.nat(), value: text }),
);

function nodesUnder(root: Node, what: number): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(root, what);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
  return out;
}

function apply(change: Change): void {
  const texts = nodesUnder(document.body, 0x4) as Text[];
  const elements = nodesUnder(document.body, 0x1) as Element[];
  const all = [...texts, ...elements];
  const pickText = () => texts[change.pick % texts.length];
  const pickElement = () => elements[change.pick % elements.length];
  switch (change.kind) {
    case 'setText': {
      const node = pickText();
      if (node) node.data = change.value;
      break;
    }
    case 'appendText': {
      const element = pickElement() ?? document.body;
      element.append(change.value);
      break;
    }
    case 'insertHtml': {
      const element = pickElement() ?? document.body;
      const where = element === document.body ? 'beforeend' : change.where;
      element.insertAdjacentHTML(where, change.html);
      break;
    }
    case 'insertBlockBetween': {
      const node = all[change.pick % Math.max(all.length, 1)];
      const block = document.createElement(change.tag);
      if (change.tag === 'div' || change.tag === 'p') block.textContent = 'UNC';
      node?.parentNode?.insertBefore(block, node);
      break;
    }
    case 'remove': {
      const node = all[change.pick % Math.max(all.length, 1)];
      node?.parentNode?.removeChild(node);
      break;
    }
    case 'move': {
      const node = all[change.pick % Math.max(all.length, 1)];
      const to = elements[change.to % Math.max(elements.length, 1)] ?? document.body;
      if (node && !(node.nodeType === 1 && node.contains(to))) to.append(node);
      break;
    }
    case 'split': {
      const node = pickText();
      if (node && node.data.length > 1) node.splitText(1 + (change.at % (node.data.length - 1)));
      break;
    }
  }
}

function freshScan(): Mention[] {
  const found: Mention[] = [];
  new TextScan(document, { matcher, onMention: (m) => found.push(m) }).step();
  return found;
}

function signatures(mentions: readonly Mention[]): string[] {
  const order = new Map<Node, number>();
  for (const node of nodesUnder(document, 0x1 | 0x4)) order.set(node, order.size);
  const at = (node: Node) => order.get(node) ?? `detached:${(node as Text).data}`;
  return mentions
    .map(
      (m) =>
        `${m.entryId}:${JSON.stringify(textOf(m))}@${at(m.startNode)}:${m.startOffset}-${at(m.endNode)}:${m.endOffset}`,
    )
    .sort();
}

function keptMentions(scanner: PageScanner): Mention[] {
  const all = new Set<Mention>();
  for (const node of nodesUnder(document, 0x4)) for (const m of scanner.mentions.at(node as Text)) all.add(m);
  return [...all];
}

let scanner: PageScanner | undefined;

afterEach(() => {
  scanner?.stop();
});

describe('PageScanner keeps its mentions equal to a fresh scan', () => {
  it('through random changes to random pages', async () => {
    let compared = 0;
    let withMentions = 0;
    await fc.assert(
      fc.asyncProperty(
        pageHtml,
        fc.array(changeArb, { minLength: 1, maxLength: 6 }),
        async (html, changes) => {
          scanner?.stop();
          document.body.innerHTML = html;
          const recorder = new Recorder();
          scanner = new PageScanner(document, { matcher, added: recorder.added, removed: recorder.removed });
          await scanner.start();
          for (const change of changes) apply(change);
          await sleep(120);
          await scanner.whenIdle();
          const kept = keptMentions(scanner);
          // Nothing kept that left the page, nothing missing, nothing stale.
          expect(kept.length).toBe(scanner.mentions.size);
          const fresh = freshScan();
          expect(signatures(kept)).toEqual(signatures(fresh));
          // And the listener was told exactly that.
          expect(recorder.errors).toEqual([]);
          expect(recorder.live.size).toBe(scanner.mentions.size);
          compared++;
          if (fresh.length) withMentions++;
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 30) },
    );
    expect(withMentions / compared).toBeGreaterThan(0.5);
  }, 300_000);
});
