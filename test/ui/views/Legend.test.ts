// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Legend from '../../../src/ui/views/Legend.svelte';
import { outcomeKinds, outcomeStyles } from '../../../src/ui/views/lib/palette';

describe('Legend', () => {
  it('explains every outcome with its shape, colour and label', () => {
    render(Legend);
    const items = within(screen.getByRole('list', { name: 'Outcomes' })).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-outcome'))).toEqual([...outcomeKinds]);
    for (const item of items) {
      const style = outcomeStyles[item.getAttribute('data-outcome') as (typeof outcomeKinds)[number]];
      expect(item.textContent).toContain(style.label);
      const path = item.querySelector('path')!;
      expect(path.getAttribute('d')).not.toBe('');
      expect([path.getAttribute('fill'), path.getAttribute('stroke')]).toContain(style.colour);
    }
  });

  it('names the misses by cause and the harms in words', () => {
    render(Legend);
    const text = screen.getByRole('list', { name: 'Outcomes' }).textContent;
    for (const words of [
      'cold miss',
      'capacity miss',
      'expired miss',
      'invalidated miss',
      'STALE',
      'LOST write',
      'LEAK',
      'DOWN',
      'UP',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('explains node states without relying on colour', () => {
    render(Legend);
    const text = screen.getByRole('list', { name: 'Node states' }).textContent;
    expect(text).toContain('DOWN');
    expect(text).toContain('warming');
    expect(text).toContain('OVERLOADED');
  });
});
