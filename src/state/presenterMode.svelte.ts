import { asksForPresenter, withPresenter } from './presenterUrl';

/** Which folded-away panel presenter view has open over the topology, if any. */
export type PresenterDrawer = 'controls' | 'caches' | null;

/**
 * Presenter view, on or off: read from the address at start (`?present`) and written back with
 * history.replaceState on every change, so a reload keeps it and the share link's hash stays.
 */
class PresenterMode {
  #on = $state(typeof location === 'undefined' ? false : asksForPresenter(location.search));
  /** The panel opened on demand; closed whenever the view changes. */
  drawer = $state<PresenterDrawer>(null);

  get on(): boolean {
    return this.#on;
  }

  // Arrow functions: a shortcut table or an onclick may pass them around unbound.
  set = (on: boolean): void => {
    if (on === this.#on) return;
    this.#on = on;
    this.drawer = null;
    if (typeof history !== 'undefined')
      history.replaceState(history.state, '', withPresenter(location.href, on));
  };

  toggle = (): void => this.set(!this.#on);

  /** Opens a folded-away panel, or closes it when it is the one open. */
  toggleDrawer = (drawer: Exclude<PresenterDrawer, null>): void => {
    this.drawer = this.drawer === drawer ? null : drawer;
  };
}

export const presenterMode = new PresenterMode();
