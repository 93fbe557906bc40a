// The operator's findings configuration: known accounts, sensitive VPCs, allowed source IPs and user
// agents, used and unused Regions. From --config FILE (YAML or JSON) and --known-accounts; validated, errors name the file and field.
import {readFile} from 'node:fs/promises';
import {parse as parseYaml} from 'yaml';
import {z} from 'zod';
import {InputError} from '../events/input-error.js';
import type {FindingsConfig} from '../findings/finding.js';

const account = z.string().regex(/^[0-9]{12}$/, 'an account ID is 12 digits');
// us-east-1, us-gov-west-1, ap-southeast-2, eusc-de-east-1: letters, dash-separated words, a number.
const region = z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$/, 'a Region is written like us-east-1');
const schema = z.strictObject({
  knownAccounts: z.array(account).default([]),
  sensitiveVpcs: z.array(z.string().min(1)).default([]),
  allowedSourceIps: z.array(z.string().min(1)).default([]),
  allowedUserAgents: z.array(z.string().min(1)).default([]),
  unusedRegions: z.array(region).default([]),
  usedRegions: z.array(region).default([]),
});

export interface ConfigFlags {
  readonly config?: string | undefined;
  readonly knownAccounts?: string | undefined;
}

export async function findingsConfig(flags: ConfigFlags): Promise<FindingsConfig> {
  let fromFile: z.infer<typeof schema> = {knownAccounts: [], sensitiveVpcs: [], allowedSourceIps: [], allowedUserAgents: [], unusedRegions: [], usedRegions: []};
  if (flags.config !== undefined) {
    const path = flags.config;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new InputError(path, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'config file not found' : 'cannot read the config file');
    }
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch {
      throw new InputError(path, '', 'not valid YAML or JSON');
    }
    const result = schema.safeParse(data ?? {});
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new InputError(path, issue ? issue.path.join('.') : '', issue?.message ?? 'invalid config');
    }
    fromFile = result.data;
  }
  const extra = (flags.knownAccounts ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = extra.find((a) => !/^[0-9]{12}$/.test(a));
  if (bad !== undefined) throw new InputError('--known-accounts', '', `${JSON.stringify(bad.slice(0, 20))} is not a 12-digit account ID`);
  return {...fromFile, knownAccounts: [...fromFile.knownAccounts, ...extra]};
}
