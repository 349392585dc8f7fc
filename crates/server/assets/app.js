// hearsay: show a claim's chain when its marks in the text are hovered,
// focused or clicked. The page works without this script: every mark is a
// link to its claim in the list beside the text.
(function () {
  "use strict";
  var popover = null;
  var lit = [];

  function claimOf(mark) {
    var ids = (mark.getAttribute("data-a") || "").split(" ");
    return document.getElementById("claim-" + ids[0]);
  }

  function light(id, on) {
    var nodes = document.querySelectorAll('a.mk[data-a~="' + id + '"]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].classList.toggle("lit", on);
      if (on) lit.push(nodes[i]);
    }
    var claim = document.getElementById("claim-" + id);
    if (claim) {
      claim.classList.toggle("lit", on);
      if (on) lit.push(claim);
    }
  }

  function hide() {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("lit");
    lit = [];
    if (popover) popover.hidden = true;
  }

  function show(mark) {
    var claim = claimOf(mark);
    if (!claim) return;
    hide();
    light(claim.id.slice("claim-".length), true);
    if (!popover) {
      popover = document.createElement("div");
      popover.id = "popover";
      popover.setAttribute("role", "tooltip");
      document.body.appendChild(popover);
    }
    popover.textContent = "";
    var chain = document.createElement("div");
    chain.className = "arrowed";
    chain.textContent = claim.getAttribute("data-chain") || "";
    popover.appendChild(chain);
    var what = claim.querySelector(".what");
    if (what) {
      var content = document.createElement("div");
      content.textContent = what.textContent;
      popover.appendChild(content);
    }
    popover.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = Math.min(popover.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function markAt(target) {
    return target && target.closest ? target.closest("a.mk[data-a]") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var m = markAt(e.target);
    if (m) show(m);
  });
  document.addEventListener("mouseout", function (e) {
    if (markAt(e.target) && !markAt(e.relatedTarget)) hide();
  });
  document.addEventListener("focusin", function (e) {
    var m = markAt(e.target);
    if (m) show(m); else hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  document.addEventListener("click", function (e) {
    var m = markAt(e.target);
    if (!m) return;
    show(m);
  });
})();
