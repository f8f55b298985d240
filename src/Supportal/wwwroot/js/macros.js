// The macro form's preview follows the typing: the server renders it (placeholders and Markdown) as on the ticket.
const form = document.querySelector('form[data-macro-form]');
const preview = document.querySelector('[data-macro-preview]');
const button = form?.querySelector('[data-preview-button]');
if (form && preview && button) {
  let timer;
  let latest = 0;
  const refresh = async () => {
    const ticket = ++latest;
    const response = await fetch(button.formAction, { method: 'POST', body: new FormData(form), headers: { 'X-Preview': '1' } });
    if (response.ok && ticket === latest) {
      preview.innerHTML = await response.text();
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
}
