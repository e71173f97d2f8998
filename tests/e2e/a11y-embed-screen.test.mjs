// Accessibility audit, embed surface (/embed/<every route>) and the display screen (/screen at
// 1920×1080 and 1080×1920), normal and large text: axe-core, zero violations (see lib/a11y.mjs).
import { auditSurfaces } from './lib/a11y.mjs';

auditSurfaces('embed', 'screen landscape', 'screen portrait');
