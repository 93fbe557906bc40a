// The named functions runbook expressions may call, registered with the expression library once.
import './record.js';
import './network.js';
import './collections.js';
import './peering.js';
import './vpcs.js';
import './routes.js';
import './interfaces.js';
import './security-groups.js';
import './verify.js';
import './security-group-rules.js';
import './network-acls.js';
import './internet-gateways.js';
import './sharing.js';
import './flow-logs.js';
import './traffic-mirrors.js';

export {functionDocs, type FunctionDoc} from './define.js';
