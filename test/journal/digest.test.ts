import {describe, expect, it} from 'vitest';
import {canonicalJson, eventDigest} from '../../src/journal/digest.js';

describe('eventDigest', () => {
  it('is the same whatever the key order, at every depth', () => {
    const a = eventDigest({eventName: 'RunInstances', requestParameters: {b: 1, a: [{y: 2, x: null}]}});
    const b = eventDigest(JSON.parse('{"requestParameters": {"a": [{"x": null, "y": 2}], "b": 1}, "eventName": "RunInstances"}') as never);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when a value or the array order differs', () => {
    const base = eventDigest({eventID: 'e1', list: [1, 2]});
    expect(eventDigest({eventID: 'e2', list: [1, 2]})).not.toBe(base);
    expect(eventDigest({eventID: 'e1', list: [2, 1]})).not.toBe(base);
  });

  it('writes canonical JSON without spaces and keeps "__proto__" as a key', () => {
    const parsed = JSON.parse('{"z": "\\n", "__proto__": {"b": true, "a": 1.5}}') as never;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":1.5,"b":true},"z":"\\n"}');
  });
});
