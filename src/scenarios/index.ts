// The built-in training scenarios (offline; `npm start` offers them in the picker): one JSON file
// each in ./builtin, imported here so the bundle carries them already parsed (no YAML parser or
// schema on the startup path; test/scenarios/builtin.test.ts runs every file through the schema and
// checks that this list names every file).
import type {ScenarioFile} from './scenario.js';
import {scenarioOf, type Scenario} from './scenario.js';
import sgDefaultSshInDefaultVpc from './builtin/sg-default-ssh-in-default-vpc.json' with {type: 'json'};
import sgTerraformLoadBalancer from './builtin/sg-terraform-load-balancer.json' with {type: 'json'};
import sgDeniedDeveloper from './builtin/sg-denied-developer.json' with {type: 'json'};
import sgHostileStrings from './builtin/sg-hostile-strings.json' with {type: 'json'};
import sgruleSshOpenedToInternet from './builtin/sgrule-ssh-opened-to-internet.json' with {type: 'json'};
import sgruleModifiedSshToWorld from './builtin/sgrule-modified-ssh-to-world.json' with {type: 'json'};
import sgruleOfficeHttps from './builtin/sgrule-office-https.json' with {type: 'json'};
import sgruleRdpRefused from './builtin/sgrule-rdp-refused.json' with {type: 'json'};
import peeringCrossAccountCrossRegion from './builtin/peering-cross-account-cross-region.json' with {type: 'json'};
import peeringSharedServicesSameAccount from './builtin/peering-shared-services-same-account.json' with {type: 'json'};
import peeringRefusedDeveloper from './builtin/peering-refused-developer.json' with {type: 'json'};
import peeringAcceptedUnknownAccount from './builtin/peering-accepted-unknown-account.json' with {type: 'json'};
import mirrorSessionToForeignTarget from './builtin/mirror-session-to-foreign-target.json' with {type: 'json'};
import mirrorIdsSensorSession from './builtin/mirror-ids-sensor-session.json' with {type: 'json'};
import mirrorSessionRefused from './builtin/mirror-session-refused.json' with {type: 'json'};
import cidrPublicRangeOnProductionVpc from './builtin/cidr-public-range-on-production-vpc.json' with {type: 'json'};
import cidrSecondaryPrivateRange from './builtin/cidr-secondary-private-range.json' with {type: 'json'};
import cidrRefusedPublicRange from './builtin/cidr-refused-public-range.json' with {type: 'json'};
import routeDefaultToIgwInPrivateTable from './builtin/route-default-to-igw-in-private-table.json' with {type: 'json'};
import routeAllTrafficToAnEni from './builtin/route-all-traffic-to-an-eni.json' with {type: 'json'};
import routeToForeignPeeringConnection from './builtin/route-to-foreign-peering-connection.json' with {type: 'json'};
import routePrivateSubnetsViaNat from './builtin/route-private-subnets-via-nat.json' with {type: 'json'};
import routeReplacedNatWithIgw from './builtin/route-replaced-nat-with-igw.json' with {type: 'json'};
import routeSubnetMovedToPublicTable from './builtin/route-subnet-moved-to-public-table.json' with {type: 'json'};
import routeTableCreatedByTerraform from './builtin/route-table-created-by-terraform.json' with {type: 'json'};
import routeAssociationRefused from './builtin/route-association-refused.json' with {type: 'json'};
import eniPublicGroupUnusualPrincipal from './builtin/eni-public-group-unusual-principal.json' with {type: 'json'};
import eniEfsMountTarget from './builtin/eni-efs-mount-target.json' with {type: 'json'};
import eniFailedSubnetFull from './builtin/eni-failed-subnet-full.json' with {type: 'json'};
import igwAttachedToPrivatePaymentsVpc from './builtin/igw-attached-to-private-payments-vpc.json' with {type: 'json'};
import igwTerraformCreatesStagingGateway from './builtin/igw-terraform-creates-staging-gateway.json' with {type: 'json'};
import igwAttachRefusedPaymentsVpc from './builtin/igw-attach-refused-payments-vpc.json' with {type: 'json'};
import snapshotSharedWithUnknownAccount from './builtin/snapshot-shared-with-unknown-account.json' with {type: 'json'};
import actorKaliKeySharesSnapshot from './builtin/actor-kali-key-shares-snapshot.json' with {type: 'json'};
import snapshotShareRemovedByBackupAdmin from './builtin/snapshot-share-removed-by-backup-admin.json' with {type: 'json'};
import snapshotPublicShareRefused from './builtin/snapshot-public-share-refused.json' with {type: 'json'};
import amiMadePublic from './builtin/ami-made-public.json' with {type: 'json'};
import amiPublicShareWithdrawn from './builtin/ami-public-share-withdrawn.json' with {type: 'json'};
import amiShareRefused from './builtin/ami-share-refused.json' with {type: 'json'};
import flowlogsPaymentsVpcBlinded from './builtin/flowlogs-payments-vpc-blinded.json' with {type: 'json'};
import flowlogsTerraformMovesToS3 from './builtin/flowlogs-terraform-moves-to-s3.json' with {type: 'json'};
import flowlogsRefusedDeveloper from './builtin/flowlogs-refused-developer.json' with {type: 'json'};
import naclAllowAllAheadOfDenies from './builtin/nacl-allow-all-ahead-of-denies.json' with {type: 'json'};
import naclHttpsForPublicWeb from './builtin/nacl-https-for-public-web.json' with {type: 'json'};
import naclRefusedSubnetMove from './builtin/nacl-refused-subnet-move.json' with {type: 'json'};

export type {Difficulty, Objective, Scenario, ScenarioFile, ScenarioKind} from './scenario.js';

/** The files in the order the picker lists them: by runbook, then risky → benign → failed. */
const files: readonly unknown[] = [
  sgDefaultSshInDefaultVpc,
  sgTerraformLoadBalancer,
  sgDeniedDeveloper,
  sgHostileStrings,
  sgruleSshOpenedToInternet,
  sgruleModifiedSshToWorld,
  sgruleOfficeHttps,
  sgruleRdpRefused,
  peeringCrossAccountCrossRegion,
  peeringSharedServicesSameAccount,
  peeringRefusedDeveloper,
  peeringAcceptedUnknownAccount,
  mirrorSessionToForeignTarget,
  mirrorIdsSensorSession,
  mirrorSessionRefused,
  cidrPublicRangeOnProductionVpc,
  cidrSecondaryPrivateRange,
  cidrRefusedPublicRange,
  routeDefaultToIgwInPrivateTable,
  routeAllTrafficToAnEni,
  routeToForeignPeeringConnection,
  routePrivateSubnetsViaNat,
  routeReplacedNatWithIgw,
  routeSubnetMovedToPublicTable,
  routeTableCreatedByTerraform,
  routeAssociationRefused,
  eniPublicGroupUnusualPrincipal,
  eniEfsMountTarget,
  eniFailedSubnetFull,
  igwAttachedToPrivatePaymentsVpc,
  igwTerraformCreatesStagingGateway,
  igwAttachRefusedPaymentsVpc,
  snapshotSharedWithUnknownAccount,
  actorKaliKeySharesSnapshot,
  snapshotShareRemovedByBackupAdmin,
  snapshotPublicShareRefused,
  amiMadePublic,
  amiPublicShareWithdrawn,
  amiShareRefused,
  flowlogsPaymentsVpcBlinded,
  flowlogsTerraformMovesToS3,
  flowlogsRefusedDeveloper,
  naclAllowAllAheadOfDenies,
  naclHttpsForPublicWeb,
  naclRefusedSubnetMove,
];

export const scenarios: readonly Scenario[] = files.map((file) => scenarioOf(file as ScenarioFile, 'built-in'));

/** A scenario by id among these (default: the built-in ones). */
export function scenarioById(id: string, among: readonly Scenario[] = scenarios): Scenario | undefined {
  return among.find((scenario) => scenario.id === id);
}
