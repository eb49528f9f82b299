// The transfer map webview's script (src/extension/transferMapView.ts): renders the map the extension
// posts (Japan → country → parties and storage, categories and findings per edge), opens code on click,
// and reports what it rendered — counted from the page itself — back to the extension.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  /** @type {Record<string, string>} */
  let labels = {};
  let lang = 'en';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fill(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
  }

  function countryName(code) {
    if (code === 'unknown') return labels.unknownCountry;
    try { return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code; } catch { return code; }
  }

  function link(text, location) {
    const a = el('a', 'code-link', text);
    a.title = location.where || '';
    a.addEventListener('click', () => vscode.postMessage({ type: 'open', location }));
    return a;
  }

  function edgeNode(edge) {
    const box = el('div', 'edge');
    box.dataset.findings = String(edge.findings.length);
    const head = el('div', 'edge-head');
    head.append(el('span', 'edge-name', edge.name), el('span', 'kind', edge.kind === 'party' ? labels.party : labels.storage));
    if (edge.access) head.append(el('span', 'access', edge.access));
    box.append(head);
    const chips = el('div', 'chips');
    for (const c of edge.categories) chips.append(el('span', 'chip', c));
    box.append(chips);
    const findings = el('ul', 'findings');
    for (const f of edge.findings) {
      const li = el('li', `finding ${f.severity}`);
      li.append(link(f.rule, f.location));
      li.append(document.createTextNode(` ${f.message} `));
      li.title = `${f.location.label} · ${f.location.where}`;
      findings.append(li);
    }
    box.append(findings);
    const locs = el('ul', 'locations');
    for (const l of edge.locations) {
      const li = el('li', 'location');
      li.append(link(l.where, l), document.createTextNode(` ${l.label}`));
      locs.append(li);
    }
    box.append(locs);
    return box;
  }

  function countryNode(country) {
    const row = el('div', 'country');
    const count = country.edges.reduce((n, e) => n + e.findings.length, 0);
    row.dataset.country = country.country;
    row.dataset.findings = String(count);
    const node = el('div', 'node country-node', countryName(country.country));
    if (country.country !== 'unknown') node.append(el('span', 'code', country.country));
    if (count > 0) node.append(el('span', 'badge error', String(count)));
    const edges = el('div', 'edges');
    for (const e of country.edges) edges.append(edgeNode(e));
    row.append(el('div', 'link'), node, edges);
    return row;
  }

  /** What the page shows, counted from the page. */
  function summary() {
    const countries = [...document.querySelectorAll('.country')].map((c) => ({
      country: c.getAttribute('data-country'), findings: c.querySelectorAll('li.finding').length,
    }));
    return { countries, findings: document.querySelectorAll('li.finding').length, edges: document.querySelectorAll('.edge').length };
  }

  function render(map) {
    root.replaceChildren();
    const header = el('header');
    const total = map.countries.reduce((n, c) => n + c.edges.reduce((m, e) => m + e.findings.length, 0), 0);
    header.append(el('h1', '', labels.title), el('p', 'summary', fill(labels.summary, map.countries.length, total)));
    root.append(header);
    if (map.countries.length === 0) {
      root.append(el('p', 'empty', labels.empty));
    } else {
      const grid = el('div', 'map');
      const origin = el('section', 'origin');
      origin.append(el('div', 'node jp', labels.japan));
      const countries = el('section', 'countries');
      for (const c of map.countries) countries.append(countryNode(c));
      grid.append(origin, countries);
      root.append(grid);
    }
    vscode.postMessage({ type: 'rendered', summary: summary() });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'map') {
      labels = msg.labels;
      lang = msg.lang;
      render(msg.map);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
