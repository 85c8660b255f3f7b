import './styles.css';
import { setUpHeader } from './header.js';
import { startRouter } from './router.js';
import { routes } from './routes.js';

// The dashboard's entry: the header (menu, search, language, who is signed in) and the router, which loads each
// page's code when the page is first opened.

setUpHeader();
startRouter(/** @type {HTMLElement} */ (document.getElementById('main')), routes, 'map');
