/*
 * Sharing, improved where the browser allows it. Without this script the
 * share section is plain links plus the page's address in a read-only field
 * that readers can select and copy. With it, a "Copy link" button copies the
 * address, and where the Web Share API exists (mostly phones) a "Share…"
 * button opens the system share sheet. Nothing is sent anywhere by this
 * script itself; the buttons exist only when they can work.
 */
(function () {
  "use strict";

  var field = document.getElementById("share-address");
  if (!field) {
    return;
  }
  var holder = field.parentNode;
  var status = document.createElement("span");
  status.className = "share__status";
  status.setAttribute("role", "status");

  function button(label, onPress) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "share__button";
    element.textContent = label;
    element.addEventListener("click", onPress);
    holder.appendChild(element);
    return element;
  }

  if (navigator.clipboard && window.isSecureContext) {
    button("Copy link", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          status.textContent = "Link copied.";
        },
        function () {
          field.select();
          status.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link.";
        }
      );
    });
  }

  if (navigator.share) {
    button("Share…", function () {
      navigator
        .share({ title: field.getAttribute("data-share-title") || document.title, url: field.value })
        .catch(function () {
          /* the reader closed the share sheet: nothing to do */
        });
    });
  }

  // Selecting the whole address on focus makes copying by hand one step.
  field.addEventListener("focus", function () {
    field.select();
  });
  holder.appendChild(status);
})();
