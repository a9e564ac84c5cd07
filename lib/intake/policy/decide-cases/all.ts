// Every case of the decision table, for the checks that span all rule groups (decide.test.ts).
import { CALLER_CASES } from "./caller";
import { HISTORY_CASES } from "./history";
import type { Case } from "./kit";
import { LIMIT_CASES } from "./limits";
import { NOT_SET_UP_CASES } from "./not-set-up";
import { PRECEDENCE_CASES } from "./precedence";
import { TIMING_CASES } from "./timing";

export const ALL_CASES: Case[] = [...CALLER_CASES, ...HISTORY_CASES, ...TIMING_CASES, ...PRECEDENCE_CASES, ...LIMIT_CASES, ...NOT_SET_UP_CASES];
