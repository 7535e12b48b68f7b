import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the views: narrow-first, so the side panel fits 320 CSS pixels. */
export const useLayout = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  /** A part's own lines, one under the other, inside a section (no second divider). */
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  /** A native select is as wide as its longest option unless told otherwise. */
  fill: { width: '100%', minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0 } },
  tag: { alignSelf: 'flex-start' },
  /** A table wider than the panel scrolls on its own, not the page (WCAG 1.4.10 allows it). */
  tableScroll: { overflowX: 'auto', maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
