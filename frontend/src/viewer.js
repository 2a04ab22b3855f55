// Shows a deployed file read-only: a process diagram, a decision table or a form.
const root = document.getElementById('viewer');
const container = document.getElementById('canvas');
const status = document.getElementById('viewer-status');

async function show(kind, text) {
  if (kind === 'bpmn') {
    const { default: Viewer } = await import('bpmn-js/lib/NavigatedViewer');
    const viewer = new Viewer({ container });
    await viewer.importXML(text);
    viewer.get('canvas').zoom('fit-viewport');
  } else if (kind === 'dmn') {
    const { default: Viewer } = await import('dmn-js/lib/NavigatedViewer');
    const viewer = new Viewer({ container });
    await viewer.importXML(text);
    const table = viewer.getViews().find((view) => view.type === 'decisionTable');
    if (table && viewer.getViews().filter((view) => view.type !== 'drd').length === 1) {
      await viewer.open(table);
    }
    // a wide decision table scrolls in a box of its own, which keyboards must reach too
    for (const region of container.querySelectorAll('.tjs-table-container')) {
      region.tabIndex = 0;
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', 'Decision table');
    }
  } else {
    const { Form } = await import('@bpmn-io/form-js-viewer');
    const form = new Form({ container, properties: { readOnly: true } });
    await form.importSchema(JSON.parse(text), {});
  }
}

try {
  const response = await fetch(root.dataset.src, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`the file could not be loaded (${response.status})`);
  }
  await show(root.dataset.kind, await response.text());
  root.dataset.ready = 'true';
  status.textContent = root.dataset.kind === 'form' ? 'The form as people see it, read only.' : 'Read only. Drag to move, use the mouse wheel to zoom.';
} catch (error) {
  status.textContent = `The file could not be shown: ${error.message}`;
}
