// The scenario's internet gateways, created in moto before the route tables (so a route to one goes to it):
// each gateway, attached to its VPC when the state shows it attached, its ID mapped to moto's.
import {AttachInternetGatewayCommand, CreateInternetGatewayCommand} from '@aws-sdk/client-ec2';
import {mapId, motoId, type SeedContext} from './seed-context.js';

/** Attachment states of a gateway that joins its VPC (EC2 shows a working one as available). */
const joined = new Set(['available', 'attached', 'attaching']);

export async function seedInternetGateways(context: SeedContext): Promise<void> {
  for (const gateway of context.state.InternetGateways ?? []) {
    const made = (await context.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId;
    mapId(context, gateway.InternetGatewayId, made);
    for (const attachment of gateway.Attachments ?? []) {
      if (attachment.State !== undefined && !joined.has(attachment.State)) continue;
      await context.ec2.send(new AttachInternetGatewayCommand({InternetGatewayId: made, VpcId: motoId(context, attachment.VpcId)}));
    }
  }
}
