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
    onChange(callback) {
      // each view (the diagram, each table) has its own command stack
      const watched = new Set();
      const watch = () => {
        const viewer = modeler.getActiveViewer();
        if (viewer && !watched.has(viewer)) {
          watched.add(viewer);
          viewer.get('eventBus').on('commandStack.changed', callback);
        }
      };
      watch();
      modeler.on('views.changed', watch);
    },
    async content() {
      const { xml: saved } = await modeler.saveXML({ format: true });
      return saved;
    }
  };
});
