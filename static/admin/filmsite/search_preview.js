"use strict";

// Character counters for the fields search engines and social cards show,
// and a preview of the search result (title, address, description) cut
// where search engines usually cut them. The limits come from the page
// (#filmsite-search-preview's data attributes), so they live in one place.

function counterFor(input, limit, what) {
    const counter = document.createElement("p");
    counter.className = "filmsite-counter";
    counter.id = `${input.id}_counter`;
    counter.setAttribute("aria-live", "polite");
    const described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", `${described ? `${described} ` : ""}${counter.id}`);
    input.after(counter);
    const update = () => {
        const length = [...input.value].length;
        const over = length > limit;
        counter.classList.toggle("filmsite-counter--over", over);
        counter.textContent = over
            ? `${length} characters: ${what} cut it after ${limit}.`
            : `${length} characters; ${what} show up to ${limit}.`;
    };
    input.addEventListener("input", update);
    update();
}

function cut(text, limit) {
    const chars = [...text.trim()];
    if (chars.length <= limit) {
        return chars.join("");
    }
    const shortened = chars.slice(0, limit - 1).join("");
    const lastSpace = shortened.lastIndexOf(" ");
    return `${lastSpace > limit / 2 ? shortened.slice(0, lastSpace) : shortened}…`;
}

function buildPreview(box) {
    const title = document.getElementById("id_title");
    const slug = document.getElementById("id_slug");
    const description = document.getElementById("id_meta_description");
    if (!title || !slug || !description) {
        return;
    }
    const titleLimit = parseInt(box.dataset.titleLimit, 10);
    const descriptionLimit = parseInt(box.dataset.descriptionLimit, 10);
    const siteName = box.dataset.siteName;
    counterFor(title, titleLimit, "search results");
    counterFor(description, descriptionLimit, "search results and social cards");

    const shownTitle = box.querySelector(".filmsite-serp__title");
    const shownUrl = box.querySelector(".filmsite-serp__url");
    const shownDescription = box.querySelector(".filmsite-serp__description");
    const update = () => {
        shownTitle.textContent = cut(`${title.value} – ${siteName}`, titleLimit);
        shownUrl.textContent = box.dataset.urlPattern.replace("__slug__", slug.value || "…");
        shownDescription.textContent = cut(description.value, descriptionLimit);
    };
    [title, slug, description].forEach((input) => input.addEventListener("input", update));
    // The admin's slug prefill writes the value without an input event.
    title.addEventListener("keyup", update);
    update();
    const row = description.closest(".form-row");
    if (row) {
        row.after(box);
    }
    box.hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("filmsite-search-preview");
    if (box) {
        buildPreview(box);
    }
});
