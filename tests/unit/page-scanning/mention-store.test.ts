import { beforeEach, describe, expect, it } from 'vitest';
import { type Mention, MentionStore } from '../../../src/page-scanning';
import { Recorder, textOf } from './fixtures';

/** A mention over [start, end) of one text node. */
function within(node: Text, start: number, end: number, entryId = 'e'): Mention {
  return { entryId, startNode: node, startOffset: start, endNode: node, endOffset: end, nodes: [node] };
}

/** A mention from `start` in the first node to `end` in the last. */
function across(nodes: Text[], start: number, end: number, entryId = 'e'): Mention {
  return {
    entryId,
    startNode: nodes[0] as Text,
    startOffset: start,
    endNode: nodes.at(-1) as Text,
    endOffset: end,
    nodes,
  };
}

describe('MentionStore', () => {
  let recorder: Recorder;
  let store: MentionStore;
  let a: Text;
  let b: Text;
  let c: Text;
  let section: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML =
      '<p id="p1">THAAD and THAAD</p><section><p>wartime <em>operational control</em></p></section>';
    a = document.getElementById('p1')?.firstChild as Text;
    section = document.querySelector('section') as HTMLElement;
    b = section.querySelector('p')?.firstChild as Text;
    c = section.querySelector('em')?.firstChild as Text;
    recorder = new Recorder();
    store = new MentionStore(recorder);
  });

  it('adds mentions, indexes them by every node they touch, and counts them', () => {
    const first = within(a, 0, 5, 'thaad');
    const second = within(a, 10, 15, 'thaad');
    const long = across([b, c], 0, 19, 'opcon');
    store.add(first);
    store.add(second);
    store.add(long);
    expect(store.size).toBe(3);
    expect(store.at(a)).toEqual([first, second]);
    expect(store.at(b)).toEqual([long]);
    expect(store.at(c)).toEqual([long]);
    expect(textOf(long)).toBe('wartime operational control');
    expect(store.counts()).toEqual(
      new Map([
        ['thaad', 2],
        ['opcon', 1],
      ]),
    );
  });

  it('answers an empty list for a node without mentions', () => {
    expect(store.at(a)).toEqual([]);
    expect(store.size).toBe(0);
    expect(store.list()).toEqual([]);
    expect(store.counts().size).toBe(0);
  });

  it('keeps one mention per start position (a rescan may meet a mention twice)', () => {
    const first = within(a, 0, 5, 'thaad');
    store.add(first);
    store.add(within(a, 0, 5, 'thaad'));
    store.add(within(a, 0, 3, 'other'));
    expect(store.size).toBe(1);
    expect(store.at(a)).toEqual([first]);
    // Same offset in another node is another mention.
    store.add(within(b, 0, 5));
    expect(store.size).toBe(2);
  });

  it('lists mentions in document order, whatever order they were added in', () => {
    const late = within(a, 10, 15);
    const early = within(a, 0, 5);
    const long = across([b, c], 0, 19);
    store.add(long);
    store.add(late);
    store.add(early);
    expect(store.list()).toEqual([early, late, long]);
    // The order is recomputed after changes.
    store.dropNode(a);
    expect(store.list()).toEqual([long]);
    const again = within(a, 0, 5);
    store.add(again);
    expect(store.list()).toEqual([again, long]);
  });

  it('drops every mention that touches a node, from the index of every node it touches', () => {
    const long = across([b, c], 0, 19);
    store.add(long);
    store.add(within(a, 0, 5));
    store.dropNode(c);
    expect(store.size).toBe(1);
    expect(store.at(b)).toEqual([]);
    expect(store.at(c)).toEqual([]);
    expect(store.at(a)).toHaveLength(1);
    // Dropping a node without mentions changes nothing.
    store.dropNode(c);
    expect(store.size).toBe(1);
  });

  it('drops the mentions of a subtree, and only those', () => {
    store.add(within(a, 0, 5));
    store.add(across([b, c], 0, 19));
    store.dropSubtree(section);
    expect(store.size).toBe(1);
    expect(store.at(b)).toEqual([]);
    expect(store.at(a)).toHaveLength(1);
    store.dropSubtree(a);
    expect(store.size).toBe(0);
  });

  it('drops the mentions of a subtree that already left the page', () => {
    store.add(across([b, c], 0, 19));
    section.remove();
    store.dropSubtree(section);
    expect(store.size).toBe(0);
  });

  it('drops the mentions inside the open shadow roots of a subtree', () => {
    const host = document.createElement('div');
    section.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>THAAD</p>';
    const inShadow = shadow.querySelector('p')?.firstChild as Text;
    store.add(within(inShadow, 0, 5));
    store.add(within(a, 0, 5));
    section.remove();
    store.dropSubtree(section);
    expect(store.at(inShadow)).toEqual([]);
    expect(store.size).toBe(1);
  });

  it('tells the listener what changed on flush: removals first, then additions, one call each', () => {
    const first = within(a, 0, 5);
    store.add(first);
    store.add(within(a, 10, 15));
    expect(recorder.calls).toEqual([]);
    store.flush();
    expect(recorder.calls).toEqual(['added 2']);
    store.dropNode(a);
    store.add(within(b, 0, 7));
    store.flush();
    expect(recorder.calls).toEqual(['added 2', 'removed 2', 'added 1']);
    // Nothing pending: no call.
    store.flush();
    expect(recorder.calls).toHaveLength(3);
    expect(recorder.errors).toEqual([]);
  });

  it('says nothing of a mention added and dropped between two flushes', () => {
    store.add(within(a, 0, 5));
    store.dropNode(a);
    store.flush();
    expect(recorder.calls).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('clear() forgets everything and tells the listener only of mentions it had heard of', () => {
    store.add(within(a, 0, 5));
    store.flush();
    store.add(within(a, 10, 15));
    store.add(across([b, c], 0, 19));
    store.clear();
    expect(store.size).toBe(0);
    expect(store.list()).toEqual([]);
    expect(store.at(a)).toEqual([]);
    expect(recorder.calls).toEqual(['added 1', 'removed 1']);
    expect(recorder.errors).toEqual([]);
    expect(recorder.live.size).toBe(0);
  });

  it('keeps the listener’s view equal to the store through many changes', () => {
    const nodes = [a, b, c];
    for (let round = 0; round < 200; round++) {
      const node = nodes[round % 3] as Text;
      if (round % 7 === 3) store.dropNode(node);
      else store.add(within(node, round % 5, (round % 5) + 1));
      if (round % 4 === 0) store.flush();
      if (round === 150) store.clear();
    }
    store.flush();
    expect(recorder.errors).toEqual([]);
    expect(recorder.live.size).toBe(store.size);
    expect(store.list().every((m) => recorder.live.has(m))).toBe(true);
  });
});

describe('MentionStore with many mentions in one text node', () => {
  it('keeps one mention per start, in any order of arrival, and drops them all with their node', () => {
    document.body.innerHTML = `<p>${'THAAD '.repeat(30_000)}</p><p>next</p>`;
    const node = document.querySelector('p')?.firstChild as Text;
    const next = document.querySelectorAll('p')[1]?.firstChild as Text;
    const recorder = new Recorder();
    const store = new MentionStore(recorder);
    for (let i = 0; i < 30_000; i++) store.add(within(node, i * 6, i * 6 + 5, 'thaad'));
    // Met again (a rescan), and out of order: not added twice.
    store.add(within(node, 6, 11, 'thaad'));
    store.add(within(node, 0, 5, 'thaad'));
    const spanning = across([node, next], 179_999, 2, 'other');
    store.add(spanning);
    expect(store.size).toBe(30_001);
    expect(store.counts().get('thaad')).toBe(30_000);
    store.dropNode(node);
    expect(store.size).toBe(0);
    expect(store.at(next)).toEqual([]);
    expect(store.counts().size).toBe(0);
    // After the drop, the same places can be added again.
    store.add(within(node, 0, 5, 'thaad'));
    expect(store.size).toBe(1);
  });
});

describe('MentionStore: mentions through an ambiguous alias', () => {
  let recorder: Recorder;
  let store: MentionStore;
  let text: Text;

  beforeEach(() => {
    document.body.innerHTML = '<p>UNC and UNC, then the United Nations Command, THAAD and OPCON.</p>';
    text = document.querySelector('p')?.firstChild as Text;
    recorder = new Recorder();
    store = new MentionStore(recorder);
  });

  const at = (word: string, entryId: string, ambiguous: boolean, nth = 0): Mention => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.data.indexOf(word, start + 1);
    return {
      entryId,
      startNode: text,
      startOffset: start,
      endNode: text,
      endOffset: start + word.length,
      nodes: [text],
      ...(ambiguous ? { ambiguous: true } : {}),
    };
  };

  it('keeps them back until the page names the entry another way, then lets them all out', () => {
    store.add(at('UNC', 'unc', true));
    store.add(at('UNC', 'unc', true, 1));
    store.flush();
    expect(store.size).toBe(0);
    expect(store.heldBack).toBe(2);
    expect(store.at(text)).toEqual([]);
    store.add(at('United Nations Command', 'unc', false));
    store.flush();
    expect(store.size).toBe(3);
    expect(store.heldBack).toBe(0);
    expect(store.counts().get('unc')).toBe(3);
    expect(recorder.errors).toEqual([]);
  });

  it('lets them out once two other entries are mentioned, not one', () => {
    store.add(at('UNC', 'unc', true));
    store.add(at('THAAD', 'thaad', false));
    expect(store.heldBack).toBe(1);
    store.add(at('OPCON', 'opcon', false));
    expect(store.heldBack).toBe(0);
    expect(store.ofEntry('unc')).toHaveLength(1);
  });

  it('marks one at once where the context is already there', () => {
    store.add(at('United Nations Command', 'unc', false));
    store.add(at('UNC', 'unc', true));
    expect(store.size).toBe(2);
    expect(store.heldBack).toBe(0);
  });

  it('forgets the ones kept back when their text is rescanned or cleared', () => {
    store.add(at('UNC', 'unc', true));
    store.dropNode(text);
    expect(store.heldBack).toBe(0);
    store.add(at('UNC', 'unc', true));
    store.clear();
    expect(store.heldBack).toBe(0);
    store.add(at('United Nations Command', 'unc', false));
    expect(store.size).toBe(1);
  });
});
