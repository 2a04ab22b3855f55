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
  modeler.get('canvas').zoom('fit-viewport');
  window.spinoutModeler = modeler;
  return {
    type: 'application/xml',
    async content() {
      const { xml: saved } = await modeler.saveXML({ format: true });
      return saved;
    }
  };
});
