// The callers the training scenarios share. Documentation accounts only: 111122223333 is the
// account under investigation, 444455556666 someone else's. Key IDs follow AWS's documentation
// style (…EXAMPLE); nothing here is a real credential.
import type {JsonObject} from '../events/record.js';

export const account = '111122223333';
export const otherAccount = '444455556666';

/** An administrator signed in to the console through IAM Identity Center (console credentials). */
export const consoleAdmin: JsonObject = {
  type: 'AssumedRole',
  principalId: 'AROAJ2UCCR6DPCEXAMPLE:maria.garcia@example.com',
  arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/maria.garcia@example.com`,
  accountId: account,
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAJ2UCCR6DPCEXAMPLE',
      arn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`,
      accountId: account,
      userName: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    },
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-14T08:02:11Z', mfaAuthenticated: 'false'},
  },
};

/** The Terraform pipeline: a role assumed from GitHub Actions (web identity). */
export const ciDeployer: JsonObject = {
  type: 'AssumedRole',
  principalId: 'AROA5CIDEPLOYEXAMPLE1:GitHubActions-11223344556',
  arn: `arn:aws:sts::${account}:assumed-role/ci-terraform-deploy/GitHubActions-11223344556`,
  accountId: account,
  accessKeyId: 'ASIAI44QH8DHBEXAMPLE',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROA5CIDEPLOYEXAMPLE1',
      arn: `arn:aws:iam::${account}:role/ci-terraform-deploy`,
      accountId: account,
      userName: 'ci-terraform-deploy',
    },
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-12T16:40:02Z', mfaAuthenticated: 'false'},
  },
};

/** A developer on the CLI with an MFA-backed role session. */
export const developer: JsonObject = {
  type: 'AssumedRole',
  principalId: 'AROA2DEVELOPEREXAMPLE:li.wei',
  arn: `arn:aws:sts::${account}:assumed-role/developer/li.wei`,
  accountId: account,
  accessKeyId: 'ASIAZDEVELOPEXAMPLE1',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROA2DEVELOPEREXAMPLE',
      arn: `arn:aws:iam::${account}:role/developer`,
      accountId: account,
      userName: 'developer',
    },
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-13T09:15:40Z', mfaAuthenticated: 'true'},
  },
};

/** An old IAM user for backups, calling with its long-term access key (no session, no MFA). */
export const legacyKeyUser: JsonObject = {
  type: 'IAMUser',
  principalId: 'AIDAJ45Q7YFFAREXAMPLE',
  arn: `arn:aws:iam::${account}:user/svc-backup`,
  accountId: account,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  userName: 'svc-backup',
};

/** An IAM user signed in to the console with a password and no MFA. */
export const consoleUserNoMfa: JsonObject = {
  type: 'IAMUser',
  principalId: 'AIDACKCEVSQ6C2EXAMPLE',
  arn: `arn:aws:iam::${account}:user/ops-oncall`,
  accountId: account,
  accessKeyId: 'ASIAY34FZKBOKEXAMPLE',
  userName: 'ops-oncall',
  sessionContext: {
    sessionIssuer: {},
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-15T23:48:05Z', mfaAuthenticated: 'false'},
  },
};

export const firefoxUserAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:136.0) Gecko/20100101 Firefox/136.0';
export const terraformUserAgent =
  'APN/1.0 HashiCorp/1.0 Terraform/1.11.2 (+https://www.terraform.io) terraform-provider-aws/5.91.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.23.7 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.210.1';

export function tlsDetails(region: string): JsonObject {
  return {tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `ec2.${region}.amazonaws.com`};
}
