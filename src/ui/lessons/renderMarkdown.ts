import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * A lesson's Markdown as HTML that is safe for {@html}: lessons are files anyone may write, so the
 * HTML is sanitised (no scripts, no event handlers, no javascript: links).
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
