import type { Attachment } from 'svelte/attachments';

/** Keys with which a closed select moves its choice without opening (Chromium fires change for each). */
const browsingKeys = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * Reports a select's choice once the person has made it, not for each option passed on the way. A
 * closed select in Chromium changes its value, and fires change, on every ArrowDown: a change that
 * comes from a key pressed on the closed select is only browsing, and is committed with Enter or on
 * leaving the field (Escape goes back to the applied value). A choice made with the mouse or in the
 * open list (whose keys the page never sees) is committed at once.
 *
 * @param applied the value in effect, compared on commit so that an unchanged choice sends nothing.
 * @example
 * <select {value} {@attach committedChoice(onchoose, () => value)}>...</select>
 */
export function committedChoice(
  onchoose: (value: string) => void,
  applied: () => string,
): Attachment<HTMLSelectElement> {
  return (select) => {
    /** A key is down on the closed select: a change now is browsing. */
    let keyDown = false;
    /** The shown option is one browsed to and not yet committed. */
    let pending = false;

    const commit = () => {
      pending = false;
      if (select.value !== applied()) onchoose(select.value);
    };
    const onkeydown = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        if (pending) {
          event.preventDefault();
          commit();
        }
      } else if (event.key === 'Escape' && pending) {
        pending = false;
        select.value = applied();
      } else if (
        !event.altKey &&
        (browsingKeys.has(event.key) || (event.key.length === 1 && event.key !== ' '))
      ) {
        // Letters jump to a matching option too; Space and Alt+ArrowDown open the list instead, and
        // what is chosen there is a committed choice.
        keyDown = true;
      }
    };
    const onkeyup = () => {
      keyDown = false;
    };
    const onchange = () => {
      if (!keyDown) return commit();
      pending = true;
      // One change per key press (a held key repeats its keydown): a later change without a key is a
      // choice made in the open list, even if this key's keyup never reaches the select.
      keyDown = false;
    };
    const onblur = () => {
      keyDown = false;
      if (pending) commit();
    };
    select.addEventListener('keydown', onkeydown);
    select.addEventListener('keyup', onkeyup);
    select.addEventListener('change', onchange);
    select.addEventListener('blur', onblur);
    return () => {
      select.removeEventListener('keydown', onkeydown);
      select.removeEventListener('keyup', onkeyup);
      select.removeEventListener('change', onchange);
      select.removeEventListener('blur', onblur);
    };
  };
}
