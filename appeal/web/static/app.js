// appeal serve: the few behaviours htmx does not give. No inline scripts anywhere (the pages'
// Content-Security-Policy forbids them), no network but this server.
(function () {
  "use strict";

  function csrf() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    } catch (e) {
      return {};
    }
  }

  // Saving: say so while a step's answers are on their way.
  let dirty = null; // a step form with answers typed but not yet sent
  document.addEventListener("input", function (event) {
    const form = event.target.closest && event.target.closest("[data-autosave]");
    if (form) dirty = form;
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = event.detail.elt;
    if (!form.matches || !form.matches("[data-autosave]")) return;
    if (form === dirty) dirty = null;
    const status = document.getElementById("save-status");
    if (status && !status.querySelector(".conflict")) {
      status.replaceChildren();
      const note = document.createElement("p");
      note.className = "message";
      note.textContent = document.body.dataset.saving || "…";
      status.appendChild(note);
    }
  });

  // Leaving or reloading the page right after typing: send the last answers now, so that
  // nothing typed is lost (the server waits for them before it shows the case again).
  function flush() {
    if (!dirty) return;
    const form = dirty;
    dirty = null;
    const data = new FormData(form);
    const version = document.getElementById("version");
    if (version) data.set("version", version.value);
    fetch(form.getAttribute("hx-post"), {
      method: "POST",
      body: data,
      keepalive: true,
      credentials: "same-origin",
      headers: csrf(),
    });
  }
  window.addEventListener("beforeunload", flush);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

  // A conflict: the reload button reloads this very page.
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("[data-reload]");
    if (link) {
      event.preventDefault();
      dirty = null;
      window.location.reload();
    }
  });

  // Unticking a cause that has answers asks first.
  document.addEventListener(
    "change",
    function (event) {
      const box = event.target;
      if (box.type !== "checkbox" || !box.dataset.confirm || box.checked) return;
      if (!window.confirm(box.dataset.confirm)) {
        box.checked = true;
        event.stopImmediatePropagation();
      }
    },
    true
  );
  document.addEventListener(
    "input",
    function (event) {
      const box = event.target;
      if (box.type === "checkbox" && box.dataset.confirm && !box.checked) {
        // decided on "change" (above), which comes right after
        event.stopImmediatePropagation();
        window.setTimeout(function () {
          if (!box.checked) box.form && htmx.trigger(box.form, "input");
        }, 0);
      }
    },
    true
  );

  // Sentences in one's own words: a new empty row when the last one is used, and removal.
  document.addEventListener("click", function (event) {
    const add = event.target.closest && event.target.closest("[data-add-row]");
    if (add) {
      const own = add.closest(".own");
      const blank = own.querySelector(".own-row.blank:last-of-type") || own.querySelector(".own-row:last-of-type");
      const rows = own.querySelectorAll(".own-row");
      const last = rows[rows.length - 1];
      const copy = last.cloneNode(true);
      const n = rows.length;
      copy.classList.add("blank");
      copy.id = last.id.replace(/-own-\d+$/, "-own-" + n);
      copy.querySelectorAll("[id]").forEach(function (el) {
        el.id = el.id.replace(/-own-\d+-/, "-own-" + n + "-");
      });
      copy.querySelectorAll("label[for]").forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/-own-\d+-/, "-own-" + n + "-");
      });
      copy.querySelectorAll("textarea, input").forEach(function (el) {
        el.value = "";
        if (el.dataset.type) el.type = el.dataset.type;
      });
      copy.querySelectorAll("[data-remove-row]").forEach(function (el) {
        el.remove();
      });
      last.after(copy);
      const first = copy.querySelector("textarea");
      if (first) first.focus();
      void blank;
      return;
    }
    const remove = event.target.closest && event.target.closest("[data-remove-row]");
    if (remove) {
      const row = remove.closest(".own-row");
      row.querySelectorAll("textarea, input").forEach(function (el) {
        el.value = "";
      });
      row.hidden = true;
      const form = row.closest("form");
      dirty = form;
      htmx.trigger(form, "input");
    }
  });

  // Copy buttons beside the form boxes.
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    const done = function () {
      const label = button.textContent;
      button.textContent = document.body.dataset.copied || "✓";
      window.setTimeout(function () {
        button.textContent = label;
      }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, function () {
        source.select();
        document.execCommand("copy");
        done();
      });
    } else {
      source.select();
      document.execCommand("copy");
      done();
    }
  });

  // Dropping files onto the drop zone sends them at once.
  document.addEventListener("dragover", function (event) {
    const zone = event.target.closest && event.target.closest("[data-dropzone]");
    if (zone) {
      event.preventDefault();
      zone.classList.add("over");
    }
  });
  document.addEventListener("dragleave", function (event) {
    const zone = event.target.closest && event.target.closest("[data-dropzone]");
    if (zone) zone.classList.remove("over");
  });
  document.addEventListener("drop", function (event) {
    const zone = event.target.closest && event.target.closest("[data-dropzone]");
    if (!zone) return;
    event.preventDefault();
    zone.classList.remove("over");
    const input = zone.querySelector("input[type=file]");
    input.files = event.dataTransfer.files;
    htmx.trigger(zone, "submit");
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-dropzone] input[type=file]")) {
      htmx.trigger(event.target.form, "submit");
    }
  });
})();
