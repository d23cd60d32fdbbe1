/* Country directory: filters sent by htmx leave out the empty fields, so the address pushed to
   the history stays short (?status=south rather than ?q=&status=south&region=…). */
document.addEventListener("htmx:configRequest", function (event) {
  var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form");
  if (!form || !form.classList.contains("country-filters")) return;
  var parameters = event.detail.parameters;
  Array.from(form.elements).forEach(function (field) {
    if (field.name && parameters[field.name] === "") delete parameters[field.name];
  });
});
