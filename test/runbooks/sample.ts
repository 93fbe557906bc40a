// A small runbook used by the binding and parsing tests (the built-ins are tested in builtins.test.ts).
export const sampleYaml = `
events:
  source: ec2.amazonaws.com
  names: [CreateSecurityGroup]
version: 1
title: Sample
info: [One line.]
risks:
  - {title: Open, text: Too open.}
parameters:
  - name: groupId
    description: The group
    pattern: '^sg-[0-9a-f]{8}([0-9a-f]{9})?$'
    from: groupId
    format: sg- and 8 or 17 hex digits
  - name: adminCidr
    description: Where admins connect from
    pattern: '^(?!0\\.0\\.0\\.0/0$)[0-9.]+/[0-9]+$'
    format: an IPv4 CIDR other than 0.0.0.0/0
  - name: destinationIpv6CidrBlock
    description: IPv6 destination
    pattern: '^[0-9a-f:]+/[0-9]+$'
    from: destinationIpv6CidrBlock
    optional: true
  - name: groupIds
    description: Groups
    pattern: '^sg-[0-9a-f]{8}([0-9a-f]{9})?$'
    from: groupIds
    list: true
procedures:
  - id: contain
    title: Contain
    kind: containment
    steps:
      - id: look
        title: Look at {{groupId}}
        kind: check
        text: Describe {{groupId}} in {{region}}.
        action: {service: ec2, operation: DescribeSecurityGroups, params: {GroupIds: '{{groupIds}}'}}
      - id: allow-admin
        title: Allow SSH from admins only
        kind: action
        text: Only from {{adminCidr}}.
        action:
          service: ec2
          operation: AuthorizeSecurityGroupIngress
          params:
            GroupId: '{{groupId}}'
            IpPermissions: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '{{adminCidr}}'}]}]
            Ipv6: '{{destinationIpv6CidrBlock}}'
      - id: console-only
        title: Console only
        kind: manual
        text: Click things.
        tracks: [console]
`;
