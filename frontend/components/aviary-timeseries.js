// <aviary-timeseries>: a line chart of golden signals over time, drawn with uPlot (npm package "uplot", served
// from its WebJar). The server sets `data` to JSON: {times: [epoch seconds], series: [{label, values}]} where a
// null value is a gap, or {failure: "why"} when the figures could not be read. Nothing here invents a zero.
const COLORS = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];

class AviaryTimeseries extends HTMLElement {
  constructor() {
    super();
    this._data = '';
    this._plot = null;
    this._resize = new ResizeObserver(() => this._fit());
  }

  set data(value) { this._data = value; this._render(); }
  get data() { return this._data; }
  set chartTitle(value) { this._title = value; this._render(); }
  get chartTitle() { return this._title; }
  set unit(value) { this._unit = value; this._render(); }
  get unit() { return this._unit; }

  connectedCallback() {
    // Vaadin may set properties before this element is defined: take them over so the setters run.
    for (const prop of ['data', 'chartTitle', 'unit']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    this._resize.observe(this);
    this._render();
  }

  disconnectedCallback() {
    this._resize.disconnect();
    this._destroy();
  }

  _destroy() {
    if (this._plot) { this._plot.destroy(); this._plot = null; }
  }

  _render() {
    if (!this.isConnected) { return; }
    this._destroy();
    this.textContent = '';
    const heading = document.createElement('div');
    heading.className = 'aviary-chart-title';
    heading.textContent = (this._title || '') + (this._unit ? ' (' + this._unit + ')' : '');
    this.appendChild(heading);
    let parsed = null;
    try { parsed = this._data ? JSON.parse(this._data) : null; } catch (e) { parsed = { failure: 'unreadable chart data' }; }
    if (!parsed) { return; }
    if (parsed.failure || !parsed.times || parsed.times.length === 0) {
      const note = document.createElement('div');
      note.className = 'aviary-chart-note';
      note.textContent = parsed.failure ? 'Unavailable: ' + parsed.failure : 'No data in this window.';
      this.appendChild(note);
      return;
    }
    if (typeof uPlot === 'undefined') {
      const note = document.createElement('div');
      note.className = 'aviary-chart-note';
      note.textContent = 'The chart library did not load.';
      this.appendChild(note);
      return;
    }
    const unit = this._unit || '';
    const series = [{}].concat(parsed.series.map((s, i) => ({
      label: s.label,
      stroke: COLORS[i % COLORS.length],
      width: 2,
      spanGaps: false,
      value: (u, v) => v == null ? '—' : v.toFixed(v >= 100 ? 0 : 2) + (unit ? ' ' + unit : ''),
    })));
    const data = [parsed.times].concat(parsed.series.map(s => s.values));
    const holder = document.createElement('div');
    this.appendChild(holder);
    this._plot = new uPlot({
      width: Math.max(240, this.clientWidth || 320),
      height: 180,
      series: series,
      axes: [{}, { size: 56 }],
      scales: {
        x: { time: true, range: () => [parsed.from, parsed.to] },
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      legend: { live: true },
    }, data, holder);
  }

  _fit() {
    if (this._plot && this.clientWidth > 0) {
      this._plot.setSize({ width: this.clientWidth, height: 180 });
    }
  }
}

customElements.define('aviary-timeseries', AviaryTimeseries);
