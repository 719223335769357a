// The import preview: re-read a deadline phrase as it is typed, and show only the owner
// fields that the chosen action needs. No framework; the page works without it.
(function () {
  "use strict";
  var form = document.getElementById("preview");
  if (!form) { return; }
  var token = document.querySelector('meta[name="csrf-token"]');
  var timers = new WeakMap();

  function showProblems(box, problems) {
    box.textContent = "";
    problems.forEach(function (text) {
      var line = document.createElement("div");
      line.className = "problem";
      line.textContent = "⚠ " + text;
      box.appendChild(line);
    });
  }

  function reread(input) {
    var field = input.closest(".field");
    fetch(form.dataset.previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token ? token.content : ""},
      body: JSON.stringify({draft: form.dataset.draft, raw: input.value})
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (!answer) { return; }
      field.querySelector(".reading").textContent = answer.reading;
      showProblems(field.querySelector(".deadline-problems"), answer.problems);
    });
  }

  form.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList.contains("deadline-input")) { return; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { reread(input); }, 300));
  });

  function toggle(select) {
    var owner = select.closest(".owner");
    owner.querySelector(".link-person").hidden = select.value !== "person";
    owner.querySelector(".create-person").hidden = select.value !== "create";
  }

  form.addEventListener("change", function (event) {
    if (event.target.classList.contains("owner-action")) { toggle(event.target); }
  });
  Array.prototype.forEach.call(form.querySelectorAll(".owner-action"), toggle);
})();
