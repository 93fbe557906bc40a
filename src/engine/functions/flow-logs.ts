// Functions for the flow logs runbook (to be filled by it).
export {};
