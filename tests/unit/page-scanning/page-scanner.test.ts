/**
 * PageScanner in happy-dom: the first scan, and incremental updates through the MutationObserver. Real
 * timers: mutations gather for 100 ms before a rescan, so tests wait for that (`settle`).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matching';
import { GLOSSA_HOST_TAG, type Mention, PageScanner, TextScan } from '../../../src/page-scanning';
import { countNodes, labels, matcher, Recorder, sleep, textOf, useSpecContentEditable } from './fixtures';

let recorder: Recorder;
let scanner: PageScanner;
let shadowRoots: ShadowRoot[];

function makeScanner(options: { sliceMs?: number } = {}): PageScanner {
  recorder = new Recorder();
  shadowRoots = [];
  scanner = new PageScanner(document, {
    matcher,
    added: recorder.added,
    removed: recorder.removed,
    onShadowRoot: (root) => shadowRoots.push(root),
    ...options,
  });
  return scanner;
}

const measures = (name: string) => performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];

interface ScanDetail {
  textNodes: number;
  chars: number;
  mentions: number;
  slices: number;
}

/** The detail of the `index`th measure called `name`. */
function detailOf(name: string, index = 0): ScanDetail {
  const measure = measures(name)[index];
  if (!measure) throw new Error(`no measure ${name} #${index}`);
  return measure.detail as ScanDetail;
}

/** Waits for the mutation batch (100 ms) and whatever scan it started. */
async function settle(): Promise<void> {
  await sleep(140);
  await scanner.whenIdle();
}

/** What a fresh scan of the page finds, for comparing with what the scanner keeps up to date. */
function freshScan(): string[] {
  const found: Mention[] = [];
  const roots: Node[] = [document];
  for (let i = 0; i < roots.length; i++) {
    new TextScan(roots[i] as Node, {
      matcher,
      onMention: (m) => found.push(m),
      onShadowRoot: (r) => roots.push(r),
    }).step();
  }
  return signatures(found);
}

/** Mentions as sorted strings "entry:text@node:offset-node:offset", nodes numbered in document order. */
function signatures(mentions: readonly Mention[]): string[] {
  const order = new Map<Node, number>();
  const number = (root: Node) => {
    const walker = document.createTreeWalker(root, 0x1 | 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      order.set(node, order.size);
      const shadow = (node as Element).shadowRoot;
      if (shadow) number(shadow);
    }
  };
  number(document);
  const at = (node: Node) => order.get(node) ?? `detached ${(node as Text).data}`;
  return mentions
    .map(
      (m) => `${m.entryId}:${textOf(m)}@${at(m.startNode)}:${m.startOffset}-${at(m.endNode)}:${m.endOffset}`,
    )
    .sort();
}

/** The scanner's mentions, gathered node by node (list() sorts with compareDocumentPosition, slow in happy-dom). */
function kept(): string[] {
  const all = new Set<Mention>();
  const gather = (root: Node) => {
    const walker = document.createTreeWalker(root, 0x1 | 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 3) for (const m of scanner.mentions.at(node as Text)) all.add(m);
      const shadow = (node as Element).shadowRoot;
      if (shadow) gather(shadow);
    }
  };
  gather(document);
  // Every mention the store holds is on the page.
  expect(all.size).toBe(scanner.mentions.size);
  return signatures([...all]);
}

function paragraphs(count: number, make = (i: number) => `paragraph ${i} on THAAD`): string {
  let html = '';
  for (let i = 0; i < count; i++) html += `<p>${make(i)}</p>`;
  return html;
}

beforeEach(() => {
  document.designMode = 'off';
  document.body.innerHTML = '';
  performance.clearMeasures();
});

afterEach(() => {
  scanner?.stop();
  document.designMode = 'off';
});

describe('PageScanner: the first scan', () => {
  it('resolves with what it scanned and records performance.measure("glossa:scan")', async () => {
    document.body.innerHTML = '<p>THAAD and <b>UNC</b></p><p>the wartime <em>operational control</em></p>';
    makeScanner();
    const stats = await scanner.start();
    expect(stats).toEqual({ textNodes: 4, chars: 10 + 3 + 12 + 19, mentions: 3 });
    const [measure] = measures('glossa:scan');
    expect(measure?.detail).toMatchObject({ textNodes: 4, chars: 44, mentions: 3 });
    expect(measure?.duration).toBeGreaterThanOrEqual(0);
    expect(labels(scanner.mentions.list())).toEqual([
      'thaad:THAAD',
      'unc:UNC',
      'opcon:wartime operational control',
    ]);
    expect(recorder.live.size).toBe(3);
    expect(recorder.errors).toEqual([]);
  });

  it('scans a large page in slices, yielding between them, and finds everything', async () => {
    document.body.innerHTML = paragraphs(1500);
    makeScanner({ sliceMs: 0 });
    const stats = await scanner.start();
    expect(stats.mentions).toBe(1500);
    expect(scanner.mentions.size).toBe(1500);
    const detail = detailOf('glossa:scan');
    expect(detail.slices).toBeGreaterThan(5);
    // The listener heard of the mentions slice by slice.
    expect(recorder.calls.length).toBeGreaterThan(5);
    expect(recorder.live.size).toBe(1500);
  });

  it('enters open shadow roots, nested ones too, and tells onShadowRoot', async () => {
    document.body.innerHTML = '<p>UNC</p><div id="host"></div>';
    const outer = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>THAAD</p><x-inner></x-inner>';
    const inner = (outer.querySelector('x-inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>OPCON</span>';
    makeScanner();
    const stats = await scanner.start();
    expect(stats.mentions).toBe(3);
    expect(shadowRoots).toEqual([outer, inner]);
    expect(new Set(labels(scanner.mentions.list()))).toEqual(
      new Set(['unc:UNC', 'thaad:THAAD', 'opcon:OPCON']),
    );
  });

  it('never changes the page', async () => {
    document.body.innerHTML =
      '<article><h1>OPCON</h1><p>the wartime <em>operational control</em> and <a href="#">THAAD</a></p>' +
      `<textarea>UNC</textarea><${GLOSSA_HOST_TAG}>THAAD</${GLOSSA_HOST_TAG}></article>${paragraphs(500)}`;
    const before = document.body.innerHTML;
    const nodes = countNodes(document);
    makeScanner({ sliceMs: 0 });
    await scanner.start();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'added UNC' }));
    await settle();
    expect(scanner.mentions.size).toBe(504);
    document.body.lastChild?.remove();
    await settle();
    expect(document.body.innerHTML).toBe(before);
    expect(countNodes(document)).toBe(nodes);
  });

  it('start() on a page with nothing to find resolves with zero mentions', async () => {
    document.body.innerHTML = '<p>nothing here</p>';
    makeScanner();
    expect(await scanner.start()).toEqual({ textNodes: 1, chars: 12, mentions: 0 });
    expect(recorder.calls).toEqual([]);
  });
});

describe('PageScanner: design mode', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = useSpecContentEditable();
  });
  afterAll(() => restore());

  it('scans nothing in a document in design mode, not even what is added later', async () => {
    document.body.innerHTML = '<p>THAAD</p>';
    document.designMode = 'on';
    makeScanner();
    expect(await scanner.start()).toEqual({ textNodes: 0, chars: 0, mentions: 0 });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'UNC' }));
    (document.body.firstChild?.firstChild as Text).data = 'OPCON';
    await settle();
    expect(scanner.mentions.size).toBe(0);
    expect(recorder.calls).toEqual([]);
  });

  it('ignores edits inside an editable region', async () => {
    document.body.innerHTML = '<p>UNC</p><div contenteditable="true"><p>typing</p></div>';
    makeScanner();
    await scanner.start();
    const editable = document.querySelector('[contenteditable] p') as HTMLElement;
    (editable.firstChild as Text).data = 'typing THAAD';
    editable.append(' and OPCON');
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC']);
  });
});

describe('PageScanner: incremental updates', () => {
  it('finds the mentions of appended paragraphs, rescanning only what was added', async () => {
    document.body.innerHTML = `<main>${paragraphs(2000)}</main>`;
    makeScanner();
    await scanner.start();
    expect(scanner.mentions.size).toBe(2000);
    const main = document.querySelector('main') as HTMLElement;
    for (const text of ['new UNC', 'new <b>OPCON</b> here', 'wartime <em>operational control</em>']) {
      const p = document.createElement('p');
      p.innerHTML = text;
      main.append(p);
    }
    await settle();
    expect(scanner.mentions.size).toBe(2003);
    expect(labels(scanner.mentions.list().slice(-3))).toEqual([
      'unc:UNC',
      'opcon:OPCON',
      'opcon:wartime operational control',
    ]);
    const rescans = measures('glossa:rescan');
    expect(rescans).toHaveLength(1);
    // Six text nodes were added; the 2000 paragraphs already there are not read again.
    expect(detailOf('glossa:rescan').textNodes).toBe(6);
    expect(recorder.live.size).toBe(2003);
    expect(kept()).toEqual(freshScan());
  });

  it('scans text added to an existing paragraph within that paragraph only', async () => {
    document.body.innerHTML = `<main>${paragraphs(500)}<p id="target">about</p></main>`;
    makeScanner();
    await scanner.start();
    const target = document.getElementById('target') as HTMLElement;
    target.append(' wartime ');
    const em = document.createElement('em');
    em.textContent = 'operational control';
    target.append(em);
    await settle();
    const rescan = detailOf('glossa:rescan');
    expect(rescan.textNodes).toBe(3);
    expect(labels(scanner.mentions.list().slice(-1))).toEqual(['opcon:wartime operational control']);
    expect(kept()).toEqual(freshScan());
  });

  it('drops the mentions of removed nodes, and tells the listener', async () => {
    document.body.innerHTML = `<main>${paragraphs(10)}</main><aside><p>UNC and <b>OPCON</b></p></aside>`;
    makeScanner();
    await scanner.start();
    expect(scanner.mentions.size).toBe(12);
    document.querySelector('aside')?.remove();
    document.querySelector('main p')?.remove();
    document.querySelector('main p')?.firstChild?.remove();
    await settle();
    expect(scanner.mentions.size).toBe(8);
    expect(labels(scanner.mentions.list())).not.toContain('unc:UNC');
    expect(recorder.live.size).toBe(8);
    expect(recorder.errors).toEqual([]);
    expect(kept()).toEqual(freshScan());
  });

  it('does not rescan the whole page when a block leaves it', async () => {
    document.body.innerHTML = `${paragraphs(500)}<div id="ad">UNC</div>${paragraphs(500)}`;
    makeScanner();
    await scanner.start();
    document.getElementById('ad')?.remove();
    await settle();
    expect(scanner.mentions.size).toBe(1000);
    const read = measures('glossa:rescan').reduce(
      (sum, m) => sum + (m.detail as { textNodes: number }).textNodes,
      0,
    );
    expect(read).toBeLessThan(10);
  });

  it('follows edits of text that create, change or destroy a mention', async () => {
    document.body.innerHTML =
      '<p id="a">nothing</p><p id="b">THAAD here</p><p id="c">wartime <em>control</em></p>';
    makeScanner();
    await scanner.start();
    expect(labels(scanner.mentions.list())).toEqual(['thaad:THAAD']);
    (document.querySelector('#a')?.firstChild as Text).data = 'now UNC';
    (document.querySelector('#b')?.firstChild as Text).data = 'THAD here';
    (document.querySelector('#c em')?.firstChild as Text).data = 'operational control';
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC', 'opcon:wartime operational control']);
    expect(recorder.live.size).toBe(2);
    expect(recorder.errors).toEqual([]);
    expect(kept()).toEqual(freshScan());
  });

  it('splits a mention when a block is put between its halves, and joins them when it goes', async () => {
    document.body.innerHTML = '<p><span>wartime </span><span>operational control</span></p>';
    makeScanner();
    await scanner.start();
    expect(labels(scanner.mentions.list())).toEqual(['opcon:wartime operational control']);
    const block = document.createElement('div');
    block.textContent = 'UNC';
    document.querySelector('span')?.after(block);
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC', 'opcon:operational control']);
    expect(kept()).toEqual(freshScan());
    block.remove();
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['opcon:wartime operational control']);
    expect(kept()).toEqual(freshScan());
    expect(recorder.errors).toEqual([]);
  });

  it('finds the two mentions a block makes of one word when it is put inside it, and loses them when it goes', async () => {
    document.body.innerHTML = '<b>THAAD</b><b>UNC</b>';
    makeScanner();
    await scanner.start();
    expect(scanner.mentions.size).toBe(0);
    const block = document.createElement('p');
    document.querySelector('b')?.after(block);
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['thaad:THAAD', 'unc:UNC']);
    block.remove();
    await settle();
    expect(scanner.mentions.size).toBe(0);
    expect(recorder.errors).toEqual([]);
  });

  it('splits a mention when a skipped element is put between its halves', async () => {
    document.body.innerHTML = '<p><b>TH</b><b>AAD</b></p>';
    makeScanner();
    await scanner.start();
    expect(scanner.mentions.size).toBe(1);
    document.querySelector('b')?.after(document.createElement('script'));
    await settle();
    expect(scanner.mentions.size).toBe(0);
    expect(kept()).toEqual(freshScan());
  });

  it.each([
    ['a textarea', '<textarea>draft</textarea>', (el: Element) => ((el.firstChild as Text).data = 'THAAD')],
    ['a script', '<script>var a;</script>', (el: Element) => ((el.firstChild as Text).data = 'var THAAD;')],
    ['a style', '<style>p{}</style>', (el: Element) => el.append('.UNC { color: red }')],
    ['Glossa’s own UI', `<${GLOSSA_HOST_TAG}></${GLOSSA_HOST_TAG}>`, (el: Element) => el.append('THAAD')],
    [
      'a noscript',
      '<noscript>x</noscript>',
      (el: Element) => el.append(Object.assign(document.createElement('p'), { textContent: 'UNC' })),
    ],
  ])('does nothing for edits inside %s', async (_name, html, edit) => {
    document.body.innerHTML = `<p>OPCON</p>${html}`;
    makeScanner();
    await scanner.start();
    edit(document.body.lastElementChild as Element);
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['opcon:OPCON']);
    expect(measures('glossa:rescan')).toEqual([]);
  });

  it('ignores changes to comments', async () => {
    document.body.innerHTML = '<p>OPCON<!-- note --></p>';
    makeScanner();
    await scanner.start();
    (document.querySelector('p')?.lastChild as Comment).data = 'THAAD';
    await settle();
    expect(measures('glossa:rescan')).toEqual([]);
    expect(scanner.mentions.size).toBe(1);
  });

  it('follows changes inside open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>first</p>';
    makeScanner();
    await scanner.start();
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'THAAD inside' }));
    (shadow.firstChild?.firstChild as Text).data = 'UNC first';
    await settle();
    expect(new Set(labels(scanner.mentions.list()))).toEqual(new Set(['thaad:THAAD', 'unc:UNC']));
  });

  it('finds the shadow roots of added hosts', async () => {
    makeScanner();
    await scanner.start();
    const host = document.createElement('x-card');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>THAAD</p>';
    document.body.append(host);
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['thaad:THAAD']);
    expect(shadowRoots).toEqual([host.shadowRoot]);
    // And observes them.
    host.shadowRoot?.append(Object.assign(document.createElement('p'), { textContent: 'UNC' }));
    await settle();
    expect(new Set(labels(scanner.mentions.list()))).toEqual(new Set(['thaad:THAAD', 'unc:UNC']));
  });

  it('finds a shadow root given later to a built-in element, with nothing else changing, on a page that uses shadow DOM', async () => {
    // The page shows shadow DOM (a custom element); a widget then mounts into a div already scanned.
    document.body.innerHTML = '<p>UNC</p><x-badge></x-badge><div id="widget"><p>light text</p></div>';
    makeScanner();
    await scanner.start();
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC']);
    const widget = document.getElementById('widget') as HTMLElement;
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>THAAD in a widget</p>';
    // No mutation the observer sees: the sweep a second after the start finds it.
    await new Promise((resolve) => setTimeout(resolve, 1_150));
    await scanner.whenIdle();
    expect(new Set(labels(scanner.mentions.list()))).toEqual(new Set(['unc:UNC', 'thaad:THAAD']));
    expect(shadowRoots).toContain(widget.shadowRoot);
  });

  it('does not sweep a page that showed no shadow DOM (a sweep reads every element; most pages have none)', async () => {
    document.body.innerHTML = '<p>UNC</p><div id="widget"><p>light text</p></div>';
    makeScanner();
    await scanner.start();
    const widget = document.getElementById('widget') as HTMLElement;
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>THAAD in a widget</p>';
    await new Promise((resolve) => setTimeout(resolve, 1_150));
    await scanner.whenIdle();
    // The limit of that choice, pinned here: such a root stays unread.
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC']);
  });

  it('drops the mentions inside the shadow root of a host that leaves the page', async () => {
    document.body.innerHTML = '<p>UNC</p><div id="host"></div>';
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML =
      '<p>THAAD</p>';
    makeScanner();
    await scanner.start();
    expect(scanner.mentions.size).toBe(2);
    document.getElementById('host')?.remove();
    await settle();
    expect(labels(scanner.mentions.list())).toEqual(['unc:UNC']);
    expect(recorder.live.size).toBe(1);
  });

  it('falls back to one full rescan after a storm of more than 1000 mutation records', async () => {
    document.body.innerHTML = '<main></main>';
    makeScanner();
    await scanner.start();
    const main = document.querySelector('main') as HTMLElement;
    for (let i = 0; i < 1200; i++) {
      const p = document.createElement('p');
      p.textContent = i % 2 ? `item ${i}` : `item ${i}: THAAD`;
      main.append(p);
    }
    await settle();
    expect(measures('glossa:scan')).toHaveLength(2);
    expect(measures('glossa:rescan')).toHaveLength(0);
    expect(detailOf('glossa:scan', 1).textNodes).toBe(1200);
    expect(scanner.mentions.size).toBe(600);
    expect(recorder.live.size).toBe(600);
    expect(recorder.errors).toEqual([]);
  });

  it('handles a page that changes while the first scan is under way', async () => {
    document.body.innerHTML = paragraphs(1500, (i) => (i % 2 ? `<b>UNC</b> ${i}` : `THAAD ${i}`));
    makeScanner({ sliceMs: 0 });
    const started = scanner.start();
    // Let a few slices run, then change the page.
    await sleep(0);
    document.body.firstElementChild?.remove();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'OPCON' }));
    await started;
    await settle();
    await settle();
    expect(kept()).toEqual(freshScan());
    expect(recorder.live.size).toBe(scanner.mentions.size);
    expect(recorder.errors).toEqual([]);
  });
});

describe('PageScanner: stop and setMatcher', () => {
  it('stop() forgets every mention and stops following the page', async () => {
    document.body.innerHTML = '<p>THAAD</p><p>UNC</p>';
    makeScanner();
    await scanner.start();
    scanner.stop();
    expect(scanner.mentions.size).toBe(0);
    expect(recorder.live.size).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'OPCON' }));
    await settle();
    expect(scanner.mentions.size).toBe(0);
    expect(measures('glossa:rescan')).toEqual([]);
  });

  it('setMatcher() rescans the page with the new glossary', async () => {
    document.body.innerHTML = '<p>THAAD and the Combined Forces Command</p>';
    makeScanner();
    await scanner.start();
    const cfc = compileMatcher([
      { id: 'cfc', aliases: [{ text: 'Combined Forces Command', lang: 'en', caseSensitive: false }] },
    ]);
    const stats = await scanner.setMatcher(cfc);
    expect(stats.mentions).toBe(1);
    expect(labels(scanner.mentions.list())).toEqual(['cfc:Combined Forces Command']);
    expect(recorder.live.size).toBe(1);
    expect(recorder.errors).toEqual([]);
  });

  it('can be started again after stop()', async () => {
    document.body.innerHTML = '<p>THAAD</p>';
    makeScanner();
    await scanner.start();
    scanner.stop();
    await scanner.start();
    expect(scanner.mentions.size).toBe(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'UNC' }));
    await settle();
    expect(scanner.mentions.size).toBe(2);
  });
});
