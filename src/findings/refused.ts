// Error codes that mean "refused for lack of permission", across services: IAM and most services
// answer AccessDenied (AccessDeniedException), EC2 UnauthorizedOperation (Client.… in CloudTrail),
// older EC2 calls and signature problems AuthFailure.
const refusedCodes = /(^|\.)(AccessDenied|UnauthorizedOperation|UnauthorizedAccess|AuthFailure)/i;

/** The error code says the caller lacked permission. */
export function isRefusedCode(code: string | undefined): code is string {
  return code !== undefined && refusedCodes.test(code);
}
