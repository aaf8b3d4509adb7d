import type { Settings } from '../settings'
import type { AreaLevel } from './areas'
import type { Grain } from './period'

/** What the indicator actions answer: the shapes the dashboard, 首页 and the exports show. */

export interface RateView {
  value: number | null
  numerator: number
  denominator: number
  ci95: { low: number; high: number } | null
  /** A survey rate over fewer respondents than settings.minSample: shown with its n as 样本不足, never coloured or ranked. */
  insufficient?: boolean
  /** Why this rate cannot be given for this window (e.g. 参与率 over a custom window): shown instead of a figure. */
  unavailable?: string
  /** The age-weighted rate, where the office has entered the area's age structure: shown beside the raw rate. */
  weighted?: { value: number | null; ci95: { low: number; high: number } | null; unavailable?: string }
}

/** A duration in hours: the mean, and the band the median lies in (kept as counts per band, so exact to the band). */
export interface HoursView {
  mean: number | null
  n: number
  median: { low: number; high: number | null } | null
}

/** Every indicator of one area and period. */
export interface IndicatorSet {
  awareness: RateView
  support: RateView
  satisfaction: RateView
  /** 整改满意率: post-fix ratings of closed tickets, shown apart from the survey's 满意率. */
  fixSatisfaction: RateView
  participation: RateView
  /** 志愿者注册率: registered volunteers living in the area (as of the period's end) over its resident base. */
  volunteerRegistration: RateView
  closeRate: RateView
  onTimeCloseRate: RateView
  reworkRate: RateView
  hoursToDispatch: HoursView
  hoursToResolve: HoursView
  hoursToClose: HoursView
  /** Tickets filed in the period: still open now, and of those past their deadline. */
  openTickets: number
  overdueTickets: number
  /** 缓办: tickets of the period whose deferral the office approved (left out of 按期结案率). */
  deferredTickets: number
  residentBase: number
}

export interface AreaScope {
  areaCode: string
  level: AreaLevel
  name: string
}

export interface PeriodScope {
  fromDay: string
  toDay: string
  /** 2026年12月, 11月30日–12月6日（周）, … */
  label: string
  /** The whole period the window is, or null for a custom window. */
  grain: Grain | null
}

export interface HeadlineView extends IndicatorSet {
  scope: AreaScope & PeriodScope & { gridId: string | null; fromIso: string | null; toIso: string }
  targets: Settings['targets']
  minSample: number
}

export interface IndicatorRowView extends IndicatorSet, AreaScope {}

/** One area's children, each with every indicator, and the area's own total (the export holds the same figures). */
export interface IndicatorTableView {
  parent: AreaScope
  childLevel: AreaLevel
  period: PeriodScope
  total: IndicatorRowView
  rows: IndicatorRowView[]
  targets: Settings['targets']
  minSample: number
}

export interface TrendPoint extends IndicatorSet, PeriodScope {
  /** false for a period the window cuts (its first or last): its distinct counts are then not given. */
  whole: boolean
}

export interface TrendView {
  area: AreaScope
  grain: Grain
  points: TrendPoint[]
  targets: Settings['targets']
  minSample: number
}
