// The least-privilege IAM policy trailguide needs with an account, made from the runbooks' own
// actions (README "Using trailguide with your AWS account"; a test keeps the README in step).
import {isMutating, supportsDryRun} from '../aws/action.js';
import type {Runbook} from './schema.js';

/**
 * IAM actions trailguide may send: every EC2 call it dry-runs or reads, every read-only CloudTrail call
 * it runs, LookupEvents, the decode, and the IAM policy simulator that stands in for IAM's missing DryRun.
 */
export function policyActions(runbooks: readonly Runbook[]): string[] {
  const actions = new Set<string>(['cloudtrail:LookupEvents', 'sts:DecodeAuthorizationMessage']);
  for (const runbook of runbooks) {
    for (const procedure of runbook.procedures) {
      for (const step of procedure.steps) {
        const action = step.action;
        if (!action) continue;
        const sendable = action.service === 'ec2' ? supportsDryRun(action) || !isMutating(action) : action.service === 'cloudtrail' && !isMutating(action);
        if (sendable) actions.add(`${action.service}:${action.operation}`);
        // IAM has no DryRun: its permission is checked with the policy simulator, for the caller's role (GetRole finds its path).
        if (action.service === 'iam' && isMutating(action)) for (const check of ['iam:SimulatePrincipalPolicy', 'iam:GetRole']) actions.add(check);
      }
    }
  }
  // The Now panel's reads and their follow-ups (src/aws/now) are among the runbooks' Describe* checks.
  for (const read of ['ec2:DescribeSecurityGroups', 'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeVpcs', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets']) actions.add(read);
  return [...actions].sort();
}

/**
 * What the actor's timeline and `triage --lake/--athena` query with (src/timeline/engines): CloudTrail
 * Lake's query calls; Athena's, the Glue catalog reads a query of a table needs, and S3 on the trail
 * bucket (read) and the results location (write). Their own statements, so a team that uses neither can drop them.
 */
export const timelineQueryActions = {
  lake: ['cloudtrail:CancelQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:StartQuery'],
  athena: [
    'athena:GetQueryExecution',
    'athena:GetQueryResults',
    'athena:StartQueryExecution',
    'athena:StopQueryExecution',
    'glue:GetDatabase',
    'glue:GetPartitions',
    'glue:GetTable',
    's3:AbortMultipartUpload',
    's3:GetBucketLocation',
    's3:GetObject',
    's3:ListBucket',
    's3:ListBucketMultipartUploads',
    's3:ListMultipartUploadParts',
    's3:PutObject',
  ],
} as const;

export function policyJson(runbooks: readonly Runbook[]): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {Sid: 'Trailguide', Effect: 'Allow', Action: policyActions(runbooks), Resource: '*'},
        {Sid: 'TrailguideTimelineCloudTrailLake', Effect: 'Allow', Action: [...timelineQueryActions.lake], Resource: '*'},
        {Sid: 'TrailguideTimelineAthena', Effect: 'Allow', Action: [...timelineQueryActions.athena], Resource: '*'},
      ],
    },
    null,
    2,
  );
}
