// The columns a timeline query reads, the same for CloudTrail Lake and Athena: scalar columns only,
// each under a lower-case alias, so a result row is a flat list of strings that
// ../query-rows.ts turns back into a CloudTrail record. Structs are read field by field because both
// services print a struct as "{type=IAMUser, arn=…}", which cannot be parsed back safely. Pure.

/** One column of the SELECT list: its alias and where the record keeps it. */
export interface TimelineColumn {
  readonly alias: string;
  /** The column as both tables name it (Athena's documented DDL and Lake's schema agree on these). */
  readonly source: string;
  /** A JSON text column: Athena's DDL keeps these as STRING; Lake as map<string,string>, cast to JSON. */
  readonly isJson?: boolean;
}

export const timelineColumns: readonly TimelineColumn[] = [
  {alias: 'eventversion', source: 'eventversion'},
  {alias: 'ui_type', source: 'useridentity.type'},
  {alias: 'ui_principalid', source: 'useridentity.principalid'},
  {alias: 'ui_arn', source: 'useridentity.arn'},
  {alias: 'ui_accountid', source: 'useridentity.accountid'},
  {alias: 'ui_accesskeyid', source: 'useridentity.accesskeyid'},
  {alias: 'ui_username', source: 'useridentity.username'},
  {alias: 'ui_invokedby', source: 'useridentity.invokedby'},
  {alias: 'ui_mfa', source: 'useridentity.sessioncontext.attributes.mfaauthenticated'},
  {alias: 'ui_creationdate', source: 'useridentity.sessioncontext.attributes.creationdate'},
  {alias: 'ui_issuer_type', source: 'useridentity.sessioncontext.sessionissuer.type'},
  {alias: 'ui_issuer_principalid', source: 'useridentity.sessioncontext.sessionissuer.principalid'},
  {alias: 'ui_issuer_arn', source: 'useridentity.sessioncontext.sessionissuer.arn'},
  {alias: 'ui_issuer_accountid', source: 'useridentity.sessioncontext.sessionissuer.accountid'},
  {alias: 'ui_issuer_username', source: 'useridentity.sessioncontext.sessionissuer.username'},
  {alias: 'eventtime', source: 'eventtime'},
  {alias: 'eventsource', source: 'eventsource'},
  {alias: 'eventname', source: 'eventname'},
  {alias: 'awsregion', source: 'awsregion'},
  {alias: 'sourceipaddress', source: 'sourceipaddress'},
  {alias: 'useragent', source: 'useragent'},
  {alias: 'errorcode', source: 'errorcode'},
  {alias: 'errormessage', source: 'errormessage'},
  {alias: 'requestparameters', source: 'requestparameters', isJson: true},
  {alias: 'responseelements', source: 'responseelements', isJson: true},
  {alias: 'additionaleventdata', source: 'additionaleventdata', isJson: true},
  {alias: 'requestid', source: 'requestid'},
  {alias: 'eventid', source: 'eventid'},
  {alias: 'readonly', source: 'readonly'},
  {alias: 'eventtype', source: 'eventtype'},
  {alias: 'recipientaccountid', source: 'recipientaccountid'},
];

/** Lake's eventtime is a timestamp and its readonly a boolean: both read back as text. */
export function selectList(expression: (column: TimelineColumn) => string): string {
  return timelineColumns.map((column) => `${expression(column)} AS ${column.alias}`).join(',\n  ');
}
