// Chart colours: the Okabe–Ito palette, distinguishable with every common colour-vision deficiency.
// Charts never rely on colour alone: series also differ by pattern, dash or label.
export const COLORS = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  sky: "#56B4E9",
  purple: "#CC79A7",
  grey: "#6b7280",
  grid: "#e2e8f0",
  text: "#334155",
} as const;

/** Heatmap shades, light to dark (a single-hue blue ramp reads for everyone and in greyscale). */
export const HEAT_SHADES = ["#f8fafc", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;
