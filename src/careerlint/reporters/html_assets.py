"""The style sheet and the script of the HTML report, inlined into it (no network, no other file).

The script only reads data-* attributes and sets ``hidden`` and ``textContent``: nothing taken
from a page is ever parsed as HTML or run."""

CSS = """
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --line: #d0d5dd; --muted: #475467;
        --mark: #fde68a; --bg: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828;
       background: #fff; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .6rem; }
h3 { font-size: 1rem; margin: 0; word-break: break-all; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.meta { color: var(--muted); margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .9rem; min-width: 9rem; background: var(--bg); }
.card b { display: block; font-size: 1.5rem; }
.tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, max-content)); gap: 0 2.5rem;
          align-items: start; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: .3rem .7rem; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.v { white-space: nowrap; }
span.sev { display: inline-block; min-width: 4.2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .72rem;
       letter-spacing: .04em; }
.sev-error .sev, .sev.error, .card .error { color: var(--error); }
.sev-warning .sev, .sev.warning, .card .warning { color: var(--warning); }
.sev-info .sev, .sev.info, .card .info { color: var(--info); }
#filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: .6rem 0;
           z-index: 1; }
#filters fieldset { border: 0; margin: 0; padding: .15rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
#filters legend { float: left; font-weight: 600; margin-right: .5rem; }
#filters label { white-space: nowrap; }
#shown { color: var(--muted); margin-left: auto; }
article.page { border: 1px solid var(--line); border-radius: .5rem; margin: 1rem 0; }
article.page > header { display: flex; justify-content: space-between; gap: 1rem; padding: .6rem .9rem;
                        background: var(--bg); border-bottom: 1px solid var(--line); max-width: none; margin: 0;
                        border-radius: .5rem .5rem 0 0; }
.count { color: var(--muted); white-space: nowrap; }
ol.problems { list-style: none; margin: 0; padding: 0; }
li.problem, div.ref { padding: .6rem .9rem; border-left: 4px solid transparent; border-top: 1px solid var(--line); }
li.problem:first-child { border-top: 0; }
li.sev-error { border-left-color: var(--error); }
li.sev-warning { border-left-color: var(--warning); }
li.sev-info { border-left-color: var(--info); }
.loc { color: var(--muted); font-size: .85rem; }
.msg { margin: .2rem 0; }
pre.src { margin: .3rem 0; padding: .35rem .6rem; background: var(--bg); border-radius: .3rem;
          white-space: pre-wrap; word-break: break-all; }
pre.src .ln { color: var(--muted); user-select: none; margin-right: .8rem; }
mark { background: var(--mark); border-radius: .15rem; padding: 0 .1rem; }
.rel { margin: .2rem 0 0; font-size: .9rem; }
div.ref { background: #fcfcfd; }
:target { outline: 2px solid var(--info); outline-offset: -2px; }
footer { color: var(--muted); padding: 2rem 1.25rem; font-size: .85rem; }
[hidden] { display: none !important; }
"""

JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var problems = Array.prototype.slice.call(document.querySelectorAll("li.problem"));
  var pages = Array.prototype.slice.call(document.querySelectorAll("article.page"));
  var shown = document.getElementById("shown");
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function apply() {
    var on = { severity: {}, rule: {} };
    boxes.forEach(function (b) { on[b.getAttribute("data-filter")][b.value] = b.checked; });
    var visible = 0;
    problems.forEach(function (li) {
      var show = on.severity[li.getAttribute("data-severity")] === true && on.rule[li.getAttribute("data-rule")] === true;
      li.hidden = !show;
      if (show) { visible += 1; }
    });
    pages.forEach(function (page) {
      var total = Number(page.getAttribute("data-problems"));
      var n = page.querySelectorAll("li.problem:not([hidden])").length;
      page.hidden = total > 0 && n === 0;
      var count = page.querySelector(".count");
      if (count && total > 0) {
        count.textContent = n === total ? plural(total, "problem") : n + " of " + plural(total, "problem");
      }
    });
    shown.textContent = "Showing " + visible + " of " + plural(problems.length, "problem");
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  document.getElementById("show-all").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = true; });
    apply();
  });
  apply();
}());
"""
