// The diagram on a programme's page: the model the programme runs, with the activities it has
// completed and those active now marked. It opens fitted to its box; buttons zoom in, out and back
// to fit, and with the diagram focused the arrow keys move it, so no mouse is needed. An active
// task opens its task page and a phase the programme has called opens that phase's diagram, by a
// click on the shape or from the list of links below the diagram, which keyboards and screen
// readers use. The data comes from the page's data-diagram-url, fetched with the person's session;
// nothing is inline, for the CSP.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const root = document.getElementById('programme-diagram');
const container = document.getElementById('programme-diagram-canvas');
const status = document.getElementById('programme-diagram-status');
const controls = document.getElementById('programme-diagram-controls');
const links = document.getElementById('programme-diagram-links');

/** How much one press of a zoom button zooms. */
const STEP = 1.25;

/** A label narrower than this breaks words such as "Programme" in two; wider ones are left as drawn. */
const LABEL_WIDTH = 110;

/** An item of the list of links below the diagram. */
function linkItem(href, text, modifier) {
  const item = document.createElement('li');
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.className = `govuk-link spinout-diagram__link spinout-diagram__link--${modifier}`;
  anchor.textContent = text;
  item.append(anchor);
  return item;
}

/**
 * Widens the labels beside events and gateways that the model draws too narrow for their words,
 * keeping each centred where it was, so that the viewer never breaks a word across lines.
 */
function keepLabelsWhole(viewer) {
  const elements = viewer.get('elementRegistry');
  const graphics = viewer.get('graphicsFactory');
  for (const label of elements.filter((element) => element.type === 'label')) {
    if (label.width < LABEL_WIDTH) {
      label.x -= (LABEL_WIDTH - label.width) / 2;
      label.width = LABEL_WIDTH;
      graphics.update('shape', label, elements.getGraphics(label));
    }
  }
}

function zoomBy(canvas, factor) {
  const box = canvas.viewbox();
  canvas.zoom(canvas.zoom() * factor, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
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
  const viewer = new NavigatedViewer({ container, keyboard: { bind: true } });
  await viewer.importXML(data.xml);
  const canvas = viewer.get('canvas');
  const elements = viewer.get('elementRegistry');
  keepLabelsWhole(viewer);
  for (const id of data.completed) {
    if (elements.get(id)) {
      canvas.addMarker(id, 'spinout-completed');
    }
  }
  const targets = new Map();
  const items = [];
  for (const active of data.active) {
    if (!elements.get(active.id)) {
      continue;
    }
    canvas.addMarker(active.id, 'spinout-active');
    if (active.taskUrl) {
      canvas.addMarker(active.id, 'spinout-linked');
      targets.set(active.id, active.taskUrl);
      items.push(linkItem(active.taskUrl, `Open task: ${active.name}`, 'task'));
    }
  }
  for (const [id, url] of Object.entries(data.calls)) {
    const element = elements.get(id);
    if (element) {
      canvas.addMarker(id, 'spinout-linked');
      targets.set(id, url);
      items.push(linkItem(url, `Open phase: ${element.businessObject.name}`, 'phase'));
    }
  }
  viewer.get('eventBus').on('element.click', (event) => {
    const url = targets.get(event.element.id);
    if (url) {
      window.location.assign(url);
    }
  });
  links.replaceChildren(...items);
  links.hidden = items.length === 0;

  canvas.zoom('fit-viewport', 'auto');
  controls.querySelector('[data-zoom="in"]').addEventListener('click', () => zoomBy(canvas, STEP));
  controls.querySelector('[data-zoom="out"]').addEventListener('click', () => zoomBy(canvas, 1 / STEP));
  controls.querySelector('[data-zoom="fit"]').addEventListener('click', () => canvas.zoom('fit-viewport', 'auto'));
  controls.hidden = false;
  root.dataset.ready = 'true';
  const tasks = data.active.filter((active) => active.taskUrl).length;
  const open = tasks === 0 ? '' : `${tasks === 1 ? '1 task' : `${tasks} tasks`} open: its link is below the diagram. `;
  status.textContent = `${open}Zoom with the buttons; drag the diagram, or select it and use the arrow keys, to move it.`;
}

show().catch((error) => {
  status.textContent = `The diagram could not be shown: ${error.message}. The phases, open tasks and history on this page say where the programme stands.`;
});
