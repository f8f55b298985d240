// The agent's ticket screen: the Markdown preview without reloading the page, and the composer turning yellow for
// an internal note. Without scripts the Preview button posts the form and the page comes back with the preview.
(() => {
  const form = document.querySelector('form[data-ticket-form]');
  if (!form) {
    return;
  }
  const composer = form.querySelector('[data-composer]');
  const previewButton = form.querySelector('[data-preview]');
  const previewCard = form.querySelector('[data-preview-card]');
  const previewOutput = form.querySelector('[data-preview-output]');

  const showMode = () => {
    const note = form.querySelector('[data-mode-note]')?.checked;
    composer?.classList.toggle('bg-warning-subtle', !!note);
    composer?.classList.toggle('border-warning', !!note);
  };
  form.querySelectorAll('[data-mode-public], [data-mode-note]').forEach(radio => radio.addEventListener('change', showMode));
  showMode();

  previewButton?.addEventListener('click', async event => {
    event.preventDefault();
    const data = new FormData(form);
    data.delete('Files');
    try {
      const response = await fetch(previewButton.formAction, {
        method: 'POST', body: data, headers: { 'X-Preview': '1' }, credentials: 'same-origin',
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      previewOutput.innerHTML = await response.text();
      previewCard.classList.remove('d-none');
    } catch {
      form.requestSubmit(previewButton);
    }
  });
})();
