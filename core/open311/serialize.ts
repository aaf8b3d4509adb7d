import type {
  Open311Created, Open311Error, Open311Format, Open311Request, Open311Service, Open311ServiceDefinition
} from './types'

/**
 * Bodies in the spec's two formats. JSON is the XML by the Spark convention: a list element becomes an array, a
 * record an object, booleans and numbers stay typed (`metadata` is the JSON boolean true, never the string). XML
 * starts with the declaration the spec requires and has no namespace; null is an empty element.
 */

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8'
}

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'

/**
 * Text as XML character data: the five special characters escaped, and the characters XML 1.0 cannot carry at all
 * (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) dropped rather than sent broken.
 */
export function xmlText (s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) { out += s[i] + s[i + 1]; i++ }
      continue
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue
    out += c === 0x26 ? '&amp;' : c === 0x3c ? '&lt;' : c === 0x3e ? '&gt;' : c === 0x22 ? '&quot;' : c === 0x27 ? '&apos;' : s[i]
  }
  return out
}

type XmlValue = string | number | boolean | null | XmlRecord | XmlList
interface XmlRecord { readonly [name: string]: XmlValue }
/** A list: its items' element name, and the items. */
interface XmlList { readonly item: string; readonly items: readonly XmlValue[] }

const isList = (v: XmlValue): v is XmlList => typeof v === 'object' && v !== null && 'items' in v && Array.isArray((v as XmlList).items)

function element (name: string, value: XmlValue): string {
  if (value === null) return `<${name}/>`
  if (typeof value !== 'object') return `<${name}>${xmlText(String(value))}</${name}>`
  if (isList(value)) return `<${name}>${value.items.map((v) => element(value.item, v)).join('')}</${name}>`
  return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`
}

function xmlDoc (root: string, value: XmlValue): string {
  return `${XML_HEAD}${element(root, value)}\n`
}

const list = (item: string, items: readonly XmlValue[]): XmlList => ({ item, items })
const asRecord = (o: object): XmlRecord => o as unknown as XmlRecord

export function servicesBody (services: readonly Open311Service[], format: Open311Format): string {
  return format === 'json' ? JSON.stringify(services) : xmlDoc('services', list('service', services.map(asRecord)))
}

export function definitionBody (def: Open311ServiceDefinition, format: Open311Format): string {
  if (format === 'json') return JSON.stringify(def)
  return xmlDoc('service_definition', {
    service_code: def.service_code,
    attributes: list('attribute', def.attributes.map((a) => ({ ...asRecord(a), values: list('value', a.values.map(asRecord)) })))
  })
}

export function requestsBody (requests: readonly Open311Request[], format: Open311Format): string {
  return format === 'json' ? JSON.stringify(requests) : xmlDoc('service_requests', list('request', requests.map(asRecord)))
}

export function createdBody (created: readonly Open311Created[], format: Open311Format): string {
  return format === 'json' ? JSON.stringify(created) : xmlDoc('service_requests', list('request', created.map(asRecord)))
}

export function errorsBody (errors: readonly Open311Error[], format: Open311Format): string {
  return format === 'json' ? JSON.stringify(errors) : xmlDoc('errors', list('error', errors.map(asRecord)))
}
