/**
 * The seeds the property tests run with: the fixed one (4242), so that a
 * run is comparable with the last, and one drawn afresh each run, so that
 * every run explores documents no run has tried. The drawn seed is printed;
 * DSM_PROPERTY_SEED=<n> replays it (it then replaces the drawn one), e.g.
 *
 *   DSM_PROPERTY_SEED=123456 node --test out/test/property/
 *
 * fast-check prints the seed and the path of any counterexample it finds.
 */
export const FIXED_SEED = 4242;
export const SEED_VARIABLE = 'DSM_PROPERTY_SEED';

/** The seed of DSM_PROPERTY_SEED, or a new one; throws on a value that is not a 32-bit integer (a typo must not pass as a run). */
function drawnSeed(): { seed: number; given: boolean } {
  const given = process.env[SEED_VARIABLE];
  if (given === undefined || given === '') return { seed: Math.floor(Math.random() * 0x7fffffff), given: false };
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < -0x80000000 || seed > 0x7fffffff)
    throw new Error(`${SEED_VARIABLE}=${given}: a seed is a 32-bit integer`);
  return { seed, given: true };
}

const drawn = drawnSeed();

export interface Seed {
  seed: number;
  /** For the suite's title: which seed, and how to replay it. */
  label: string;
}

/** The fixed seed, then the drawn (or given) one. */
export const SEEDS: readonly Seed[] = [
  { seed: FIXED_SEED, label: `fixed seed ${FIXED_SEED}` },
  {
    seed: drawn.seed,
    label: `${drawn.given ? 'given' : 'drawn'} seed ${drawn.seed}; replay: ${SEED_VARIABLE}=${drawn.seed}`,
  },
];

console.log(
  `property tests: fixed seed ${FIXED_SEED}, ${drawn.given ? 'given' : 'drawn'} seed ${drawn.seed} (replay: ${SEED_VARIABLE}=${drawn.seed})`,
);
