// Training accounts for the security group rules runbook's events, built from the record's facts (to be filled by it).
import type {EventSeeds} from './seed-events.js';

export const securityGroupRulesSeeds: EventSeeds = {};
