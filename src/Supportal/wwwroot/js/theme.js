// Loaded in <head> so the chosen theme applies before the first paint (no light flash in dark mode).
(() => {
  const key = 'supportal-theme';
  const preferred = () => localStorage.getItem(key)
    || (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const apply = theme => document.documentElement.setAttribute('data-bs-theme', theme);
  apply(preferred());
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-theme-toggle]').forEach(button => {
      button.addEventListener('click', () => {
        const next = document.documentElement.getAttribute('data-bs-theme') === 'dark' ? 'light' : 'dark';
        localStorage.setItem(key, next);
        apply(next);
      });
    });
  });
})();
