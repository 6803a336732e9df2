"use strict";

// "Insert picture…" for the Markdown editors: upload a new picture or choose
// one already uploaded, say what it shows (or mark it decorative), add a
// caption, and the dialog writes the Markdown — ![alt](address "caption").
// A file dropped or pasted into the editor is uploaded by markdownx as
// before, then this dialog opens for its alt text and caption.

const DIALOG_ID = "filmsite-picture-dialog";

function csrfToken() {
    const input = document.querySelector("[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
}

function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text) {
        node.textContent = text;
    }
    return node;
}

function markdownFor({ src, alt, decorative, caption }) {
    const cleanAlt = decorative ? "decorative" : alt.replace(/[[\]]/g, "").trim();
    const cleanCaption = caption.replace(/"/g, "”").trim();
    return `![${cleanAlt}](${src}${cleanCaption ? ` "${cleanCaption}"` : ""})`;
}

function insertAt(editor, text, replacing = null) {
    if (replacing && editor.value.includes(replacing)) {
        editor.value = editor.value.replace(replacing, text);
    } else {
        const start = editor.selectionStart ?? editor.value.length;
        const end = editor.selectionEnd ?? start;
        const before = editor.value.slice(0, start);
        const after = editor.value.slice(end);
        const gapBefore = before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "";
        const gapAfter = after && !after.startsWith("\n") ? "\n\n" : "";
        editor.value = `${before}${gapBefore}${text}${gapAfter}${after}`;
        const caret = (before + gapBefore + text).length;
        editor.setSelectionRange(caret, caret);
    }
    editor.dispatchEvent(new Event("input", { bubbles: true }));
    editor.focus();
}

function buildDialog(pickerUrl) {
    const dialog = element("dialog", { id: DIALOG_ID, class: "filmsite-picture", "aria-labelledby": `${DIALOG_ID}-title` });
    dialog.innerHTML = `
<form method="dialog" class="filmsite-picture__form" novalidate>
  <h2 id="${DIALOG_ID}-title">Insert picture</h2>
  <fieldset class="filmsite-picture__source">
    <legend>Picture</legend>
    <p><label><input type="radio" name="source" value="upload" checked> Upload a new picture</label>
       <label><input type="radio" name="source" value="existing"> Choose one already uploaded</label></p>
    <div class="filmsite-picture__upload">
      <label for="${DIALOG_ID}-file">File (JPEG, PNG, WebP or GIF)</label>
      <input type="file" id="${DIALOG_ID}-file" name="file" accept="image/*">
    </div>
    <div class="filmsite-picture__existing" hidden>
      <label for="${DIALOG_ID}-search">Search by alt text or caption</label>
      <input type="search" id="${DIALOG_ID}-search" name="search">
      <div class="filmsite-picture__choices" role="radiogroup" aria-label="Uploaded pictures"></div>
    </div>
  </fieldset>
  <div class="filmsite-picture__field">
    <label for="${DIALOG_ID}-alt">Alt text: what the picture shows</label>
    <input type="text" id="${DIALOG_ID}-alt" name="alt" maxlength="300" aria-describedby="${DIALOG_ID}-alt-help">
    <p class="help" id="${DIALOG_ID}-alt-help">For people who cannot see it, in a sentence. Required unless the picture is decorative.</p>
  </div>
  <p><label><input type="checkbox" name="decorative"> Decorative: it adds nothing a reader would miss</label></p>
  <div class="filmsite-picture__field">
    <label for="${DIALOG_ID}-caption">Caption (optional)</label>
    <input type="text" id="${DIALOG_ID}-caption" name="caption" maxlength="300">
  </div>
  <p class="errornote filmsite-picture__error" role="alert" hidden></p>
  <div class="submit-row">
    <button type="submit" value="insert" class="button default">Insert picture</button>
    <button type="submit" value="cancel" class="button" formnovalidate>Cancel</button>
  </div>
</form>`;
    document.body.appendChild(dialog);
    dialog.dataset.pickerUrl = pickerUrl;
    const form = dialog.querySelector("form");
    form.addEventListener("change", (event) => {
        if (event.target.name === "source") {
            showSource(dialog, event.target.value);
        }
        if (event.target.name === "decorative") {
            form.elements.alt.disabled = event.target.checked;
        }
    });
    let searchTimer = null;
    form.elements.search.addEventListener("input", () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => loadChoices(dialog), 250);
    });
    return dialog;
}

function showSource(dialog, source) {
    dialog.querySelector(".filmsite-picture__upload").hidden = source !== "upload";
    dialog.querySelector(".filmsite-picture__existing").hidden = source !== "existing";
    if (source === "existing") {
        loadChoices(dialog);
    }
}

function loadChoices(dialog, selectSrc = null) {
    const form = dialog.querySelector("form");
    const url = new URL(dialog.dataset.pickerUrl, window.location.href);
    url.searchParams.set("q", form.elements.search.value);
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => response.json())
        .then((data) => {
            const box = dialog.querySelector(".filmsite-picture__choices");
            box.replaceChildren();
            if (!data.images.length) {
                box.append(element("p", {}, "No uploaded picture matches."));
            }
            data.images.forEach((image) => {
                const label = element("label", { class: "filmsite-picture__choice" });
                const radio = element("input", { type: "radio", name: "picture", value: image.src });
                radio.dataset.alt = image.alt;
                radio.dataset.caption = image.caption;
                radio.dataset.decorative = image.decorative ? "1" : "";
                if (selectSrc && image.src === selectSrc) {
                    radio.checked = true;
                }
                const thumbnail = element("img", { src: image.thumbnail, alt: "", width: "96", height: String(Math.round((96 * image.height) / image.width)) });
                label.append(radio, thumbnail, element("span", {}, image.label));
                box.append(label);
            });
        });
}

function prefillFrom(form, radio) {
    if (!form.elements.alt.value && radio.dataset.alt) {
        form.elements.alt.value = radio.dataset.alt;
    }
    if (!form.elements.caption.value && radio.dataset.caption) {
        form.elements.caption.value = radio.dataset.caption;
    }
}

function upload(editor, file) {
    const body = new FormData();
    body.append("image", file);
    body.append("csrfmiddlewaretoken", csrfToken());
    return fetch(editor.getAttribute("data-markdownx-upload-urls-path"), {
        method: "POST",
        body,
        credentials: "same-origin",
    }).then((response) =>
        response.json().then((data) => {
            if (!response.ok) {
                throw new Error((data.image || ["The upload failed."]).join(" "));
            }
            return data.url;
        }),
    );
}

function openDialog({ editor, pickerUrl, uploadedSrc = null }) {
    const dialog = document.getElementById(DIALOG_ID) || buildDialog(pickerUrl);
    const form = dialog.querySelector("form");
    form.reset();
    form.elements.alt.disabled = false;
    const error = dialog.querySelector(".filmsite-picture__error");
    error.hidden = true;
    if (uploadedSrc) {
        form.elements.source.value = "existing";
        showSource(dialog, "existing");
        loadChoices(dialog, uploadedSrc);
    } else {
        showSource(dialog, "upload");
    }
    dialog.querySelector(".filmsite-picture__choices").onchange = (event) => prefillFrom(form, event.target);

    const fail = (text) => {
        error.textContent = text;
        error.hidden = false;
    };
    form.onsubmit = (event) => {
        const submitter = event.submitter;
        if (!submitter || submitter.value !== "insert") {
            return;
        }
        event.preventDefault();
        const decorative = form.elements.decorative.checked;
        const alt = form.elements.alt.value.trim();
        const caption = form.elements.caption.value;
        if (!decorative && !alt) {
            fail("Write what the picture shows in “Alt text”, or tick “Decorative”.");
            form.elements.alt.focus();
            return;
        }
        const source = form.elements.source.value;
        let src = Promise.resolve(null);
        if (source === "upload") {
            const file = form.elements.file.files[0];
            if (!file) {
                fail("Choose a file to upload.");
                return;
            }
            src = upload(editor, file);
        } else {
            const chosen = form.querySelector("[name='picture']:checked");
            if (!chosen) {
                fail("Choose one of the uploaded pictures.");
                return;
            }
            src = Promise.resolve(chosen.value);
        }
        src.then((address) => {
            const replacing = uploadedSrc ? `![](${uploadedSrc})` : null;
            insertAt(editor, markdownFor({ src: address, alt, decorative, caption }), replacing);
            dialog.close("inserted");
        }).catch((problem) => fail(problem.message));
    };
    dialog.showModal();
    (uploadedSrc ? form.elements.alt : form.elements.source[0]).focus();
}

function addButtons(root = document) {
    const settings = document.querySelector("[data-picture-picker-url]");
    if (!settings) {
        return;
    }
    const pickerUrl = settings.dataset.picturePickerUrl;
    root.querySelectorAll(".markdownx").forEach((container) => {
        const editor = container.querySelector(".markdownx-editor");
        if (!editor || container.dataset.picturePicker || container.closest(".empty-form")) {
            return;
        }
        container.dataset.picturePicker = "1";
        const control = element("button", { type: "button", class: "button filmsite-picture__open" }, "Insert picture…");
        control.addEventListener("click", () => openDialog({ editor, pickerUrl }));
        container.before(control);
        container.addEventListener("markdownx.fileUploadEnd", (event) => {
            const response = Array.isArray(event.detail) ? event.detail[0] : event.detail;
            if (response && response.url) {
                // markdownx writes ![](url) once this event returns.
                setTimeout(() => openDialog({ editor, pickerUrl, uploadedSrc: response.url }), 0);
            }
        });
    });
}

document.addEventListener("DOMContentLoaded", () => addButtons());
document.addEventListener("formset:added", (event) => addButtons(event.target));
