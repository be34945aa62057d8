import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ElementKind, GLOSSA_HOST_TAG, kindOf, type Mention, TextScan } from '../../../src/page-scanning';
import { countNodes, labels, matcher, textOf, useSpecContentEditable } from './fixtures';

/** Scans `root` in one step and returns what it found. */
function scan(root: Node = document.body) {
  const mentions: Mention[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const textNodes: Text[] = [];
  const scanner = new TextScan(root, {
    matcher,
    onMention: (m) => mentions.push(m),
    onShadowRoot: (r) => shadowRoots.push(r),
    onTextNode: (t) => textNodes.push(t),
  });
  const finished = scanner.step();
  return { finished, mentions, shadowRoots, textNodes, stats: scanner.stats, scanner };
}

const found = (html: string): string[] => {
  document.body.innerHTML = html;
  return labels(scan().mentions);
};

beforeEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('TextScan: finding mentions', () => {
  it('finds mentions with their nodes and offsets', () => {
    document.body.innerHTML = '<p>China opposed THAAD and OPCON.</p>';
    const { mentions, finished } = scan();
    expect(finished).toBe(true);
    const text = document.querySelector('p')?.firstChild as Text;
    expect(mentions).toEqual([
      { entryId: 'thaad', startNode: text, startOffset: 14, endNode: text, endOffset: 19, nodes: [text] },
      { entryId: 'opcon', startNode: text, startOffset: 24, endNode: text, endOffset: 29, nodes: [text] },
    ]);
  });

  it('counts text nodes, characters and mentions', () => {
    document.body.innerHTML = '<p>THAAD</p><p>no term</p><p>UNC <b>and</b> UNC</p>';
    const { stats, textNodes } = scan();
    expect(stats).toEqual({ textNodes: 5, chars: 5 + 7 + 4 + 3 + 4, mentions: 3 });
    expect(textNodes.map((t) => t.data)).toEqual(['THAAD', 'no term', 'UNC ', 'and', ' UNC']);
  });

  it('reads an acronym in title case only in English text, or text of no declared language', () => {
    // "Unc" and "Thaad" as an English outlet writes them; in Polish, German or Korean text the
    // title-case form is not the acronym (Polish "Rok" is a year), while capitals are.
    expect(
      found(
        '<p>Thaad and Unc, as the Times writes them.</p>' +
          '<p lang="en-GB">The Thaad battery.</p>' +
          '<p lang="pl">Rok 2018: Thaad i Unc. UNC oraz THAAD.</p>' +
          '<div lang="de"><p>Die Thaad-Batterie, <span>Unc</span>; THAAD.</p></div>' +
          '<p lang="ko">Thaad 배치, THAAD 배치.</p>',
      ),
    ).toEqual([
      'thaad:Thaad',
      'unc:Unc',
      'thaad:Thaad',
      'unc:UNC',
      'thaad:THAAD',
      'thaad:THAAD',
      'thaad:THAAD',
    ]);
  });

  it('with no lang anywhere, reads title case in English text but not in Polish', () => {
    expect(found('<p>The Thaad battery stays.</p><p>Rok 2018 był rokiem rozmów o Thaad.</p>')).toEqual([
      'thaad:Thaad',
    ]);
  });

  it("follows the nearest lang attribute, the document's when no element nearer has one", () => {
    document.documentElement.lang = 'pl';
    try {
      expect(found('<p>Thaad.</p><p lang="en">Thaad.</p>')).toEqual(['thaad:Thaad']);
      const p = document.querySelectorAll('p')[1];
      expect(p?.getAttribute('lang')).toBe('en');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('finds Korean mentions without their particles', () => {
    expect(found('<p>중국은 사드를 반대했다. 미사드 사드리</p>')).toEqual(['thaad:사드']);
  });

  it('scans text directly under the root, and a root that is a single block', () => {
    document.body.innerHTML = 'THAAD <div id="d">UNC</div> OPCON';
    expect(labels(scan().mentions)).toEqual(['thaad:THAAD', 'unc:UNC', 'opcon:OPCON']);
    expect(labels(scan(document.getElementById('d') as Element).mentions)).toEqual(['unc:UNC']);
  });

  it('scans from the document itself', () => {
    document.body.innerHTML = '<p>THAAD</p>';
    document.title = 'OPCON in the title';
    expect(labels(scan(document).mentions)).toEqual(['thaad:THAAD']);
  });
});

describe('TextScan: joining inline text, splitting at blocks', () => {
  it('joins the text of one block across inline elements into one mention', () => {
    document.body.innerHTML = '<p>the wartime <em>operational control</em> plan</p>';
    const { mentions } = scan();
    const p = document.querySelector('p') as HTMLElement;
    const first = p.firstChild as Text;
    const em = p.querySelector('em')?.firstChild as Text;
    expect(mentions).toHaveLength(1);
    const [m] = mentions as [Mention];
    expect(m.entryId).toBe('opcon');
    expect(m.startNode).toBe(first);
    expect(m.startOffset).toBe(4);
    expect(m.endNode).toBe(em);
    expect(m.endOffset).toBe('operational control'.length);
    expect(m.nodes).toEqual([first, em]);
    expect(textOf(m)).toBe('wartime operational control');
  });

  it('joins a term split over nested inline elements and several text nodes', () => {
    document.body.innerHTML = '<p>x <a href="#"><b>TH</b>A</a><span><i>A</i></span>D y</p>';
    const { mentions } = scan();
    expect(labels(mentions)).toEqual(['thaad:THAAD']);
    expect(mentions[0]?.nodes.map((n) => n.data)).toEqual(['TH', 'A', 'A', 'D y']);
    expect(mentions[0]?.startOffset).toBe(0);
    expect(mentions[0]?.endOffset).toBe(1);
  });

  it('starts a mention in the node that holds its first character, not at the end of the one before', () => {
    document.body.innerHTML = '<p>see <b></b><i>THAAD</i></p>';
    const { mentions } = scan();
    const i = document.querySelector('i')?.firstChild as Text;
    expect(mentions[0]?.startNode).toBe(i);
    expect(mentions[0]?.startOffset).toBe(0);
    expect(mentions[0]?.nodes).toEqual([i]);
  });

  it('joins across <wbr>, an inline element', () => {
    expect(found('<p>OP<wbr>CON</p>')).toEqual(['opcon:OPCON']);
  });

  it('never joins across block boundaries', () => {
    expect(found('<p>wartime</p><p>operational control</p>')).toEqual(['opcon:operational control']);
    expect(found('<div>wartime <div>x</div>operational control</div>')).toEqual([
      'opcon:operational control',
    ]);
    expect(found('<ul><li>THA</li><li>AD</li></ul>')).toEqual([]);
    expect(found('<table><tr><td>THA</td><td>AD</td></tr></table>')).toEqual([]);
    expect(found('<p><span>THA</span></p><span>AD</span>')).toEqual([]);
    expect(found('<p>THA<my-widget></my-widget>AD</p>')).toEqual([]);
  });

  it('takes <br> as a boundary', () => {
    expect(found('<p>wartime<br>operational control</p>')).toEqual(['opcon:operational control']);
    expect(found('<p>THA<br>AD</p>')).toEqual([]);
  });

  it('takes a skipped element as a boundary too', () => {
    expect(found('<p>THA<script>var x;</script>AD</p>')).toEqual([]);
  });

  it('returns to the outer block after a nested one', () => {
    expect(found('<div><span>THA</span><p>UNC</p><span>AD</span></div>')).toEqual(['unc:UNC']);
    expect(found('<div>UNC<p>x</p><b>THA</b>AD</div>')).toEqual(['unc:UNC', 'thaad:THAAD']);
  });
});

describe('TextScan: what it skips', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = useSpecContentEditable();
  });
  afterAll(() => restore());

  it.each([
    ['script', '<script>var THAAD = 1;</script>'],
    ['style', '<style>.THAAD { color: red }</style>'],
    ['noscript', '<noscript><p>THAAD</p></noscript>'],
    ['template', '<template><p>THAAD</p></template>'],
    ['textarea', '<textarea>THAAD</textarea>'],
    ['select and option', '<select><option>THAAD</option></select>'],
    ['svg', '<svg><text>THAAD</text></svg>'],
    ['Glossa’s own UI', `<${GLOSSA_HOST_TAG}><p>THAAD</p></${GLOSSA_HOST_TAG}>`],
  ])('skips %s', (_name, html) => {
    document.body.innerHTML = `<p>UNC</p>${html}<p>OPCON</p>`;
    const { mentions, textNodes } = scan();
    expect(labels(mentions)).toEqual(['unc:UNC', 'opcon:OPCON']);
    // Not even read.
    expect(textNodes.map((t) => t.data)).toEqual(['UNC', 'OPCON']);
  });

  it('skips the text an input element holds', () => {
    document.body.innerHTML = '<p>UNC <input> OPCON</p>';
    document.querySelector('input')?.append('THAAD');
    expect(labels(scan().mentions)).toEqual(['unc:UNC', 'opcon:OPCON']);
  });

  it('finishes at once on a root that is skipped', () => {
    document.body.innerHTML = '<textarea>THAAD</textarea>';
    const result = scan(document.querySelector('textarea') as Element);
    expect(result.scanner.finished).toBe(true);
    expect(result.mentions).toEqual([]);
    expect(result.stats.textNodes).toBe(0);
  });

  it('does not enter the shadow root of Glossa’s own UI', () => {
    document.body.innerHTML = `<${GLOSSA_HOST_TAG}></${GLOSSA_HOST_TAG}>`;
    const host = document.querySelector(GLOSSA_HOST_TAG) as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>THAAD</p>';
    const { shadowRoots, mentions } = scan();
    expect(shadowRoots).toEqual([]);
    expect(mentions).toEqual([]);
  });

  it.each([
    ['contenteditable="true"', '<div contenteditable="true"><p>THAAD <b>UNC</b></p></div>'],
    ['contenteditable (empty)', '<div contenteditable><p>THAAD</p></div>'],
    [
      'contenteditable="plaintext-only"',
      '<div contenteditable="plaintext-only">THAAD <span>UNC</span></div>',
    ],
    ['a deep descendant', '<section contenteditable="true"><div><p><em>THAAD</em></p></div></section>'],
  ])('skips an editable region: %s', (_name, html) => {
    document.body.innerHTML = `<p>OPCON</p>${html}`;
    expect(labels(scan().mentions)).toEqual(['opcon:OPCON']);
  });

  it('scans a region that is explicitly not editable inside an editable one', () => {
    document.body.innerHTML = '<div contenteditable="true">THAAD <p contenteditable="false">UNC</p></div>';
    expect(labels(scan().mentions)).toEqual(['unc:UNC']);
  });

  it('drops a mention that runs into an editable region', () => {
    document.body.innerHTML = '<p>wartime <span contenteditable="true">operational control</span></p>';
    expect(labels(scan().mentions)).toEqual([]);
    document.body.innerHTML = '<p>UNC <span contenteditable="true">THAAD</span> OPCON</p>';
    expect(labels(scan().mentions)).toEqual(['unc:UNC', 'opcon:OPCON']);
  });

  it('skips everything in a document in design mode', () => {
    document.body.innerHTML = '<p>OPCON</p><div>THAAD</div>';
    document.designMode = 'on';
    expect(labels(scan().mentions)).toEqual([]);
  });

  it('only reports the mentions it keeps in its stats', () => {
    document.body.innerHTML = '<p>OPCON</p><div contenteditable="true">THAAD</div>';
    expect(scan().stats.mentions).toBe(1);
  });
});

describe('TextScan: shadow roots', () => {
  it('reports open shadow roots of built-in hosts and custom elements, and leaves them to the caller', () => {
    document.body.innerHTML = '<div id="host"></div><x-card id="card"></x-card><p>UNC</p>';
    const div = document.getElementById('host') as HTMLElement;
    const card = document.getElementById('card') as HTMLElement;
    const one = div.attachShadow({ mode: 'open' });
    one.innerHTML = '<p>THAAD</p>';
    const two = card.attachShadow({ mode: 'open' });
    two.innerHTML = '<span>OPCON</span>';
    const { shadowRoots, mentions } = scan();
    expect(shadowRoots).toEqual([one, two]);
    expect(labels(mentions)).toEqual(['unc:UNC']);
    // The caller scans a shadow root as a root of its own.
    expect(labels(scan(one).mentions)).toEqual(['thaad:THAAD']);
    expect(labels(scan(two).mentions)).toEqual(['opcon:OPCON']);
  });

  it('does not see closed shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'closed' }).innerHTML =
      '<p>THAAD</p>';
    expect(scan().shadowRoots).toEqual([]);
  });

  it('reports shadow roots nested in a shadow root when scanning that root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const outer = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><x-inner></x-inner></section>';
    const inner = (outer.querySelector('x-inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = 'THAAD';
    expect(scan(outer).shadowRoots).toEqual([inner]);
    expect(labels(scan(inner).mentions)).toEqual(['thaad:THAAD']);
  });
});

describe('TextScan: resumable steps', () => {
  /** A page with `count` paragraphs, a mention in each, some split over inline elements. */
  function bigPage(count: number): void {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 3 === 0) parts.push(`<p>item ${i}: THAAD and <b>UNC</b></p>`);
      else if (i % 3 === 1) parts.push(`<div><span>wartime </span><em>operational</em> control ${i}</div>`);
      else parts.push(`<p>TH<i>A</i>AD <script>UNC</script> ${i}</p>`);
    }
    document.body.innerHTML = parts.join('');
  }

  const key = (m: Mention) => [m.entryId, textOf(m), m.startNode, m.startOffset, m.endNode, m.endOffset];

  it('pauses when its deadline has passed and resumes where it stopped, finding what one step finds', () => {
    bigPage(3000);
    const whole = scan();
    expect(whole.mentions.length).toBe(4000);

    const mentions: Mention[] = [];
    const paused = new TextScan(document.body, { matcher, onMention: (m) => mentions.push(m) });
    let steps = 0;
    while (!paused.step(Number.NEGATIVE_INFINITY)) {
      steps++;
      expect(paused.finished).toBe(false);
      expect(steps).toBeLessThan(10_000);
    }
    expect(paused.finished).toBe(true);
    expect(steps).toBeGreaterThan(10);
    expect(mentions.map(key)).toEqual(whole.mentions.map(key));
    expect(paused.stats).toEqual(whole.stats);
    // A finished scan stays finished.
    expect(paused.step()).toBe(true);
    expect(mentions).toHaveLength(4000);
  });

  it('keeps a run of inline text whole across a pause', () => {
    // One block of 2000 inline pieces: pauses fall inside runs, and mentions span the pieces.
    const parts: string[] = [];
    for (let i = 0; i < 1000; i++) parts.push('<span>wartime </span><em>operational control</em>; ');
    document.body.innerHTML = `<p>${parts.join('')}</p>`;
    const mentions: Mention[] = [];
    const paused = new TextScan(document.body, { matcher, onMention: (m) => mentions.push(m) });
    let steps = 0;
    while (!paused.step(Number.NEGATIVE_INFINITY)) steps++;
    expect(steps).toBeGreaterThan(5);
    expect(mentions).toHaveLength(1000);
    expect(new Set(labels(mentions))).toEqual(new Set(['opcon:wartime operational control']));
  });

  it('tells where a paused walk stands', () => {
    bigPage(300);
    const paused = new TextScan(document.body, { matcher, onMention: () => {} });
    expect(paused.step(Number.NEGATIVE_INFINITY)).toBe(false);
    expect(paused.position.isConnected).toBe(true);
    expect(document.body.contains(paused.position)).toBe(true);
  });
});

describe('TextScan: leaves the page alone', () => {
  it('changes nothing in the DOM', () => {
    document.body.innerHTML =
      '<article><h1>OPCON</h1><p>the wartime <em>operational control</em> of <a href="#">THAAD</a></p>' +
      '<div contenteditable="true">UNC</div><textarea>THAAD</textarea><p>사드를</p></article>';
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>THAAD</p>';
    const before = document.body.innerHTML;
    const nodes = countNodes(document);
    const shadowBefore = host.shadowRoot?.innerHTML;
    const { mentions } = scan();
    expect(mentions.length).toBeGreaterThan(3);
    expect(document.body.innerHTML).toBe(before);
    expect(countNodes(document)).toBe(nodes);
    expect(host.shadowRoot?.innerHTML).toBe(shadowBefore);
  });
});

describe('kindOf', () => {
  it('sorts tags into inline, block and skipped', () => {
    expect(kindOf('em')).toBe(ElementKind.Inline);
    expect(kindOf('a')).toBe(ElementKind.Inline);
    expect(kindOf('p')).toBe(ElementKind.Block);
    expect(kindOf('br')).toBe(ElementKind.Block);
    expect(kindOf('my-widget')).toBe(ElementKind.Block);
    for (const tag of ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option']) {
      expect(kindOf(tag)).toBe(ElementKind.Skip);
    }
    expect(kindOf('iframe')).toBe(ElementKind.Skip);
    expect(kindOf(GLOSSA_HOST_TAG)).toBe(ElementKind.Skip);
  });
});

describe('TextScan: the "skip code blocks" setting', () => {
  const html =
    '<p>THAAD in prose, <code>THAAD</code> in code.</p><pre>OPCON = 1</pre><p><kbd>UNC</kbd> <samp>THAAD</samp></p>';

  it('scans code like any inline text when off', () => {
    document.body.innerHTML = html;
    const mentions: Mention[] = [];
    new TextScan(document.body, { matcher, onMention: (m) => mentions.push(m), skipCode: false }).step();
    expect(labels(mentions)).toEqual(['thaad:THAAD', 'thaad:THAAD', 'opcon:OPCON', 'unc:UNC', 'thaad:THAAD']);
  });

  it('skips code, pre, kbd and samp when on, and the text around them still joins into runs', () => {
    document.body.innerHTML = html;
    const mentions: Mention[] = [];
    new TextScan(document.body, { matcher, onMention: (m) => mentions.push(m), skipCode: true }).step();
    expect(labels(mentions)).toEqual(['thaad:THAAD']);
  });

  it('finds nothing when the scan starts inside code', () => {
    document.body.innerHTML = html;
    const mentions: Mention[] = [];
    const pre = document.querySelector('pre') as HTMLElement;
    const scan = new TextScan(pre, { matcher, onMention: (m) => mentions.push(m), skipCode: true });
    expect(scan.step()).toBe(true);
    expect(mentions).toEqual([]);
  });
});

describe('TextScan: texts that cost', () => {
  it('matches a text node of megabytes a window at a time, across steps, finding every mention once', () => {
    // Mentions right at the windows' edges (64,000 characters) and everywhere else.
    const filler = 'lorem ipsum dolor sit amet ';
    let text = '';
    const expected: number[] = [];
    while (text.length < 1_500_000) {
      const edge = Math.ceil((text.length + 1) / 64_000) * 64_000;
      if (edge - text.length < 200) {
        text += 'x'.repeat(Math.max(0, edge - text.length - 3));
        text += ' ';
      }
      expected.push(text.length);
      text += 'THAAD ';
      text += filler.repeat(40);
    }
    document.body.innerHTML = '';
    const div = document.createElement('div');
    div.textContent = text;
    document.body.append(div);
    const mentions: Mention[] = [];
    const scan = new TextScan(document.body, { matcher, onMention: (m) => mentions.push(m) });
    let steps = 0;
    while (!scan.step(0)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(mentions.map((m) => m.startOffset)).toEqual(expected);
  });

  it('walks thousands of inline elements nested in each other, each with text, in one pass', () => {
    document.body.innerHTML = '';
    let parent: Element = document.createElement('p');
    document.body.append(parent);
    for (let i = 0; i < 5_000; i++) {
      const child = document.createElement(i % 2 ? 'b' : 'span');
      child.append(i === 4_999 ? 'and THAAD' : 'deep ');
      parent.append(child);
      parent = child;
    }
    const { mentions, finished } = scan(document.body);
    expect(finished).toBe(true);
    expect(labels(mentions)).toEqual(['thaad:THAAD']);
  });
});
