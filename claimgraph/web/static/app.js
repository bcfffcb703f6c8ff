// claimgraph pages: the one script. Pages work without it; it only links a statement in the list to its marks in
// the text (hover or keyboard focus outlines the marked words).
(function () {
  "use strict";
  function marks(id) {
    var sel = ["source", "cue", "content"].map(function (r) { return "[data-" + r + '~="' + id + '"]'; }).join(",");
    return document.querySelectorAll(sel);
  }
  function toggle(id, on) {
    marks(id).forEach(function (el) { el.classList.toggle("hl", on); });
  }
  document.querySelectorAll(".attribution[data-attribution]").forEach(function (item) {
    var id = item.getAttribute("data-attribution");
    ["mouseenter", "focusin"].forEach(function (ev) { item.addEventListener(ev, function () { toggle(id, true); }); });
    ["mouseleave", "focusout"].forEach(function (ev) { item.addEventListener(ev, function () { toggle(id, false); }); });
  });
})();
