extension HTMLReport {
    /// The review view's style rules (no `<` or `&`: they sit in the XHTML `style` element).
    static let reviewStyle = """
        .review .bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 6px 0; font-size: 0.92em; }
        .review button, .review select, .review input { font: inherit; font-size: 0.95em; }
        .review canvas { display: block; width: 100%; border: 1px solid #e3e7ea; background: #fbfcfc; }
        #rv-table { max-height: 420px; overflow: auto; border: 1px solid #e3e7ea; }
        #rv-table table { margin: 0; width: 100%; }
        #rv-table th { position: sticky; top: 0; cursor: pointer; user-select: none; }
        #rv-table tr.sel td { background: #e3f0f3; }
        #rv-table tbody tr { cursor: pointer; }
        .gallery { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 12px; }
        .gallery figure { margin: 0; font-size: 0.78em; color: #5d6b77; cursor: pointer; }
        .gallery figure.sel canvas { outline: 2px solid #2b7a8c; }
        .gallery canvas { width: 150px; height: 70px; }
        #rv-detail canvas { height: 180px; }
        """

    /// The review view's script: draws the paged timeline, the event table, the snippet
    /// galleries and unit templates from the JSON data block `#rv-data`. It loads nothing; it
    /// must contain neither `<`, `&` nor the CDATA end (it sits in an XHTML CDATA section, and
    /// the document must stay well-formed XML).
    static let reviewScript = #"""
    (function () {
    "use strict";
    var D = JSON.parse(document.getElementById("rv-data").textContent);
    var KINDS = ["twitch", "cramp", "activity", "artifact"];
    var COL = ["#2b7a8c", "#7b62a3", "#7c9a5c", "#a3a3a3"];
    var $ = function (id) { return document.getElementById(id); };
    var state = { t0: 0, win: Math.min(60, D.d), sel: -1, sort: 2, dir: 1, page: 0 };
    function lt(a, b) { return b - a > 0; }
    function clock(s) {
      var t = Math.floor(Math.max(0, s)), h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, x = t % 60;
      var mm = lt(m, 10) ? "0" + m : "" + m, ss = lt(x, 10) ? "0" + x : "" + x;
      return (h ? h + ":" + mm : "" + m) + ":" + ss + "." + Math.floor((s - t) * 10);
    }
    function ev(i) { var e = D.ev[i]; return { k: e[0], c: e[1], s: e[2], e: e[3], p: e[4], snr: e[5], r: D.rs[e[6]], u: e[7], sn: e[8] }; }
    // Per channel: the envelope's floor (median) and top, for a log scale.
    var scale = (D.tr.v || []).map(function (v) {
      var s = v.filter(function (x) { return x > 0; }).sort(function (a, b) { return a - b; });
      var lo = s.length ? s[Math.floor(s.length / 2)] : 1, hi = s.length ? Math.max(s[s.length - 1], lo * 10) : 10;
      return [lo, Math.log(hi / lo)];
    });
    function fit(canvas, h) {
      var w = canvas.clientWidth || 800, r = window.devicePixelRatio || 1;
      canvas.width = Math.round(w * r); canvas.height = Math.round(h * r);
      var g = canvas.getContext("2d"); g.setTransform(r, 0, 0, r, 0, 0); return [g, w];
    }
    function drawTimeline() {
      var cv = $("rv-timeline"), rowH = 56, left = 110, n = D.ch.length;
      var gw = fit(cv, n * rowH + 24), g = gw[0], w = gw[1] - left - 8;
      var t0 = state.t0, t1 = t0 + state.win, x = function (t) { return left + (t - t0) / state.win * w; };
      g.clearRect(0, 0, gw[1], n * rowH + 24); g.font = "12px system-ui, sans-serif";
      for (var c = 0; lt(c, n); c++) {
        var y0 = c * rowH;
        g.fillStyle = "#f3f6f7"; g.fillRect(left, y0 + 2, w, rowH - 6);
        g.fillStyle = "#3d4b57"; g.textAlign = "right"; g.fillText(D.ch[c].slice(0, 14), left - 8, y0 + rowH / 2 + 4);
        var v = D.tr.v[c];
        if (v) {
          var dt = D.tr.dt, a = Math.max(0, Math.floor(t0 / dt)), b = Math.min(v.length, Math.ceil(t1 / dt) + 1);
          g.beginPath(); g.moveTo(x(a * dt), y0 + rowH - 4);
          for (var i = a; lt(i, b); i++) {
            var r = v[i] > scale[c][0] ? Math.min(Math.log(v[i] / scale[c][0]) / scale[c][1], 1) : 0;
            g.lineTo(x((i + 0.5) * dt), y0 + rowH - 4 - r * (rowH - 12));
          }
          g.lineTo(x(b * dt), y0 + rowH - 4); g.closePath(); g.fillStyle = "rgba(95,130,150,0.45)"; g.fill();
        }
      }
      // Events: sustained ones shaded, artifacts as a thin strip on top so many of them (an ECG
      // gives one per beat) never hide the envelope, twitches as ticks at the bottom.
      for (var j = 0; lt(j, D.ev.length); j++) {
        var e = D.ev[j]; if (lt(e[3], t0) || e[2] > t1) continue;
        var ex0 = x(e[2]), ex1 = Math.max(x(e[3]), ex0 + 1.5), ey = e[1] * rowH;
        g.fillStyle = COL[e[0]];
        if (e[0] === 0) { g.fillRect(ex0 - 0.75, ey + rowH - 22, 1.5, 18); }
        else if (e[0] === 3) { g.globalAlpha = 0.8; g.fillRect(ex0, ey + 2, ex1 - ex0, 5); g.globalAlpha = 1; }
        else { g.globalAlpha = 0.28; g.fillRect(ex0, ey + 2, ex1 - ex0, rowH - 6); g.globalAlpha = 1; }
      }
      if (state.sel >= 0) {
        var s = ev(state.sel), sx = x(s.s);
        g.strokeStyle = "#1b4d5a"; g.lineWidth = 2; g.strokeRect(sx - 3, s.c * rowH + 1, Math.max(x(s.e) - sx, 0) + 6, rowH - 4);
      }
      g.fillStyle = "#4a5864"; g.textAlign = "center";
      for (var k = 0; lt(k, 6); k++) { var tt = t0 + state.win * k / 5; g.fillText(clock(tt), left + w * k / 5 - (k === 5 ? 20 : 0), n * rowH + 16); }
      $("rv-pos").value = String(Math.round(t0 / Math.max(1e-9, D.d - state.win) * 1000) || 0);
      $("rv-where").textContent = clock(t0) + " to " + clock(Math.min(t1, D.d)) + " of " + clock(D.d);
    }
    function setWindow(t) { state.t0 = Math.max(0, Math.min(t, D.d - state.win)); drawTimeline(); }
    function rows() {
      var kind = $("rv-kind").value, ch = $("rv-channel").value, snr = parseFloat($("rv-snr").value) || 0;
      var text = $("rv-text").value.toLowerCase(), out = [];
      for (var i = 0; lt(i, D.ev.length); i++) {
        var e = D.ev[i];
        if (kind !== "" ? e[0] !== +kind : false) continue;
        if (ch !== "" ? e[1] !== +ch : false) continue;
        if (lt(e[5], snr)) continue;
        if (text ? D.rs[e[6]].toLowerCase().indexOf(text) === -1 : false) continue;
        out.push(i);
      }
      var key = [function (e) { return e[0]; }, function (e) { return e[1]; }, function (e) { return e[2]; },
        function (e) { return e[3] - e[2]; }, function (e) { return e[4]; }, function (e) { return e[5]; },
        function (e) { return D.rs[e[6]]; }, function (e) { return e[7]; }][state.sort];
      out.sort(function (a, b) { var p = key(D.ev[a]), q = key(D.ev[b]); return (p === q ? a - b : (lt(p, q) ? -1 : 1)) * state.dir; });
      return out;
    }
    var PAGE = 200;
    function drawTable() {
      var r = rows(), pages = Math.max(1, Math.ceil(r.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      var body = $("rv-body"); body.textContent = "";
      r.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (i) {
        var e = ev(i), tr = document.createElement("tr");
        [KINDS[e.k], D.ch[e.c], clock(e.s), ((e.e - e.s) * 1000).toFixed(0) + " ms",
          e.p.toPrecision(3) + (D.un[e.c] ? " " + D.un[e.c] : ""), e.snr.toFixed(1), e.r, e.u > 0 ? String(e.u) : ""]
          .forEach(function (text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); });
        if (i === state.sel) tr.className = "sel";
        tr.addEventListener("click", function () { select(i); });
        body.appendChild(tr);
      });
      $("rv-count").textContent = r.length + " of " + D.ev.length + " events; page " + (state.page + 1) + " of " + pages;
    }
    function drawSnippet(canvas, s, h) {
      var gw = fit(canvas, h), g = gw[0], w = gw[1], y = s.y, top = s.b;
      for (var i = 0; lt(i, y.length); i++) top = Math.max(top, Math.abs(y[i]));
      top = top * 1.1 || 1;
      var Y = function (v) { return h / 2 - v / top * (h / 2 - 3); };
      g.fillStyle = "rgba(163,163,163,0.25)"; g.fillRect(0, Y(s.b), w, Y(-s.b) - Y(s.b));
      g.strokeStyle = "#c5ccd2"; g.beginPath(); g.moveTo(w / 2, 0); g.lineTo(w / 2, h); g.stroke();
      g.strokeStyle = "#2b7a8c"; g.lineWidth = 1.2; g.beginPath();
      for (var j = 0; lt(j, y.length); j++) { var px = j / (y.length - 1) * w; if (j) g.lineTo(px, Y(y[j])); else g.moveTo(px, Y(y[j])); }
      g.stroke();
    }
    function select(i) {
      state.sel = i; var e = ev(i);
      setWindow(e.s - state.win / 2);
      drawTable();
      var d = $("rv-detail"), info = KINDS[e.k] + " on " + D.ch[e.c] + " at " + clock(e.s) + ", SNR " + e.snr.toFixed(1) + ", " + e.r;
      d.querySelector("p").textContent = e.sn >= 0 ? info + " (conditioned signal, \u00b1100 ms; grey band: \u00b13 noise RMS)"
        : info + (e.k === 0 ? " (no snippet kept for this twitch: the report keeps at most " + D.cap + " per channel)" : "");
      var cv = d.querySelector("canvas"); cv.style.display = e.sn >= 0 ? "block" : "none";
      if (e.sn >= 0) drawSnippet(cv, D.sn[e.sn], 180);
      document.querySelectorAll(".gallery figure").forEach(function (f) { f.className = +f.dataset.ev === i ? "sel" : ""; });
    }
    function gallery() {
      var host = $("rv-gallery");
      D.ch.forEach(function (name, c) {
        var mine = D.sn.map(function (s, k) { return [s, k]; }).filter(function (p) { return p[0].c === c; });
        if (!mine.length) return;
        var h = document.createElement("h3"); h.textContent = name + ": " + mine.length + " twitch snippets"; host.appendChild(h);
        var box = document.createElement("div"); box.className = "gallery"; host.appendChild(box);
        mine.forEach(function (p) {
          var f = document.createElement("figure"), cv = document.createElement("canvas"), cap = document.createElement("figcaption");
          f.dataset.ev = String(p[0].e); cap.textContent = clock(p[0].t) + (p[0].u > 0 ? " \u00b7 unit " + p[0].u : "");
          f.appendChild(cv); f.appendChild(cap); box.appendChild(f); drawSnippet(cv, p[0], 70);
          f.addEventListener("click", function () { select(p[0].e); });
        });
      });
      var units = $("rv-units");
      D.tp.forEach(function (u) {
        var f = document.createElement("figure"), cv = document.createElement("canvas"), cap = document.createElement("figcaption");
        cap.textContent = D.ch[u.c] + " unit " + u.id + " \u00b7 " + u.n + (u.n === 1 ? " twitch" : " twitches");
        f.appendChild(cv); f.appendChild(cap); units.appendChild(f); drawSnippet(cv, u, 70);
      });
    }
    function init() {
      var wins = [[10, "10 s"], [60, "1 min"], [600, "10 min"], [3600, "1 h"], [D.d, "whole recording"]];
      var sel = $("rv-win");
      wins.forEach(function (p) { if (lt(p[0], D.d) || p[0] === D.d) { var o = document.createElement("option"); o.value = p[0]; o.textContent = p[1]; if (p[0] === state.win) o.selected = true; sel.appendChild(o); } });
      sel.addEventListener("change", function () { state.win = Math.min(+sel.value, D.d); setWindow(state.t0); });
      $("rv-prev").addEventListener("click", function () { setWindow(state.t0 - state.win); });
      $("rv-next").addEventListener("click", function () { setWindow(state.t0 + state.win); });
      $("rv-pos").addEventListener("input", function () { setWindow(+$("rv-pos").value / 1000 * (D.d - state.win)); });
      $("rv-timeline").addEventListener("click", function (m) {
        var r = m.target.getBoundingClientRect(), t = state.t0 + (m.clientX - r.left - 110) / (r.width - 118) * state.win;
        var c = Math.floor((m.clientY - r.top) / 56), best = -1, bd = state.win / 50;
        for (var i = 0; lt(i, D.ev.length); i++) { var e = D.ev[i]; var dd = Math.abs((e[2] + e[3]) / 2 - t); if (e[1] === c ? lt(dd, bd) : false) { bd = dd; best = i; } }
        if (best >= 0) select(best);
      });
      var ks = $("rv-kind"), cs = $("rv-channel");
      KINDS.forEach(function (k, i) { var o = document.createElement("option"); o.value = i; o.textContent = k; ks.appendChild(o); });
      D.ch.forEach(function (c, i) { var o = document.createElement("option"); o.value = i; o.textContent = c; cs.appendChild(o); });
      ["rv-kind", "rv-channel", "rv-snr", "rv-text"].forEach(function (id) { $(id).addEventListener("input", function () { state.page = 0; drawTable(); }); });
      $("rv-pgprev").addEventListener("click", function () { state.page = Math.max(0, state.page - 1); drawTable(); });
      $("rv-pgnext").addEventListener("click", function () { state.page++; drawTable(); });
      document.querySelectorAll("#rv-table th").forEach(function (th, i) {
        th.addEventListener("click", function () { state.dir = state.sort === i ? -state.dir : 1; state.sort = i; drawTable(); });
      });
      document.querySelector(".review").removeAttribute("hidden");
      $("rv-noscript").remove();
      drawTimeline(); drawTable(); gallery();
      window.addEventListener("resize", drawTimeline);
      // A link to one event: report.html#event=N (N counts from 0 in time order).
      var m = /^#event=([0-9]+)$/.exec(location.hash);
      if (m ? lt(+m[1], D.ev.length) : false) select(+m[1]);
    }
    init();
    })();
    """#
}
