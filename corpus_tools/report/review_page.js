// The review page's script: filters, a virtualised list, decisions and their export.
// The export mirrors corpus_tools/tasks/review_decisions.py function for function
// (fates, plan, proposal, renderRule, patchToml, sheetCsv); a browser test compares them.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  // One occurrence: see Occurrence.page_row in corpus_tools/tasks/review.py.
  const ID = 0, RULE = 1, SPELLING = 2, REPLACEMENT = 3, FILE = 4, LINE = 5, COLUMN = 6,
    OUTCOME = 7, DETAIL = 8, LANG = 9, SCORE = 10, SENTENCE = 11, START = 12, END = 13,
    WORD_START = 14, WORD_END = 15, SOLO = 16, KEEP = 17;
  const ROW_HEIGHT = 72;
  const OUTCOMES = ["changed", "suggested", "kept", "skipped", "undecided", "finding"];
  const rows = DATA.rows, rules = DATA.rules, files = DATA.files, groups = DATA.groups;
  const decisions = { occurrences: new Map(Object.entries(DATA.decisions.occurrences)),
                      spellings: new Map() };
  for (const [rule, spelling, decision] of DATA.decisions.spellings)
    decisions.spellings.set(spellingKey(rule, spelling), decision);

  function spellingKey(rule, spelling) { return rule + "\u0000" + spelling; }
  function ruleOf(row) { return rules[row[RULE]]; }
  function decisionOf(row) {
    return decisions.occurrences.get(row[ID]) ||
      decisions.spellings.get(spellingKey(ruleOf(row).id, row[SPELLING])) || null;
  }

  // -- export: the mirror of review_decisions.py -------------------------------------------
  function tomlString(text) { return JSON.stringify(text); }
  function tomlList(items) { return "[" + items.map(tomlString).join(", ") + "]"; }
  function writable(text) {
    return !/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(text);
  }
  function collapseSpaces(text) { return text.replace(/\s+/g, " "); }
  function phraseKey(phrase) {
    return collapseSpaces(phrase).replace(/\s*([,;:/()])\s*/g, "$1").trim();
  }
  function exampleToml(text, expect, finds, lang) {
    const fields = ["text = " + tomlString(text)];
    for (const [key, value] of [["expect", expect], ["finds", finds], ["lang", lang]])
      if (value !== null && value !== undefined) fields.push(key + " = " + tomlString(value));
    return "{ " + fields.join(", ") + " }";
  }
  function renderRule(template, variants, suggest, keep, examples, comments) {
    const lines = comments.map((c) => "# review: " + c).concat(["[[name]]"]);
    const values = { variants: variants, suggest: suggest, keep: keep };
    for (const [key, value] of template.fields) {
      if (key in values) {
        if (values[key].length || key === "variants") lines.push(key + " = " + tomlList(values[key]));
      } else if (key === "examples") {
        if (examples.length) {
          lines.push("examples = [");
          for (const example of examples) lines.push("  " + example + ",");
          lines.push("]");
        }
      } else lines.push(key + " = " + value);
    }
    return lines.join("\n") + "\n";
  }
  function isName(row) { return !!ruleOf(row).template; }
  function fates() {
    const promoted = new Set(), removed = new Set(), bySpelling = new Map();
    for (const row of rows) {
      if (!isName(row)) continue;
      const key = spellingKey(ruleOf(row).id, row[SPELLING]);
      if (!bySpelling.has(key)) bySpelling.set(key, []);
      bySpelling.get(key).push(row);
    }
    for (const [key, items] of bySpelling) {
      const rule = ruleOf(items[0]), spelling = items[0][SPELLING];
      const chosen = decisions.spellings.get(key);
      if (rule.template.suggest.includes(spelling) && (chosen === "accept" || items.some(
          (o) => o[OUTCOME] === "suggested" && decisions.occurrences.get(o[ID]) === "accept")))
        promoted.add(key);
      if (chosen === "reject" && !items.some((o) => decisionOf(o) === "accept")) removed.add(key);
    }
    const changing = rows.map((row) => {
      const key = spellingKey(ruleOf(row).id, row[SPELLING]);
      const decided = decisionOf(row), outcome = row[OUTCOME];
      if (removed.has(key) || decided === "reject") return false;
      if (decided === "accept") return outcome === "changed" || outcome === "suggested";
      return outcome === "changed" || (outcome === "suggested" && promoted.has(key));
    });
    return { promoted, removed, changing };
  }
  function proposal(row, changing, index) {
    for (const [begin, end, group] of row[KEEP]) {
      if (!groups[group].some((other) => other !== index && changing[other]))
        return collapseSpaces(row[SENTENCE].slice(begin, end));
    }
    return null;
  }
  function exampleLang(rule, row) { return rule.lang && rule.lang.length && row[LANG] ? row[LANG] : null; }
  function plan() {
    const { promoted, removed, changing } = fates();
    const byRule = new Map();
    rows.forEach((row, index) => {
      if (!isName(row)) return;
      if (!byRule.has(row[RULE])) byRule.set(row[RULE], []);
      byRule.get(row[RULE]).push([index, row]);
    });
    const patches = [];
    for (const [ruleIndex, items] of byRule) {
      const patch = rulePatch(rules[ruleIndex], items, promoted, removed, changing);
      if (patch) patches.push(patch);
    }
    return patches;
  }
  function rulePatch(rule, items, promoted, removed, changing) {
    const template = rule.template;
    const variants = template.variants.slice(), suggest = template.suggest.slice();
    const keep = template.keep.slice(), examples = [], comments = [];
    let touched = false;
    const spellings = [...new Set(items.map(([, o]) => o[SPELLING]))];
    for (const spelling of spellings) {
      const key = spellingKey(rule.id, spelling);
      if (promoted.has(key)) {
        suggest.splice(suggest.indexOf(spelling), 1);
        variants.push(spelling);
        comments.push(tomlString(spelling) + " accepted: moved from suggest to variants");
        touched = true;
        const first = items.find(([index, o]) => o[SPELLING] === spelling && o[SOLO] &&
                                 changing[index] && writable(o[SENTENCE]));
        if (first) {
          const o = first[1], s = o[SENTENCE];
          const expect = s.slice(0, o[START]) + o[REPLACEMENT] + s.slice(o[END]);
          examples.push(exampleToml(s, expect, null, exampleLang(rule, o)));
        }
      }
      if (removed.has(key)) {
        for (const list of [variants, suggest]) {
          const at = list.indexOf(spelling);
          if (at !== -1) list.splice(at, 1);
        }
        comments.push(tomlString(spelling) + " rejected: not a spelling of this name");
        touched = true;
      }
    }
    const keys = new Set();
    for (const [index, o] of items) {
      const decided = decisionOf(o), outcome = o[OUTCOME];
      if (removed.has(spellingKey(rule.id, o[SPELLING]))) continue;
      const changes = outcome === "changed" || outcome === "suggested";
      if (decided === "accept" && !changes) {
        comments.push(o[ID] + ": accepted, but it was " + outcome + " (" + o[DETAIL] +
                      "); change the rule by hand");
        touched = true;
      }
      if (decided !== "reject" || !changes) continue;
      const phrase = proposal(o, changing, index);
      touched = true;
      if (phrase === null) {
        comments.push(o[ID] + ": rejected, but no phrase of up to three words on each side is " +
                      "its own; add a not_after word or a keep by hand");
        continue;
      }
      if (keys.has(phraseKey(phrase))) continue;
      keys.add(phraseKey(phrase));
      keep.push(phrase);
      const text = o[SOLO] && writable(o[SENTENCE]) ? o[SENTENCE] : phrase;
      if (writable(text)) examples.push(exampleToml(text, null, null, exampleLang(rule, o)));
    }
    if (!touched) return null;
    const undrafted = suggest.filter((spelling) => !template.drafted.includes(spelling));
    const keptExamples = template.examples
      .filter(([, asserted]) => !asserted.some((spelling) => removed.has(spellingKey(rule.id, spelling))))
      .map(([example]) => example);
    return { template, variants, suggest: undrafted, keep, examples: keptExamples.concat(examples), comments };
  }
  function patchToml() {
    const parts = ["# Written by corpus-tools review: layer it over your rules,\n" +
                   "#   corpus-tools clean --rules YOUR-RULES --rules THIS-FILE ...\n" +
                   "# Each rule below replaces the rule of the same name whole.\n"];
    for (const p of plan())
      parts.push(renderRule(p.template, p.variants, p.suggest, p.keep, p.examples, p.comments));
    const lines = ["# The decisions (corpus-tools review --decisions reads these lines back):"];
    const seen = new Set();
    for (const row of rows) {
      const rule = ruleOf(row).id, key = spellingKey(rule, row[SPELLING]);
      if (decisions.spellings.has(key) && !seen.has(key)) {
        seen.add(key);
        lines.push("# decision: " + decisions.spellings.get(key) + " spelling " +
                   tomlString(rule) + " " + tomlString(row[SPELLING]));
      }
      if (decisions.occurrences.has(row[ID]))
        lines.push("# decision: " + decisions.occurrences.get(row[ID]) + " occurrence " +
                   tomlString(row[ID]));
    }
    parts.push(lines.join("\n") + "\n");
    return parts.join("\n");
  }
  const SHEET_COLUMNS = ["decision", "scope", "id", "rule", "spelling", "replacement", "outcome",
    "detail", "lang", "score", "file", "line", "column", "keep", "sentence", "note"];
  function csvCell(cell) {
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }
  function sheetCsv() {
    const { changing } = fates();
    const out = [SHEET_COLUMNS.join(",")], seen = new Set();
    rows.forEach((row, index) => {
      const rule = ruleOf(row), key = spellingKey(rule.id, row[SPELLING]);
      if (!seen.has(key)) {
        seen.add(key);
        out.push([decisions.spellings.get(key) || "", "spelling", "", rule.id, row[SPELLING],
                  row[REPLACEMENT] || "", "", "", "", "", "", "", "", "", "", rule.note || ""]
          .map(csvCell).join(","));
      }
      const phrase = row[KEEP].length ? proposal(row, changing, index) : null;
      out.push([decisions.occurrences.get(row[ID]) || "", "occurrence", row[ID], rule.id,
                row[SPELLING], row[REPLACEMENT] || "", row[OUTCOME], row[DETAIL], row[LANG] || "",
                row[SCORE] === null ? "" : row[SCORE].toFixed(2), files[row[FILE]],
                String(row[LINE]), String(row[COLUMN]), phrase || "", row[SENTENCE],
                rule.note || ""].map(csvCell).join(","));
    });
    return out.join("\n") + "\n";
  }

  // -- the page ------------------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);
  const list = $("list"), spacer = $("spacer");
  let shown = [], current = 0, rendered = new Map();
  const filters = { rule: "", outcome: "", lang: "", file: "", decision: "", search: "" };

  function option(select, value, label) {
    const o = document.createElement("option");
    o.value = value; o.textContent = label; select.appendChild(o);
  }
  function fillFilters() {
    const count = (pick) => { const m = new Map(); for (const r of rows) m.set(pick(r), (m.get(pick(r)) || 0) + 1); return m; };
    const byRule = count((r) => r[RULE]), byOutcome = count((r) => r[OUTCOME]);
    const byLang = count((r) => r[LANG] || ""), byFile = count((r) => r[FILE]);
    option($("filter-rule"), "", "all rules (" + byRule.size + ")");
    rules.forEach((rule, i) => byRule.has(i) && option($("filter-rule"), String(i), rule.id + " (" + byRule.get(i) + ")"));
    option($("filter-outcome"), "", "all outcomes");
    for (const o of OUTCOMES) if (byOutcome.has(o)) option($("filter-outcome"), o, o + " (" + byOutcome.get(o) + ")");
    option($("filter-lang"), "", "all languages");
    for (const [lang, n] of [...byLang].sort()) option($("filter-lang"), lang || "-", (lang || "not asked") + " (" + n + ")");
    option($("filter-file"), "", "all files");
    files.forEach((f, i) => byFile.has(i) && option($("filter-file"), String(i), f + " (" + byFile.get(i) + ")"));
    option($("filter-decision"), "", "any");
    option($("filter-decision"), "none", "not decided");
    option($("filter-decision"), "accept", "accepted");
    option($("filter-decision"), "reject", "rejected");
  }
  function matches(row) {
    if (filters.rule !== "" && String(row[RULE]) !== filters.rule) return false;
    if (filters.outcome && row[OUTCOME] !== filters.outcome) return false;
    if (filters.lang && (row[LANG] || "-") !== filters.lang) return false;
    if (filters.file !== "" && String(row[FILE]) !== filters.file) return false;
    if (filters.decision) {
      const d = decisionOf(row) || "none";
      if (d !== filters.decision) return false;
    }
    if (filters.search) {
      const hay = (row[SENTENCE] + "\u0000" + files[row[FILE]] + ":" + row[LINE] + "\u0000" +
                   ruleOf(row).id + "\u0000" + row[SPELLING]).toLowerCase();
      if (!hay.includes(filters.search)) return false;
    }
    return true;
  }
  function applyFilters() {
    const keepId = shown.length ? rows[shown[current]][ID] : null;
    shown = [];
    rows.forEach((row, i) => { if (matches(row)) shown.push(i); });
    const again = shown.findIndex((i) => rows[i][ID] === keepId);
    current = again === -1 ? 0 : again;
    spacer.style.height = shown.length * ROW_HEIGHT + "px";
    rendered.forEach((el) => el.remove());
    rendered = new Map();
    render();
    showDetail();
    summarize();
  }
  function highlighted(row, element, around) {
    let s = row[SENTENCE], ws = row[WORD_START], we = row[WORD_END], st = row[START], en = row[END];
    let cut = 0, tail = s.length;
    if (around && s.length > around) {
      cut = Math.max(0, ws - Math.floor(around / 3));
      tail = Math.min(s.length, cut + around);
    }
    const text = (a, b) => document.createTextNode(s.slice(a, b));
    if (cut > 0) element.appendChild(document.createTextNode("…"));
    element.appendChild(text(cut, ws));
    const mark = document.createElement("mark");
    mark.appendChild(text(ws, st));
    const exact = document.createElement("b");
    exact.textContent = s.slice(st, en) || "\u2423";
    mark.appendChild(exact);
    mark.appendChild(text(en, we));
    element.appendChild(mark);
    element.appendChild(text(we, tail));
    if (tail < s.length) element.appendChild(document.createTextNode("…"));
  }
  function badge(text, cls) {
    const b = document.createElement("span");
    b.className = "badge " + cls; b.textContent = text; return b;
  }
  function rowElement(position) {
    const index = shown[position], row = rows[index], el = document.createElement("div");
    el.className = "row"; el.id = "occ-" + position; el.setAttribute("role", "option");
    el.style.top = position * ROW_HEIGHT + "px";
    const meta = document.createElement("div");
    meta.className = "meta";
    const decided = decisionOf(row);
    if (decided) meta.appendChild(badge(decided === "accept" ? "accepted" : "rejected", "d-" + decided));
    meta.appendChild(badge(row[OUTCOME], "o-" + row[OUTCOME]));
    meta.appendChild(document.createTextNode(
      ruleOf(row).id + "  " + row[SPELLING] + (row[REPLACEMENT] !== null ? " → " + row[REPLACEMENT] : "") +
      "  ·  " + files[row[FILE]] + ":" + row[LINE] + (row[LANG] ? "  ·  " + row[LANG] : "") +
      (row[DETAIL] && row[OUTCOME] !== "changed" ? "  ·  " + row[DETAIL] : "")));
    const text = document.createElement("div");
    text.className = "text";
    highlighted(row, text, 220);
    el.appendChild(meta); el.appendChild(text);
    el.setAttribute("aria-selected", position === current ? "true" : "false");
    if (position === current) el.classList.add("current");
    el.addEventListener("click", () => { current = position; refresh(); list.focus(); });
    return el;
  }
  function render() {
    const top = list.scrollTop, height = list.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 5);
    const last = Math.min(shown.length, Math.ceil((top + height) / ROW_HEIGHT) + 5);
    for (const [position, el] of rendered)
      if (position < first || position >= last) { el.remove(); rendered.delete(position); }
    for (let position = first; position < last; position++) {
      if (!rendered.has(position)) {
        const el = rowElement(position);
        list.appendChild(el); rendered.set(position, el);
      }
    }
    if (shown.length) list.setAttribute("aria-activedescendant", "occ-" + current);
    else list.removeAttribute("aria-activedescendant");
  }
  function refresh() {
    rendered.forEach((el) => el.remove());
    rendered = new Map();
    render(); showDetail(); summarize();
  }
  function showDetail() {
    const body = $("detail-body");
    body.textContent = "";
    if (!shown.length) { body.innerHTML = '<p class="empty">No occurrence matches the filters.</p>'; return; }
    const index = shown[current], row = rows[index], rule = ruleOf(row);
    const h = document.createElement("h2");
    h.textContent = (current + 1) + " of " + shown.length + ": " + rule.id;
    body.appendChild(h);
    const p = document.createElement("p");
    p.className = "sentence"; highlighted(row, p, 0); body.appendChild(p);
    const dl = document.createElement("dl");
    const { changing } = fates();
    const phrase = row[KEEP].length ? proposal(row, changing, index) : null;
    const items = [["spelling", row[SPELLING] + (row[REPLACEMENT] !== null ? " → " + row[REPLACEMENT] : "")],
      ["outcome", row[OUTCOME] + (row[DETAIL] ? ": " + row[DETAIL] : "")],
      ["where", files[row[FILE]] + ":" + row[LINE] + ":" + row[COLUMN]],
      ["language", row[LANG] ? row[LANG] + (row[SCORE] !== null ? " " + row[SCORE].toFixed(2) : "") : "not asked"],
      ["decision", (decisions.occurrences.get(row[ID]) || "-") + " (spelling: " +
        (decisions.spellings.get(spellingKey(rule.id, row[SPELLING])) || "-") + ")"],
      ["if rejected", phrase !== null ? 'keep "' + phrase + '"' : (row[KEEP].length ? "no phrase of its own" : "not a name rule")],
      ["note", rule.note || "-"]];
    if (rule.source) items.push(["rule", rule.source]);
    for (const [k, v] of items) {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = k; dd.textContent = v;
      if (k === "if rejected") dd.id = "keep-proposal";
      dl.appendChild(dt); dl.appendChild(dd);
    }
    body.appendChild(dl);
  }
  function summarize() {
    let accepted = 0, rejected = 0;
    for (const row of rows) { const d = decisionOf(row); if (d === "accept") accepted++; else if (d === "reject") rejected++; }
    $("summary").textContent = rows.length + " occurrences, " + shown.length + " shown; " +
      accepted + " accepted, " + rejected + " rejected" +
      (Object.keys(DATA.sampled || {}).length ? " (sampled: " +
        Object.values(DATA.sampled).reduce((a, b) => a + b, 0) + " left out)" : "");
  }
  function counts() {
    const table = document.createElement("table");
    const head = document.createElement("tr");
    const short = { changed: "chg", suggested: "sug", kept: "kept", skipped: "skip", undecided: "und", finding: "find" };
    const present = OUTCOMES.filter((o) => rows.some((row) => row[OUTCOME] === o));
    for (const h of ["rule", ...present]) {
      const th = document.createElement("th"); th.scope = "col";
      if (h === "rule") th.textContent = h;
      else { const abbr = document.createElement("abbr"); abbr.title = h; abbr.textContent = short[h]; th.appendChild(abbr); }
      head.appendChild(th);
    }
    table.appendChild(head);
    const byRule = new Map();
    for (const row of rows) {
      if (!byRule.has(row[RULE])) byRule.set(row[RULE], new Map());
      const m = byRule.get(row[RULE]); m.set(row[OUTCOME], (m.get(row[OUTCOME]) || 0) + 1);
    }
    for (const [ruleIndex, m] of byRule) {
      const tr = document.createElement("tr"), td = document.createElement("td");
      const b = document.createElement("button");
      b.type = "button"; b.textContent = rules[ruleIndex].id;
      b.addEventListener("click", () => { $("filter-rule").value = String(ruleIndex); filters.rule = String(ruleIndex); applyFilters(); });
      td.appendChild(b); tr.appendChild(td);
      for (const o of present) { const c = document.createElement("td"); c.textContent = m.get(o) || ""; tr.appendChild(c); }
      table.appendChild(tr);
    }
    $("counts").appendChild(table);
  }
  function move(by) {
    if (!shown.length) return;
    current = Math.max(0, Math.min(shown.length - 1, current + by));
    const top = current * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    refresh();
  }
  function decide(decision, wholeSpelling) {
    if (!shown.length) return;
    const row = rows[shown[current]];
    if (wholeSpelling) {
      const key = spellingKey(ruleOf(row).id, row[SPELLING]);
      if (decision) decisions.spellings.set(key, decision); else decisions.spellings.delete(key);
    } else if (decision) decisions.occurrences.set(row[ID], decision);
    else decisions.occurrences.delete(row[ID]);
    if (decision && !wholeSpelling && current < shown.length - 1) move(1); else refresh();
  }
  function download(name, text, type) {
    $("export-output").value = text;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }
  window.corpusReview = { patchToml, sheetCsv, decisions, filters, applyFilters, readyAt: null };

  fillFilters(); counts();
  for (const name of ["rule", "outcome", "lang", "file", "decision"]) {
    $("filter-" + name).addEventListener("change", (e) => { filters[name] = e.target.value; applyFilters(); });
  }
  $("search").addEventListener("input", (e) => { filters.search = e.target.value.toLowerCase(); applyFilters(); });
  // Escape (or Enter in the search field) goes back to the list, where the keys work.
  $("filters").addEventListener("keydown", (e) => {
    if (e.key === "Escape" || (e.key === "Enter" && e.target.id === "search")) { e.preventDefault(); list.focus(); }
  });
  list.addEventListener("scroll", render);
  window.addEventListener("resize", render);
  $("accept").addEventListener("click", () => decide("accept", false));
  $("reject").addEventListener("click", () => decide("reject", false));
  $("accept-spelling").addEventListener("click", () => decide("accept", true));
  $("reject-spelling").addEventListener("click", () => decide("reject", true));
  $("undo").addEventListener("click", () => decide(null, false));
  $("undo-spelling").addEventListener("click", () => decide(null, true));
  $("export-toml").addEventListener("click", () => download("review-patch.toml", patchToml(), "application/toml"));
  $("export-csv").addEventListener("click", () => download("review.csv", sheetCsv(), "text/csv"));
  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const actions = { j: () => move(1), k: () => move(-1), a: () => decide("accept", false),
      r: () => decide("reject", false), A: () => decide("accept", true), R: () => decide("reject", true),
      u: () => decide(null, false), U: () => decide(null, true), "/": () => $("search").focus() };
    if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
  });
  applyFilters();
  window.corpusReview.readyAt = performance.now();  // the benchmark's "usable" moment
})();
