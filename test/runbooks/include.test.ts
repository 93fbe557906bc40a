// A runbook pulls procedures from library files: ids, renamed parameters, merged declarations, and the
// errors a user gets for a wrong use or a broken library file.
import {describe, expect, it} from 'vitest';
import {libraryLookup} from '../../src/runbooks/parse-library.js';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import type {Runbook} from '../../src/runbooks/schema.js';

const network = `
title: Network
parameters:
  - name: vpcId
    description: The VPC to work in
    pattern: '^vpc-[0-9a-f]{8}$'
  - name: adminCidr
    description: The admins' network
    pattern: '^[0-9./]+$'
  - name: unusedHere
    description: Nothing below uses it
    pattern: '^x$'
  - name: ruleIds
    description: Rules to remove
    pattern: '^sgr-[0-9a-f]{8}$'
    list: true
    choices:
      steps: [list-rules, list-rules-again]
      items: SecurityGroupRules
      value: SecurityGroupRuleId
procedures:
  - id: flow-logs
    title: Flow logs for {{vpcId}}
    summary: Turn them on for {{ vpcId }}.
    kind: seed
    steps:
      - id: check-flow-logs
        title: Look for a flow log on {{vpcId}}
        kind: check
        text: Any flow log on {{vpcId}} in {{region}}?
        console: VPC console → {{vpcId}} → Flow logs.
        expect: A flow log whose ResourceId is {{vpcId}}.
        link: 'https://{{region}}.console.aws.amazon.com/vpc/home#VpcDetails:VpcId={{vpcId}}'
        note: The seed named no VPC; this one is {{vpcId}}.
        action: {service: ec2, operation: DescribeFlowLogs, params: {Filter: [{Name: resource-id, Values: ['{{vpcId}}']}]}}
  - id: flow-logs-other
    title: Flow logs, said another way
    kind: seed
    steps:
      - id: check-flow-logs
        title: Look again
        kind: manual
        text: Look at {{vpcId}} again.
  - id: open-ssh
    title: SSH from the admins only
    kind: seed
    steps:
      - id: list-rules
        title: List the rules
        kind: check
        text: The rules, from {{adminCidr}} or not.
        action: {service: ec2, operation: DescribeSecurityGroupRules}
      - id: drop-rules
        title: Drop rules
        kind: manual
        text: Drop {{ruleIds}}.
  - id: list-rules-again
    title: The rules once more
    kind: seed
    steps:
      - id: list-rules-again
        title: List the rules again
        kind: check
        text: The rules once more.
        action: {service: ec2, operation: DescribeSecurityGroupRules}
`;

const other = `
title: Other
parameters:
  - name: adminCidr
    description: Another description of the admins' network
    pattern: '^[0-9./]+$'
procedures:
  - id: ssh-again
    title: SSH again
    kind: seed
    steps:
      - id: ssh-again
        title: Again
        kind: manual
        text: From {{adminCidr}}.
`;

const library = libraryLookup({'library/network.yaml': network, 'library/other.yaml': other}, (f) => `lib/${f}`);

/** A runbook whose own parameters are given, with procedures after its containment procedure. */
function runbookText(parameters: string, procedures: string): string {
  return `events: {names: [CreateVpc]}
version: 1
title: Test
info: [One line.]
risks: [{title: Open, text: Too open.}]
parameters:
  - name: requesterVpcId
    description: The VPC that asked for the peering
    pattern: '^vpc-[0-9a-f]{8}$'
    from: requesterVpcId
${parameters}
procedures:
  - id: contain
    title: Contain
    kind: containment
    steps:
      - {id: look, title: Look, kind: manual, text: 'Look at {{requesterVpcId}}.'}
${procedures}
`;
}

const parse = (parameters: string, procedures: string): Runbook => parseRunbook(runbookText(parameters, procedures), 'Test.yaml', library);

function problem(parameters: string, procedures: string, lookup = library): string {
  try {
    parseRunbook(runbookText(parameters, procedures), 'Test.yaml', lookup);
  } catch (error) {
    if (error instanceof RunbookError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('a use of a library procedure', () => {
  it('puts the procedure in its place, in order, under the id of the use or of as', () => {
    const runbook = parse('', `  - use: library/network.yaml#flow-logs-other\n    as: flow-logs\n  - use: library/network.yaml#open-ssh`);
    expect(runbook.procedures.map((p) => p.id)).toEqual(['contain', 'flow-logs', 'open-ssh']);
    expect(runbook.procedures[1]?.title).toBe('Flow logs, said another way');
    expect(runbook.procedures[2]?.steps.map((s) => s.id)).toEqual(['list-rules', 'drop-rules']);
  });

  it('renames the parameters with names in every text, the action and the declaration', () => {
    const runbook = parse('', `  - use: library/network.yaml#flow-logs\n    with: {vpcId: requesterVpcId}`);
    const procedure = runbook.procedures[1];
    expect(procedure?.title).toBe('Flow logs for {{requesterVpcId}}');
    expect(procedure?.summary).toBe('Turn them on for {{requesterVpcId}}.');
    expect(procedure?.steps[0]).toMatchObject({
      title: 'Look for a flow log on {{requesterVpcId}}',
      text: 'Any flow log on {{requesterVpcId}} in {{region}}?',
      console: 'VPC console → {{requesterVpcId}} → Flow logs.',
      expect: 'A flow log whose ResourceId is {{requesterVpcId}}.',
      link: 'https://{{region}}.console.aws.amazon.com/vpc/home#VpcDetails:VpcId={{requesterVpcId}}',
      note: 'The seed named no VPC; this one is {{requesterVpcId}}.',
      action: {params: {Filter: [{Name: 'resource-id', Values: ['{{requesterVpcId}}']}]}},
    });
    // The runbook's own declaration (bound to the event) wins; the library's vpcId is not needed.
    expect(runbook.parameters.map((p) => p.name)).toEqual(['requesterVpcId']);
    expect(runbook.parameters[0]?.from).toBe('requesterVpcId');
  });

  it('brings the declaration under the new name when the runbook has none', () => {
    const runbook = parse('', `  - use: library/network.yaml#flow-logs\n    with: {vpcId: targetVpcId}`);
    expect(runbook.parameters.find((p) => p.name === 'targetVpcId')).toMatchObject({description: 'The VPC to work in', pattern: '^vpc-[0-9a-f]{8}$'});
    expect(runbook.parameters.some((p) => p.name === 'vpcId')).toBe(false);
  });

  it("adds the library's declarations of the parameters it uses after the runbook's own, and no others", () => {
    const runbook = parse(`  - name: adminCidr
    description: Our admins' network
    pattern: '^10\\.[0-9./]+$'`, '  - use: library/network.yaml#open-ssh\n  - use: library/network.yaml#flow-logs');
    expect(runbook.parameters.map((p) => p.name)).toEqual(['requesterVpcId', 'adminCidr', 'ruleIds', 'vpcId']);
    expect(runbook.parameters[1]?.description).toBe("Our admins' network");
  });

  it("keeps in a library parameter's pick list only the reads this runbook has", () => {
    const runbook = parse('', '  - use: library/network.yaml#open-ssh');
    expect(runbook.parameters.find((p) => p.name === 'ruleIds')?.choices?.steps).toEqual(['list-rules']);
  });
});

describe('errors name the runbook file, the line and column, and the use', () => {
  it.each([
    ['an unknown library file', '  - use: library/nowhere.yaml#flow-logs', 'Test.yaml:18:5: procedures[1].use: there is no library file library/nowhere.yaml'],
    ['an unknown procedure', '  - use: library/network.yaml#flow-log', 'Test.yaml:18:5: procedures[1].use: library/network.yaml has no procedure flow-log; it has: flow-logs, flow-logs-other, open-ssh, list-rules-again'],
    ['a with for a parameter the procedure does not use', '  - use: library/network.yaml#flow-logs\n    with: {adminCidr: requesterVpcId}',
      'Test.yaml:19:12: procedures[1].with.adminCidr: library/network.yaml#flow-logs has no parameter adminCidr; its parameters: vpcId'],
    ['a step id another procedure has', '  - use: library/network.yaml#flow-logs\n  - use: library/network.yaml#flow-logs-other\n    as: again',
      'Test.yaml:18:5: procedures[1].use: step check-flow-logs of library/network.yaml#flow-logs is also a step of procedures[2] (again); step ids must be unique in a runbook'],
    ['two libraries declaring a parameter differently', '  - use: library/network.yaml#open-ssh\n  - use: library/other.yaml#ssh-again',
      "Test.yaml:19:5: procedures[2].use: parameter adminCidr is declared one way in library/network.yaml and another in library/other.yaml; declare it in this runbook"],
    ['an id the runbook has already', '  - use: library/network.yaml#open-ssh\n    as: contain', 'Test.yaml:18:5: procedures[1].id: contain is used twice (first at procedures[0].id, line 13)'],
  ])('%s', (_name, procedures, expected) => {
    expect(problem('', procedures)).toBe(expected);
  });

  it('a step of the runbook itself that an included procedure has', () => {
    const own = `  - id: mine\n    title: Mine\n    kind: seed\n    steps:\n      - {id: list-rules, title: Mine, kind: manual, text: Mine.}`;
    expect(problem('', `${own}\n  - use: library/network.yaml#open-ssh`)).toBe(
      'Test.yaml:23:5: procedures[2].use: step list-rules of library/network.yaml#open-ssh is also a step of procedures[1] (mine); step ids must be unique in a runbook',
    );
  });
});

describe('a broken library file is named with its own line and column and its field', () => {
  const broken = (text: string): string => problem('', '  - use: library/broken.yaml#one', libraryLookup({'library/broken.yaml': text}, (f) => `lib/${f}`));
  const one = `procedures:
  - id: one
    title: One
    kind: seed
    steps:
      - {id: one, title: One, kind: manual, text: 'Use {{vpcId}}.'}`;
  const vpc = `parameters:
  - name: vpcId
    description: A VPC
    pattern: '^vpc-[0-9a-f]{8}$'`;

  it.each([
    ['a field the schema does not know', `title: Broken\nauthor: me\n${one}`, 'lib/library/broken.yaml:2:1: unknown field(s): author'],
    ['a kind that does not exist', `title: Broken\n${vpc}\n${one.replace('kind: seed', 'kind: hardenning')}`, 'lib/library/broken.yaml:9:5: procedures[0].kind: must be one of:'],
    ['a parameter it does not declare', `title: Broken\n${one}`, 'lib/library/broken.yaml:3:5: procedures[0]: uses {{vpcId}}, which this library does not declare'],
    ['a parameter bound to an event', `title: Broken\n${vpc}\n    from: vpcId\n${one}`, 'lib/library/broken.yaml:6:5: parameters[0].from: a library knows no event; bind the value with from: in the runbook that uses it'],
    ['a pattern that is not anchored', `title: Broken\n${vpc.replace("'^vpc-[0-9a-f]{8}$'", "'vpc-.*'")}\n${one}`, 'lib/library/broken.yaml:5:5: parameters[0].pattern: must be anchored with ^ and $'],
    ['a pick list from a step it does not have', `title: Broken\n${vpc}\n    choices: {steps: [nowhere], items: Vpcs, value: VpcId}\n${one}`, 'lib/library/broken.yaml:6:15: parameters[0].choices.steps: nowhere is not a step of this library'],
    ['a procedure id used twice', `title: Broken\n${vpc}\n${one}\n${one.replace('procedures:\n', '')}`, 'lib/library/broken.yaml:12:5: procedures[1].id: one is used twice (first at procedures[0].id, line 7)'],
    ['text that is not YAML', 'title: [', 'lib/library/broken.yaml:1:9: not valid YAML'],
  ])('%s', (_name, text, expected) => {
    expect(broken(text)).toContain(expected);
  });
});
