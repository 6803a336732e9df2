"use strict";

// markdownx only wires up editors present when the page loads. Rows added
// with "Add another …" are clones of an already wired template row, so they
// carry its "initialised" marker but none of its listeners. Clearing the
// marker and running markdownx's own script again wires them up.
function wireMarkdownEditors(row) {
    const editors = row.querySelectorAll(".markdownx-editor[data-markdownx-init]");
    const original = document.querySelector("script[src*='markdownx/js/markdownx']");
    if (!editors.length || !original) {
        return;
    }
    editors.forEach((editor) => editor.removeAttribute("data-markdownx-init"));
    const again = document.createElement("script");
    again.src = original.src;
    document.head.appendChild(again);
}

// A new row should land at the end, not jump to the top with order 0.
function placeAfterSiblings(row, formsetName) {
    const input = row.querySelector("input[name$='-sort_order']");
    const group = document.getElementById(`${formsetName}-group`);
    if (!input || !group || input.value !== "0") {
        return;
    }
    const others = [...group.querySelectorAll("input[name$='-sort_order']")]
        .filter((other) => other !== input && !other.name.includes("__prefix__"))
        .map((other) => parseInt(other.value, 10))
        .filter((value) => !Number.isNaN(value));
    if (others.length) {
        input.value = Math.max(...others) + 10;
    }
}

document.addEventListener("formset:added", (event) => {
    wireMarkdownEditors(event.target);
    placeAfterSiblings(event.target, event.detail.formsetName);
});
