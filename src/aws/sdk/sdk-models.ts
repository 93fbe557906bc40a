// The SDK models `trailguide runbooks lint` checks operations against: the clients trailguide ships
// (bundled into dist/), each imported only when a linted file uses its service. A service without a
// client here has no model: lint says so and does not check it.
import type {ServiceName} from '../operations.js';
import {serviceModel, type SdkModels, type ServiceModel} from '../sdk-model.js';

type Exports = Readonly<Record<string, unknown>>;

const clients: Partial<Record<ServiceName, {readonly source: string; readonly load: () => Promise<Exports>}>> = {
  ec2: {source: '@aws-sdk/client-ec2', load: () => import('@aws-sdk/client-ec2')},
  cloudtrail: {source: '@aws-sdk/client-cloudtrail', load: () => import('@aws-sdk/client-cloudtrail')},
  sts: {source: '@aws-sdk/client-sts', load: () => import('@aws-sdk/client-sts')},
};

/** The models of these services (those with a client), loaded now so lint itself stays synchronous. */
export async function loadSdkModels(services: Iterable<ServiceName>): Promise<SdkModels> {
  const loaded = new Map<ServiceName, ServiceModel>();
  for (const service of new Set(services)) {
    const client = clients[service];
    if (client) loaded.set(service, serviceModel(client.source, await client.load()));
  }
  return (service) => loaded.get(service);
}
