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
  AND (useridentity.accesskeyid = ? OR useridentity.arn = ?)
ORDER BY eventtime ASC
LIMIT 500
-- parameters: '2024/03/03', '2024/03/09', '2024-03-03T09:30:00Z', '2024-03-10T00:00:00Z', 'ASIAY34FZKBOKMUTVV7A', 'arn:aws:sts::111122223333:assumed-role/WebRole/i-0abcd1234ef567890'
