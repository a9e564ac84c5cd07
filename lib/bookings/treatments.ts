/** Suggestions for the treatment field (the demo spa's menu first); the desk may type anything else. */
export const TREATMENT_SUGGESTIONS = [
  "Consult",
  "Botox",
  "Botox + filler",
  "Lip filler",
  "HydraFacial",
  "Morpheus8",
  "Laser hair removal package",
  "CoolSculpting",
  "Chemical peel",
  "Microneedling",
] as const;
