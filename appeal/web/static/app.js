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

  // Saving: say so while a step's answers are on their way, and say in red when they did not
  // arrive (the program stopped, or was restarted with a new key): the answers stay in the
  // fields and in this browser's storage, and are sent again until they are saved.
  let dirty = null; // a step form with answers typed but not yet sent
  let failed = null; // a step form whose last answers did not reach the case file
  let retrying = null;
  let sent = 0; // answers sent so far (numbers the entries kept in storage)
  const UNSAVED = "appeal-unsaved:";
  document.addEventListener("input", function (event) {
    const form = event.target.closest && event.target.closest("[data-autosave]");
    if (form) dirty = form;
  });
  function say(text, level, extra) {
    const status = document.getElementById("save-status");
    if (!status) return;
    status.replaceChildren();
    const note = document.createElement("p");
    note.className = "message " + level + (extra ? " " + extra : "");
    if (level === "error") note.setAttribute("role", "alert");
    note.textContent = text;
    status.appendChild(note);
  }
  function fieldsOf(form) {
    const fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") fields.push([name, value]);
    });
    return fields;
  }
  function keep(form) {
    const version = document.getElementById("version");
    sent += 1;
    try {
      localStorage.setItem(
        UNSAVED + location.pathname,
        JSON.stringify({
          form: form.id,
          fields: fieldsOf(form),
          version: version ? version.value : "",
          seq: sent,
          at: Date.now(),
        })
      );
    } catch (e) {
      /* storage full or refused: the fields still hold the answers */
    }
    return sent;
  }
  function kept() {
    try {
      return JSON.parse(localStorage.getItem(UNSAVED + location.pathname) || "null");
    } catch (e) {
      return null;
    }
  }
  function forget(upTo) {
    const found = kept();
    if (found && (upTo === undefined || found.seq <= upTo)) localStorage.removeItem(UNSAVED + location.pathname);
  }
  function retryLater() {
    if (retrying) return;
    retrying = window.setInterval(retry, 3000);
  }
  function retry() {
    if (!failed || !document.body.contains(failed)) {
      window.clearInterval(retrying);
      retrying = null;
      return;
    }
    htmx.trigger(failed, "submit");
  }
  window.addEventListener("focus", retry);
  window.addEventListener("online", retry);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && failed) retry();
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = event.detail.elt;
    if (!form.matches || !form.matches("[data-autosave]")) return;
    if (form === dirty) dirty = null;
    event.detail.requestConfig.appealSeq = keep(form);
    const status = document.getElementById("save-status");
    if (status && !status.querySelector(".conflict, .unsaved")) {
      say(document.body.dataset.saving || "…", "");
    }
  });
  // Why a request did not arrive, in words (null: it arrived; the answer says the rest).
  function lost(xhr) {
    if (!xhr || xhr.status === 0) return document.body.dataset.saveOffline;
    if (xhr.status === 403) return document.body.dataset.saveRestarted;
    return null;
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    const elt = event.detail.elt;
    const xhr = event.detail.xhr;
    const why = lost(xhr);
    const autosave = elt.matches && elt.matches("[data-autosave]");
    if (why) {
      say(why, "error", "unsaved");
      if (autosave) {
        failed = elt;
        retryLater();
      }
      return;
    }
    if (!autosave) return;
    if (xhr.status === 200) {
      failed = null;
      forget(event.detail.requestConfig && event.detail.requestConfig.appealSeq);
    } else {
      failed = null; // refused for a reason the answer shows (a conflict, an answer to fix)
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    // the refusal of a server that no longer knows this page is not a page to show
    if (lost(event.detail.xhr)) event.detail.shouldSwap = false;
  });

  // Leaving or reloading the page right after typing: send the last answers now, and keep
  // them in this tab's session storage, so that the reloaded page puts back (and saves) any
  // answer that had not reached the case file when it was made. A reload is the same tab: it
  // keeps the tab's id, so its own late answer is not taken for another tab's.
  const PENDING = "appeal-pending";
  const TAB = "appeal-tab";
  function flush() {
    const headers = csrf();
    if (headers["X-Appeal-Tab"]) {
      sessionStorage.setItem(TAB, JSON.stringify({ tab: headers["X-Appeal-Tab"], at: Date.now() }));
    }
    if (!dirty) return;
    const form = dirty;
    dirty = null;
    keep(form);
    const data = new FormData(form);
    const fields = [];
    data.forEach(function (value, name) {
      if (typeof value === "string") fields.push([name, value]);
    });
    sessionStorage.setItem(
      PENDING,
      JSON.stringify({ path: location.pathname, form: form.id, fields: fields, at: Date.now() })
    );
    const version = document.getElementById("version");
    if (version) data.set("version", version.value);
    fetch(form.getAttribute("hx-post"), {
      method: "POST",
      body: data,
      keepalive: true,
      credentials: "same-origin",
      headers: headers,
    });
  }
  window.addEventListener("beforeunload", flush);
  window.addEventListener("pagehide", flush);

  function recent(key) {
    try {
      const found = JSON.parse(sessionStorage.getItem(key) || "null");
      sessionStorage.removeItem(key);
      return found && Date.now() - found.at < 60000 ? found : null;
    } catch (e) {
      return null;
    }
  }
  function restore(form, fields) {
    let changed = false;
    const byName = {};
    fields.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    Object.keys(byName).forEach(function (name) {
      const values = byName[name];
      const elements = Array.prototype.filter.call(form.elements, function (el) {
        return el.name === name;
      });
      let next = 0;
      elements.forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          const on = values.indexOf(el.value) >= 0;
          if (el.checked !== on) {
            el.checked = on;
            changed = true;
          }
        } else if (el.type !== "hidden" && el.type !== "file" && next < values.length) {
          if (el.value !== values[next]) {
            el.value = values[next];
            changed = true;
          }
          next += 1;
        }
      });
    });
    return changed;
  }
  document.addEventListener("DOMContentLoaded", function () {
    // On a phone the list of steps scrolls sideways: show the current one.
    const current = document.querySelector("#steps-nav li.current");
    if (current && current.scrollIntoView) current.scrollIntoView({ block: "nearest", inline: "center" });
    const navigation = performance.getEntriesByType("navigation")[0];
    if (!navigation || navigation.type !== "reload") {
      sessionStorage.removeItem(PENDING);
      sessionStorage.removeItem(TAB);
      putBackUnsaved();
      return;
    }
    const tab = recent(TAB);
    if (tab) {
      const headers = csrf();
      headers["X-Appeal-Tab"] = tab.tab;
      document.body.setAttribute("hx-headers", JSON.stringify(headers));
    }
    const pending = recent(PENDING);
    const form = pending && pending.path === location.pathname && document.getElementById(pending.form);
    if (form && restore(form, pending.fields)) {
      dirty = form;
      htmx.trigger(form, "input");
    } else {
      putBackUnsaved();
    }
  });

  // Answers that never reached the case file (the program was stopped or restarted): put
  // back and sent again when this case page is opened, as long as the case file is still the
  // one they were typed on (else it changed since, and they would overwrite that change).
  function putBackUnsaved() {
    const found = kept();
    if (!found) return;
    const version = document.getElementById("version");
    const form = document.getElementById(found.form);
    const fresh = Date.now() - found.at < 7 * 24 * 3600 * 1000;
    if (!form || !version || version.value !== found.version || !fresh) {
      forget();
      return;
    }
    if (restore(form, found.fields)) {
      dirty = form;
      htmx.trigger(form, "input");
    } else {
      forget();
    }
  }

  // A conflict: the reload button reloads this very page.
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("[data-reload]");
    if (link) {
      event.preventDefault();
      dirty = null;
      window.location.reload();
    }
  });

  // How long a text is against its limit, as one types.
  function count(box) {
    const field = box.closest(".field");
    const counter = field && field.querySelector(".counter");
    const limit = Number(box.dataset.limit);
    if (!counter || !limit) return;
    const n = box.value.length;
    const over = n > limit;
    const words = (over ? counter.dataset.over : counter.dataset.count) || "{n} / {limit}";
    counter.textContent = words
      .replace("{n}", n.toLocaleString("en-US"))
      .replace("{limit}", limit.toLocaleString("en-US"));
    counter.classList.toggle("over", over);
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-limit]")) count(event.target);
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
        if (el.dataset.limit) count(el);
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
