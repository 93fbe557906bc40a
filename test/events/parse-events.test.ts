import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {InputShape} from '../../src/events/detect-shape.js';
import {InputError} from '../../src/events/input-error.js';
import {notCloudTrailProblem, parseEvents} from '../../src/events/parse-events.js';
import {readInput} from '../../src/events/read-input.js';

const publicFixtures = new URL('../fixtures/cloudtrail-public/', import.meta.url);
const readPublic = (name: string): string => readFileSync(fileURLToPath(new URL(name, publicFixtures)), 'utf8');
const logFileName = '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json';
const gzFileName = '218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz';

const route = {eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', requestParameters: {routeTableId: 'rtb-0123456789abcdef0'}};
const group = {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com'};
const envelope = (detail: unknown, detailType = 'AWS API Call via CloudTrail'): object => ({
  version: '0',
  id: '6f87d04b-9f74-4f04-a780-7acf4b0a9b38',
  'detail-type': detailType,
  source: 'aws.ec2',
  account: '111122223333',
  time: '2025-03-14T09:26:53Z',
  region: 'us-east-1',
  resources: [],
  detail,
});
const lookupEvent = (record: unknown): object => ({
  EventId: 'a1b2c3d4-0000-4000-8000-000000000001',
  EventName: 'CreateRoute',
  ReadOnly: 'false',
  EventTime: '2025-03-14T09:26:53+00:00',
  EventSource: 'ec2.amazonaws.com',
  Username: 'maria.garcia@example.com',
  Resources: [{ResourceType: 'AWS::EC2::RouteTable', ResourceName: 'rtb-0123456789abcdef0'}],
  CloudTrailEvent: typeof record === 'string' ? record : JSON.stringify(record),
});

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseEvents: every input shape', () => {
  interface ShapeRow {
    name: string;
    text: string;
    shape: InputShape;
    eventNames: string[];
  }
  it.each<ShapeRow>([
    {name: 'a single record', text: JSON.stringify(route), shape: 'record', eventNames: ['CreateRoute']},
    {name: 'a trail log file {"Records": [...]}', text: JSON.stringify({Records: [route, group]}), shape: 'log-file', eventNames: ['CreateRoute', 'CreateSecurityGroup']},
    {name: 'an EventBridge "AWS API Call via CloudTrail" event', text: JSON.stringify(envelope(route)), shape: 'eventbridge', eventNames: ['CreateRoute']},
    {
      name: 'an EventBridge "AWS Console Action via CloudTrail" event',
      text: JSON.stringify(envelope(group, 'AWS Console Action via CloudTrail')),
      shape: 'eventbridge',
      eventNames: ['CreateSecurityGroup'],
    },
    {
      name: 'lookup-events output',
      text: JSON.stringify({Events: [lookupEvent(route), lookupEvent(group)], NextToken: 'eyJ…'}),
      shape: 'lookup-events',
      eventNames: ['CreateRoute', 'CreateSecurityGroup'],
    },
    {name: 'one lookup-events Event', text: JSON.stringify(lookupEvent(route)), shape: 'lookup-events', eventNames: ['CreateRoute']},
    {name: 'a bare array of records', text: JSON.stringify([group, route]), shape: 'array', eventNames: ['CreateSecurityGroup', 'CreateRoute']},
    {name: 'an array of EventBridge events', text: JSON.stringify([envelope(route), envelope(group)]), shape: 'array', eventNames: ['CreateRoute', 'CreateSecurityGroup']},
    {name: 'a record after a BOM', text: `\ufeff${JSON.stringify(route)}`, shape: 'record', eventNames: ['CreateRoute']},
  ])('$name', ({text, shape, eventNames}) => {
    const parsed = parseEvents(text, 'input.json');
    expect(parsed.shape).toBe(shape);
    expect(parsed.records.map((record) => record.eventName)).toEqual(eventNames);
    expect(parsed.skipped).toEqual([]);
  });

  it('reads the public trail log file (196 records, none skipped)', () => {
    const parsed = parseEvents(readPublic(logFileName), logFileName);
    expect(parsed.shape).toBe('log-file');
    expect(parsed.records).toHaveLength(196);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records[0]?.eventName).toBe('GenerateDataKey');
    expect(parsed.records[0]?.userIdentity.invokedBy).toBe('secretsmanager.amazonaws.com');
  });

  it('reads the public gzipped trail log file through readInput', async () => {
    const {source, text} = await readInput(fileURLToPath(new URL(gzFileName, publicFixtures)));
    const parsed = parseEvents(text, source);
    expect(parsed.shape).toBe('log-file');
    expect(parsed.records).toHaveLength(185);
    expect(parsed.records.filter((record) => record.eventName === 'DeleteNetworkInterface').map((r) => r.userIdentity.sessionIssuerUserName)).toEqual([
      'AWSServiceRoleForRDS',
    ]);
  });

  it('reads the panther CreateRoute record', () => {
    const parsed = parseEvents(readPublic('CreateRoute-failed__panther.json'), 'panther.json');
    expect(parsed.shape).toBe('record');
    expect(parsed.records[0]?.errorCode).toBe('Blocked');
  });
});

describe('parseEvents: not JSON', () => {
  it.each([
    {text: '{"eventName": "CreateRoute",\n  "eventSource": }', message: "in.json: line 2, column 18: not valid JSON: expected a value, found '}'"},
    {text: 'not json', message: "in.json: line 1, column 1: not valid JSON: expected a value, found 'n'"},
    {text: '{"Records": [\n  {"eventName": "A"},\n  {"eventName": "B"}\n', message: "in.json: line 4, column 1: not valid JSON: expected ',' or ']', found the end of the input"},
    {text: '{"a": 1,}', message: 'in.json: line 1, column 9: not valid JSON: expected a property name in double quotes, found \'}\''},
    {text: "{'eventName': 'x'}", message: 'in.json: line 1, column 2: not valid JSON: expected a property name in double quotes or \'}\', found \'\'\''},
    {text: '{"a": "tab\there"}', message: 'in.json: line 1, column 11: not valid JSON: a control character (U+0009) inside a string'},
    {text: '{"a": "\u001b[2J"}', message: 'in.json: line 1, column 8: not valid JSON: a control character (U+001B) inside a string'},
    {text: '{"a": "open', message: 'in.json: line 1, column 7: not valid JSON: a string that is never closed'},
    {text: '{"a": 01}', message: 'in.json: line 1, column 8: not valid JSON: an invalid number'},
    {text: '{"a": tru}', message: "in.json: line 1, column 7: not valid JSON: expected a value, found 't'"},
    {text: '{"a": 1}\n{"a": 2}', message: "in.json: line 2, column 1: not valid JSON: unexpected '{' after the JSON value"},
    {text: '[1 2]', message: "in.json: line 1, column 4: not valid JSON: expected ',' or ']', found '2'"},
  ])('$message', ({text, message}) => {
    expect(errorOf(() => parseEvents(text, 'in.json')).message).toBe(message);
  });

  it('handles very deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(errorOf(() => parseEvents(deep, 'deep.json')).problem).toBe("not valid JSON: expected ',' or ']', found the end of the input");
  });
});

describe('parseEvents: JSON that is not CloudTrail', () => {
  it.each([
    {name: 'a number', text: '42'},
    {name: 'a string', text: '"CreateRoute"'},
    {name: 'null', text: 'null'},
    {name: 'an unrelated object', text: '{"id": 1, "name": "x"}'},
    {name: 'Records that is not a list', text: '{"Records": {"eventName": "CreateRoute"}}'},
    {name: 'an EventBridge event not from CloudTrail', text: JSON.stringify({...envelope(route, 'EC2 Instance State-change Notification')})},
  ])('$name', ({text}) => {
    const error = errorOf(() => parseEvents(text, 'in.json'));
    expect(error.message).toBe(
      'in.json: not a CloudTrail event: expected a record (eventName, eventSource), {"Records": [...]}, an EventBridge envelope or lookup-events output',
    );
    expect(error.problem).toBe(notCloudTrailProblem);
  });

  it.each([
    {name: 'a record without eventSource', text: '{"eventName": "CreateRoute"}', message: 'in.json: eventSource is missing'},
    {name: 'a record with a numeric eventName', text: '{"eventName": 7, "eventSource": "ec2.amazonaws.com"}', message: 'in.json: eventName is not a string (found a number)'},
    {name: 'a record with an empty eventSource', text: '{"eventName": "X", "eventSource": " "}', message: 'in.json: eventSource is empty'},
    {name: 'an EventBridge detail that is not a record', text: JSON.stringify(envelope('oops')), message: 'in.json: detail: not a CloudTrail record: expected a JSON object, found a string'},
    {name: 'one lookup Event with broken JSON', text: JSON.stringify(lookupEvent('{"eventName": ')), message: 'in.json: CloudTrailEvent: not valid JSON (line 1, column 15): expected a value, found the end of the input'},
  ])('$name', ({text, message}) => {
    expect(errorOf(() => parseEvents(text, 'in.json')).message).toBe(message);
  });
});

describe('parseEvents: lists', () => {
  it('skips entries that are not records and says where and why', () => {
    const text = JSON.stringify({Records: [route, 'oops', {eventName: 'X'}, envelope(null), group]});
    const parsed = parseEvents(text, 'trail.json');
    expect(parsed.records.map((record) => record.eventName)).toEqual(['CreateRoute', 'CreateSecurityGroup']);
    expect(parsed.skipped).toEqual([
      {place: 'Records[1]', problem: 'not a CloudTrail record: expected a JSON object, found a string'},
      {place: 'Records[2]', problem: 'eventSource is missing'},
      {place: 'Records[3].detail', problem: 'not a CloudTrail record: expected a JSON object, found null'},
    ]);
  });

  it('skips lookup-events entries whose CloudTrailEvent is missing or broken', () => {
    const withoutRecord = Object.fromEntries(Object.entries(lookupEvent(route)).filter(([key]) => key !== 'CloudTrailEvent'));
    const text = JSON.stringify({Events: [lookupEvent(route), withoutRecord, lookupEvent('{"eventName" "x"}')]});
    expect(parseEvents(text, 'events.json').skipped).toEqual([
      {place: 'Events[1]', problem: 'has no CloudTrailEvent (the full record)'},
      {place: 'Events[2].CloudTrailEvent', problem: "not valid JSON (line 1, column 14): expected ':' after a property name, found '\"'"},
    ]);
  });

  it('places entries of a bare array by index', () => {
    expect(parseEvents(JSON.stringify([route, 5]), 'list.json').skipped).toEqual([
      {place: '[1]', problem: 'not a CloudTrail record: expected a JSON object, found a number'},
    ]);
  });

  it.each([
    {text: '{"Records": []}', message: 'in.json: no records: "Records" is an empty list'},
    {text: '{"Events": []}', message: 'in.json: no records: "Events" is an empty list'},
    {text: '[]', message: 'in.json: no records: the list is empty'},
    {text: '{"Records": [1, {"eventName": "A"}]}', message: 'in.json: no CloudTrail record among 2 entries (Records[0]: not a CloudTrail record: expected a JSON object, found a number)'},
    {text: '[{"eventSource": "ec2.amazonaws.com"}]', message: 'in.json: no CloudTrail record among 1 entry ([0]: eventName is missing)'},
  ])('fails when no record remains: $message', ({text, message}) => {
    expect(errorOf(() => parseEvents(text, 'in.json')).message).toBe(message);
  });

  it('caps the number of records', () => {
    const text = JSON.stringify({Records: [route, route, route]});
    expect(errorOf(() => parseEvents(text, 'big.json', {maxRecords: 2})).message).toBe('big.json: Records: too many records: 3 (the limit is 2)');
    expect(parseEvents(text, 'big.json', {maxRecords: 3}).records).toHaveLength(3);
  });
});
