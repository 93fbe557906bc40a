// The sharing functions as the snapshot and AMI runbooks' expressions call them, on the record shapes
// CloudTrail writes: {"items": [...]} lists, wrapped requests, {"content": …} values, the flat query form.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const changes = (event: unknown, attribute: string) => evaluate(`permission_changes(event, '${attribute}')`, {event});

describe('permission_changes', () => {
  it('reads a public snapshot share with its path', () => {
    const event = {eventName: 'ModifySnapshotAttribute', requestParameters: {snapshotId: 'snap-1', createVolumePermission: {add: {items: [{group: 'all'}]}}}};
    expect(changes(event, 'createVolumePermission')).toEqual([
      {action: 'add', kind: 'public', value: 'all', path: 'requestParameters.createVolumePermission.add.items[0].group'},
    ]);
  });

  it('reads every kind of AMI grant, in order, adds and removes', () => {
    const event = {
      eventName: 'ModifyImageAttribute',
      requestParameters: {
        launchPermission: {
          add: {items: [{userId: '444455556666'}, {organizationArn: 'arn:aws:organizations::444455556666:organization/o-abc1234567'}, {organizationalUnitArn: 'arn:aws:organizations::444455556666:ou/o-abc1234567/ou-ab12-cdef3456'}]},
          remove: {items: [{group: 'all'}]},
        },
      },
    };
    expect(changes(event, 'launchPermission')).toEqual([
      {action: 'add', kind: 'account', value: '444455556666', path: 'requestParameters.launchPermission.add.items[0].userId'},
      {action: 'add', kind: 'organization', value: 'arn:aws:organizations::444455556666:organization/o-abc1234567', path: 'requestParameters.launchPermission.add.items[1].organizationArn'},
      {action: 'add', kind: 'organizational-unit', value: 'arn:aws:organizations::444455556666:ou/o-abc1234567/ou-ab12-cdef3456', path: 'requestParameters.launchPermission.add.items[2].organizationalUnitArn'},
      {action: 'remove', kind: 'public', value: 'all', path: 'requestParameters.launchPermission.remove.items[0].group'},
    ]);
  });

  it('unwraps the newer {<EventName>Request} form with {content} values and PascalCase keys', () => {
    const event = {
      eventName: 'ModifySnapshotAttribute',
      requestParameters: {ModifySnapshotAttributeRequest: {SnapshotId: {content: 'snap-1', tag: 1}, CreateVolumePermission: {Add: {Item: [{UserId: {content: '444455556666'}}]}}}},
    };
    expect(changes(event, 'createVolumePermission')).toEqual([
      {action: 'add', kind: 'account', value: '444455556666', path: 'requestParameters.ModifySnapshotAttributeRequest.CreateVolumePermission.Add.Item[0].UserId'},
    ]);
  });

  it('reads the flat query form: operationType with userIds and groupNames', () => {
    const event = {eventName: 'ModifySnapshotAttribute', requestParameters: {snapshotId: 'snap-1', operationType: 'add', userIds: {items: [{userId: '444455556666'}]}, groupNames: ['all']}};
    expect(changes(event, 'createVolumePermission')).toEqual([
      {action: 'add', kind: 'account', value: '444455556666', path: 'requestParameters.userIds.items[0]'},
      {action: 'add', kind: 'public', value: 'all', path: 'requestParameters.groupNames[0]'},
    ]);
  });

  it.each<[string, unknown]>([
    ['a failed call with no request', {eventName: 'ModifySnapshotAttribute', requestParameters: null}],
    ['another attribute', {eventName: 'ModifyImageAttribute', requestParameters: {attributeType: 'description', description: {value: 'x'}}}],
    ['an empty set written {}', {eventName: 'ModifyImageAttribute', requestParameters: {launchPermission: {add: {}}}}],
    ['an unknown operation type', {eventName: 'ModifySnapshotAttribute', requestParameters: {operationType: 'replace', userIds: ['444455556666']}}],
  ])('gives nothing for %s', (_, event) => {
    expect(changes(event, 'launchPermission')).toEqual([]);
    expect(changes(event, 'createVolumePermission')).toEqual([]);
  });
});

describe('grants and still_granted', () => {
  const answer = [{Group: 'all'}, {UserId: '444455556666'}, {OrganizationArn: 'arn:aws:organizations::444455556666:organization/o-abc1234567'}];

  it('reads a permission list as kinds and values', () => {
    expect(evaluate('grants(p)', {p: answer})).toEqual([
      {kind: 'public', value: 'all'}, {kind: 'account', value: '444455556666'}, {kind: 'organization', value: 'arn:aws:organizations::444455556666:organization/o-abc1234567'},
    ]);
    expect(evaluate('grants(p)', {p: null})).toBeNull();
  });

  it('keeps the added grants the list still holds, and drops those taken back', () => {
    const added = [{action: 'add', kind: 'public', value: 'all'}, {action: 'add', kind: 'account', value: '777788889999'}];
    expect(evaluate('still_granted(p, c)', {p: answer, c: added})).toEqual([added[0]]);
    expect(evaluate('still_granted(p, c)', {p: [], c: added})).toEqual([]);
  });

  it('cannot tell when the list is unknown', () => {
    expect(evaluate('still_granted(p, c)', {p: null, c: [{kind: 'public', value: 'all'}]})).toBeNull();
  });
});
