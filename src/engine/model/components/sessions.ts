import { createActor, type Actor } from 'xstate';
import { sessionMachine } from '../../../machines/session';

/** Each user's session lifecycle (anonymous, logged in, logged out), made on first use. */
export class Sessions {
  private readonly actors = new Map<number, Actor<typeof sessionMachine>>();

  private session(client: number): Actor<typeof sessionMachine> {
    let actor = this.actors.get(client);
    if (actor === undefined) {
      actor = createActor(sessionMachine).start();
      this.actors.set(client, actor);
    }
    return actor;
  }

  /**
   * A user's session was not where it is kept: a user who was logged in is logged out, and either
   * way logs in again. Returns whether the user was logged out.
   */
  loginAfterLoss(client: number): boolean {
    const session = this.session(client);
    const lost = session.getSnapshot().value === 'loggedIn';
    if (lost) session.send({ type: 'session.lost' });
    session.send({ type: 'session.login' });
    return lost;
  }
}
