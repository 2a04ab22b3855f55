// The BPMN modeller with the Camunda 7 properties panel: candidate groups, form references,
// due dates, timers, listeners and input/output mappings are edited in the panel.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { startEditor } from './editor-page.js';

// Below this scale a task's name is too small to read; a large model is scrolled instead.
const READABLE = 0.8;
// Space between the palette and the diagram, in screen pixels.
const MARGIN = 24;

/**
 * Fits the diagram when it can be read fitted, else opens at a readable scale; either way top
 * left, to the right of the palette (which takes two columns on a short screen).
 */
function openReadable(canvas) {
  canvas.zoom('fit-viewport');
  const scale = Math.min(Math.max(canvas.zoom(), READABLE), 1);
  canvas.zoom(scale);
  const container = canvas.getContainer();
  const palette = container.querySelector('.djs-palette');
  const clear = (palette ? palette.getBoundingClientRect().right - container.getBoundingClientRect().left : 0) + MARGIN;
  const { inner, outer } = canvas.viewbox();
  canvas.viewbox({
    x: inner.x - clear / scale,
    y: inner.y - MARGIN / scale,
    width: outer.width / scale,
    height: outer.height / scale
  });
}

startEditor(async (container, xml) => {
  const modeler = new BpmnModeler({
    container,
    propertiesPanel: { parent: '#properties' },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviorsModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  await modeler.importXML(xml);
  openReadable(modeler.get('canvas'));
  window.spinoutModeler = modeler;
  return {
    type: 'application/xml',
    onChange(callback) {
      modeler.on('commandStack.changed', callback);
    },
    async content() {
      const { xml: saved } = await modeler.saveXML({ format: true });
      return saved;
    }
  };
});
