/*
 * "Always show spoilers": a reader's choice, remembered on this device.
 *
 * Progressive enhancement only. Without JavaScript every spoiler block is a
 * native <details> that opens by click, Enter or Space; this script adds a
 * toggle button (aria-pressed) that opens every spoiler block on the page and
 * remembers the choice in localStorage, and that folds them all again and
 * forgets it when pressed a second time. The button exists only when this
 * script runs, so nobody meets a control that does nothing.
 */
(function () {
  "use strict";

  var KEY = "filmsite:show-spoilers";
  var blocks = document.querySelectorAll("details.spoiler");
  var anchor = document.querySelector(".article__body");
  if (!blocks.length || !anchor) {
    return;
  }

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (error) {
      return false; // storage blocked: the choice lasts for this page only
    }
  }

  function remember(on) {
    try {
      if (on) {
        window.localStorage.setItem(KEY, "1");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      /* storage blocked: nothing to remember */
    }
  }

  var box = document.createElement("div");
  box.className = "spoiler-pref";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "spoiler-pref__button";
  button.id = "spoiler-pref";
  button.textContent = "Always show spoilers";
  var note = document.createElement("p");
  note.className = "spoiler-pref__note";
  note.id = "spoiler-pref-note";
  button.setAttribute("aria-describedby", note.id);
  box.appendChild(button);
  box.appendChild(note);

  function apply(on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    note.textContent = on
      ? "Every spoiler on this page is open, and will be on other articles too. " +
        "Remembered on this device; press again to fold them."
      : "Opens every spoiler on this page and on articles you read later, on this device.";
    for (var i = 0; i < blocks.length; i += 1) {
      blocks[i].open = on;
    }
    // The contents list says whether spoiler sections are folded; keep it true.
    var labels = document.querySelectorAll(".toc__spoiler");
    for (var j = 0; j < labels.length; j += 1) {
      labels[j].textContent = on ? "(spoilers, shown)" : "(spoilers, folded)";
    }
  }

  button.addEventListener("click", function () {
    var on = button.getAttribute("aria-pressed") !== "true";
    remember(on);
    apply(on);
  });

  anchor.parentNode.insertBefore(box, anchor);
  // Only a remembered choice changes the page: otherwise blocks stay as served.
  if (remembered()) {
    apply(true);
  } else {
    button.setAttribute("aria-pressed", "false");
    note.textContent =
      "Opens every spoiler on this page and on articles you read later, on this device.";
  }
})();
