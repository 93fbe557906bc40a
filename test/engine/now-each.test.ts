import {describe, expect, it} from 'vitest';
import {documentOf} from '../../src/engine/document.js';
import {nowLines} from '../../src/engine/now.js';
import type {NowSpec, RunbookSpec} from '../../src/engine/specs.js';
import {parseRecord} from '../../src/events/parse-record.js';

const record = parseRecord({eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com'}, 'test', '');

function runbook(now: NowSpec): RunbookSpec {
  return {events: {source: 'ec2.amazonaws.com', names: ['CreateSecurityGroup']}, facts: [], state: [], findings: [], actorSteps: {}, now};
}

const rules = {
  SecurityGroups: [{GroupId: 'sg-0123456789abcdef0', Rules: [{cidr: '0.0.0.0/1', open: 'wide'}, {cidr: '10.0.0.0/8', open: 'no'}, {cidr: '0.0.0.0/0', open: 'all'}]}],
};

const perRule: NowSpec = {
  lines: [
    {tone: 'info', text: 'first'},
    {
      each: 'state.SecurityGroups[0].Rules',
      lines: [
        {tone: 'warn', when: "$item.open == 'wide'", text: '{{ $item.cidr }} is wide'},
        {tone: 'bad', when: "$item.open == 'all'", text: '{{ $item.cidr }} is open'},
      ],
    },
    {tone: 'info', text: 'last'},
  ],
};

describe('Now lines: each', () => {
  it('repeats its lines for every item, in the order of the list, between the lines around it', () => {
    expect(nowLines(runbook(perRule), documentOf(record, [], rules))).toEqual([
      {tone: 'info', text: 'first'},
      {tone: 'warn', text: '0.0.0.0/1 is wide'},
      {tone: 'bad', text: '0.0.0.0/0 is open'},
      {tone: 'info', text: 'last'},
    ]);
  });

  it('gives no line for a list that is empty or not a list', () => {
    expect(nowLines(runbook(perRule), documentOf(record, [], {SecurityGroups: [{Rules: 'x'}]}))).toEqual([
      {tone: 'info', text: 'first'},
      {tone: 'info', text: 'last'},
    ]);
  });

  it('reads the runbook and Now vars beside $item', () => {
    const spec: NowSpec = {vars: {suffix: "'!'"}, lines: [{each: '`[1, 2]`', lines: [{tone: 'info', text: '{{ $item }}{{ $suffix }}'}]}]};
    expect(nowLines(runbook(spec), documentOf(record, [], undefined))).toEqual([
      {tone: 'info', text: '1!'},
      {tone: 'info', text: '2!'},
    ]);
  });
});
