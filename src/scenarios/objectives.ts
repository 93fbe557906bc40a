// What a trainee must achieve in each training scenario, and how hard it is. An objective is met when
// one of the named findings shows as resolved, or (for a benign or failed event) when nothing was changed.

export type Difficulty = 'easy' | 'medium' | 'hard';

export type Objective =
  | {readonly text: string; readonly resolves: readonly string[]}
  | {readonly text: string; readonly noChanges: true};

export interface Training {
  readonly difficulty: Difficulty;
  readonly objectives: readonly Objective[];
}

const leaveAlone = (text: string): Training => ({difficulty: 'easy', objectives: [{text, noChanges: true}]});

export const training: Readonly<Record<string, Training>> = {
  'sg-default-ssh-in-default-vpc': {difficulty: 'easy', objectives: [{text: 'Close SSH (22) to the internet', resolves: ['sg-open-ssh']}]},
  'sg-terraform-load-balancer': {difficulty: 'medium', objectives: [{text: 'Recognise a legitimate change: leave the load balancer\'s group alone', noChanges: true}]},
  'sg-denied-developer': leaveAlone('A refused call created nothing: look at the actor, change nothing'),
  'sg-hostile-strings': leaveAlone('Read the injected strings safely; the refused call created nothing'),
  'peering-cross-account-cross-region': {difficulty: 'medium', objectives: [{text: 'End the peering request to the unknown account', resolves: ['peering-cross-account']}]},
  'peering-shared-services-same-account': leaveAlone('Recognise a planned peering inside the account: change nothing'),
  'peering-refused-developer': leaveAlone('A refused call created nothing: look at the actor, change nothing'),
  'cidr-public-range-on-production-vpc': {difficulty: 'medium', objectives: [{text: 'Remove the public range from the production VPC', resolves: ['cidr-public-range']}]},
  'cidr-secondary-private-range': leaveAlone('Recognise a planned private range: change nothing'),
  'cidr-refused-public-range': leaveAlone('A refused call created nothing: look at the actor, change nothing'),
  'route-default-to-igw-in-private-table': {difficulty: 'medium', objectives: [{text: 'Take the private subnets off the internet gateway', resolves: ['route-igw-in-private-table', 'route-default-to-igw']}]},
  'route-all-traffic-to-an-eni': {difficulty: 'hard', objectives: [{text: 'Stop sending all traffic through the attacker\'s interface', resolves: ['route-via-network-interface']}]},
  'route-to-foreign-peering-connection': {difficulty: 'medium', objectives: [{text: 'Remove the route into the foreign peering connection', resolves: ['route-via-peering']}]},
  'route-private-subnets-via-nat': leaveAlone('Recognise a normal NAT route: change nothing'),
  'eni-public-group-unusual-principal': {difficulty: 'hard', objectives: [{text: 'Take the public interface out of reach', resolves: ['eni-public-ip', 'eni-open-security-group']}]},
  'eni-efs-mount-target': leaveAlone('Recognise an AWS service\'s own interface: change nothing'),
  'eni-failed-subnet-full': leaveAlone('A failed call created nothing: change nothing'),
};
