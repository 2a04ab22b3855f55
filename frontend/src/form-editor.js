// The form-js editor for Camunda Forms, offering only the components the task pages show
// (the page lists them, from org.spinout.form.ComponentType); a component of another type that
// the file already holds stays editable, so the file still opens.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { startEditor } from './editor-page.js';

const shown = new Set(document.getElementById('editor').dataset.formComponents.split(','));

/** The component types a form holds, its own and its groups'. */
function typesIn(component, types = new Set()) {
  types.add(component.type);
  (component.components || []).forEach((child) => typesIn(child, types));
  return types;
}

startEditor(async (container, text) => {
  const schema = JSON.parse(text);
  const kept = new Set([...shown, ...typesIn(schema)]);
  // Runs as the editor is made, before its palette is first drawn from the registered types.
  function OnlyShownComponents(formFields) {
    for (const type of Object.keys(formFields._formFields)) {
      if (!kept.has(type)) {
        delete formFields._formFields[type];
      }
    }
  }
  OnlyShownComponents.$inject = ['formFields'];
  const editor = new FormEditor({
    container,
    additionalModules: [{ __init__: ['onlyShownComponents'], onlyShownComponents: ['type', OnlyShownComponents] }]
  });
  await editor.importSchema(schema);
  return {
    type: 'application/json',
    onChange(callback) {
      editor.on('changed', callback);
    },
    async content() {
      return `${JSON.stringify(editor.saveSchema(), null, 2)}\n`;
    }
  };
});
