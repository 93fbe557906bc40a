// npm run campaigns [-- --long]: the hostile-input and AWS-fault campaigns on their own (they also run
// in npm test, with the same fixed seeds). --long runs every generated property about 20 times
// longer (TRAILGUIDE_LONG=1) and the escape payloads in every field; expect tens of minutes.
import {spawnSync} from 'node:child_process';

const campaigns = [
  'test/events/ingest.property.test.ts',
  'test/aws/render/quoting.property.test.ts',
  'test/runbooks/binding.property.test.ts',
  'test/walkthrough/placeholder-input.property.test.ts',
  'test/triage/record-splitter.property.test.ts',
  'test/triage/prefilter.property.test.ts',
  'test/screens/escape-injection.test.tsx',
  'test/plan/escape-injection.test.ts',
  'test/report/escape-injection.test.ts',
  'test/triage/escape-injection.test.ts',
  'test/commands/sessions-escape-injection.test.ts',
  'test/screens/aws-message-injection.test.tsx',
  'test/aws/faults',
  'test/screens/aws-faults.test.tsx',
];
const isLong = process.argv.includes('--long');
const env = {...process.env, ...(isLong ? {TRAILGUIDE_LONG: '1'} : {})};
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', ...campaigns], {stdio: 'inherit', env});
process.exit(vitest.status ?? 1);
