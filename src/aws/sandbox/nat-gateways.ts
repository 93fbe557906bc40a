// NAT gateways in the sandbox: DescribeNatGateways, so a trainee can list the gateways a private route
// table could use instead of an internet gateway. EC2 names this call's filter list `Filter` (not
// `Filters`); an unknown ID is NatGatewayNotFound, as botocore's NatGatewayAvailable waiter expects.
import type {NatGateway} from '@aws-sdk/client-ec2';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optStrings, type ParamRecord} from './params.js';

const fields: FilterFields<NatGateway> = {
  'nat-gateway-id': (n) => [n.NatGatewayId],
  'vpc-id': (n) => [n.VpcId],
  'subnet-id': (n) => [n.SubnetId],
  state: (n) => [n.State],
  'tag-key': (n) => (n.Tags ?? []).map((t) => t.Key),
};

const notFound = (id: string): never => fail('NatGatewayNotFound', `NAT gateway ${id} was not found`);

const describeNatGateways: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'NatGatewayIds');
  const all = snapshot.NatGateways ?? [];
  const gateways = ids === undefined ? all : byIds(all, ids, (n) => n.NatGatewayId, notFound);
  const filter = params['Filter'];
  const filters: ParamRecord = filter === undefined ? {} : {Filters: filter};
  return {output: {NatGateways: applyFilters(gateways, filters, fields, 'DescribeNatGateways')}};
};

export const natGatewayHandlers: ReadonlyArray<readonly [string, Handler]> = [['DescribeNatGateways', describeNatGateways]];
