// Irreversible actions (disable an account, revoke a token) ask once, saying what will happen; without script the
// form posts directly (the server still checks everything).
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        e.preventDefault();
      }
    });
  });
})();
