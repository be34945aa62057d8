import { describe, expect, it } from 'vitest';
import { attribution, formatCitation, formatDate } from '../../../src/ui';

const source = {
  title: 'The Future of the ROK-U.S. Alliance: Adapting to a Changing World',
  author: 'Kyeongdoo Jeong',
  publisher: 'Center for Strategic and International Studies (CSIS)',
  date: '2025-09-30',
  url: 'https://www.pubt.io/view/2E84A587369A0F7334002EE35BC6C0A23B5F7B3B',
};

describe('citation', () => {
  it('writes dates out in English whatever the locale', () => {
    expect(formatDate('2025-09-30')).toBe('30 September 2025');
    expect(formatDate('2025-09-30', 'en-US')).toBe('30 September 2025');
    expect(formatDate('2025-09-30', 'ko')).toBe('2025년 9월 30일');
    expect(formatDate('2025-09-30', 'de')).toBe('30. September 2025');
    // Not a day of the calendar, or not a date: left as written.
    expect(formatDate('2025-02-30', 'en')).toBe('2025-02-30');
    expect(formatDate('autumn 2025', 'ko')).toBe('autumn 2025');
    expect(formatDate('2024-01-05')).toBe('5 January 2024');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('attributes with only the fields the source has', () => {
    expect(attribution(source)).toBe(
      'Kyeongdoo Jeong, “The Future of the ROK-U.S. Alliance: Adapting to a Changing World”, Center for Strategic and International Studies (CSIS), 30 September 2025',
    );
    expect(attribution({ title: 'A page' })).toBe('“A page”');
  });

  it('cites the quote verbatim with its attribution, section and URL', () => {
    const quote = { text: 'It is "quoted" as is.', section: 'Conclusion' };
    const text = formatCitation(quote, source);
    expect(text).toContain('“It is "quoted" as is.”');
    expect(text).toContain('— Kyeongdoo Jeong');
    expect(text).toContain(source.url);
    expect(text).toContain('(section: Conclusion)');
  });

  it('never invents a URL when the source has none', () => {
    const text = formatCitation({ text: 'Words.', section: 'Intro' }, { title: 'Untitled page' });
    expect(text).not.toMatch(/https?:/);
  });
});
