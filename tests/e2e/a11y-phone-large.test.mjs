// Accessibility audit, phone surface (390×844), large text: axe-core (wcag2a/2aa/21aa/22aa), zero violations on every route.
// One file per surface and mode keeps each within the per-file timeout of scripts/test; the
// routes and the rules are in lib/a11y.mjs.
import { auditSurfaces } from './lib/a11y.mjs';

auditSurfaces(['phone'], ['large text']);
