// The certificate's "Print" button: a file of its own, because the site's CSP forbids inline scripts.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
});
