import {describe, expect, it} from 'vitest';
import {documentOf} from '../../src/engine/document.js';
import {runbookFindings} from '../../src/engine/findings.js';
import type {FindingSpec, RunbookSpec} from '../../src/engine/specs.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import {RunbookError} from '../../src/runbooks/runbook-error.js';

const record = (port: number) => parseRecord({eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', requestParameters: {port}}, 'test', '');

function found(severity: string) {
  const spec: FindingSpec = {id: 'open-port', severity, when: 'event.requestParameters.port', title: 'port {{ event.requestParameters.port }}', evidence: 'x'};
  const runbook: RunbookSpec = {events: {source: 'ec2.amazonaws.com', names: ['CreateSecurityGroup']}, facts: [], state: [], findings: [spec], actorSteps: {}};
  return (port: number) => runbookFindings(runbook, documentOf(record(port), [], undefined)).map((f) => f.severity);
}

describe('finding severity', () => {
  it('may be a template: the level follows the event', () => {
    const severityOf = found("{{ contains(`[80, 443]`, event.requestParameters.port) && 'low' || 'medium' }}");
    expect(severityOf(443)).toEqual(['low']);
    expect(severityOf(8080)).toEqual(['medium']);
  });

  it('raises nothing when the template gives no level (cannot tell)', () => {
    expect(found('{{ event.requestParameters.port }}')(22)).toEqual([]);
  });

  it('a file with a severity that is neither a level nor a template is refused', () => {
    const text = 'version: 1\ntitle: t\nevents: {names: [CreateSecurityGroup]}\ninfo: [i]\nrisks: [{title: r, text: r}]\n'
      + "findings: [{id: f, severity: severe, when: 'true', title: t, evidence: e}]\n"
      + 'procedures: [{id: p, title: p, kind: containment, steps: [{id: s, title: s, text: s, kind: manual}]}]\n';
    expect(() => parseRunbook(text, 'x.yaml')).toThrow(RunbookError);
    expect(() => parseRunbook(text.replace('severity: severe', 'severity: low'), 'x.yaml')).not.toThrow();
  });
});
