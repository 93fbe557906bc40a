// gen-trail — a synthetic CloudTrail trail in the S3 layout, for benchmarks and manual tests:
//   node scripts/gen-trail.mjs OUT [--records N] [--per-file M] [--gzip] [--seed S]
// Writes OUT/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>Z_<id>.json[.gz]
// with mostly read-only noise and about 1 % events that have runbooks (the test fixtures' risky/benign
// records, renamed). Deterministic for a seed. With --per-file ≥ N it writes one big file, streamed.
import {createWriteStream, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {createGzip} from 'node:zlib';
import {once} from 'node:events';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const out = args[0];
if (out === undefined || out.startsWith('--')) {
  console.error('usage: node scripts/gen-trail.mjs OUT [--records N] [--per-file M] [--gzip] [--seed S]');
  process.exit(2);
}
const total = Number(flag('--records', '100000'));
const perFile = Number(flag('--per-file', '500'));
const isGzip = args.includes('--gzip');
let seed = Number(flag('--seed', '1')) >>> 0 || 1;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({length: n}, () => Math.floor(random() * 16).toString(16)).join('');

const fixtures = new URL('../test/fixtures/events/', import.meta.url).pathname;
const runbookEvents = ['CreateSecurityGroup', 'CreateRoute', 'CreateNetworkInterface', 'AssociateVpcCidrBlock', 'CreateVpcPeeringConnection']
  .flatMap((name) => ['risky', 'benign', 'failed'].map((kind) => JSON.parse(readFileSync(join(fixtures, name, `${kind}.json`), 'utf8'))));
const noise = ['DescribeInstances', 'Decrypt', 'GetParameter', 'ListTagsForResource', 'AssumeRole', 'DescribeSecurityGroups', 'GetCallerIdentity'];
const accounts = ['111122223333', '444455556666'];
const regions = ['us-east-1', 'eu-west-1'];
const users = ['ops-oncall', 'svc-backup', 'ci-deploy', 'alice', 'bob'];
const start = Date.parse('2025-04-01T00:00:00Z');

function record(i, account, region, time) {
  const identity = {type: 'IAMUser', principalId: `AIDA${hex(16).toUpperCase()}`, arn: `arn:aws:iam::${account}:user/${pick(users)}`, accountId: account, accessKeyId: `AKIA${hex(16).toUpperCase()}`, userName: 'x'};
  const base = random() < 0.01 ? JSON.parse(JSON.stringify(pick(runbookEvents))) : {
    eventVersion: '1.09', eventSource: 'ec2.amazonaws.com', eventName: pick(noise), userAgent: 'aws-cli/2.15.0 Python/3.11',
    sourceIPAddress: `203.0.113.${Math.floor(random() * 250)}`, requestParameters: {filterSet: {}, note: 'a "quoted" {brace} \\ value'}, responseElements: null,
    readOnly: true, eventType: 'AwsApiCall', managementEvent: true, eventCategory: 'Management',
  };
  return {...base, userIdentity: identity, eventTime: new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000', ''), awsRegion: region, recipientAccountId: account, eventID: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`, requestID: `${i}`};
}

async function writeFile(path, records) {
  const file = createWriteStream(path);
  const sink = isGzip ? createGzip() : file;
  if (isGzip) sink.pipe(file);
  const write = async (text) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  await write('{"Records":[');
  for (let i = 0; i < records.count; i++) await write(`${i ? ',' : ''}${JSON.stringify(records.make(i))}`);
  await write(']}');
  sink.end();
  await once(file, 'finish');
}

let written = 0;
for (let f = 0; written < total; f++) {
  const account = accounts[f % accounts.length];
  const region = regions[Math.floor(f / accounts.length) % regions.length];
  const delivered = start + f * 5 * 60_000;
  const d = new Date(delivered);
  const day = [String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0'), String(d.getUTCDate()).padStart(2, '0')];
  const dir = join(out, 'AWSLogs', account, 'CloudTrail', region, ...day);
  mkdirSync(dir, {recursive: true});
  const stamp = d.toISOString().slice(0, 16).replace(/[-:]/g, '');
  const count = Math.min(perFile, total - written);
  const first = written;
  await writeFile(join(dir, `${account}_CloudTrail_${region}_${stamp}Z_${hex(16)}.json${isGzip ? '.gz' : ''}`), {count, make: (i) => record(first + i, account, region, delivered - (count - i) * 100)});
  written += count;
}
console.log(`${written} records written under ${out}`);
