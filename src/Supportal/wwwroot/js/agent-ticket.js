// The agent's ticket screen: the Markdown preview and applying a macro without reloading the page, and the composer
// turning yellow for an internal note. Without scripts the Preview and Apply buttons post the form and the page comes
// back with the preview, or with the composer and fields filled from the macro (nothing saved either way).
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

  const macroButton = form.querySelector('[data-macro-apply]');
  const macroError = form.querySelector('[data-macro-error]');
  const macroPreview = form.querySelector('[data-macro-preview]');
  const setValue = (name, value) => {
    const field = form.elements.namedItem(name);
    if (field && value !== undefined && value !== null) {
      field.value = value;
    }
  };
  const suggest = status => {
    setValue('Input.SuggestedStatus', status || '');
    form.querySelectorAll('[data-submit-as]').forEach(button => {
      const color = button.dataset.submitAs === 'Solved' ? 'success' : 'primary';
      const outlined = !!status && button.dataset.submitAs !== status;
      button.classList.toggle(`btn-${color}`, !outlined);
      button.classList.toggle(`btn-outline-${color}`, outlined);
      button.dataset.suggested = String(button.dataset.submitAs === status);
    });
  };

  macroButton?.addEventListener('click', async event => {
    event.preventDefault();
    const data = new FormData(form);
    data.delete('Files');
    try {
      const response = await fetch(macroButton.formAction, {
        method: 'POST', body: data, headers: { 'X-Macro': '1' }, credentials: 'same-origin',
      });
      const answer = await response.json();
      const select = form.elements.namedItem('Input.MacroId');
      if (!response.ok) {
        macroError.textContent = answer.error || '';
        select?.classList.add('is-invalid');
        macroPreview.classList.add('d-none');
        return;
      }
      macroError.textContent = '';
      select?.classList.remove('is-invalid');
      setValue('Input.Body', answer.body);
      form.querySelector(answer.mode === 'Note' ? '[data-mode-note]' : '[data-mode-public]').checked = true;
      showMode();
      setValue('Input.Priority', answer.priority);
      setValue('Input.GroupId', answer.groupId);
      setValue('Input.Tags', answer.tags);
      suggest(answer.status);
      macroPreview.querySelector('[data-macro-changes]').textContent = answer.changes.join(', ');
      macroPreview.classList.remove('d-none');
    } catch {
      form.requestSubmit(macroButton);
    }
  });
})();
