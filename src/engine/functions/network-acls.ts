// Functions for the network acls runbook (to be filled by it).
export {};
