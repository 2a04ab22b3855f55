// The form-js editor for Camunda Forms.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { startEditor } from './editor-page.js';

startEditor(async (container, text) => {
  const editor = new FormEditor({ container });
  await editor.importSchema(JSON.parse(text));
  return {
    type: 'application/json',
    async content() {
      return `${JSON.stringify(editor.saveSchema(), null, 2)}\n`;
    }
  };
});
