SELECT
  eventversion AS eventversion,
  useridentity.type AS ui_type,
  useridentity.principalid AS ui_principalid,
  useridentity.arn AS ui_arn,
  useridentity.accountid AS ui_accountid,
  useridentity.accesskeyid AS ui_accesskeyid,
  useridentity.username AS ui_username,
  useridentity.invokedby AS ui_invokedby,
  useridentity.sessioncontext.attributes.mfaauthenticated AS ui_mfa,
  useridentity.sessioncontext.attributes.creationdate AS ui_creationdate,
  useridentity.sessioncontext.sessionissuer.type AS ui_issuer_type,
  useridentity.sessioncontext.sessionissuer.principalid AS ui_issuer_principalid,
  useridentity.sessioncontext.sessionissuer.arn AS ui_issuer_arn,
  useridentity.sessioncontext.sessionissuer.accountid AS ui_issuer_accountid,
  useridentity.sessioncontext.sessionissuer.username AS ui_issuer_username,
  eventtime AS eventtime,
  eventsource AS eventsource,
  eventname AS eventname,
  awsregion AS awsregion,
  sourceipaddress AS sourceipaddress,
  useragent AS useragent,
  errorcode AS errorcode,
  errormessage AS errormessage,
  requestparameters AS requestparameters,
  responseelements AS responseelements,
  additionaleventdata AS additionaleventdata,
  requestid AS requestid,
  eventid AS eventid,
  readonly AS readonly,
  eventtype AS eventtype,
  recipientaccountid AS recipientaccountid
FROM "security"."cloudtrail_org"
WHERE "timestamp" BETWEEN ? AND ?
  AND eventtime >= ?
  AND eventtime < ?
  AND "region" IN (?, ?)
  AND "account" = ?
  AND eventname IN (?, ?)
  AND (strpos(lower(useridentity.arn), ?) > 0 OR strpos(lower(useridentity.principalid), ?) > 0 OR strpos(lower(useridentity.username), ?) > 0 OR strpos(lower(useridentity.sessioncontext.sessionissuer.arn), ?) > 0)
ORDER BY eventtime DESC
LIMIT 1000
-- parameters: '2024/03/09', '2024/03/10', '2024-03-09T00:00:00Z', '2024-03-10T12:00:00Z', 'eu-west-1', 'us-east-1', '111122223333', 'AuthorizeSecurityGroupIngress', 'RunInstances', 'alice''; drop', 'alice''; drop', 'alice''; drop', 'alice''; drop'
