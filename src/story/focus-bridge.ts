/**
 * Keyboard order that follows the story: the graphic's controls ("Explore the
 * map", "Show the data as a table", the map key…) and the step bar (previous,
 * next, Share, Present) sit after all the text in the page (reading order for
 * screen readers), so Tab from a step would walk through every later step's
 * links before reaching them. The bridge makes Tab go from the end of the
 * active step straight into the graphic's controls, then the step bar's, and
 * from the last of those back to what follows the active step; Shift+Tab runs
 * the same path backwards. The reading order itself does not change.
 *
 * It works with two focus sentinels (empty, focusable spans): one the engine
 * moves to the end of the active step, one at the end of the last control
 * group (the step bar).
 */

/** Elements Tab can reach, in document order, inside `root` (visible ones only). */
function focusables(root: ParentNode): HTMLElement[] {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => !el.hidden && !el.closest('[hidden]') && !el.dataset.focusSentinel && el.getClientRects().length > 0,
  );
}

const sentinel = (doc: Document, name: string) => {
  const el = doc.createElement('span');
  el.tabIndex = 0;
  el.dataset.focusSentinel = name;
  el.className = 'focus-sentinel';
  return el;
};

export interface FocusBridge {
  /** Moves the step's end of the bridge into `step` (the active step), or out of the page when none is active. */
  attach(step: HTMLElement | undefined): void;
}

/**
 * Bridges Tab between the active step and `groups`: the elements holding the
 * graphic's controls and the step bar, in document order, adjacent (nothing
 * focusable between them). `allSteps` is the story's steps in order, used to
 * find what follows the active step. Throws if `groups` is empty.
 */
export function createFocusBridge(groups: HTMLElement[], allSteps: HTMLElement[]): FocusBridge {
  if (groups.length === 0) throw new Error('the focus bridge needs at least one group of controls');
  const doc = groups[0].ownerDocument;
  const intoGraphic = sentinel(doc, 'into-graphic');
  const outOfGraphic = sentinel(doc, 'out-of-graphic');
  groups.at(-1)!.append(outOfGraphic);
  /** The controls, as one group: what Tab reaches in them, and whether a node is in them. */
  const graphic = {
    contains: (node: Node) => groups.some((group) => group.contains(node)),
  };
  const controlsOf = () => groups.flatMap((group) => focusables(group));
  let activeStep: HTMLElement | undefined;

  /** The first control after the active step: the next step's first link, or the graphic's end otherwise. */
  const afterStep = (): HTMLElement | undefined => {
    const i = activeStep ? allSteps.indexOf(activeStep) : -1;
    for (const step of allSteps.slice(i + 1)) {
      const first = focusables(step)[0];
      if (first) return first;
    }
    return undefined;
  };

  /** True when `from` comes after `node` in the document (focus is moving backwards). */
  const isAfter = (from: Node, node: Node) => (node.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

  // At the end of the active step. Forward (Tab): into the graphic's first control.
  // Back from the graphic (Shift+Tab on its first control): to the step's last control.
  // Back from after the step (Shift+Tab on the next step's first link): to the graphic's last control.
  intoGraphic.addEventListener('focus', (event) => {
    const from = (event as FocusEvent).relatedTarget as HTMLElement | null;
    const controls = controlsOf();
    if (from && graphic.contains(from)) {
      const inStep = activeStep ? focusables(activeStep) : [];
      (inStep.at(-1) ?? activeStep)?.focus();
    } else if (from && isAfter(from, intoGraphic)) {
      (controls.at(-1) ?? activeStep)?.focus();
    } else if (controls[0]) {
      controls[0].focus();
    } else {
      afterStep()?.focus();
    }
  });
  // At the end of the graphic. Forward from its last control: to what follows the active step
  // (after the last step, focus simply goes on to the rest of the page).
  outOfGraphic.addEventListener('focus', (event) => {
    const from = (event as FocusEvent).relatedTarget as HTMLElement | null;
    if (from && graphic.contains(from)) afterStep()?.focus();
  });

  return {
    attach(step) {
      activeStep = step;
      if (step) step.append(intoGraphic);
      else intoGraphic.remove();
    },
  };
}
