// The diagram on a programme's page: the model the programme runs, with the activities it has
// completed and those active now marked. An active task links to its task page, a phase the
// programme has called to that phase's own diagram. The data comes from the page's
// data-diagram-url, fetched with the person's session; nothing is inline, for the CSP.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const root = document.getElementById('programme-diagram');
const container = document.getElementById('programme-diagram-canvas');
const status = document.getElementById('programme-diagram-status');

/** The smallest zoom at which the diagram's labels can still be read. */
const READABLE = 0.75;

/** A link for an overlay: a short visible word, the full name for screen readers. */
function link(href, word, hidden, modifier) {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.className = `govuk-link spinout-diagram__link spinout-diagram__link--${modifier}`;
  anchor.append(word);
  const name = document.createElement('span');
  name.className = 'govuk-visually-hidden';
  name.textContent = hidden;
  anchor.append(name);
  return anchor;
}

async function show() {
  const response = await fetch(root.dataset.diagramUrl, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`it could not be loaded (${response.status})`);
  }
  const data = await response.json();
  container.replaceChildren();
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(data.xml);
  const canvas = viewer.get('canvas');
  const elements = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  for (const id of data.completed) {
    if (elements.get(id)) {
      canvas.addMarker(id, 'spinout-completed');
    }
  }
  for (const active of data.active) {
    if (!elements.get(active.id)) {
      continue;
    }
    canvas.addMarker(active.id, 'spinout-active');
    if (active.taskUrl) {
      overlays.add(active.id, 'spinout-link', {
        position: { bottom: -4, left: 0 },
        scale: { min: 1 },
        html: link(active.taskUrl, 'Open task', `: ${active.name}`, 'task'),
      });
    }
  }
  for (const [id, url] of Object.entries(data.calls)) {
    const element = elements.get(id);
    if (element) {
      overlays.add(id, 'spinout-link', {
        position: { top: -24, right: 0 },
        scale: { min: 1 },
        html: link(url, 'Open phase', `: ${element.businessObject.name}`, 'phase'),
      });
    }
  }
  canvas.zoom('fit-viewport');
  // a long phase fitted whole is too small to read: show where it stands, at a readable size
  const here = data.active.map((active) => elements.get(active.id)).find((element) => element);
  if (here && canvas.zoom() < READABLE) {
    canvas.zoom(READABLE);
    canvas.scrollToElement(here, { top: 120, bottom: 120, left: 200, right: 200 });
  }
  root.dataset.ready = 'true';
  const tasks = data.active.filter((active) => active.taskUrl).length;
  const open = tasks === 0 ? '' : `${tasks === 1 ? '1 task' : `${tasks} tasks`} open: follow its link to open it. `;
  status.textContent = `${open}Drag to move, use the mouse wheel to zoom.`;
}

show().catch((error) => {
  status.textContent = `The diagram could not be shown: ${error.message}. The phases, open tasks and history on this page say where the programme stands.`;
});
