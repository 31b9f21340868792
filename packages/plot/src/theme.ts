import type { PlotTheme } from './index.js';

// NVIDIA brand palette and theme colours. Pure data: the spec builders pick colours from here
// so tests can check them without rendering.
export const NVIDIA_GREEN = '#76B900';
export const BASELINE_GREY = '#999999';
export const OUTLIER_RED = '#E74C3C';
export const RUN_AVERAGE_GREY = '#555555';

/** seaborn "bright": the colours after NVIDIA green for further treatments. */
export const BRIGHT = ['#023EFF', '#FF7C00', '#1AC938', '#E8000B', '#8B2BE2', '#9F4800', '#F14CC1', '#A3A3A3', '#FFC400', '#00D7FF'];
/** seaborn "deep": the light-theme palette. */
const DEEP = ['#4C72B0', '#DD8452', '#55A868', '#C44E52', '#8172B3', '#937860', '#DA8BC3', '#8C8C8C', '#CCB974', '#64B5CD'];

export interface ThemeColors {
  name: PlotTheme;
  primary: string;
  secondary: string;
  plotBackground: string;
  paper: string;
  text: string;
  grid: string;
  /** Ten series colours; `palette[i % 10]`. */
  palette: string[];
  /** Fill of the run-std band in timeslice plots. */
  runStdBand: string;
}

export const THEMES: Record<PlotTheme, ThemeColors> = {
  light: {
    name: 'light',
    primary: NVIDIA_GREEN,
    secondary: BASELINE_GREY,
    plotBackground: '#FFFFFF',
    paper: '#FFFFFF',
    text: '#0a0a0a',
    grid: '#CCCCCC',
    palette: DEEP,
    runStdBand: 'rgba(232,232,232,0.3)',
  },
  dark: {
    name: 'dark',
    primary: NVIDIA_GREEN,
    secondary: '#F4E5C3',
    plotBackground: '#1a1a1a',
    paper: '#252525',
    text: '#E0E0E0',
    grid: '#333333',
    palette: [NVIDIA_GREEN, '#F4E5C3', ...BRIGHT.slice(0, 8)],
    runStdBand: 'rgba(255,184,28,0.15)',
  },
};

/** One font stack for every chart, PNG and dashboard alike (the first one installed wins). */
export const FONT_FAMILY = "'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";
/** The footnote colour: the theme's secondary, darkened on the light theme where #999 is hard to read. */
export const footnoteColor = (theme: ThemeColors): string => (theme.secondary === BASELINE_GREY ? '#666666' : theme.secondary);

/** `#RRGGBB` + alpha → `rgba(r,g,b,a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255},${alpha})`;
}
