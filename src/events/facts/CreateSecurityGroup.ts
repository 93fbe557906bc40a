// CreateSecurityGroup: the name, description and VPC come from the request; the new group's ID
// only from the response (absent when the call failed).
// Request: {groupName, groupDescription, vpcId, tagSpecificationSet?}
// Response: {requestId, _return: true, groupId, securityGroupArn?}
import type {CloudTrailRecord, Fact} from '../record.js';
import {facts, request, response, text} from './fields.js';

export function createSecurityGroupFacts(record: CloudTrailRecord): readonly Fact[] {
  const req = request(record);
  const res = response(record);
  return facts([
    ['groupId', 'Security group', text(res, 'groupId')],
    ['groupName', 'Group name', text(req, 'groupName')],
    ['groupDescription', 'Description', text(req, 'groupDescription')],
    ['vpcId', 'VPC', text(req, 'vpcId')],
  ]);
}
