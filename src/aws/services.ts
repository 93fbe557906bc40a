// How each service is named by the AWS CLI, the JavaScript SDK v3 and boto3.
import type {ServiceName} from './operations.js';

export interface ServiceNames {
  /** `aws <cli> <operation>` */
  readonly cli: string;
  /** npm package of the SDK v3 client */
  readonly jsPackage: string;
  /** client class exported by that package */
  readonly jsClient: string;
  /** boto3.client('<boto3>') */
  readonly boto3: string;
}

export const services: Readonly<Record<ServiceName, ServiceNames>> = {
  ec2: {cli: 'ec2', jsPackage: '@aws-sdk/client-ec2', jsClient: 'EC2Client', boto3: 'ec2'},
  cloudtrail: {cli: 'cloudtrail', jsPackage: '@aws-sdk/client-cloudtrail', jsClient: 'CloudTrailClient', boto3: 'cloudtrail'},
  s3: {cli: 's3api', jsPackage: '@aws-sdk/client-s3', jsClient: 'S3Client', boto3: 's3'},
  iam: {cli: 'iam', jsPackage: '@aws-sdk/client-iam', jsClient: 'IAMClient', boto3: 'iam'},
  kms: {cli: 'kms', jsPackage: '@aws-sdk/client-kms', jsClient: 'KMSClient', boto3: 'kms'},
  backup: {cli: 'backup', jsPackage: '@aws-sdk/client-backup', jsClient: 'BackupClient', boto3: 'backup'},
  acm: {cli: 'acm', jsPackage: '@aws-sdk/client-acm', jsClient: 'ACMClient', boto3: 'acm'},
  config: {cli: 'configservice', jsPackage: '@aws-sdk/client-config-service', jsClient: 'ConfigServiceClient', boto3: 'config'},
  cloudwatch: {cli: 'cloudwatch', jsPackage: '@aws-sdk/client-cloudwatch', jsClient: 'CloudWatchClient', boto3: 'cloudwatch'},
  elbv2: {cli: 'elbv2', jsPackage: '@aws-sdk/client-elastic-load-balancing-v2', jsClient: 'ElasticLoadBalancingV2Client', boto3: 'elbv2'},
  sts: {cli: 'sts', jsPackage: '@aws-sdk/client-sts', jsClient: 'STSClient', boto3: 'sts'},
  ssm: {cli: 'ssm', jsPackage: '@aws-sdk/client-ssm', jsClient: 'SSMClient', boto3: 'ssm'},
};
