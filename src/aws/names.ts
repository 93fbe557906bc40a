// AWS name transforms: the same rules botocore uses (xform_name), so CLI options and boto3
// method names come out as the real tools spell them.

/** DescribeVpcPeeringConnections → ["describe", "vpc", "peering", "connections"]; S3BucketName → ["s3", "bucket", "name"]. */
export function words(name: string): string[] {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter(Boolean);
}

export const kebab = (name: string): string => words(name).join('-');
export const snake = (name: string): string => words(name).join('_');
