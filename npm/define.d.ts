// `parallax-compare/define`: defines <parallax-compare> on import.
export { ParallaxCompare } from './index.js';
