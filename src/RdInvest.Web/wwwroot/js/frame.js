// The page frame: the year and data-status selectors apply on change (the Apply button stays for keyboards
// without script).
(function () {
  document.documentElement.classList.add('js');
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    form.querySelectorAll('select').forEach(function (s) {
      s.addEventListener('change', function () { form.requestSubmit(); });
    });
  });
})();
// Irreversible actions ask once: a form with data-confirm says what will happen before it is sent.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
})();
