// Passkeys (WebAuthn): enrolment on the passkeys pages, sign-in on the sign-in
// pages. Every form here posts as an ordinary form once the browser answered;
// the server checks the answer. Without script, or without WebAuthn in the
// browser, the passkey forms stay hidden and the other ways in work as before.
"use strict";

(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  document.querySelectorAll(".passkey-unsupported").forEach((note) => {
    note.hidden = true;
  });

  function toBase64url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (const b of bytes) {
      text += String.fromCharCode(b);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(text) {
    const plain = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(plain, (c) => c.charCodeAt(0));
  }

  // The options the server gives for this form (its CSRF token goes along).
  async function options(form) {
    const body = new URLSearchParams({ csrf: form.elements.csrf.value });
    const response = await fetch(form.dataset.options, { method: "POST", body, credentials: "same-origin" });
    if (!response.ok) {
      throw new Error("options " + response.status);
    }
    return response.json();
  }

  function fail(form, error) {
    // A cancelled prompt is the user's choice, not a fault worth a message.
    if (error && error.name === "AbortError") {
      return;
    }
    const note = form.querySelector(".passkey-error");
    if (note) {
      note.hidden = false;
    }
  }

  function busy(form, on) {
    const button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = on;
    }
  }

  // Enrolment: create a credential, fill in the hidden fields, post the form.
  function enrolForm(form) {
    form.hidden = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      busy(form, true);
      try {
        const o = await options(form);
        const publicKey = Object.assign({}, o, {
          challenge: fromBase64url(o.challenge),
          user: Object.assign({}, o.user, { id: fromBase64url(o.user.id) }),
          excludeCredentials: o.excludeCredentials.map((c) => Object.assign({}, c, { id: fromBase64url(c.id) })),
        });
        const made = await navigator.credentials.create({ publicKey });
        form.elements.client_data.value = toBase64url(made.response.clientDataJSON);
        form.elements.attestation.value = toBase64url(made.response.attestationObject);
        form.elements.user_handle.value = o.user.id;
        form.submit();
      } catch (error) {
        busy(form, false);
        fail(form, error);
      }
    });
  }

  // Sign-in: get an assertion (from the button, or from the address field's
  // autofill where the browser offers passkeys there), fill in, post.
  let pending = null;

  async function signIn(form, conditional) {
    if (pending) {
      pending.abort();
    }
    const controller = new AbortController();
    pending = controller;
    const o = await options(form);
    const request = {
      publicKey: Object.assign({}, o, { challenge: fromBase64url(o.challenge), allowCredentials: [] }),
      signal: controller.signal,
    };
    if (conditional) {
      request.mediation = "conditional";
    }
    const got = await navigator.credentials.get(request);
    pending = null;
    form.elements.credential.value = toBase64url(got.rawId);
    form.elements.client_data.value = toBase64url(got.response.clientDataJSON);
    form.elements.authenticator_data.value = toBase64url(got.response.authenticatorData);
    form.elements.signature.value = toBase64url(got.response.signature);
    form.elements.user_handle.value = got.response.userHandle ? toBase64url(got.response.userHandle) : "";
    form.submit();
  }

  function signInForm(form) {
    form.hidden = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      busy(form, true);
      try {
        await signIn(form, false);
      } catch (error) {
        busy(form, false);
        fail(form, error);
      }
    });
    if (form.dataset.autofill === "on" && PublicKeyCredential.isConditionalMediationAvailable) {
      PublicKeyCredential.isConditionalMediationAvailable().then((available) => {
        if (available) {
          signIn(form, true).catch(() => {});
        }
      });
    }
  }

  document.querySelectorAll("form[data-passkey=enrol]").forEach(enrolForm);
  document.querySelectorAll("form[data-passkey=sign-in]").forEach(signInForm);
})();
