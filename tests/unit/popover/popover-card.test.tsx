import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinPack, type GlossaryEntry, sourceOf } from '../../../src/glossary';
import { PopoverCard, type PopoverCardProps } from '../../../src/popover/card';

const byId = (id: string) => builtinPack.entries.find((entry) => entry.id === id) as GlossaryEntry;

function props(overrides: Partial<PopoverCardProps> = {}): PopoverCardProps {
  const entry = byId('thaad');
  return {
    entry,
    source: sourceOf(builtinPack, entry),
    related: entry.related.map(byId),
    mentionCount: 2,
    mentionIndex: 1,
    pinned: false,
    theme: 'light',
    status: '',
    onClose: vi.fn(),
    onRelated: vi.fn(),
    onStep: vi.fn(),
    onCopy: vi.fn(),
    ...overrides,
  };
}

describe('PopoverCard', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('shows the term, expansion, category, explanation, verbatim quote with section, and attribution', () => {
    const p = props();
    render(<PopoverCard {...p} />, container);
    const text = container.textContent ?? '';
    expect(container.querySelector('.term')?.textContent).toBe('THAAD');
    expect(container.querySelector('.expansion')?.textContent).toBe('Terminal High Altitude Area Defense');
    expect(container.querySelector('.category')?.textContent).toBe(p.entry.category);
    expect(text).toContain(p.entry.explanation);
    const quote = p.entry.quotes[0];
    expect(container.querySelector('blockquote')?.textContent).toBe(quote?.text);
    expect(text).toContain(`Section: ${quote?.section}`);
    expect(text).toContain('Kyeongdoo Jeong');
    expect(text).toContain('30 September 2025');
  });

  it('links the source in a new tab only where the pack has a URL', () => {
    render(<PopoverCard {...props()} />, container);
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe(builtinPack.source.url);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    render(<PopoverCard {...props({ source: { title: 'A page without a URL' } })} />, container);
    expect(container.querySelector('a')).toBeNull();
  });

  it('is a labelled tooltip while hovering and a dialog with a close button when pinned', () => {
    render(<PopoverCard {...props()} />, container);
    expect(container.querySelector('[role="tooltip"]')?.getAttribute('aria-label')).toBe(
      'Explanation of THAAD',
    );
    expect(container.querySelector('.close')).toBeNull();
    const onClose = vi.fn();
    render(<PopoverCard {...props({ pinned: true, onClose })} />, container);
    const dialog = container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('Explanation of THAAD');
    expect(dialog?.getAttribute('tabindex')).toBe('-1');
    (container.querySelector('.close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('offers related terms as buttons that switch the entry', () => {
    const p = props();
    render(<PopoverCard {...p} />, container);
    const chips = [...container.querySelectorAll<HTMLButtonElement>('.related button')];
    expect(chips.map((chip) => chip.textContent)).toEqual(p.related.map((entry) => entry.term));
    chips[0]?.click();
    expect(p.onRelated).toHaveBeenCalledWith(p.related[0]?.id);
  });

  it('counts the mentions on the page and steps to the previous and next', () => {
    const p = props({ mentionCount: 3, mentionIndex: 2 });
    render(<PopoverCard {...p} />, container);
    expect(container.querySelector('.count')?.textContent).toBe('3 mentions on this page (2 of 3)');
    (container.querySelector('[aria-label="Next mention"]') as HTMLButtonElement).click();
    (container.querySelector('[aria-label="Previous mention"]') as HTMLButtonElement).click();
    expect(p.onStep).toHaveBeenNthCalledWith(1, 1);
    expect(p.onStep).toHaveBeenNthCalledWith(2, -1);
    render(<PopoverCard {...props({ mentionCount: 0, mentionIndex: 0 })} />, container);
    expect(container.querySelector('.count')?.textContent).toBe('Not mentioned on this page');
  });

  it('copies the citation and announces the result politely', () => {
    const p = props({ status: 'Citation copied' });
    render(<PopoverCard {...p} />, container);
    (container.querySelector('.copy') as HTMLButtonElement).click();
    expect(p.onCopy).toHaveBeenCalledOnce();
    const status = container.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('Citation copied');
  });

  it('renders glossary strings as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    const entry = {
      ...byId('thaad'),
      term: evil,
      explanation: evil,
      quotes: [{ text: evil, section: evil }],
    };
    render(<PopoverCard {...props({ entry, related: [] })} />, container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.term')?.textContent).toBe(evil);
  });

  it('takes the dark theme when asked', () => {
    render(<PopoverCard {...props({ theme: 'dark' })} />, container);
    expect(container.querySelector('.card')?.classList.contains('theme-dark')).toBe(true);
  });
});
