// Training accounts for the internet gateways runbook's events, built from the record's facts (to be filled by it).
import type {EventSeeds} from './seed-events.js';

export const internetGatewaysSeeds: EventSeeds = {};
