// Functions for the internet gateways runbook (to be filled by it).
export {};
