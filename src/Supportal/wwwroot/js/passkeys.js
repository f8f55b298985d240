// Passkeys: adding one on the profile and signing in with one. The server (ASP.NET Core Identity) makes the options
// and checks the answer; this only carries them between the server and the browser's authenticator.
//
// A form marked data-passkey="create" or "get" first posts itself to data-options for the options, asks the browser
// for a new or an existing passkey, puts the credential's JSON into its CredentialJson field and then submits itself
// for real. Its data-unsupported, data-cancelled and data-failed attributes hold the messages to show.

const supported = () => typeof window.PublicKeyCredential === 'function' && typeof navigator.credentials?.create === 'function';

const fromBase64Url = text => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0)).buffer;
};

const toBase64Url = buffer =>
  btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const withIds = list => (list ?? []).map(c => ({ ...c, id: fromBase64Url(c.id) }));

// Browsers from 2024 on parse the server's JSON themselves; older ones get the byte fields decoded here.
const creationOptions = json => PublicKeyCredential.parseCreationOptionsFromJSON
  ? PublicKeyCredential.parseCreationOptionsFromJSON(json)
  : { ...json, challenge: fromBase64Url(json.challenge), user: { ...json.user, id: fromBase64Url(json.user.id) }, excludeCredentials: withIds(json.excludeCredentials) };

const requestOptions = json => PublicKeyCredential.parseRequestOptionsFromJSON
  ? PublicKeyCredential.parseRequestOptionsFromJSON(json)
  : { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) };

const credentialJson = credential => {
  if (typeof credential.toJSON === 'function') {
    return JSON.stringify(credential.toJSON());
  }
  const r = credential.response;
  const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toBase64Url(r.attestationObject);
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
  } else {
    response.authenticatorData = toBase64Url(r.authenticatorData);
    response.signature = toBase64Url(r.signature);
    response.userHandle = r.userHandle ? toBase64Url(r.userHandle) : null;
  }
  return JSON.stringify({
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    response,
    clientExtensionResults: credential.getClientExtensionResults(),
  });
};

document.querySelectorAll('form[data-passkey]').forEach(form => {
  const message = form.querySelector('[data-passkey-message]');
  const button = form.querySelector('button[type=submit]');
  const show = text => {
    message.textContent = text;
    message.hidden = false;
  };

  if (!supported()) {
    show(form.dataset.unsupported);
    button.disabled = true;
    return;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    message.hidden = true;
    button.disabled = true;
    try {
      const answer = await fetch(form.dataset.options, { method: 'POST', body: new FormData(form) });
      if (!answer.ok) {
        throw new Error(`The options request answered ${answer.status}.`);
      }
      const options = await answer.json();
      const credential = form.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: creationOptions(options) })
        : await navigator.credentials.get({ publicKey: requestOptions(options) });
      form.querySelector('input[name$=CredentialJson]').value = credentialJson(credential);
      // submit() sends the form without firing this handler again.
      form.submit();
    } catch (error) {
      // Cancelling the browser's prompt, or letting it time out, is NotAllowedError; anything else is a failure.
      show(error?.name === 'NotAllowedError' ? form.dataset.cancelled : form.dataset.failed);
      button.disabled = false;
    }
  });
});
