// Functions for the security group rules runbook (to be filled by it).
export {};
