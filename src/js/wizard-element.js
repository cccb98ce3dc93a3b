// <procurement-route-wizard profile="liaocheng" locale="zh-CN" namespace="portal:user-7">
// Mounts in connectedCallback, unmounts in disconnectedCallback, follows
// attribute changes. `prefill` and `config` may also be set as properties.
import { init, mount } from "./wizard.js";

class ProcurementRouteWizard extends HTMLElement {
  static observedAttributes = ["profile", "locale", "namespace", "prefill"];
  #handle = null;
  #prefill = undefined;
  #config = {};

  get prefill() {
    return this.#prefill;
  }
  set prefill(value) {
    this.#prefill = value;
    this.#remount();
  }
  get config() {
    return this.#config;
  }
  set config(value) {
    this.#config = value ?? {};
    this.#remount();
  }

  connectedCallback() {
    init().then(() => {
      if (this.isConnected && !this.#handle) this.#mount();
    });
  }

  disconnectedCallback() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#handle || before === after) return;
    if (name === "locale" && after) {
      try {
        this.#handle.setLocale(after);
      } catch (e) {
        this.#fail(e);
      }
    } else {
      this.#remount();
    }
  }

  getPackage() {
    return this.#handle ? this.#handle.getPackage() : null;
  }
  validate() {
    return this.#handle ? this.#handle.validate() : [];
  }
  setLocale(locale) {
    this.setAttribute("locale", locale);
  }

  #settings() {
    const config = { ...this.#config };
    for (const name of ["profile", "locale", "namespace"]) {
      if (this.hasAttribute(name)) config[name] = this.getAttribute(name);
    }
    let prefill = this.#prefill;
    // The attribute's JSON text goes to the wizard as it is: it is read
    // strictly there (JSON.parse would keep the last of two equal keys).
    if (prefill === undefined && this.hasAttribute("prefill")) prefill = this.getAttribute("prefill");
    if (prefill !== undefined) config.prefill = prefill;
    return config;
  }

  #mount() {
    try {
      this.#handle = mount(this, this.#settings());
    } catch (e) {
      this.#fail(e);
    }
  }

  #remount() {
    if (!this.#handle) return;
    this.#handle.unmount();
    this.#handle = null;
    this.#mount();
  }

  #fail(error) {
    const message = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(new CustomEvent("wizard:error", { detail: { message }, bubbles: true, composed: true }));
  }
}

if (!customElements.get("procurement-route-wizard")) {
  customElements.define("procurement-route-wizard", ProcurementRouteWizard);
}
