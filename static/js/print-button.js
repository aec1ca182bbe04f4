/* "Print or save as PDF": shows the button only where printing from a script works, and opens the
   browser's print dialogue (where "Save as PDF" is one of the printers). Without this script the
   page says how to print instead (templates/includes/print_button.html). */
(function () {
    "use strict";
    if (typeof window.print !== "function") {
        return;
    }
    document.querySelectorAll("[data-print-button]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
        var fallback = button.parentNode.querySelector("[data-print-fallback]");
        if (fallback) {
            fallback.hidden = true;
        }
    });
})();
