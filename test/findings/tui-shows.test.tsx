// The event screen shows the findings of the whole input, the way `trailguide FILE` wires it: every
// record of the file on offer, the file's context in the findings configuration.
import {fileURLToPath} from 'node:url';
import {PassThrough} from 'node:stream';
import {expect, it} from 'vitest';
import {inputCandidates, withInputContext} from '../../src/commands/load-candidates.js';
import {renderApp} from '../helpers/ink.js';

const trail = fileURLToPath(new URL('../fixtures/findings/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json', import.meta.url));

it('the stolen instance credentials\' call shows the high finding naming both addresses', async () => {
  const loaded = await inputCandidates(trail, new PassThrough());
  const stolen = loaded.candidates.filter((c) => c.record.eventID === 'd3d5fd99-faa9-4959-a464-56fba613cc2e');
  const app = await renderApp(stolen, {size: {columns: 200, rows: 60}, services: {findingsConfig: withInputContext(undefined, loaded)}});
  const frame = await app.waitFor('Instance i-0dbc91f429e48eeed credentials used from 2 addresses');
  expect(frame).toContain('sourceIPAddress = 192.168.10.20 (the same credentials also from 3.225.16.109); userIdentity.sessionContext.ec2RoleDelivery = 1.0');
  app.unmount();
});
