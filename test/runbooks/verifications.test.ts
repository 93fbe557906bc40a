// The library's verifications: found by operation, a step's own verify preferred, the codes that
// mean "gone" as declared, and a broken file named with its field.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {VerifySpec} from '../../src/engine/specs.js';
import {RunbookError} from '../../src/runbooks/runbook-error.js';
import {parseVerifications, verificationFor, verificationSpecFor, verifiedOperations} from '../../src/runbooks/verifications.js';

const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});
const SG = 'sg-0123456789abcdef0';

/** A step's own verify: the group is listed and tagged. */
const tagged: VerifySpec = {
  read: {service: 'ec2', operation: 'DescribeSecurityGroups', params: '{GroupIds: [$id]}'},
  vars: {id: 'str(params.GroupId)'},
  when: '$id',
  outcomes: [{when: "answer.SecurityGroups[0].Tags[?Key == 'quarantine'] | length(@) > `0`", reached: true, summary: '{{ $id }} is tagged'}, {when: '`true`', reached: false, summary: '{{ $id }} is not tagged'}],
  gone: {codes: ['InvalidGroup.NotFound'], reached: false, summary: '{{ $id }} does not exist'},
};

describe('the library', () => {
  it('has a verification for the calls that change something, none for creates and reads', () => {
    expect(verifiedOperations).toEqual(expect.arrayContaining(['RevokeSecurityGroupIngress', 'DeleteRoute', 'StopInstances', 'DeleteKeyPair']));
    expect(verificationSpecFor('ec2', 'DeleteSecurityGroup')?.read.operation).toBe('DescribeSecurityGroups');
    expect(verificationSpecFor('ec2', 'CreateSecurityGroup')).toBeUndefined();
    expect(verificationSpecFor('ec2', 'DescribeSecurityGroups')).toBeUndefined();
    expect(verificationSpecFor('iam', 'DeleteSecurityGroup')).toBeUndefined();
  });

  it("a step's own verify wins over the library's, and works where the library has none", () => {
    const action = ec2('DeleteSecurityGroup', {GroupId: SG});
    expect(verificationFor(action)?.check({SecurityGroups: []})).toEqual({reached: true, summary: `${SG} no longer exists`});
    const own = verificationFor(action, tagged);
    expect(own?.read).toEqual({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: [SG]}});
    expect(own?.check({SecurityGroups: [{GroupId: SG, Tags: [{Key: 'quarantine', Value: 'yes'}]}]})).toEqual({reached: true, summary: `${SG} is tagged`});
    expect(verificationFor(ec2('CreateSecurityGroup', {GroupId: SG}), tagged)?.check({code: 'InvalidGroup.NotFound'})).toEqual({reached: false, summary: `${SG} does not exist`});
  });

  it('gone only on the codes it declares (not every not-found code of the kind), and only when its when holds', () => {
    const deleted = verificationFor(ec2('DeleteSecurityGroup', {GroupId: SG}));
    expect(deleted?.check({code: 'InvalidGroup.NotFound'}).reached).toBe(true);
    expect(deleted?.check({code: 'InvalidGroupId.NotFound'})).toEqual({reached: null, summary: 'the check could not be read (InvalidGroupId.NotFound)'});
    const byIp = verificationFor(ec2('DisassociateAddress', {PublicIp: '198.51.100.23'}));
    const byAssociation = verificationFor(ec2('DisassociateAddress', {AssociationId: 'eipassoc-0123456789abcdef0'}));
    expect(byIp?.check({code: 'InvalidAddress.NotFound'})).toEqual({reached: true, summary: '198.51.100.23 is no longer allocated, so it is not associated'});
    expect(byAssociation?.check({code: 'InvalidAddress.NotFound'}).reached).toBeNull();
    expect(byAssociation?.read.params).toEqual({Filters: [{Name: 'association-id', Values: ['eipassoc-0123456789abcdef0']}]});
  });
});

describe('a broken verifications file', () => {
  const entry = (verify: string) => `title: t\nverifications:\n  - operation: DeleteSecurityGroup\n    verify:\n${verify}`;
  const read = '      read: {operation: DescribeSecurityGroups, params: "{GroupIds: [params.GroupId]}"}\n';

  it.each<[string, string, string, RegExp]>([
    ['not YAML', 'title: [', '', /not valid YAML/],
    ['an outcome without reached', entry(`${read}      outcomes: [{when: '\`true\`', summary: s}]\n`), 'verifications[0].verify.outcomes[0].reached', /./],
    ['an expression that does not parse', entry(`${read}      outcomes: [{when: 'answer.[', reached: true, summary: s}]\n`), 'verifications[0].verify.outcomes[0].when', /not a JMESPath expression/],
    ['a field it does not know', entry(`${read}      outcomes: [{when: '\`true\`', reached: true, summary: s}]\n      gone: {code: X, reached: true, summary: s}\n`), 'verifications[0].verify.gone', /unknown field\(s\): code/],
    ['an operation twice', `${entry(`${read}      outcomes: [{when: '\`true\`', reached: true, summary: s}]\n`)}  - operation: DeleteSecurityGroup\n    verify:\n${read}      outcomes: [{when: '\`true\`', reached: true, summary: s}]\n`, 'verifications[1].operation', /has a verification already/],
  ])('%s: the error names the file and the field', (_name, text, field, problem) => {
    const error = (() => {
      try {
        parseVerifications(text, 'my/verifications.yaml');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RunbookError);
    expect(error).toMatchObject({file: 'my/verifications.yaml', field});
    expect((error as RunbookError).problem).toMatch(problem);
  });
});
