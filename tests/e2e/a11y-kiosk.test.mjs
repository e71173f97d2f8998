// Accessibility audit, kiosk surface (/kiosk and ?mode=kiosk on every route, 1080×1920), normal
// and large text: axe-core, zero violations (see lib/a11y.mjs).
import { auditSurfaces } from './lib/a11y.mjs';

auditSurfaces('kiosk');
