import './styles.css';
import { setUpHeader } from './header.js';
import { startRouter } from './router.js';
import { routes } from './routes.js';
import { keepScrollAreasFocusable } from './scroll-areas.js';

// The dashboard's entry: the header (menu, search, language, who is signed in) and the router, which loads each
// page's code when the page is first opened.

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
setUpHeader();
keepScrollAreasFocusable(main);
startRouter(main, routes, 'map');
