// The package's entry: the engine, worker-backed (`compare`, `limits`, `prepare`), and
// the element class, not yet defined (import `parallax-compare/define` for that, or call
// `ParallaxCompare.define()` with a tag and registry of your own).

export { compare, limits, prepare } from './js/engine.js';
export { ParallaxCompare } from './parallax-compare.js';
