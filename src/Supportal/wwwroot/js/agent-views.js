// Agent views: htmx swaps the ticket list in place. The Content-Security-Policy allows no inline code or
// styles, so htmx must neither evaluate attributes nor inject its indicator <style>.
(function () {
    'use strict';
    if (!window.htmx) {
        return;
    }
    htmx.config.allowEval = false;
    htmx.config.allowScriptTags = false;
    htmx.config.includeIndicatorStyles = false;
    htmx.config.historyCacheSize = 0;

    // While a request runs the list says so to assistive technology; a swapped list keeps keyboard focus
    // on the list instead of dropping it on the page body.
    document.addEventListener('htmx:beforeRequest', function (event) {
        var list = document.getElementById('views-list');
        if (list && event.detail.target === list) {
            list.setAttribute('aria-busy', 'true');
        }
    });
    document.addEventListener('htmx:afterSwap', function (event) {
        var list = document.getElementById('views-list');
        if (!list || event.detail.target.id !== 'views-list') {
            return;
        }
        list.removeAttribute('aria-busy');
        var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
        if (trigger && trigger.tagName === 'A' && !document.body.contains(trigger)) {
            var title = list.querySelector('[data-list-title]');
            if (title) {
                title.setAttribute('tabindex', '-1');
                title.focus();
            }
        }
    });
}());
