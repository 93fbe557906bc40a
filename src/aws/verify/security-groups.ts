// Verifying security group changes: the group's rules read back with DescribeSecurityGroupRules
// (one rule per source, with its sgr- ID), and a deleted group looked up by ID. Rules named by
// IpPermissions are matched the way EC2 matches them (the sandbox's rule model: protocol names and
// numbers, ports, one source each, CIDR spellings compared as blocks).
import type {SecurityGroup, SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {ActionParams} from '../action.js';
import {matches, requestedSpecs, ruleText, type RuleSpec} from '../sandbox/rules.js';
import {cannotTell, ec2, isTruncated, listIn, notReached, reached, str, strs, unexpected, verification, type Builder} from './check.js';

const rulesOf = (groupId: string) => ec2('DescribeSecurityGroupRules', {Filters: [{Name: 'group-id', Values: [groupId]}]});

/** The rules the request names by properties; undefined when they cannot be read (the call would have failed). */
function specsOf(params: ActionParams, isEgress: boolean): RuleSpec[] | undefined {
  try {
    return requestedSpecs(params, isEgress);
  } catch {
    return undefined;
  }
}

function revoke(isEgress: boolean): Builder {
  const direction = isEgress ? 'outbound' : 'inbound';
  return (params) => {
    const groupId = str(params, 'GroupId');
    const ids = strs(params, 'SecurityGroupRuleIds') ?? [];
    const specs = specsOf(params, isEgress);
    if (groupId === undefined || specs === undefined || ids.length + specs.length === 0) return undefined;
    return verification(rulesOf(groupId), {
      errors: {'InvalidGroup.NotFound': reached(`${groupId} no longer exists, so neither do its rules`)},
      output(output) {
        const rules = listIn<SecurityGroupRule>(output, 'SecurityGroupRules');
        if (rules === undefined) return unexpected;
        const own = rules.filter((r) => r.GroupId === groupId && r.IsEgress === isEgress);
        const left = [...ids.filter((id) => own.some((r) => r.SecurityGroupRuleId === id)), ...specs.filter((spec) => own.some((r) => matches(r, spec))).map(ruleText)];
        if (left.length > 0) return notReached(`still in ${groupId}: ${left.join('; ')}`);
        if (isTruncated(output)) return cannotTell(`the answer holds only part of ${groupId}'s rules`);
        const count = ids.length + specs.length;
        return reached(count === 1 ? `the revoked ${direction} rule is gone from ${groupId}` : `the ${count} revoked ${direction} rules are gone from ${groupId}`);
      },
    });
  };
}

function authorize(isEgress: boolean): Builder {
  const direction = isEgress ? 'outbound' : 'inbound';
  return (params) => {
    const groupId = str(params, 'GroupId');
    const specs = specsOf(params, isEgress);
    if (groupId === undefined || specs === undefined || specs.length === 0) return undefined;
    return verification(rulesOf(groupId), {
      errors: {'InvalidGroup.NotFound': notReached(`${groupId} does not exist`)},
      output(output) {
        const rules = listIn<SecurityGroupRule>(output, 'SecurityGroupRules');
        if (rules === undefined) return unexpected;
        const own = rules.filter((r) => r.GroupId === groupId && r.IsEgress === isEgress);
        const missing = specs.filter((spec) => !own.some((r) => matches(r, spec)));
        if (missing.length === 0) return reached(`${groupId} has the ${direction} rule${specs.length === 1 ? '' : 's'}: ${specs.map(ruleText).join('; ')}`);
        if (isTruncated(output)) return cannotTell(`the answer holds only part of ${groupId}'s rules`);
        return notReached(`${groupId} does not have: ${missing.map(ruleText).join('; ')}`);
      },
    });
  };
}

const deleteSecurityGroup: Builder = (params) => {
  const groupId = str(params, 'GroupId');
  if (groupId === undefined) return undefined;
  return verification(ec2('DescribeSecurityGroups', {GroupIds: [groupId]}), {
    errors: {'InvalidGroup.NotFound': reached(`${groupId} no longer exists`)},
    output(output) {
      const groups = listIn<SecurityGroup>(output, 'SecurityGroups');
      if (groups === undefined) return unexpected;
      return groups.some((g) => g.GroupId === groupId)
        ? notReached(`${groupId} still exists (a deletion can take a few seconds to show: check again)`)
        : reached(`${groupId} no longer exists`);
    },
  });
};

export const securityGroupVerifications: Readonly<Record<string, Builder>> = {
  RevokeSecurityGroupIngress: revoke(false),
  RevokeSecurityGroupEgress: revoke(true),
  AuthorizeSecurityGroupIngress: authorize(false),
  AuthorizeSecurityGroupEgress: authorize(true),
  DeleteSecurityGroup: deleteSecurityGroup,
};
