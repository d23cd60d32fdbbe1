/* World map of the countries: an SVG drawn with d3-geo (Equal Earth) from the vendored
   Natural Earth TopoJSON (world-atlas countries-110m). Feature ids are ISO 3166 numeric codes,
   which are the M49 codes of the countries in the payload. No network but this site. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960;
  var HEIGHT = 480;

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  function autoSubmit() {
    var form = document.getElementById("map-form");
    if (!form) return;
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () {
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      });
    });
  }

  function classify(data, value) {
    if (value === undefined || value === null) return null;
    if (data.mode !== "indicator") return data.colours[value] ? String(value) : null;
    var bins = data.bins;
    for (var i = 0; i < bins.length - 1; i++) {
      if (value < bins[i + 1]) return String(i);
    }
    return String(bins.length - 2);
  }

  function describe(data, value, format) {
    if (value === undefined || value === null) return data.noData;
    if (data.mode === "indicator") return format.format(value);
    return data.labels[value] || String(value);
  }

  function draw(root, data, world) {
    var lang = document.documentElement.lang || "en";
    var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    var profileUrl = root.dataset.profileUrl;
    var projection = d3.geoEqualEarth().fitExtent(
      [[6, 6], [WIDTH - 6, HEIGHT - 6]],
      { type: "Sphere" }
    );
    var path = d3.geoPath(projection);

    var svg = svgElement("svg", {
      viewBox: "0 0 " + WIDTH + " " + HEIGHT,
      role: "group",
      "aria-label": root.dataset.label,
      class: "map-svg",
    });
    var defs = svgElement("defs");
    var pattern = svgElement("pattern", {
      id: "no-data-hatch",
      width: 6,
      height: 6,
      patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)",
    });
    pattern.appendChild(svgElement("rect", { width: 6, height: 6, fill: "#e3e7eb" }));
    pattern.appendChild(svgElement("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#a7b1bb", "stroke-width": 2 }));
    defs.appendChild(pattern);
    svg.appendChild(defs);

    svg.appendChild(svgElement("path", { d: path({ type: "Sphere" }), class: "map-sphere" }));
    svg.appendChild(svgElement("path", { d: path(d3.geoGraticule10()), class: "map-graticule" }));

    var layer = svgElement("g", { class: "map-countries" });
    var countries = topojson.feature(world, world.objects.countries).features;
    countries.forEach(function (feature) {
      var id = feature.id;
      var info = id ? data.countries[id] : null;
      var value = id ? data.values[id] : undefined;
      var key = classify(data, value);
      var shape = svgElement("path", {
        d: path(feature),
        fill: key !== null ? data.colours[key] : "url(#no-data-hatch)",
        class: "map-country",
      });
      var name = info ? info.name : feature.properties.name;
      var text = name + " — " + describe(data, value, format);
      var title = svgElement("title");
      title.textContent = text;
      if (info) {
        var link = svgElement("a", { href: profileUrl.replace("/AAA/", "/" + info.iso3 + "/"), "aria-label": text });
        link.appendChild(title);
        link.appendChild(shape);
        layer.appendChild(link);
      } else {
        shape.appendChild(title);
        shape.setAttribute("aria-hidden", "true");
        layer.appendChild(shape);
      }
    });
    svg.appendChild(layer);
    svg.appendChild(
      svgElement("path", {
        d: path(topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; })),
        class: "map-borders",
      })
    );
    root.replaceChildren(svg);
    root.classList.add("is-drawn");
  }

  function start() {
    autoSubmit();
    var root = document.getElementById("world-map");
    var script = document.getElementById("map-data");
    if (!root || !script) return;
    var status = root.querySelector(".map-status");
    function fail() {
      if (status) status.textContent = root.dataset.error;
    }
    if (!window.d3 || !d3.geoEqualEarth || !window.topojson) return fail();
    var data = JSON.parse(script.textContent);
    fetch(root.dataset.topology, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (world) { draw(root, data, world); })
      .catch(fail);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
