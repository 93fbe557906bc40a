// A scenario file with a mistake: the error names the file, the field and what is wrong.
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/events/input-error.js';
import {briefOf} from '../../src/scenarios/brief.js';
import {parseScenario} from '../../src/scenarios/parse.js';
import {scenarioById} from '../../src/scenarios/index.js';
import {fileOf} from '../../src/scenarios/scenario.js';

type Data = Record<string, unknown> & {state: Record<string, Array<Record<string, unknown>>>; event: Record<string, unknown>; objectives: Array<Record<string, unknown>>};

/** A copy of a built-in scenario's file data, to break. */
function data(id = 'sg-default-ssh-in-default-vpc'): Data {
  return structuredClone(fileOf(scenarioById(id)!)) as unknown as Data;
}

function problem(value: unknown): string {
  try {
    parseScenario(value, 'mine.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('parseScenario', () => {
  it('accepts a good file and says where it came from', () => {
    const scenario = parseScenario(data(), 'mine.yaml');
    expect(scenario).toMatchObject({id: 'sg-default-ssh-in-default-vpc', eventName: 'CreateSecurityGroup', source: 'mine.yaml', difficulty: 'easy'});
  });

  it('accepts a file without a brief: the list then tells the trainee only the event, the caller and the Region', () => {
    const withoutBrief = data();
    delete withoutBrief['brief'];
    const scenario = parseScenario(withoutBrief, 'mine.yaml');
    expect(scenario.brief).toBeUndefined();
    expect(briefOf(scenario)).toBe('CreateSecurityGroup by svc-backup in us-east-1');
    expect(briefOf(parseScenario(data(), 'mine.yaml'))).toBe(scenarioById('sg-default-ssh-in-default-vpc')!.brief);
  });

  it('accepts a file without a state (the account is built from the event) and without permissions', () => {
    const withoutState = {...data(), objectives: [{text: 'Look', noChanges: true}], contained: [], state: undefined};
    expect(parseScenario(JSON.parse(JSON.stringify(withoutState)), 'mine.yaml').state).toBeUndefined();
  });

  it.each([
    ['a missing field', (d: Data) => delete d['difficulty'], 'mine.yaml: difficulty: '],
    ['an unknown difficulty', (d: Data) => (d['difficulty'] = 'extreme'), 'mine.yaml: difficulty: must be one of: easy, medium, hard'],
    ['a misspelt field', (d: Data) => (d['objective'] = []), 'mine.yaml: unknown field(s): objective'],
    ['an id that is not kebab-case', (d: Data) => (d['id'] = 'My Scenario'), 'mine.yaml: id: use lower-case words joined by "-"'],
    ['a two-line title', (d: Data) => (d['title'] = 'one\ntwo'), 'mine.yaml: title: one line'],
    ['a two-line brief', (d: Data) => (d['brief'] = 'Alert.\nMore.'), 'mine.yaml: brief: one line'],
    ['no objectives', (d: Data) => (d['objectives'] = []), 'mine.yaml: objectives: '],
    ['an objective naming no finding', (d: Data) => (d.objectives[0] = {text: 'Fix it', resolves: []}), 'mine.yaml: objectives[0].resolves: '],
    ['a bad IAM action', (d: Data) => (d['permissions'] = {allow: ['ec2 everything']}), 'mine.yaml: permissions.allow[0]: an IAM action such as'],
    ['a state collection with a typo', (d: Data) => (d.state['Vpc'] = []), 'mine.yaml: state: unknown field(s): Vpc'],
    ['a malformed VPC ID', (d: Data) => (d.state['Vpcs']![0]!['VpcId'] = 'vpc-123'), 'mine.yaml: state.Vpcs[0].VpcId: an ID such as vpc-0123456789abcdef0'],
    ['a CIDR that does not parse', (d: Data) => (d.state['Subnets']![0]!['CidrBlock'] = '10.300.0.0/16'), 'mine.yaml: state.Subnets[0].CidrBlock: a CIDR block such as 10.0.0.0/16'],
    ['a subnet in a VPC that is not there', (d: Data) => (d.state['Subnets']![0]!['VpcId'] = 'vpc-0aaaaaaaaaaaaaaaa'), 'mine.yaml: state.Subnets[0].VpcId: vpc-0aaaaaaaaaaaaaaaa is not a VPC of this scenario\'s state'],
    ['a rule of a group that is not there', (d: Data) => (d.state['SecurityGroupRules']![0]!['GroupId'] = 'sg-0aaaaaaaaaaaaaaaa'), 'state.SecurityGroupRules[0].GroupId: sg-0aaaaaaaaaaaaaaaa is not a security group'],
    ['the same group twice', (d: Data) => d.state['SecurityGroups']!.push(d.state['SecurityGroups']![1]!), 'mine.yaml: state.SecurityGroups[2]: sg-0123456789abcdef0 is listed twice'],
    ['an event that is not CloudTrail', (d: Data) => delete d.event['eventSource'], 'mine.yaml: event: eventSource is missing'],
    ['an event without a runbook', (d: Data) => (d.event['eventName'] = 'RunInstances'), 'mine.yaml: event.eventName: no runbook for RunInstances'],
    ['a finding the scenario does not raise', (d: Data) => (d['contained'] = ['sg-open-rdp']), 'mine.yaml: contained[0]: this scenario does not raise the finding sg-open-rdp (it raises: sg-open-ssh'],
  ])('refuses %s', (_what, breakIt, message) => {
    const broken = data();
    breakIt(broken);
    expect(problem(broken)).toContain(message);
  });

  it('checks findings against the scenario\'s own state: without the open rule, SSH is not open', () => {
    const d = data();
    d.state['SecurityGroupRules'] = d.state['SecurityGroupRules']!.filter((r) => r['FromPort'] !== 22);
    expect(problem(d)).toContain('objectives[0].resolves[0]: this scenario does not raise the finding sg-open-ssh');
  });

  it('refuses data that is not an object', () => {
    expect(problem(['a', 'list'])).toContain('mine.yaml: ');
    expect(problem(null)).toContain('mine.yaml: ');
  });
});
