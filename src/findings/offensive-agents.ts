// User agents that name an offensive tool or a penetration-testing distribution. Sources:
// GuardDuty's PenTest:IAMUser/KaliLinux, ParrotLinux and PentooLinux findings (the OS name botocore and
// the AWS CLI put in their user agent); Stratus Red Team, whose detonations send "stratus-red-team_<uuid>"
// (its StratusRedTeamUserAgentPrefix; seen in the invictus-ir dataset); Endgame, whose default user agent
// is "HotDogsAreSandwiches" (its USER_AGENT_INDICATOR, documented as an IOC); Pacu, named when an
// operator sets it (Pacu itself swaps a Kali/Parrot/Pentoo agent for a plain one to dodge GuardDuty).

export interface OffensiveAgent {
  readonly name: string;
  readonly kind: 'distribution' | 'tool';
}

const agents: readonly (OffensiveAgent & {readonly pattern: RegExp})[] = [
  {name: 'Kali Linux', kind: 'distribution', pattern: /(?<![a-z])kali/i},
  {name: 'Parrot OS', kind: 'distribution', pattern: /(?<![a-z])parrot/i},
  {name: 'Pentoo', kind: 'distribution', pattern: /(?<![a-z])pentoo/i},
  {name: 'Stratus Red Team', kind: 'tool', pattern: /stratus-red-team/i},
  {name: 'Endgame', kind: 'tool', pattern: /HotDogsAreSandwiches/i},
  {name: 'Pacu', kind: 'tool', pattern: /(?<![a-z])pacu(?![a-z])/i},
];

/** The offensive tool or distribution the user agent names (a tool before a distribution), if any. */
export function offensiveAgentIn(agent: string): OffensiveAgent | undefined {
  const named = agents.filter(({pattern}) => pattern.test(agent));
  const found = named.find((entry) => entry.kind === 'tool') ?? named[0];
  return found === undefined ? undefined : {name: found.name, kind: found.kind};
}
