import { censusRate, type Rate } from './rate'

/*
 * Rates over the resident base (常住人口 entered by the admin). The numerator is a full count of the
 * people the platform knows about, not a sample, so ci95 is null (see censusRate).
 */

/** 参与率: distinct residents who reported, volunteered, trained or answered a survey in the window / base. */
export function participationRate (distinctParticipants: number, residentBase: number): Rate {
  return censusRate(distinctParticipants, residentBase)
}

/** 志愿者注册率: registered volunteers / base. Compare with the settings' targets.volunteerRegistration (8%). */
export function volunteerRegistrationRate (registeredVolunteers: number, residentBase: number): Rate {
  return censusRate(registeredVolunteers, residentBase)
}
