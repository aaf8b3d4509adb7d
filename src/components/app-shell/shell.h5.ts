import { effectiveScale, useTextSize } from '../../store/text-size'
import './h5.css'

/**
 * The browser build's shell: what Taro's H5 runtime leaves out and a phone's WebView gives a mini-program for free.
 * Installed once by app.ts before the first page renders; pages need nothing from it.
 */

// React renders `disabled={false}` on a custom element as disabled="false", and Taro's button CSS matches
// [disabled]: every enabled button looked disabled. A false boolean is no attribute at all.
const BOOLEAN_ATTRS = new Set(['disabled', 'loading', 'plain', 'checked', 'hidden', 'readonly'])
const isTaro = (el: Element) => el.tagName.startsWith('TARO-')

function fixBooleanAttributes (): void {
  const setAttribute = Element.prototype.setAttribute
  const removeAttribute = Element.prototype.removeAttribute
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    // Taro's ariaRole prop arrives as aria-role, which no screen reader knows: it is the element's role.
    if (name === 'aria-role' && isTaro(this)) setAttribute.call(this, 'role', value)
    if (isTaro(this) && BOOLEAN_ATTRS.has(name)) {
      if (String(value) === 'false') {
        removeAttribute.call(this, name)
        if (name === 'disabled') removeAttribute.call(this, 'aria-disabled')
        return
      }
      if (name === 'disabled') setAttribute.call(this, 'aria-disabled', 'true')
    }
    setAttribute.call(this, name, value)
  }
  Element.prototype.removeAttribute = function (this: Element, name: string) {
    if (name === 'disabled' && isTaro(this)) removeAttribute.call(this, 'aria-disabled')
    removeAttribute.call(this, name)
  }
}

const NATIVE_CONTROLS = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA'])
const INTERACTIVE = '[role="button"], [role="radio"], [role="link"], taro-button-core, taro-input-core, taro-textarea-core, a, button, input, textarea'

// A tappable View is a div with a click listener: give it what a screen reader and a keyboard need.
const TAPPABLE = /^TARO-(VIEW|TEXT|IMAGE|LABEL)-CORE$/
function markTappables (): void {
  const addEventListener = EventTarget.prototype.addEventListener
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type === 'click' && this instanceof Element && TAPPABLE.test(this.tagName)) asTappable(this)
    addEventListener.call(this, type, listener, options)
  }
  // Enter and Space press what has the focus, as they do a real button.
  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null
    if (!el || (e.key !== 'Enter' && e.key !== ' ') || NATIVE_CONTROLS.has(el.tagName) || !el.hasAttribute('data-wm-tap')) return
    e.preventDefault()
    if (el.getAttribute('aria-disabled') !== 'true') el.click()
  })
}

/** A tap target the keyboard reaches; a button to screen readers unless it holds controls of its own (a card). */
function asTappable (el: Element): void {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  el.setAttribute('data-wm-tap', '')
  if (el.hasAttribute('role')) return
  if (el.querySelector(INTERACTIVE)) return
  el.setAttribute('role', 'button')
  el.setAttribute('data-wm-role', '')
}

/** A control appeared inside something made a button above: a button may not hold controls, so it becomes a group. */
function unnest (added: Element): void {
  if (!added.matches(INTERACTIVE) && !added.querySelector(INTERACTIVE)) return
  for (let host = added.parentElement?.closest('[data-wm-role]'); host; host = host.parentElement?.closest('[data-wm-role]')) {
    host.removeAttribute('role')
    host.removeAttribute('data-wm-role')
  }
}

function asButton (el: Element, label?: string): void {
  if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  el.setAttribute('data-wm-tap', '')
  if (label && !el.hasAttribute('aria-label')) el.setAttribute('aria-label', label)
}

/** Landmarks, names and focus for the parts Taro's router draws: pages, the navigation bar, the tab bar. */
function enhance (root: Element): void {
  const all = (sel: string) => [...(root.matches(sel) ? [root] : []), ...Array.from(root.querySelectorAll(sel))]
  for (const el of all('taro-button-core')) asButton(el)
  // A page scrolls by itself (not the window): a keyboard reaches it only if it can take the focus.
  for (const el of all('.taro_page')) {
    if (!el.hasAttribute('role')) el.setAttribute('role', 'main')
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  }
  for (const el of all('taro-scroll-view-core')) if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  for (const el of all('#taro-navigation-bar')) el.setAttribute('role', 'banner')
  for (const el of all('.taro-navigation-bar-title')) { el.setAttribute('role', 'heading'); el.setAttribute('aria-level', '1') }
  for (const el of all('.taro-navigation-bar-back')) asButton(el, '返回')
  for (const el of all('.taro-navigation-bar-home')) asButton(el, '回到首页')
  for (const el of all('.taro-navigation-bar-loading')) el.setAttribute('aria-hidden', 'true')
  for (const el of all('taro-tabbar')) { el.setAttribute('role', 'navigation'); el.setAttribute('aria-label', '底部导航') }
  for (const el of all('.weui-tabbar__item')) asButton(el)
  // Taro's Input / Switch / Textarea keep aria-label on their wrapper; the control a screen reader lands on is the
  // native one inside, so it takes the wrapper's name (a number input or a switch has no placeholder to fall back on).
  for (const el of all('taro-input-core > input, taro-switch-core > input, taro-textarea-core > textarea')) {
    const label = el.parentElement?.getAttribute('aria-label')
    if (label && !el.hasAttribute('aria-label')) el.setAttribute('aria-label', label)
  }
  for (const el of all('.weui-tabbar__icon')) el.setAttribute('alt', '')
}

function watchDom (): void {
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        if (!(n instanceof Element)) return
        enhance(n)
        unnest(n)
      })
    }
  })
  observer.observe(document.documentElement, { childList: true, subtree: true })
  enhance(document.documentElement)
}

/** What the browser's own font setting asks for: the default font size ("medium") against the usual 16 px. */
function systemTextFactor (): number {
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.documentElement.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return px > 0 ? px / 16 : 1
}

/** Every font size scales with --wm-scale (config/postcss-text-scale.js); the root class lets layouts adapt. */
export function applyTextScale (scale: number): void {
  const html = document.documentElement
  html.style.setProperty('--wm-scale', String(scale))
  html.classList.toggle('wm-text-large', scale >= 1.25)
  html.classList.toggle('wm-text-xlarge', scale >= 1.5)
}

function followTextSize (): void {
  useTextSize.getState().setSystem(systemTextFactor())
  applyTextScale(effectiveScale(useTextSize.getState()))
  useTextSize.subscribe((s) => applyTextScale(effectiveScale(s)))
}

let installed = false
export function installShell (): void {
  if (installed || typeof document === 'undefined') return
  installed = true
  fixBooleanAttributes()
  markTappables()
  watchDom()
  followTextSize()
}

/** H5 reads the scale from the root element; only the weapp page needs it passed in (see PageShell). */
export const pageStyleFor = (_scale: number): string | undefined => undefined
