// What the dashboard puts on `window` for the browser tests (leaflet-map.js): the layer last drawn, its map and
// its number of features, and a point inside an area to click.
interface Window {
  leefkracht: {
    layer?: import('leaflet').GeoJSON | import('./area-layer.js').AreaLayer;
    map?: import('leaflet').Map;
    loaded?: string;
    features?: number;
    pointOf?: (code: string) => { x: number; y: number } | null;
  };
}
