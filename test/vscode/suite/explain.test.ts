/** In a real VS Code: "Which statement decides this path?" and the include-exclude statement hover (explainCases.ts). */
import { activateExtension } from './helpers';
import { explainCases } from './explainCases';

describe('Which statement decides this path', () => {
  before(activateExtension);
  explainCases();
});
