// The part every editor page shares: loads the file into the editor, and checks or deploys the
// edited file through Spinout (with the page's CSRF token), showing the answer with GOV.UK
// components. Check comes first: Deploy is offered once the file as it stands has passed, and
// leaving the page with changes not deployed asks first. Text from the server is only ever set
// as text, never as markup.

const root = document.getElementById('editor');
const status = document.getElementById('editor-status');
const messages = document.getElementById('editor-messages');
const deployButton = document.getElementById('deploy');
const checkButton = document.getElementById('check');
const downloadLink = document.getElementById('download');
const deployHint = document.getElementById('deploy-hint');
const previewForm = document.getElementById('preview');

// Changes not yet deployed, and whether the file as it stands has passed a check.
let unsaved = false;
let passed = false;

function allowDeploy(allowed) {
  passed = allowed;
  deployButton.disabled = !allowed;
  deployHint.textContent = allowed
    ? 'The check passed: you can deploy this version.'
    : 'Check the file first: Deploy is available once the check passes.';
}

function changed() {
  unsaved = true;
  allowDeploy(false);
}

window.addEventListener('beforeunload', (event) => {
  if (unsaved) {
    event.preventDefault();
    // older browsers show the prompt only when a value is returned
    event.returnValue = '';
  }
});

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function showProblems(title, problems) {
  const summary = element('div', 'govuk-error-summary');
  summary.setAttribute('tabindex', '-1');
  const alert = element('div');
  alert.setAttribute('role', 'alert');
  alert.append(element('h2', 'govuk-error-summary__title', title));
  const body = element('div', 'govuk-error-summary__body');
  const list = element('ul', 'govuk-list govuk-error-summary__list');
  for (const problem of problems) {
    list.append(element('li', null, describe(problem)));
  }
  body.append(list);
  alert.append(body);
  summary.append(alert);
  messages.replaceChildren(summary);
  summary.focus();
}

function describe(problem) {
  const place = [problem.resource, problem.element].filter(Boolean).join(': ');
  return place ? `${place}: ${problem.message}` : problem.message;
}

function showSuccess(title, lines) {
  const banner = element('div', 'govuk-notification-banner govuk-notification-banner--success');
  banner.setAttribute('role', 'alert');
  banner.setAttribute('aria-labelledby', 'editor-result-title');
  const header = element('div', 'govuk-notification-banner__header');
  const heading = element('h2', 'govuk-notification-banner__title', title);
  heading.id = 'editor-result-title';
  header.append(heading);
  const content = element('div', 'govuk-notification-banner__content');
  content.append(element('p', 'govuk-notification-banner__heading', lines[0]));
  const list = element('ul', 'govuk-list govuk-list--bullet');
  for (const line of lines.slice(1)) {
    list.append(element('li', null, line));
  }
  if (list.children.length) {
    content.append(list);
  }
  const back = element('p', 'govuk-body');
  const link = element('a', 'govuk-notification-banner__link', 'See all models and versions');
  link.href = root.dataset.modelsUrl;
  back.append(link);
  content.append(back);
  banner.append(header, content);
  messages.replaceChildren(banner);
  banner.setAttribute('tabindex', '-1');
  banner.focus();
}

function showWarnings(problems) {
  const warnings = problems.filter((problem) => problem.warning);
  if (!warnings.length) {
    return;
  }
  const content = messages.querySelector('.govuk-notification-banner__content');
  content.append(element('p', 'govuk-body', 'Warnings: the model runs, but these are worth putting right.'));
  const list = element('ul', 'govuk-list govuk-list--bullet');
  list.id = 'warnings';
  for (const warning of warnings) {
    list.append(element('li', null, describe(warning)));
  }
  content.append(list);
}

async function send(editor, checkOnly) {
  deployButton.disabled = true;
  checkButton.disabled = true;
  let allowed = passed;
  status.textContent = checkOnly ? 'Checking…' : 'Deploying…';
  try {
    const content = await editor.content();
    const response = await fetch(root.dataset.deployUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        [root.dataset.csrfHeader]: root.dataset.csrfToken
      },
      body: JSON.stringify({ fileName: root.dataset.fileName, content, checkOnly })
    });
    if (response.status === 403) {
      showProblems('You cannot do this', [{ message: 'Your roles do not allow deploying models. Sign in again if your session ended.' }]);
      status.textContent = 'Not deployed.';
      return;
    }
    const answer = await response.json();
    if (answer.refused) {
      showProblems('There is a problem: nothing was deployed', answer.problems.filter((problem) => !problem.warning));
      status.textContent = 'Not deployed: see the problems above.';
      allowed = false;
    } else if (answer.checkOnly) {
      showSuccess('Checked', ['No errors found. Nothing was deployed yet.']);
      status.textContent = 'Checked.';
      allowed = true;
    } else if (answer.versions.length === 0) {
      showSuccess('Deployed', ['Nothing changed, so no new version was made.']);
      status.textContent = 'Unchanged.';
      unsaved = false;
    } else {
      showSuccess('Deployed', ['New versions deployed:', ...answer.versions]);
      status.textContent = 'Deployed.';
      unsaved = false;
    }
    if (!answer.refused) {
      showWarnings(answer.problems);
    }
  } catch (error) {
    showProblems('There is a problem', [{ message: `The model could not be sent: ${error.message}. Try again.` }]);
    status.textContent = 'Not deployed.';
  } finally {
    checkButton.disabled = false;
    allowDeploy(allowed);
  }
}

/** Sends the form as it stands to the preview, which shows it as the task page will, in a new tab. */
async function preview(editor, event) {
  event.preventDefault();
  previewForm.elements.schema.value = await editor.content();
  previewForm.submit();
}

async function download(editor, event) {
  event.preventDefault();
  const content = await editor.content();
  const url = URL.createObjectURL(new Blob([content], { type: editor.type }));
  const link = element('a');
  link.href = url;
  link.download = root.dataset.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Starts an editor page. `open(container, text)` creates the editor on the file's text and
 * resolves to { content(): Promise<string>, onChange(callback), type }.
 */
export async function startEditor(open) {
  try {
    const response = await fetch(root.dataset.src, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`the file could not be loaded (${response.status})`);
    }
    const editor = await open(document.getElementById('canvas'), await response.text());
    editor.onChange(changed);
    deployButton.addEventListener('click', () => send(editor, false));
    checkButton.addEventListener('click', () => send(editor, true));
    downloadLink.addEventListener('click', (event) => download(editor, event));
    if (previewForm) {
      previewForm.addEventListener('submit', (event) => preview(editor, event));
      previewForm.querySelector('button').disabled = false;
    }
    checkButton.disabled = false;
    allowDeploy(false);
    root.dataset.ready = 'true';
    status.textContent = 'Ready to edit.';
  } catch (error) {
    showProblems('There is a problem', [{ message: `The editor could not open the file: ${error.message}` }]);
    status.textContent = 'The editor did not start.';
  }
}
