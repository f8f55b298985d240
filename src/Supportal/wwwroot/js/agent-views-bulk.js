// Agent views, bulk actions: "select all on this page", a poll that waits while rows are ticked, and focus on the
// outcome after an in-place change. Without this file the form still works row by row.
(function () {
    'use strict';

    function list() {
        return document.getElementById('views-list');
    }

    function picks() {
        var root = list();
        return root ? Array.prototype.slice.call(root.querySelectorAll('[data-bulk-pick]')) : [];
    }

    // The "select all" box reflects the rows: checked when all are, mixed when some are.
    function sync() {
        var all = document.querySelector('[data-bulk-all]');
        if (!all) {
            return;
        }
        all.hidden = false;
        var boxes = picks();
        var ticked = boxes.filter(function (box) { return box.checked; }).length;
        all.checked = boxes.length > 0 && ticked === boxes.length;
        all.indeterminate = ticked > 0 && ticked < boxes.length;
    }

    document.addEventListener('change', function (event) {
        var target = event.target;
        if (target.matches && target.matches('[data-bulk-all]')) {
            picks().forEach(function (box) { box.checked = target.checked; });
            sync();
        } else if (target.matches && target.matches('[data-bulk-pick]')) {
            sync();
        }
    });

    // The 30-second poll would replace the rows and lose the ticks: it waits until none is ticked.
    document.addEventListener('htmx:beforeRequest', function (event) {
        var root = list();
        if (root && event.detail.elt === root && picks().some(function (box) { return box.checked; })) {
            event.preventDefault();
            root.removeAttribute('aria-busy');
        }
    });

    document.addEventListener('htmx:afterSwap', function (event) {
        if (!event.detail.target || event.detail.target.id !== 'views-list') {
            return;
        }
        sync();
        var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
        var outcome = list() && list().querySelector('[data-bulk-outcome]');
        var error = list() && list().querySelector('[data-bulk] .field-validation-error');
        if (trigger && trigger.id === 'views-bulk' && (outcome || error)) {
            (outcome || error).setAttribute('tabindex', '-1');
            (outcome || error).focus();
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', sync);
    } else {
        sync();
    }
}());
