// Defines <parallax-compare>. Load it as a module:
//   <script type="module" src="https://…/parallax-compare-define.js"></script>
import { ParallaxCompare } from './parallax-compare.js';

ParallaxCompare.define();

export { ParallaxCompare };
