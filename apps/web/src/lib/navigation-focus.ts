/**
 * Moving focus after client-side navigation: the layout marks a navigation, and the
 * new page's heading takes focus when it mounts, which with lazy pages and loading
 * states can be some time after the address changed.
 */
let pending = false;

export const navigationFocus = {
  markNavigation() {
    pending = true;
  },
  /** True once per navigation: the first heading to ask gets the focus. */
  claim(): boolean {
    const claimed = pending;
    pending = false;
    return claimed;
  },
};
