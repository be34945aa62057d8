import { describe, expect, it } from 'vitest';
import { shownForm, withoutInvisible } from '../../../src/page-definitions/shown-form';

describe('shownForm', () => {
  it('joins a word a PDF broke at the end of a line', () => {
    expect(shownForm('Terminal High Alti-\ntude Area Defense')).toBe('Terminal High Altitude Area Defense');
    expect(shownForm('Korea Air and Mis- \n  sile Defense')).toBe('Korea Air and Missile Defense');
  });

  it('keeps a hyphen that belongs to the word', () => {
    // Written with its hyphen elsewhere in the text.
    expect(shownForm('long-\nrange strike', 'A long-range strike (LRS) and more long-range plans.')).toBe(
      'long-range strike',
    );
    // A capital or a digit after the hyphen: a compound or a number, never a word broken in two.
    expect(shownForm('the Indo-\nPacific Command')).toBe('the Indo-Pacific Command');
    expect(shownForm('Coronavirus Disease COVID-\n19')).toBe('Coronavirus Disease COVID-19');
    // No line break: a hyphen as written ("Per- and polyfluoroalkyl" keeps its space too).
    expect(shownForm('Per- and polyfluoroalkyl substances')).toBe('Per- and polyfluoroalkyl substances');
    expect(shownForm('surface-to-air missile')).toBe('surface-to-air missile');
  });

  it('drops the invisible marks a page puts inside words, and collapses spaces', () => {
    expect(shownForm('Ter\u00admi\u00adnal High Al\u00adti\u00adtude\u200b Area  Defense')).toBe(
      'Terminal High Altitude Area Defense',
    );
    expect(withoutInvisible('The Nord\u00adatlan\u00adtik\u00adpakt\n(NATO)  tagt.')).toBe(
      'The Nordatlantikpakt (NATO) tagt.',
    );
  });
});
