/**
 * CSS backgrounds for a box that scrolls sideways: a shadow at each edge with more content beyond it, gone once
 * scrolled to that end (white covers scroll with the content, the shadows stay with the box). Without them a table
 * cut at the screen's edge looks complete. The box's content must have no background of its own.
 */
export const SCROLL_CUE = [
  'background:linear-gradient(to right,#fff 40%,#fff0) left/2.5rem 100% no-repeat local',
  'linear-gradient(to left,#fff 40%,#fff0) right/2.5rem 100% no-repeat local',
  'radial-gradient(farthest-side at 0 50%,#0003,#0000) left/.9rem 100% no-repeat scroll',
  'radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/.9rem 100% no-repeat scroll #fff',
].join(',');
