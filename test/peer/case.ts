// One thing the peer tier proves: an action of a runbook's step, complete (every value filled as `e` would
// fill it, from the scenario or from a valid sample of the parameter's pattern), as one scenario walks it.
// test/peer/cases.ts makes them; the runners (CLI, boto3, JavaScript) render and run each one.
import type {Action} from '../../src/aws/action.js';
import type {Track} from '../../src/runbooks/tracks.js';

export interface PeerCase {
  /** `${runbook}/${scenario}/${track}/${stepId}` — unique, shown in failures. */
  readonly id: string;
  /** The runbook file, e.g. src/runbooks/CreateRoute.yaml or a --runbooks file. */
  readonly runbook: string;
  /** The training scenario whose resources moto holds for this case (its id). */
  readonly scenario: string;
  readonly track: Track;
  readonly stepId: string;
  /** The complete action, its IDs already those moto gave the scenario's resources. */
  readonly action: Action;
  /** The Region the command is rendered for (the event's, or the action's own where it has one). */
  readonly region: string;
  /**
   * The event failed, and these are the IDs given to what it would have created (samples: it made nothing).
   * A NotFound for a call naming one of them is AWS's right answer.
   */
  readonly madeNothing?: readonly string[] | undefined;
  /** A pick-listed parameter this case uses whose read offered nothing in this scenario: its value is a sample. */
  readonly unoffered?: string | undefined;
  /** The access key of the account the case is sent as, when not the event's (an accepter's step). */
  readonly accessKeyId?: string | undefined;
}
