"use strict";

// Sections and FAQ questions on the article form: each item can be collapsed
// to its heading (with a spoiler badge), and moved by drag and drop or with
// its "Move up" / "Move down" buttons. Moving rewrites the "order" numbers,
// 10, 20, 30…; without JavaScript those numbers are the way to reorder.
// The spoiler-warning field is shown only for spoiler items (the server
// refuses a warning on an item that is not a spoiler).

const ITEM_GROUPS = ["sections", "questions"];

function liveRegion() {
    let region = document.getElementById("filmsite-items-status");
    if (!region) {
        region = document.createElement("p");
        region.id = "filmsite-items-status";
        region.className = "filmsite-visually-hidden";
        region.setAttribute("role", "status");
        document.body.appendChild(region);
    }
    return region;
}

function announce(text) {
    liveRegion().textContent = text;
}

function itemsOf(group) {
    return [...group.querySelectorAll(":scope > fieldset > .inline-related")].filter(
        (item) => !item.classList.contains("empty-form") && !item.id.endsWith("-empty"),
    );
}

function field(item, name) {
    return item.querySelector(`[name$='-${name}']`);
}

function titleOf(item) {
    const input = field(item, "heading") || field(item, "question");
    return (input && input.value.trim()) || "(untitled)";
}

function renumber(group) {
    itemsOf(group).forEach((item, index) => {
        const order = field(item, "sort_order");
        if (order) {
            order.value = String((index + 1) * 10);
        }
    });
    itemsOf(group).forEach((item, index, all) => {
        const up = item.querySelector(".filmsite-item__up");
        const down = item.querySelector(".filmsite-item__down");
        if (up) {
            up.disabled = index === 0;
        }
        if (down) {
            down.disabled = index === all.length - 1;
        }
    });
}

function move(group, item, offset) {
    const items = itemsOf(group);
    const index = items.indexOf(item);
    const target = items[index + offset];
    if (!target) {
        return;
    }
    if (offset < 0) {
        target.before(item);
    } else {
        target.after(item);
    }
    renumber(group);
    const position = itemsOf(group).indexOf(item) + 1;
    announce(`“${titleOf(item)}” moved to position ${position} of ${items.length}.`);
    item.dispatchEvent(new Event("input", { bubbles: true }));
}

function setCollapsed(item, collapsed) {
    const body = item.querySelector(".filmsite-item__body");
    const toggle = item.querySelector(".filmsite-item__toggle");
    if (!body || !toggle) {
        return;
    }
    body.hidden = collapsed;
    item.classList.toggle("filmsite-item--collapsed", collapsed);
    toggle.setAttribute("aria-expanded", String(!collapsed));
    toggle.textContent = collapsed ? "Expand" : "Collapse";
}

function refreshBadges(item) {
    const spoiler = field(item, "is_spoiler");
    const isSpoiler = Boolean(spoiler && spoiler.checked);
    const badge = item.querySelector(".filmsite-item__spoiler");
    if (badge) {
        badge.hidden = !isSpoiler;
    }
    item.classList.toggle("filmsite-item--spoiler", isSpoiler);
    const label = item.querySelector(".filmsite-item__title");
    if (label) {
        label.textContent = titleOf(item);
    }
    const warning = field(item, "spoiler_warning");
    if (warning) {
        const box = warning.closest(".fieldBox") || warning.closest(".form-row");
        // A warning typed earlier stays visible, so the editor sees what the
        // server will refuse until they clear it or tick "spoiler" again.
        box.hidden = !isSpoiler && !warning.value.trim();
    }
}

function button(className, text, label) {
    const control = document.createElement("button");
    control.type = "button";
    control.className = `filmsite-item__button ${className}`;
    control.textContent = text;
    if (label) {
        control.setAttribute("aria-label", label);
    }
    return control;
}

function enhanceItem(group, item, { collapsed }) {
    if (item.dataset.filmsiteItem) {
        return;
    }
    item.dataset.filmsiteItem = "1";
    const heading = item.querySelector(":scope > h3");
    if (!heading) {
        return;
    }
    const body = document.createElement("div");
    body.className = "filmsite-item__body";
    body.id = `${item.id}-body`;
    while (heading.nextSibling) {
        body.appendChild(heading.nextSibling);
    }
    item.appendChild(body);

    const bar = document.createElement("span");
    bar.className = "filmsite-item__bar";
    const handle = button("filmsite-item__handle", "⠿", "Drag to reorder");
    handle.title = "Drag to reorder, or use Move up and Move down";
    const title = document.createElement("span");
    title.className = "filmsite-item__title";
    const badge = document.createElement("span");
    badge.className = "filmsite-badge filmsite-badge--spoiler filmsite-item__spoiler";
    badge.textContent = "Spoiler";
    const toggle = button("filmsite-item__toggle", "Collapse");
    toggle.setAttribute("aria-controls", body.id);
    const up = button("filmsite-item__up", "Move up");
    const down = button("filmsite-item__down", "Move down");
    bar.append(handle, title, badge, toggle, up, down);
    const label = heading.querySelector(".inline_label");
    if (label) {
        label.hidden = true;
    }
    heading.insertBefore(bar, heading.querySelector(".delete"));

    const order = field(item, "sort_order");
    if (order) {
        order.closest(".form-row").hidden = true;
    }
    // Items with errors or a moderator's note open unfolded, so neither is missed.
    const errors = item.querySelector(".errorlist, .errors");
    const note = item.querySelector(".filmsite-review-note");
    if (note) {
        const noted = document.createElement("span");
        noted.className = "filmsite-badge filmsite-badge--note";
        noted.textContent = "Moderator's note";
        badge.after(noted);
    }
    setCollapsed(item, collapsed && !errors && !note);
    refreshBadges(item);

    toggle.addEventListener("click", () =>
        setCollapsed(item, toggle.getAttribute("aria-expanded") === "true"),
    );
    up.addEventListener("click", () => {
        move(group, item, -1);
        (up.disabled ? down : up).focus();
    });
    down.addEventListener("click", () => {
        move(group, item, 1);
        (down.disabled ? up : down).focus();
    });
    body.addEventListener("input", () => refreshBadges(item));
    body.addEventListener("change", () => refreshBadges(item));

    // Dragging starts only from the handle, so text in the editor can still
    // be selected with the mouse.
    handle.addEventListener("mousedown", () => {
        item.draggable = true;
    });
    handle.addEventListener("mouseup", () => {
        item.draggable = false;
    });
    item.addEventListener("dragstart", (event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.id);
        group.dataset.dragging = item.id;
        item.classList.add("filmsite-item--dragging");
    });
    item.addEventListener("dragend", () => {
        item.draggable = false;
        item.classList.remove("filmsite-item--dragging");
        delete group.dataset.dragging;
        renumber(group);
        const items = itemsOf(group);
        announce(`“${titleOf(item)}” moved to position ${items.indexOf(item) + 1} of ${items.length}.`);
        item.dispatchEvent(new Event("input", { bubbles: true }));
    });
}

function enhanceGroup(group) {
    const items = itemsOf(group);
    if (!items.length || !field(items[0], "sort_order")) {
        return;
    }
    group.classList.add("filmsite-items");
    // A long explainer opens with its sections folded to their headings.
    items.forEach((item) => enhanceItem(group, item, { collapsed: items.length > 1 }));
    renumber(group);

    const heading = group.querySelector(":scope > fieldset > h2");
    if (heading) {
        const all = document.createElement("span");
        all.className = "filmsite-items__all";
        const expand = button("filmsite-items__expand", "Expand all");
        const collapse = button("filmsite-items__collapse", "Collapse all");
        expand.addEventListener("click", () => itemsOf(group).forEach((i) => setCollapsed(i, false)));
        collapse.addEventListener("click", () => itemsOf(group).forEach((i) => setCollapsed(i, true)));
        all.append(expand, collapse);
        heading.appendChild(all);
    }

    group.addEventListener("dragover", (event) => {
        const dragged = group.dataset.dragging && document.getElementById(group.dataset.dragging);
        if (!dragged) {
            return;
        }
        event.preventDefault();
        const over = event.target.closest(".inline-related");
        if (!over || over === dragged || !itemsOf(group).includes(over)) {
            return;
        }
        const box = over.getBoundingClientRect();
        if (event.clientY < box.top + box.height / 2) {
            over.before(dragged);
        } else {
            over.after(dragged);
        }
    });
    group.addEventListener("drop", (event) => {
        if (group.dataset.dragging) {
            event.preventDefault();
        }
    });
}

function groups() {
    return ITEM_GROUPS.map((name) => document.getElementById(`${name}-group`)).filter(Boolean);
}

document.addEventListener("DOMContentLoaded", () => groups().forEach(enhanceGroup));

document.addEventListener("formset:added", (event) => {
    const group = groups().find((g) => g.contains(event.target));
    if (!group) {
        return;
    }
    if (!group.classList.contains("filmsite-items")) {
        enhanceGroup(group);
    }
    enhanceItem(group, event.target, { collapsed: false });
    renumber(group);
});
