// Starts the GOV.UK Frontend components. Loaded as a module, so that no inline script is needed
// and the Content-Security-Policy can forbid them.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();
