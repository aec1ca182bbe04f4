/* The error summary (GOV.UK Design System): focused when the page loads, so screen readers read it
   and keyboard users start from it; following one of its links focuses the field it names. */
document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        var group = field.closest("fieldset") || field;
        group.scrollIntoView();
        field.focus({ preventScroll: true });
    });
});
