// Forms marked data-confirm ask before they post (removing someone from a request).
document.querySelectorAll('form[data-confirm]').forEach(form => {
  form.addEventListener('submit', event => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
