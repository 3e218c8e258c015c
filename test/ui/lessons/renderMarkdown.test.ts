// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/ui/lessons/renderMarkdown';

describe('lesson prose', () => {
  it('renders Markdown: emphasis, code and lists', () => {
    const html = renderMarkdown('Press **Play**, then read `hitRatio`:\n\n- one\n- two');
    expect(html).toContain('<strong>Play</strong>');
    expect(html).toContain('<code>hitRatio</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('strips scripts, event handlers and javascript: links an instructor might paste by mistake', () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script><img src="x.png" onerror="alert(2)"> [click](javascript:alert(3))',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('Hello');
  });
});
