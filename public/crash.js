// The page's last resort: when the app stops on an uncaught error, say so
// and offer a reload, instead of leaving a page that no longer responds.
//
// A Rust panic is a WebAssembly trap in this build (panic = "abort"), and the
// wasm cannot run again after one, so this is plain JavaScript, installed
// before the app starts. It reads and writes nothing: every answer was saved
// in localStorage when it was given, so a reload carries on from there.
(function () {
  var shown = false;
  function show() {
    if (shown || !document.body) return;
    shown = true;
    var box = document.createElement('div');
    box.className = 'notice notice--error crash';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'notice-crash');
    var text = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = 'Something went wrong. ';
    text.appendChild(strong);
    text.appendChild(document.createTextNode(
      'This page stopped working. Your answers are saved in this browser: reload to carry on where you were.'));
    var actions = document.createElement('div');
    actions.className = 'notice__actions';
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button button--primary';
    reload.textContent = 'Reload';
    reload.addEventListener('click', function () { location.reload(); });
    actions.appendChild(reload);
    box.appendChild(text);
    box.appendChild(actions);
    document.body.insertBefore(box, document.body.firstChild);
    reload.focus();
  }
  addEventListener('error', show);
  addEventListener('unhandledrejection', show);
})();
