// Progressive enhancement only: every page works without this script.
import { initAll } from '/static/govuk-frontend.min.js';

initAll();
