/**
 * The shapes of Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as this city offers them: services are
 * the reportable categories, service requests are tickets as the public sees them. Field names are the spec's
 * (snake_case), so the JSON serialiser writes them as they are and the XML one names its elements after them.
 */

export type ServiceType = 'realtime' | 'batch' | 'blackbox'

/** One entry of GET services.{format}. */
export interface Open311Service {
  service_code: string
  service_name: string
  description: string
  /** True where the category has attributes (GET services/{code} lists them); always a JSON boolean. */
  metadata: boolean
  type: ServiceType
  /** Comma separated, as the spec wants it. */
  keywords: string
  group: string
}

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist'

export interface Open311AttributeValue {
  key: string
  name: string
}

export interface Open311Attribute {
  variable: boolean
  code: string
  datatype: AttributeDatatype
  required: boolean
  datatype_description: string | null
  order: number
  description: string
  values: Open311AttributeValue[]
}

/** GET services/{code}.{format}. */
export interface Open311ServiceDefinition {
  service_code: string
  attributes: Open311Attribute[]
}

export type Open311Status = 'open' | 'closed'

/**
 * One entry of GET requests.{format} / requests/{id}.{format}. Every field is always present (null where there is
 * nothing), so a client sees one stable shape in JSON and an empty element in XML.
 */
export interface Open311Request {
  service_request_id: string
  status: Open311Status
  status_notes: string | null
  service_name: string
  service_code: string
  description: string | null
  agency_responsible: string | null
  service_notice: string | null
  requested_datetime: string
  updated_datetime: string
  expected_datetime: string | null
  address: string | null
  address_id: string | null
  zipcode: string | null
  lat: number | null
  long: number | null
  media_url: string | null
}

/** The answer to POST requests.{format}: the new ticket's number and what will happen to it. */
export interface Open311Created {
  service_request_id: string
  service_notice: string
  /** The spec's optional account of the person submitting: never kept here (no personal data), so always null. */
  account_id: null
}

/** The spec's error entry: `code` is the HTTP status, `description` says (in Chinese) what to change. */
export interface Open311Error {
  code: number
  description: string
}

export type Open311Format = 'json' | 'xml'
