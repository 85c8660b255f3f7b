// The pages of the dashboard by the first part of their hash (docs/web.md, "The dashboard"). Each is loaded on
// demand: Vite makes a chunk of every import() below, so the map page does not download the planner, the wijkaanpak
// pages or Chart.js. A new page is a module under pages/ that exports `show` and one line here. The map, the first
// page, starts its requests from here (map-start.js), while its code and Leaflet are downloading.
import { startMap } from './map-start.js';

/** @type {Record<string, import('./router.js').Route>} */
export const routes = {
  map: { load: () => import('./pages/map.js'), start: startMap },
  area: { load: () => import('./pages/profile.js') },
  compare: { load: () => import('./pages/compare.js') },
  watchlist: { load: () => import('./pages/watchlist.js') },
  'kwetsbare-wijken': { load: () => import('./pages/kwetsbare-wijken.js') },
  planner: { load: () => import('./pages/planner/page.js') },
  data: { load: () => import('./pages/data.js') },
  signin: { load: () => import('./pages/wijkaanpak/signin.js') },
  wijkaanpak: { load: () => import('./pages/wijkaanpak/programmes.js') },
  programme: { load: () => import('./pages/wijkaanpak/programme.js'), section: 'wijkaanpak' },
  agreement: { load: () => import('./pages/wijkaanpak/agreement.js'), section: 'wijkaanpak' },
  initiatives: { load: () => import('./pages/wijkaanpak/initiatives.js'), section: 'wijkaanpak' },
  accountability: { load: () => import('./pages/wijkaanpak/accountability.js'), section: 'wijkaanpak' },
  audit: { load: () => import('./pages/wijkaanpak/audit.js'), section: 'wijkaanpak' },
  accounts: { load: () => import('./pages/wijkaanpak/accounts.js') },
};
