/**
 * Where keys type or choose rather than command the app. A text or number field, a select, a text
 * area or editable text takes every key but Esc; Space also belongs to checkboxes and radios (it
 * ticks them), never to a range (the speed slider plays and pauses on Space, as before).
 */
export const typingField =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]):not([type="button"])' +
  ':not([type="submit"]):not([type="reset"]), select, textarea, [contenteditable]:not([contenteditable="false"])';

export const ownsSpace =
  'input:not([type="range"]), select, textarea, [contenteditable]:not([contenteditable="false"])';

/** Whether the key event's target is inside an element that `selector` matches. */
export function targetIn(event: KeyboardEvent, selector: string): boolean {
  const target = event.target;
  return target instanceof Element && target.closest(selector) !== null;
}

/** Any modifier but Shift: the browser's and the system's own shortcuts are left alone. */
export const hasCommandModifier = (event: KeyboardEvent): boolean =>
  event.ctrlKey || event.metaKey || event.altKey;
