import { describe, expect, it } from 'vitest';
import { asksForPresenter, withPresenter } from '../../src/state/presenterUrl';

describe('asksForPresenter', () => {
  it('reads ?present and ?present=1 as presenter view, and its absence as the normal view', () => {
    expect(asksForPresenter('?present')).toBe(true);
    expect(asksForPresenter('?present=1')).toBe(true);
    expect(asksForPresenter('?lang=en&present')).toBe(true);
    expect(asksForPresenter('')).toBe(false);
    expect(asksForPresenter('?presenter=1')).toBe(false);
  });

  it('reads present=0 and present=false as the normal view', () => {
    expect(asksForPresenter('?present=0')).toBe(false);
    expect(asksForPresenter('?present=false')).toBe(false);
  });
});

describe('withPresenter', () => {
  it("adds present and keeps the other parameters and the share link's hash", () => {
    expect(withPresenter('http://h/app/?a=1#run=abc', true)).toBe('http://h/app/?a=1&present#run=abc');
    expect(withPresenter('http://h/#run=abc', true)).toBe('http://h/?present#run=abc');
  });

  it('removes present in any spelling, and the question mark with it when nothing is left', () => {
    expect(withPresenter('http://h/?present=1#run=abc', false)).toBe('http://h/#run=abc');
    expect(withPresenter('http://h/?a=1&present&b=2', false)).toBe('http://h/?a=1&b=2');
  });

  it('never writes present twice', () => {
    expect(withPresenter('http://h/?present=1', true)).toBe('http://h/?present');
  });
});
