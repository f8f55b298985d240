// Article suggestions as someone types: under the help center's search box and beside the request forms' Subject.
// htmx fetches them; the Content-Security-Policy allows no inline code or styles, so htmx must neither evaluate
// attributes nor inject its indicator <style>. A live region says how many arrived; the arrow keys move between
// the box and the suggestions, Escape closes them.
(() => {
  'use strict';
  if (!window.htmx) return;
  htmx.config.allowEval = false;
  htmx.config.allowScriptTags = false;
  htmx.config.includeIndicatorStyles = false;

  document.addEventListener('htmx:afterSwap', event => {
    const box = event.detail.target;
    if (!box.matches('[data-suggestions]')) return;
    const status = document.getElementById(box.dataset.suggestions);
    const count = box.querySelector('[data-suggestion-count]');
    if (status) status.textContent = count ? count.textContent : '';
  });

  // The search box's suggestions lie over the page: a click elsewhere closes them.
  document.addEventListener('click', event => {
    document.querySelectorAll('[data-suggestions][data-closable]').forEach(box => {
      if (!box.parentElement.contains(event.target)) box.replaceChildren();
    });
  });

  const boxOf = input => document.getElementById(input.getAttribute('aria-controls'));
  const linksOf = box => Array.from(box.querySelectorAll('a'));

  document.addEventListener('keydown', event => {
    const input = event.target.closest('[data-suggest-input]');
    if (input) {
      const box = boxOf(input);
      if (!box) return;
      if (event.key === 'ArrowDown' && linksOf(box).length > 0) {
        event.preventDefault();
        linksOf(box)[0].focus();
      } else if (event.key === 'Escape' && box.hasAttribute('data-closable')) {
        box.replaceChildren();
      }
      return;
    }
    const box = event.target.closest('[data-suggestions]');
    if (!box || !['ArrowDown', 'ArrowUp', 'Escape'].includes(event.key)) return;
    const links = linksOf(box);
    const at = links.indexOf(event.target);
    const field = document.querySelector(`[aria-controls="${box.id}"]`);
    event.preventDefault();
    if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1].focus();
    else if (event.key === 'ArrowUp' && at > 0) links[at - 1].focus();
    else if (field && (event.key === 'ArrowUp' || event.key === 'Escape')) field.focus();
  });
})();
