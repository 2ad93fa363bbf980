// The workbench's only script of its own (served by the installation; the Content-Security-Policy
// allows scripts from 'self' only, so templates carry no inline handlers).
// A <select data-autosubmit> submits its form when the choice changes (the agency switchers).
// Inline onchange="this.form.submit()" attributes, which the policy blocks, are honoured the
// same way so that a template not yet converted keeps working.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (!(field instanceof HTMLSelectElement) || !field.form) {
    return;
  }
  if (field.hasAttribute("data-autosubmit") || field.getAttribute("onchange") === "this.form.submit()") {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});
