// Functions for the traffic mirrors runbook (to be filled by it).
export {};
