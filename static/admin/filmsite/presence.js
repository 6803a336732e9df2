"use strict";

// "Who else has this article open": a light poll. Every POLL_MS the form
// tells the server it is still open and hears who else is. The optimistic
// lock on saving stays the guarantee; this only warns before anyone saves.

const POLL_MS = 15000;

function csrfToken(form) {
    const input = form.querySelector("[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
}

function banner(settings) {
    let box = document.getElementById("filmsite-presence");
    if (!box) {
        box = document.createElement("p");
        box.id = "filmsite-presence";
        box.className = "filmsite-presence";
        box.setAttribute("role", "status");
        box.hidden = true;
        settings.after(box);
    }
    return box;
}

function show(settings, others) {
    const box = banner(settings);
    if (!others.length) {
        box.hidden = true;
        box.textContent = "";
        return;
    }
    const names = others.map((other) => other.name);
    const list =
        names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    box.textContent =
        `${list} ${names.length === 1 ? "has" : "have"} this article open too. ` +
        "Agree who saves first: a save made after theirs is refused and shows you their changes.";
    box.hidden = false;
}

function ping(settings, form, leaving = false) {
    const body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken(form));
    if (leaving) {
        body.append("leaving", "1");
        navigator.sendBeacon(settings.dataset.presenceUrl, body);
        return Promise.resolve();
    }
    return fetch(settings.dataset.presenceUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
    })
        .then((response) => (response.ok ? response.json() : { others: [] }))
        .then((data) => show(settings, data.others || []))
        .catch(() => {});
}

document.addEventListener("DOMContentLoaded", () => {
    const settings = document.querySelector("[data-presence-url]");
    const form = settings && settings.closest("form");
    if (!form) {
        return;
    }
    const interval = parseInt(settings.dataset.presenceInterval, 10) || POLL_MS;
    ping(settings, form);
    const timer = setInterval(() => {
        if (document.visibilityState === "visible") {
            ping(settings, form);
        }
    }, interval);
    window.addEventListener("pagehide", () => {
        clearInterval(timer);
        ping(settings, form, true);
    });
});
