// Accessibility audit, kiosk surface (/kiosk and ?mode=kiosk on every route, 1080×1920), normal text: axe-core (wcag2a/2aa/21aa/22aa), zero violations on every route.
// One file per surface and mode keeps each within the per-file timeout of scripts/test; the
// routes and the rules are in lib/a11y.mjs.
import { auditSurfaces } from './lib/a11y.mjs';

auditSurfaces(['kiosk'], ['normal']);
