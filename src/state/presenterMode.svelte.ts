/**
 * Presenter view on or off, for the whole page (the presenter task owns this file; this is the
 * agreed minimal shape, so the keys can bind to it).
 */
class PresenterMode {
  #on = $state(false);

  get on(): boolean {
    return this.#on;
  }

  toggle(): void {
    this.#on = !this.#on;
  }

  set(on: boolean): void {
    this.#on = on;
  }
}

export const presenterMode: { readonly on: boolean; toggle(): void; set(on: boolean): void } =
  new PresenterMode();
