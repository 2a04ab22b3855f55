// The DMN editor (decision requirements diagram and decision tables), keeping Camunda's
// attributes such as the history time to live.
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { startEditor } from './editor-page.js';

startEditor(async (container, xml) => {
  const modeler = new DmnModeler({
    container,
    moddleExtensions: { camunda: camundaModdle }
  });
  await modeler.importXML(xml);
  // A file with one decision opens on its table, where the rules are edited.
  const table = modeler.getViews().find((view) => view.type === 'decisionTable');
  if (table && modeler.getViews().filter((view) => view.type !== 'drd').length === 1) {
    await modeler.open(table);
  }
  return {
    type: 'application/xml',
    async content() {
      const { xml: saved } = await modeler.saveXML({ format: true });
      return saved;
    }
  };
});
