"use strict";

// Autosave of the article form in this browser (localStorage), so a crash or
// a closed tab does not lose an afternoon's writing. Nothing is sent to the
// server: the saved copy is offered back, with a "restore unsaved changes?"
// prompt, the next time the same form opens. Saving the form clears it.

const AUTOSAVE_DELAY_MS = 800;
// The version stamp is kept and restored too: if someone saved the article
// in between, saving the restored copy is refused and shows their changes.
const SKIPPED = new Set(["csrfmiddlewaretoken"]);

function storageKey(settings) {
    return `filmsite:autosave:${settings.dataset.autosaveKey}`;
}

function fieldsOf(form) {
    return [...form.elements].filter(
        (el) =>
            el.name &&
            !SKIPPED.has(el.name) &&
            !el.name.includes("__prefix__") &&
            el.type !== "file" &&
            el.type !== "submit" &&
            el.type !== "button",
    );
}

function read(form) {
    const values = {};
    fieldsOf(form).forEach((el) => {
        if (el.type === "checkbox" || el.type === "radio") {
            if (el.type === "radio" && !el.checked) {
                return;
            }
            values[el.name] = el.type === "checkbox" ? el.checked : el.value;
        } else if (el.multiple) {
            values[el.name] = [...el.selectedOptions].map((o) => o.value);
        } else {
            values[el.name] = el.value;
        }
    });
    return values;
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

function addRows(form, values) {
    // Rows added with "Add another …" before the crash have to exist again.
    Object.keys(values)
        .filter((name) => name.endsWith("-TOTAL_FORMS"))
        .forEach((name) => {
            const prefix = name.slice(0, -"-TOTAL_FORMS".length);
            const total = form.querySelector(`[name='${name}']`);
            const add = document.querySelector(`#${prefix}-group .add-row a`);
            let missing = parseInt(values[name], 10) - parseInt(total ? total.value : "0", 10);
            while (add && missing > 0) {
                add.click();
                missing -= 1;
            }
        });
}

function write(form, values) {
    addRows(form, values);
    fieldsOf(form).forEach((el) => {
        if (!(el.name in values) || el.name.endsWith("-TOTAL_FORMS")) {
            return;
        }
        const value = values[el.name];
        if (el.type === "checkbox") {
            el.checked = Boolean(value);
        } else if (el.type === "radio") {
            el.checked = el.value === value;
        } else if (el.multiple) {
            [...el.options].forEach((o) => {
                o.selected = value.includes(o.value);
            });
        } else if (el.value !== value) {
            el.value = value;
        } else {
            return;
        }
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
    });
}

function prompt(form, saved, onDone) {
    const box = document.createElement("div");
    box.className = "filmsite-autosave";
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", "filmsite-autosave-title");
    const when = new Date(saved.savedAt).toLocaleString();
    const title = document.createElement("p");
    title.id = "filmsite-autosave-title";
    title.textContent = `This browser kept changes to this form that were never saved (last typed ${when}). Restore unsaved changes?`;
    const version = form.querySelector("[name='base_version']");
    if (version && saved.values.base_version && saved.values.base_version !== version.value) {
        title.textContent += " Someone saved the article since: saving the restored copy will show you what they changed first.";
    }
    const restore = document.createElement("button");
    restore.type = "button";
    restore.className = "button filmsite-autosave__restore";
    restore.textContent = "Restore unsaved changes";
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button filmsite-autosave__discard";
    discard.textContent = "Discard them";
    box.append(title, restore, discard);
    form.prepend(box);
    restore.addEventListener("click", () => {
        write(form, saved.values);
        box.remove();
        onDone(true);
    });
    discard.addEventListener("click", () => {
        box.remove();
        onDone(false);
    });
    restore.focus();
}

function start(form, settings) {
    const key = storageKey(settings);
    const initial = read(form);
    let saved = null;
    try {
        saved = JSON.parse(localStorage.getItem(key) || "null");
    } catch {
        saved = null;
    }
    let timer = null;
    const save = () => {
        const values = read(form);
        if (same(values, initial)) {
            localStorage.removeItem(key);
            return;
        }
        localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values }));
    };
    const listen = () => {
        form.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(save, AUTOSAVE_DELAY_MS);
        });
        form.addEventListener("change", () => {
            clearTimeout(timer);
            timer = setTimeout(save, AUTOSAVE_DELAY_MS);
        });
    };
    form.addEventListener("submit", () => {
        clearTimeout(timer);
        localStorage.removeItem(key);
    });
    // A page with errors shows what was just posted: that is newer than the copy.
    const posted = settings.dataset.bound === "true";
    if (saved && saved.values && !posted && !same(saved.values, initial)) {
        prompt(form, saved, (restored) => {
            if (!restored) {
                localStorage.removeItem(key);
            }
            listen();
        });
    } else {
        listen();
    }
}

document.addEventListener("DOMContentLoaded", () => {
    const settings = document.querySelector("[data-autosave-key]");
    const form = settings && settings.closest("form");
    if (form && window.localStorage) {
        // After the other scripts have built their widgets.
        setTimeout(() => start(form, settings), 0);
    }
});
