// Drag and drop onto the attachment zone: dropped files join the ones already chosen in the file input,
// so the form posts them as usual. Without script the plain file input still works.
document.querySelectorAll('[data-attachments]').forEach(box => {
  const zone = box.querySelector('[data-drop-zone]');
  const input = box.querySelector('input[type=file]');
  const list = box.querySelector('[data-file-list]');
  const show = () => {
    list.replaceChildren(...Array.from(input.files).map(file => {
      const item = document.createElement('li');
      item.textContent = `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
      return item;
    }));
  };
  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
    event.preventDefault();
    zone.classList.add('drop-zone-active');
  }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('drop-zone-active')));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    const files = new DataTransfer();
    Array.from(input.files).forEach(file => files.items.add(file));
    Array.from(event.dataTransfer.files).forEach(file => files.items.add(file));
    input.files = files.files;
    show();
  });
});
