// The workbench's only script of its own (served by the installation; the Content-Security-Policy
// allows scripts from 'self' only, so templates carry no inline handlers).
// A <select data-autosubmit> submits its form when the choice changes (the agency switchers).
document.addEventListener("change", function (event) {
  var field = event.target;
  if (!(field instanceof HTMLSelectElement) || !field.form) {
    return;
  }
  if (field.hasAttribute("data-autosubmit")) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});
