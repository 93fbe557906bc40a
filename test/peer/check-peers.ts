// `npm run test:peer` runs this first: one line naming the peer that is missing and how to get it, exit 1.
import {checkPeers, PeerSetupError} from './moto.js';

try {
  checkPeers();
} catch (error) {
  if (!(error instanceof PeerSetupError)) throw error;
  process.stderr.write(`test:peer cannot run: ${error.message}\n`);
  process.exitCode = 1;
}
