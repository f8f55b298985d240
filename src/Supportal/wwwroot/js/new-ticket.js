// The asset picker on "Create new ticket": typing filters the rows by product, serial number and contract at
// once; after a search the server answered (?q=), the picker opens again on its result.
(() => {
  const picker = document.querySelector('[data-asset-picker]');
  if (!picker) return;
  const search = picker.querySelector('[data-asset-search]');
  const rows = Array.from(picker.querySelectorAll('[data-asset-row]'));
  const empty = picker.querySelector('[data-picker-empty]');
  const filter = () => {
    const words = search.value.toLocaleLowerCase().split(/\s+/).filter(w => w.length > 0);
    let shown = 0;
    rows.forEach(row => {
      const match = words.every(w => row.dataset.search.includes(w));
      row.hidden = !match;
      if (match) shown++;
    });
    empty.hidden = shown > 0;
  };
  search.addEventListener('input', filter);
  picker.addEventListener('shown.bs.modal', () => search.focus());
  if (picker.dataset.open === 'true') bootstrap.Modal.getOrCreateInstance(picker).show();
})();
