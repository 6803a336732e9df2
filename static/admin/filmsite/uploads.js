"use strict";

// markdownx reports a refused upload by writing "Invalid response" into the
// text. Show the server's reason instead (which file, and why), next to the
// editor, and take markdownx's placeholder back out.
const MARKDOWNX_PLACEHOLDER = "Invalid response";

function uploadStatus(container) {
    let status = container.querySelector(".filmsite-upload-status");
    if (!status) {
        status = document.createElement("p");
        status.className = "filmsite-upload-status";
        status.setAttribute("role", "status");
        container.appendChild(status);
    }
    return status;
}

function reasons(detail) {
    const response = Array.isArray(detail) ? detail[0] : detail;
    if (response && Array.isArray(response.image)) {
        return response.image.join(" ");
    }
    return "The upload failed. Check the file and try again.";
}

// markdownx's events do not bubble, so listen in the capture phase.
document.addEventListener(
    "markdownx.fileUploadError",
    (event) => {
        const container = event.target;
        const editor = container.querySelector(".markdownx-editor");
        const status = uploadStatus(container);
        status.classList.add("errornote");
        status.textContent = reasons(event.detail);
        // markdownx inserts its placeholder right after this event fires.
        setTimeout(() => {
            if (editor && editor.value.includes(MARKDOWNX_PLACEHOLDER)) {
                editor.value = editor.value.replace(MARKDOWNX_PLACEHOLDER, "");
                editor.dispatchEvent(new Event("input", { bubbles: true }));
            }
        }, 0);
    },
    true,
);

document.addEventListener(
    "markdownx.fileUploadEnd",
    (event) => {
        const status = uploadStatus(event.target);
        status.classList.remove("errornote");
        status.textContent =
            "Uploaded. Now write what the picture shows between the square brackets " +
            "(or “decorative”); a caption can go in quotes after the address.";
    },
    true,
);
