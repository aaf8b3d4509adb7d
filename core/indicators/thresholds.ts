/**
 * Default targets for the indicators. Figures seen in practice but unconfirmed (DOMAIN.md), so they are
 * settings an admin can change; these are only the starting values.
 */
export interface IndicatorThresholds {
  /** 满意率 target; practice says "> 90%". */
  satisfactionTarget: number
  /** 知晓率 target; practice says "≥ 80%". */
  awarenessTarget: number
  /** 志愿者注册率 floor: registered volunteers ≥ 8% of the resident population. */
  volunteerRegistrationFloor: number
}

export const INDICATOR_DEFAULTS: Readonly<IndicatorThresholds> = Object.freeze({
  satisfactionTarget: 0.9,
  awarenessTarget: 0.8,
  volunteerRegistrationFloor: 0.08
})
