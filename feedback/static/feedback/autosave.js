/* Autosave for reflections: a bonus on top of the "Save as a draft" button, which works without it.
   A few seconds after the person stops typing, the form is posted as a draft (X-Autosave: 1) and the
   status line says when it was saved. Nothing is ever sent as final from here. */
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    /* form.action would be the buttons named "action", so the address is read from the attribute. */
    var status = form.querySelector("[data-autosave-status]");
    var timer = null;
    var saving = false;

    function say(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function save() {
        if (saving) {
            timer = window.setTimeout(save, 2000);
            return;
        }
        saving = true;
        var data = new FormData(form);
        data.set("action", "draft");
        window.fetch(form.getAttribute("action") || window.location.href, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "X-Autosave": "1" }
        }).then(function (response) {
            return response.json().then(function (body) {
                say(response.ok && body.saved ? "Draft saved automatically at " + body.at + "." : "Your draft could not be saved automatically. Use “Save as a draft”.");
            });
        }).catch(function () {
            say("Your draft could not be saved automatically. Use “Save as a draft”.");
        }).then(function () {
            saving = false;
        });
    }

    form.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(save, 3000);
    });
    form.addEventListener("change", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(save, 3000);
    });
    form.addEventListener("submit", function () {
        window.clearTimeout(timer);
    });
})();
