/**
 * What the reader is doing on the page, for the popover to stay out of the way: typing in a field or
 * an editable region, or selecting text.
 */

/** Input types that take no typing: a key pressed there is not text. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
  'reset',
  'submit',
]);

/** Is this element (the focused one, or an event's target) one the reader types in? */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.localName !== 'string') return false;
  if (element.isContentEditable) return true;
  const tag = element.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
}

/** Has the reader selected some text (not just placed the caret)? */
export function hasTextSelection(doc: Document): boolean {
  const selection = doc.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim().length > 0;
}
