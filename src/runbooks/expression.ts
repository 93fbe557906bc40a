// Runbooks use the engine's one expression language; see src/engine/expression.ts.
export {evaluate, expressionProblem, type Evaluate} from '../engine/expression.js';
