// The Downloads page's "Copy" buttons beside each SHA-256. Shown only where the script runs (and the clipboard is
// there): without it the hash is still selected whole by one click.
document.addEventListener('DOMContentLoaded', () => {
  if (!navigator.clipboard) return;
  document.querySelectorAll('[data-copy]').forEach(button => {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).textContent.trim();
      await navigator.clipboard.writeText(text);
      button.querySelector('[data-copy-label]').textContent = button.dataset.copied;
    });
  });
});
