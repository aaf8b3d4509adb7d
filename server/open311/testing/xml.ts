/**
 * Test support: a strict reader for the XML the Open311 handler writes (declaration, elements, text, the five
 * entities, no attributes), and the Spark-convention JSON it must equal. A reader of our own, so a test fails on
 * anything a real XML parser would refuse (an unescaped & or <, a mismatched tag) instead of trusting the writer.
 */
export interface XmlNode {
  name: string
  children: XmlNode[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function parseXml (doc: string): XmlNode {
  const head = '<?xml version="1.0" encoding="utf-8"?>\n'
  if (!doc.startsWith(head)) throw new Error('missing the XML declaration')
  let i = head.length
  const decode = (s: string): string => {
    if (/<|>/.test(s)) throw new Error(`unescaped markup in text: ${s}`)
    return s.replace(/&([a-z]+);|&/g, (m, name: string | undefined) => {
      if (!name || !(name in ENTITIES)) throw new Error(`bad entity near ${m}`)
      return ENTITIES[name]
    })
  }
  const element = (): XmlNode => {
    const open = /^<([a-z_]+)(\/?)>/.exec(doc.slice(i))
    if (!open) throw new Error(`expected an element at ${i}: ${doc.slice(i, i + 30)}`)
    i += open[0].length
    const node: XmlNode = { name: open[1], children: [], text: '' }
    if (open[2]) return node
    for (;;) {
      const close = `</${node.name}>`
      if (doc.startsWith(close, i)) {
        i += close.length
        return node
      }
      if (doc[i] === '<') {
        if (node.text) throw new Error(`mixed content in <${node.name}>`)
        node.children.push(element())
        continue
      }
      const end = doc.indexOf('<', i)
      if (end < 0) throw new Error(`unclosed <${node.name}>`)
      node.text += decode(doc.slice(i, end))
      i = end
    }
  }
  const root = element()
  if (doc.slice(i) !== '\n') throw new Error(`trailing content: ${doc.slice(i, i + 30)}`)
  return root
}

/** Elements whose children are a list (GeoReport v2's ⇊): everything else with children is a record. */
const LISTS = new Set(['services', 'attributes', 'values', 'service_requests', 'errors'])

/** The node as the Spark convention reads it: lists → arrays, records → objects, leaves → text, empty → null. */
export function spark (node: XmlNode): unknown {
  if (LISTS.has(node.name)) return node.children.map(spark)
  if (node.children.length) return Object.fromEntries(node.children.map((c) => [c.name, spark(c)]))
  return node.text === '' ? null : node.text
}

/** JSON values as XML text carries them: numbers and booleans as strings, null as null; structure kept. */
export function asText (v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (Array.isArray(v)) return v.map(asText)
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, asText(x)]))
  return v === '' ? null : String(v)
}
