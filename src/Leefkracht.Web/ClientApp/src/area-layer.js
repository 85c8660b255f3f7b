import L from 'leaflet';

// Every area of a map layer on one canvas, drawn from the decoded boundaries' flat arrays (map-shapes.js) instead of
// one Leaflet path per area: building 13,748 Leaflet polygons (their LatLng objects, projection, tooltips and click
// handlers) took more than a second of the national buurt map's first paint; this draws the same areas with one fill
// per colour and a stroke of the same paths, and finds the area under the mouse in a grid of the areas' boxes
// (docs/benchmarks.md, "Map: one canvas for every area"; docs/web.md#map-geometry).
//
// The paths are made once, as SVG path text parsed by the browser (new Path2D(text)), in "local" pixels (those of
// zoom 12 from a point of the layer) and drawn at every zoom by the canvas transform: in Chromium a call of moveTo or
// lineTo per point cost ten to twenty times more than making and parsing the text (0.95–1.2 s against 0.06–0.12 s
// for the 13,748 buurten, under load).
//
// The area under the pointer (or tapped on a phone) and the area chosen in the map's table are outlined on a second,
// transparent canvas over the first: a change of highlight clears and strokes that one area there, never the 13,748.
// Both canvases follow moves and the zoom animation as Leaflet's own canvas renderer does, with public methods only.

/** How far the canvas reaches beyond the view on each side (as Leaflet's canvas renderer): a short pan shows no gap. */
const padding = 0.3;
/** Cells per side of the hit-test grid over the shown areas' extent. */
const cells = 64;
/** World units to local pixels: those of zoom 12 (256 × 2^12). */
const local = 2 ** 20;
/** The highlight outlines, in CSS pixels: a light halo under a dark line, so that it shows on every fill colour. */
const outline = { halo: '#fff', haloExtra: 3, line: '#111', hoverWidth: 2, focusWidth: 3 };

/**
 * The path text of each area of a set of boundaries in local pixels from the set's first point, made when first
 * drawn and kept with the boundaries (a layer of a gemeente's areas reuses the national layer's).
 * @type {WeakMap<import('./map-shapes.js').Shapes, { x0: number, y0: number, text: (string | undefined)[] }>}
 */
const pathTexts = new WeakMap();

/**
 * @typedef {import('./map-shapes.js').Shapes} Shapes
 * @typedef {object} AreaStyle
 * @property {(area: number) => string} fill an area's fill colour
 * @property {number} fillOpacity
 * @property {string} stroke the outlines' colour
 * @property {number} weight the outlines' width in CSS pixels
 * @property {(area: number) => string} tooltip an area's tooltip (HTML)
 * @property {(area: number) => void} click what a click on an area does
 * @typedef {object} Highlight what a layer had outlined when it was removed, for the layer that replaces it
 * @property {string | null} hovered the code of the area under the pointer (or tapped)
 * @property {L.LatLng | null} at where its tooltip stood
 * @property {L.LatLng | null} pending a pointer position not yet handled (the next animation frame's)
 * @property {string | null} focused the code of the area chosen in the map's table
 */

/** The areas of one layer on a canvas in the map's overlay pane, re-drawn after every move and zoom. */
export class AreaLayer {
  /**
   * @param {L.Map} map
   * @param {Shapes} shapes the decoded boundaries
   * @param {number[]} shown the areas (indices into the boundaries) to draw
   * @param {AreaStyle} style
   * @param {Highlight} [kept] what the layer this one replaces had outlined (`remove()` of that layer)
   */
  constructor(map, shapes, shown, style, kept) {
    this.map = map;
    this.shapes = shapes;
    this.shown = shown;
    this.style = style;
    /** @type {Map<string, Path2D>} the shown areas' paths by fill colour: one fill each */
    this.groups = new Map();
    this.texts = textsOf(shapes, shown);
    this.grid = gridOf(shapes, shown);
    this.canvas = L.DomUtil.create('canvas', 'area-canvas leaflet-zoom-animated');
    /** The highlights' canvas over the areas' one, of the same size and place. */
    this.overlay = L.DomUtil.create('canvas', 'area-canvas area-highlight leaflet-zoom-animated');
    /** The centre and zoom the canvas was last drawn at (for the zoom animation's transform). */
    this.drawnAt = { center: map.getCenter(), zoom: map.getZoom() };
    /** The transform from local pixels to canvas pixels of the last drawing, which the highlights use too. */
    this.transform = new DOMMatrix();
    /** The area under the pointer (or tapped), and the area chosen in the table: -1 for none. */
    this.hovered = -1;
    this.focused = -1;
    this.tooltip = L.tooltip({ direction: 'auto', opacity: 0.95 });
    /** @type {L.LatLng | null} the mouse's last position, handled on the next animation frame */
    this.pending = null;
    /** @type {L.LatLng | null} where the tooltip of the hovered area stands */
    this.at = null;
    this.events = {
      moveend: () => this.redraw(),
      viewreset: () => this.redraw(),
      resize: () => this.redraw(),
      zoomanim: (/** @type {L.ZoomAnimEvent} */ e) => this.animate(e.center, e.zoom),
      mousemove: (/** @type {L.LeafletMouseEvent} */ e) => this.hover(e.latlng),
      mouseout: () => this.leave(),
      click: (/** @type {L.LeafletMouseEvent} */ e) => {
        const area = this.areaAt(e.latlng);
        if (area < 0) {
          this.leave();
        } else if (isTouch(e.originalEvent) && area !== this.hovered) {
          // A phone has no hover: the first tap on an area names and outlines it, a second tap opens it.
          this.show(area, e.latlng);
        } else {
          this.style.click(area);
        }
      },
    };
    map.getPanes().overlayPane.append(this.canvas, this.overlay);
    map.on(this.events);
    this.recolour(style.fill);
    if (kept) this.keep(kept);
  }

  /**
   * Takes over the outlines of the layer this one replaces (the same areas at another detail after a zoom, or other
   * boundaries): without it the new layer started with nothing outlined while the pointer still lay on the area,
   * and the outline stayed missing until the mouse moved (seen after an animated zoom, docs/web.md#map-geometry).
   * An area that this layer does not show is dropped.
   * @param {Highlight} kept
   */
  keep(kept) {
    const hovered = kept.hovered === null ? -1 : this.shapes.byCode.get(kept.hovered) ?? -1;
    if (hovered >= 0 && kept.at && this.shown.includes(hovered)) this.show(hovered, kept.at);
    if (kept.pending) this.hover(kept.pending);
    if (kept.focused !== null) this.focus(kept.focused);
  }

  /**
   * New fill colours for the same areas (a change of colouring): grouped again and re-drawn, nothing rebuilt.
   * @param {(area: number) => string} fill
   */
  recolour(fill) {
    this.style = { ...this.style, fill };
    /** @type {Map<string, string[]>} */
    const texts = new Map();
    for (const area of this.shown) {
      const colour = fill(area);
      const text = /** @type {string} */ (this.texts.text[area]);
      const group = texts.get(colour);
      if (group) group.push(text);
      else texts.set(colour, [text]);
    }
    this.groups = new Map([...texts].map(([colour, group]) => [colour, new Path2D(group.join(''))]));
    if (this.hovered >= 0) this.tooltip.setContent(this.style.tooltip(this.hovered));
    this.redraw();
  }

  /**
   * @param {{ fillOpacity: number, weight: number, tooltip: (area: number) => string, click: (area: number) => void }} style the rest of the style (the fill goes by recolour)
   */
  restyle(style) {
    this.style = { ...this.style, ...style };
  }

  /**
   * Takes the layer off the map, its outlines and tooltip with it.
   * @returns {Highlight} what it had outlined, for a layer that replaces it
   */
  remove() {
    const code = (/** @type {number} */ area) => (area >= 0 ? this.shapes.areas[area].code : null);
    /** @type {Highlight} */
    const kept = { hovered: code(this.hovered), at: this.at, pending: this.pending, focused: code(this.focused) };
    this.map.off(this.events);
    this.leave();
    this.focused = -1;
    this.map.getContainer().dataset.focused = '';
    this.canvas.remove();
    this.overlay.remove();
    return kept;
  }

  /**
   * Outlines the area chosen elsewhere (the map's table), or none.
   * @param {string | null} code
   */
  focus(code) {
    const area = code === null ? -1 : this.shapes.byCode.get(code) ?? -1;
    this.focused = area >= 0 && this.shown.includes(area) ? area : -1;
    this.map.getContainer().dataset.focused = this.focused >= 0 ? this.shapes.areas[this.focused].code : '';
    this.drawHighlight();
  }

  /** The box of the shown areas. */
  getBounds() {
    const box = this.shapes.box;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const a of this.shown) {
      minX = Math.min(minX, box[4 * a]); minY = Math.min(minY, box[4 * a + 1]);
      maxX = Math.max(maxX, box[4 * a + 2]); maxY = Math.max(maxY, box[4 * a + 3]);
    }
    return minX > maxX ? L.latLngBounds([]) : L.latLngBounds(toLatLng(minX, maxY), toLatLng(maxX, minY));
  }

  /**
   * The exterior ring of an area's first polygon (the browser tests click inside it), or null for an area not shown.
   * @param {string} code
   */
  ringOf(code) {
    const a = this.shapes.byCode.get(code);
    if (a === undefined || !this.shown.includes(a)) return null;
    const { ringStart, areaRing, lonLat } = this.shapes;
    const ring = [];
    for (let p = ringStart[areaRing[a]]; p < ringStart[areaRing[a] + 1]; p++) ring.push(L.latLng(lonLat[2 * p + 1], lonLat[2 * p]));
    return ring;
  }

  /**
   * Draws the shown areas (the canvas clips what lies outside): a fill per colour, then the outlines, stroked from the
   * same paths (every shown area is in one of them), so that the path text is parsed once per colouring, not twice.
   */
  redraw() {
    const map = this.map;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-padding)).round();
    const full = size.multiplyBy(1 + 2 * padding).round();
    this.drawnAt = { center: map.getCenter(), zoom: map.getZoom() };
    const ratio = window.devicePixelRatio || 1;
    // The overlay takes the areas' canvas's place and size on the page; its bitmap is made by drawHighlight.
    for (const canvas of [this.canvas, this.overlay]) {
      L.DomUtil.setPosition(canvas, min);
      canvas.style.width = `${full.x}px`;
      canvas.style.height = `${full.y}px`;
    }
    this.canvas.width = Math.round(full.x * ratio);
    this.canvas.height = Math.round(full.y * ratio);
    // Local pixels to canvas pixels: the scale from zoom 12 to this zoom, the local origin's place on the canvas.
    const zoomScale = (256 * 2 ** map.getZoom()) / local;
    const origin = map.getPixelOrigin();
    const { x0, y0 } = this.texts;
    this.transform = new DOMMatrix([ratio * zoomScale, 0, 0, ratio * zoomScale, ratio * (x0 * local * zoomScale - origin.x - min.x), ratio * (y0 * local * zoomScale - origin.y - min.y)]);
    this.drawHighlight();
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(this.transform);
    ctx.globalAlpha = this.style.fillOpacity;
    for (const [colour, path] of this.groups) {
      ctx.fillStyle = colour;
      ctx.fill(path, 'nonzero');
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = this.style.stroke;
    // The line width is in local pixels too: the weight in screen pixels at this zoom.
    ctx.lineWidth = this.style.weight / zoomScale;
    ctx.lineJoin = 'round';
    for (const path of this.groups.values()) ctx.stroke(path);
  }

  /**
   * Outlines the hovered and the focused area on the overlay (cleared first): one or two paths, whatever the number
   * of areas. The focused one is drawn last and thicker, so that it stays visible under the pointer.
   */
  drawHighlight() {
    // Without a highlight the overlay has no bitmap (0 × 0): a transparent canvas of the view's size would still be
    // cleared and composited at every frame of the first paint.
    const none = this.hovered < 0 && this.focused < 0;
    const [width, height] = none ? [0, 0] : [this.canvas.width, this.canvas.height];
    if (this.overlay.width !== width || this.overlay.height !== height) {
      this.overlay.width = width;
      this.overlay.height = height;
    }
    if (none) return;
    const ctx = this.overlay.getContext('2d');
    if (!ctx) return;
    ctx.resetTransform();
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(this.transform);
    // Widths are in local pixels, as the areas' outlines: CSS pixels divided by the transform's scale.
    const perPixel = (window.devicePixelRatio || 1) / this.transform.a;
    ctx.lineJoin = 'round';
    for (const [area, line] of [[this.hovered, outline.hoverWidth], [this.focused, outline.focusWidth]]) {
      if (area < 0) continue;
      const path = new Path2D(this.texts.text[area]);
      ctx.strokeStyle = outline.halo;
      ctx.lineWidth = (line + outline.haloExtra) * perPixel;
      ctx.stroke(path);
      ctx.strokeStyle = outline.line;
      ctx.lineWidth = line * perPixel;
      ctx.stroke(path);
    }
  }

  /**
   * During a zoom animation the drawn canvases are scaled and moved as Leaflet's own canvas renderer does it; they
   * are drawn again at the end (moveend). The coming view's pixel origin is computed as Leaflet does it internally
   * (`_getNewPixelOrigin`: the new centre projected at the new zoom, less half the view, plus the map pane's offset),
   * but from public methods only: the pane's offset is the layer point of the container's corner, negated.
   * @param {L.LatLng} center
   * @param {number} zoom
   */
  animate(center, zoom) {
    const map = this.map;
    const scale = map.getZoomScale(zoom, this.drawnAt.zoom);
    const half = map.getSize().multiplyBy(0.5 + padding);
    const centre = map.project(this.drawnAt.center, zoom);
    const paneOffset = map.containerPointToLayerPoint([0, 0]).multiplyBy(-1);
    const newOrigin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(paneOffset).round();
    const offset = half.multiplyBy(-scale).add(centre).subtract(newOrigin);
    for (const canvas of [this.canvas, this.overlay]) L.DomUtil.setTransform(canvas, offset, scale);
  }

  /**
   * The area under a point: the shown areas whose box holds it, tested by their rings (even-odd, so holes are out).
   * @param {L.LatLng} latlng
   * @returns {number} the area's index, or -1
   */
  areaAt(latlng) {
    const x = 0.5 + latlng.lng / 360;
    const phi = (latlng.lat * Math.PI) / 180;
    const y = 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
    const { grid } = this;
    const i = Math.floor((x - grid.minX) / grid.cellX);
    const j = Math.floor((y - grid.minY) / grid.cellY);
    if (i < 0 || j < 0 || i >= cells || j >= cells) return -1;
    const { box, world, ringStart, areaRing } = this.shapes;
    for (const a of grid.cells[j * cells + i]) {
      if (x < box[4 * a] || x > box[4 * a + 2] || y < box[4 * a + 1] || y > box[4 * a + 3]) continue;
      let inside = false;
      for (let r = areaRing[a]; r < areaRing[a + 1]; r++) {
        const [from, to] = [ringStart[r], ringStart[r + 1]];
        for (let p = from, q = to - 1; p < to; q = p++) {
          const [px, py, qx, qy] = [world[2 * p], world[2 * p + 1], world[2 * q], world[2 * q + 1]];
          if ((py > y) !== (qy > y) && x < ((qx - px) * (y - py)) / (qy - py) + px) inside = !inside;
        }
      }
      if (inside) return a;
    }
    return -1;
  }

  /**
   * The tooltip follows the mouse over the areas (once per animation frame), with the area's name and value.
   * @param {L.LatLng} latlng
   */
  hover(latlng) {
    if (this.pending === null) {
      requestAnimationFrame(() => {
        const at = this.pending;
        this.pending = null;
        if (!at || !this.canvas.isConnected) return;
        const area = this.areaAt(at);
        if (area < 0) this.leave();
        else this.show(area, at);
      });
    }
    this.pending = latlng;
  }

  /**
   * Names an area in the tooltip at a point and outlines it (redrawn only when the area changes).
   * @param {number} area
   * @param {L.LatLng} at
   */
  show(area, at) {
    const container = this.map.getContainer();
    if (area !== this.hovered) {
      this.tooltip.setContent(this.style.tooltip(area));
      this.hovered = area;
      container.dataset.hovered = this.shapes.areas[area].code;
      this.drawHighlight();
    }
    this.at = at;
    this.tooltip.setLatLng(at);
    if (!this.map.hasLayer(this.tooltip)) this.map.openTooltip(this.tooltip);
    container.classList.add('over-area');
  }

  leave() {
    this.pending = null;
    this.at = null;
    const container = this.map.getContainer();
    if (this.hovered >= 0) {
      this.hovered = -1;
      container.dataset.hovered = '';
      this.drawHighlight();
    }
    this.tooltip.remove();
    container.classList.remove('over-area');
  }
}

/**
 * Whether a click came from a finger (a tap): Chromium's clicks are pointer events that say so; elsewhere, a screen
 * that cannot hover.
 * @param {Event | undefined} event
 */
function isTouch(event) {
  if (event && 'pointerType' in event && /** @type {PointerEvent} */ (event).pointerType) return /** @type {PointerEvent} */ (event).pointerType === 'touch';
  return window.matchMedia('(hover: none)').matches;
}

/**
 * The path texts of the shown areas (made for those that have none yet): each ring "M x y L x y … Z" in local pixels,
 * rounded to a hundredth (at zoom 16 a sixth of a pixel).
 * @param {import('./map-shapes.js').Shapes} shapes
 * @param {number[]} shown
 */
function textsOf(shapes, shown) {
  let texts = pathTexts.get(shapes);
  if (!texts) {
    texts = { x0: shapes.world[0] ?? 0, y0: shapes.world[1] ?? 0, text: new Array(shapes.areas.length) };
    pathTexts.set(shapes, texts);
  }
  const { x0, y0, text } = texts;
  const { world, ringStart, areaRing } = shapes;
  for (const a of shown) {
    if (text[a] !== undefined) continue;
    let d = '';
    for (let r = areaRing[a]; r < areaRing[a + 1]; r++) {
      const [from, to] = [ringStart[r], ringStart[r + 1]];
      if (to - from < 3) continue;
      for (let p = from; p < to; p++) d += `${p === from ? 'M' : 'L'}${((world[2 * p] - x0) * local).toFixed(2)} ${((world[2 * p + 1] - y0) * local).toFixed(2)}`;
      d += 'Z';
    }
    text[a] = d;
  }
  return texts;
}

/**
 * The shown areas by the cells of a grid over their extent that their boxes touch.
 * @param {Shapes} shapes
 * @param {number[]} shown
 */
function gridOf(shapes, shown) {
  const box = shapes.box;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of shown) {
    minX = Math.min(minX, box[4 * a]); minY = Math.min(minY, box[4 * a + 1]);
    maxX = Math.max(maxX, box[4 * a + 2]); maxY = Math.max(maxY, box[4 * a + 3]);
  }
  const cellX = (maxX - minX) / cells || 1;
  const cellY = (maxY - minY) / cells || 1;
  /** @type {number[][]} */
  const grid = Array.from({ length: cells * cells }, () => []);
  const clamp = (/** @type {number} */ v) => Math.max(0, Math.min(cells - 1, Math.floor(v)));
  for (const a of shown) {
    for (let j = clamp((box[4 * a + 1] - minY) / cellY); j <= clamp((box[4 * a + 3] - minY) / cellY); j++) {
      for (let i = clamp((box[4 * a] - minX) / cellX); i <= clamp((box[4 * a + 2] - minX) / cellX); i++) grid[j * cells + i].push(a);
    }
  }
  return { minX, minY, cellX, cellY, cells: grid };
}

/**
 * A point in world units (Web Mercator, 0–1) as latitude and longitude.
 * @param {number} x
 * @param {number} y
 */
function toLatLng(x, y) {
  return L.latLng(((2 * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - Math.PI / 2) * 180) / Math.PI, (x - 0.5) * 360);
}
