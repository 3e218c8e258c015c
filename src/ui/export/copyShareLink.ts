import { formatBytes } from '../../engine/format/readableNumbers';
import { maxShareLinkChars } from '../../state/shareLink';

/**
 * Puts a share link's hash in the address bar and the link on the clipboard, and returns what to
 * tell the person: copied, or where to copy it from, or why it is too large to share as a link.
 *
 * @param what what the link opens ("share link", "comparison link"); `tooLarge` what to do instead.
 */
export async function copyShareLink(hash: string, what: string, tooLarge: string): Promise<string> {
  const url = `${location.origin}${location.pathname}${hash}`;
  if (url.length > maxShareLinkChars) {
    return (
      `This is too large for a ${what}: the link would be ${formatBytes(url.length)}, and browsers ` +
      `open links of up to about ${formatBytes(maxShareLinkChars)}. ${tooLarge}`
    );
  }
  history.replaceState(null, '', hash);
  try {
    await navigator.clipboard.writeText(url);
    return `${what[0].toUpperCase()}${what.slice(1)} copied; the address bar holds it too.`;
  } catch {
    return `The address bar now holds the ${what}: copy it from there.`;
  }
}
