/**
 * Presenter view in the address bar: `?present` (or `?present=1`) opens the app in it. Pure, so the
 * rule is tested without a browser; the share link's hash and every other parameter are kept.
 */

/** Whether a query string asks for presenter view: `present` with no value, or any value but 0/false. */
export function asksForPresenter(search: string): boolean {
  const params = new URLSearchParams(search);
  if (!params.has('present')) return false;
  const value = (params.get('present') ?? '').toLowerCase();
  return value !== '0' && value !== 'false';
}

/**
 * The same address with presenter view on or off.
 *
 * @example withPresenter('http://h/?a=1#run', true) === 'http://h/?a=1&present#run'
 */
export function withPresenter(href: string, on: boolean): string {
  const url = new URL(href);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && part.split('=')[0] !== 'present');
  if (on) kept.push('present');
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}
