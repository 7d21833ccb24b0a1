// @ts-check
// The quality corpus: workflows on web UIs written by others, served from the
// npm packages that ship them (node_modules, unchanged), each with its ground
// truth as a person would say it. `half` splits the corpus: `tuned` workflows
// may guide changes to the analysis; `held-out` ones never do, and are reported
// apart (DESIGN.md §8). No page here may be edited to suit the analysis.

import { KEY_MS, WORD_PAUSE_MS } from './desktop.mjs';

/**
 * @typedef {import('./score.mjs').TruthAction & { do: (page: import('@playwright/test').Page) => Promise<void> }} Step
 * @typedef {import('./score.mjs').TruthAction & { do: (desktop: import('./desktop.mjs').Desktop) => Promise<void> }} DesktopStep
 * @typedef {{ id: string, ui: string, half: 'tuned' | 'held-out', app: string[], page: string, steps: Step[] }} WebWorkflow
 * A program of Debian's tk8.6-doc demos on a shared screen (bench/quality/desktop.mjs).
 * @typedef {{ id: string, ui: string, half: 'tuned' | 'held-out', app: string[], program: import('./desktop.mjs').Program, steps: DesktopStep[] }} DesktopWorkflow
 * @typedef {WebWorkflow | DesktopWorkflow} Workflow
 */

// The app's name as a person would give it, one of the names its first screen shows (its
// header, the page's heading, the product's logo), for scoring the heading the skill gives the
// first screen (`app`); none where the first screen shows none (dat.GUI's example, the
// JSONEditor examples without a heading, Tk programs without a window manager's title bar).

/** TodoMVC's examples: the app's header ("todos"), or the example's name heading the sidebar. */
const todoMvc = (/** @type {string[]} */ ...example) => ['todos', 'TodoMVC', ...example];

/** Tk's widget demo, headed by its title. */
const TK_WIDGET_DEMO = ['Tk Widget Demonstrations'];

/**
 * Typing at a person's pace, pausing after each word: the screen stands still long enough
 * there for a change to settle mid-text.
 * @param {import('@playwright/test').Page} page @param {string} text
 */
const typeSlowly = async (page, text) => {
  for (const word of text.split(/(?<= )/)) {
    await page.keyboard.type(word, { delay: KEY_MS });
    if (word.endsWith(' ')) await page.waitForTimeout(WORD_PAUSE_MS);
  }
};

/** A todo added in a TodoMVC implementation: typed into the new-todo field, then Enter. */
const addTodo = (/** @type {string} */ value) =>
  /** @type {Step} */ ({
    verb: 'type',
    label: 'What needs to be done',
    value,
    do: async (page) => {
      await page.click('#new-todo');
      await typeSlowly(page, value);
      await page.keyboard.press('Enter');
    },
  });
const toggleTodo = (/** @type {string} */ label) =>
  /** @type {Step} */ ({
    verb: 'toggle',
    label,
    do: (page) => page.locator('#todo-list li', { hasText: label }).locator('.toggle').click(),
  });
const clickText = (/** @type {string} */ label, /** @type {string} */ selector) =>
  /** @type {Step} */ ({ verb: 'click', label, do: (page) => page.locator(selector).first().click() });

/** A field typed into after a click in it. @param {string} label @param {string} selector @param {string} value @returns {Step} */
const typeInto = (label, selector, value) => ({
  verb: 'type',
  label,
  value,
  do: async (page) => {
    await page.click(selector);
    await typeSlowly(page, value);
  },
});

/** A click on a Tk widget. @param {string} label @param {string} widget @returns {DesktopStep} */
const desktopClick = (label, widget) => ({ verb: 'click', label, do: (desktop) => desktop.click(widget) });
/** Typing into a Tk entry after clicking it. @param {string} label @param {string} widget @param {string} value @returns {DesktopStep} */
const desktopType = (label, widget, value) => ({
  verb: 'type',
  label,
  value,
  do: async (desktop) => {
    await desktop.click(widget);
    await desktop.type(value);
  },
});

/**
 * Tk's widget demo on the right of the screen. Each demo opens its own window; with no window
 * manager on the bare screen, the demo's own +300+300 would put it over the app's window,
 * where a person would not keep it: `demoAt` is where a window manager would place it
 * instead. `setup`: Tcl run first, as a person arranging the window would.
 * @param {string} demoAt @param {string} [setup] @returns {import('./desktop.mjs').Program}
 */
const widgetDemo = (demoAt, setup) => ({
  script: 'widget',
  at: [660, 40],
  then: `${setup ? `${setup}; ` : ''}proc positionWindow w {wm geometry $w ${demoAt}}`,
});
/**
 * A link in the widget demo's text that opens demo `name`: its words hovered red, then clicked
 * `chars` letters in. @param {string} label @param {string} name @param {number} chars @returns {DesktopStep}
 */
const demoLink = (label, name, chars) => ({
  verb: 'click',
  label,
  do: (desktop) => desktop.click('.t', { part: `.t bbox "[lindex [.t tag ranges demo-${name}] 0] + ${chars} chars"` }),
});

/** The widget demo's themed notebook (its "Notebook widget" demo). */
const NOTEBOOK = '.ttknote.f.note';
/**
 * Tab `index` of the widget demo's themed notebook, clicked in its middle: ttk has no box for a
 * tab, so its span is found by asking the notebook which tab lies under each point of its top
 * row. @param {string} label @param {number} index @returns {DesktopStep}
 */
const notebookTab = (label, index) => ({
  verb: 'click',
  label,
  do: (desktop) =>
    desktop.click(NOTEBOOK, {
      part: `apply {{nb i} {
        set x0 -1
        set x1 -1
        for {set x 0} {$x < [winfo width $nb]} {incr x} {
          if {[$nb identify tab $x 12] eq $i} {
            if {$x0 < 0} {set x0 $x}
            set x1 $x
          }
        }
        list $x0 0 [expr {$x1 - $x0}] 24
      }} ${NOTEBOOK} ${index}`,
    }),
});

/**
 * A field typed over as a person does it: a click in it, its text selected, the new value
 * typed, then `key` (Enter to set it, Tab to move on).
 * @param {import('@playwright/test').Locator} field @param {string} value @param {string} key
 */
const typeOver = async (field, value, key) => {
  const page = field.page();
  await field.click();
  await page.keyboard.press('Control+A');
  await typeSlowly(page, value);
  await page.keyboard.press(key);
};

/** A dat.gui controller row by its name. @param {import('@playwright/test').Page} page @param {string} name */
const guiRow = (page, name) => page.locator('li.cr', { has: page.locator(`.property-name:text-is("${name}")`) });

/**
 * A dat.gui text or number field typed over as a person does it: a click in it, its text
 * selected, the new value typed, Enter.
 * @param {string} name @param {string} value @returns {Step}
 */
const guiTypeOver = (name, value) => ({
  verb: 'type',
  label: name,
  value,
  do: (page) => typeOver(guiRow(page, name).locator('input'), value, 'Enter'),
});

/**
 * A native select chosen as a person does it: a click opens its list (drawn by the
 * browser, outside the captured page), typing the option's first letters picks it,
 * Enter closes the list.
 * @param {import('@playwright/test').Locator} row @param {string} option
 */
const chooseByKeys = async (row, option) => {
  await row.locator('select').click();
  await row.page().waitForTimeout(300);
  await row.page().keyboard.type(option.slice(0, 2), { delay: KEY_MS });
  await row.page().keyboard.press('Enter');
};

/** Clicks the expand arrow of a JSONEditor tree field. @param {import('@playwright/test').Page} page @param {string} field */
const expandField = (page, field) =>
  page
    .locator('table.jsoneditor-values tr', {
      has: page.locator('div.jsoneditor-field', { hasText: new RegExp(`^${field}$`) }),
    })
    .locator('button.jsoneditor-collapsed')
    .click();

/** Expanding a JSONEditor tree field: a person says "click array". @param {string} field @returns {Step} */
const expandStep = (field) => ({ verb: 'click', label: field, do: (page) => expandField(page, field) });

/** A JSONEditor tree row by its field name. @param {import('@playwright/test').Page} page @param {string} field */
const treeRow = (page, field) =>
  page.locator('table.jsoneditor-values', {
    has: page.locator('div.jsoneditor-field', { hasText: new RegExp(`^${field}$`) }),
  });

/**
 * A JSONEditor tree value typed over as a person does it: a click in it, its text
 * selected, the new value typed, then Tab on to the next field.
 * @param {string} field @param {string} value @returns {Step}
 */
const treeTypeOver = (field, value) => ({
  verb: 'type',
  label: field,
  value,
  do: (page) => typeOver(treeRow(page, field).locator('div.jsoneditor-value'), value, 'Tab'),
});

/** @type {WebWorkflow[]} */
export const WEB_CORPUS = [
  {
    id: 'todomvc-vanilla-add-complete-filter',
    ui: 'TodoMVC (VanillaJS)',
    half: 'tuned',
    app: todoMvc('Vanilla JavaScript Example', 'JavaScript'),
    page: 'todomvc/examples/vanillajs/index.html',
    steps: [
      addTodo('Buy milk'),
      addTodo('Walk the dog'),
      toggleTodo('Buy milk'),
      clickText('Active', 'a[href="#/active"]'),
    ],
  },
  {
    id: 'todomvc-vanilla-complete-show-completed',
    ui: 'TodoMVC (VanillaJS)',
    half: 'held-out',
    app: todoMvc('Vanilla JavaScript Example', 'JavaScript'),
    page: 'todomvc/examples/vanillajs/index.html',
    steps: [
      addTodo('Read a book'),
      addTodo('Cook dinner'),
      toggleTodo('Cook dinner'),
      clickText('Completed', 'a[href="#/completed"]'),
    ],
  },
  {
    id: 'todomvc-backbone-clear-completed',
    ui: 'TodoMVC (Backbone.js)',
    half: 'held-out',
    app: todoMvc('Backbone.js'),
    page: 'todomvc/examples/backbone/index.html',
    steps: [
      addTodo('Call mom'),
      addTodo('Pay rent'),
      toggleTodo('Call mom'),
      clickText('Clear completed', '#clear-completed'),
    ],
  },
  {
    id: 'todomvc-backbone-filters',
    ui: 'TodoMVC (Backbone.js)',
    half: 'tuned',
    app: todoMvc('Backbone.js'),
    page: 'todomvc/examples/backbone/index.html',
    steps: [
      addTodo('Feed the cat'),
      addTodo('Water plants'),
      toggleTodo('Water plants'),
      clickText('Completed', 'a[href="#/completed"]'),
      clickText('All', 'a[href="#/"]'),
    ],
  },
  {
    // Added in the ninth session to widen the tuned half (see datgui-number-nested-folders).
    id: 'todomvc-vue-add-filter-clear',
    ui: 'TodoMVC (Vue.js)',
    half: 'tuned',
    app: todoMvc('Vue.js'),
    page: 'todomvc/examples/vue/index.html',
    steps: [
      addTodo('Book flights'),
      addTodo('Pack bags'),
      toggleTodo('Book flights'),
      clickText('Active', 'a[href="#/active"]'),
      clickText('Clear completed', '#clear-completed'),
    ],
  },
  {
    // Added in the twenty-sixth session to widen the tuned half (its first figures are measured
    // on the code the session started from): the first item toggled, its list cleared of it.
    id: 'todomvc-knockout-toggle-first-clear',
    ui: 'TodoMVC (Knockout)',
    half: 'tuned',
    app: todoMvc('Knockout.js'),
    page: 'todomvc/examples/knockoutjs/index.html',
    steps: [
      addTodo('Renew passport'),
      addTodo('Buy stamps'),
      toggleTodo('Renew passport'),
      clickText('Clear completed', '#clear-completed'),
    ],
  },
  {
    // Added with the one above: both items toggled, the first back again, then the filters.
    id: 'todomvc-angular-toggle-back-filters',
    ui: 'TodoMVC (AngularJS)',
    half: 'tuned',
    app: todoMvc('AngularJS'),
    page: 'todomvc/examples/angularjs/index.html',
    steps: [
      addTodo('Email Sam'),
      addTodo('Fix the sink'),
      toggleTodo('Email Sam'),
      toggleTodo('Fix the sink'),
      toggleTodo('Email Sam'),
      clickText('Active', 'a[href="#/active"]'),
      clickText('All', 'a[href="#/"]'),
    ],
  },
  {
    id: 'datgui-toggle-choose-open',
    ui: 'dat.GUI example (11 px white on black)',
    half: 'tuned',
    app: [],
    page: 'dat.gui/example.html',
    steps: [
      {
        verb: 'toggle',
        label: 'displayOutline',
        do: (page) => guiRow(page, 'displayOutline').locator('input').click(),
      },
      { verb: 'choose', label: 'speed', value: 'Slow', do: (page) => chooseByKeys(guiRow(page, 'speed'), 'Slow') },
      { verb: 'click', label: 'Colors', do: (page) => page.locator('.title:text-is("Colors")').click() },
      {
        verb: 'click',
        label: 'Button with a long description',
        do: (page) => guiRow(page, 'Button with a long description').click(),
      },
    ],
  },
  {
    id: 'datgui-message-type-close',
    ui: 'dat.GUI example (11 px white on black)',
    half: 'held-out',
    app: [],
    page: 'dat.gui/example.html',
    steps: [
      guiTypeOver('message', 'Good morning'),
      { verb: 'choose', label: 'type', value: 'two', do: (page) => chooseByKeys(guiRow(page, 'type'), 'two') },
      {
        verb: 'click',
        label: 'Another Folder',
        do: (page) => page.locator('.title:text-is("Another Folder")').click(),
      },
      { verb: 'click', label: 'Close Controls', do: (page) => page.locator('.close-button').click() },
    ],
  },
  {
    // Added in the ninth session to widen the tuned half (its first figures are measured
    // on the code the session started from): numbers typed over a field's old value, and
    // folders inside folders.
    id: 'datgui-number-nested-folders',
    ui: 'dat.GUI example (11 px white on black)',
    half: 'tuned',
    app: [],
    page: 'dat.gui/example.html',
    steps: [
      guiTypeOver('height', '25'),
      {
        verb: 'click',
        label: 'Another Folder',
        do: (page) => page.locator('.title:text-is("Another Folder")').click(),
      },
      { verb: 'click', label: 'Nested Folder', do: (page) => page.locator('.title:text-is("Nested Folder")').click() },
      guiTypeOver('growthSpeed', '0.5'),
    ],
  },
  {
    id: 'tablesort-sort-three-columns',
    ui: 'tablesort demo',
    half: 'tuned',
    app: ['tablesort'],
    page: 'tablesort/_site/demo/index.html',
    steps: ['Name', 'Price', 'Birthday'].map((label) => clickText(label, `table th:text-is("${label}")`)),
  },
  {
    id: 'tablesort-sort-other-columns',
    ui: 'tablesort demo',
    half: 'held-out',
    app: ['tablesort'],
    page: 'tablesort/_site/demo/index.html',
    steps: ['Filesize', 'Grocery item', 'Version'].map((label) => clickText(label, `table th:text-is("${label}")`)),
  },
  {
    id: 'jsoneditor-expand-switch-mode',
    ui: 'JSONEditor (switch mode example)',
    half: 'tuned',
    app: [],
    page: 'jsoneditor/examples/03_switch_mode.html',
    steps: [
      expandStep('array'),
      expandStep('object'),
      { verb: 'click', label: 'Tree', do: (page) => page.locator('button.jsoneditor-modes').click() },
      {
        verb: 'click',
        label: 'Code',
        do: (page) =>
          page
            .locator('.jsoneditor-contextmenu button', { hasText: /^Code$/ })
            .first()
            .click(),
      },
    ],
  },
  {
    // Added in the eighteenth session to widen the tuned half: values typed over in a tree,
    // a tiny select, a checkbox, and warnings that come and go as the values change.
    id: 'jsoneditor-schema-fix-values',
    ui: 'JSONEditor (JSON schema validation example)',
    half: 'tuned',
    app: ['JSON schema validation'],
    page: 'jsoneditor/examples/07_json_schema_validation.html',
    steps: [
      treeTypeOver('firstName', 'Ada'),
      {
        verb: 'choose',
        label: 'gender',
        value: 'female',
        do: (page) => chooseByKeys(treeRow(page, 'gender'), 'female'),
      },
      {
        verb: 'toggle',
        label: 'availableToHire',
        do: (page) => treeRow(page, 'availableToHire').locator('input').click(),
      },
      expandStep('job'),
      treeTypeOver('salary', '150'),
    ],
  },
  {
    // Added in the nineteenth session to widen the tuned half: a documentation page (a fixed
    // sidebar and header, sticky section titles, code samples between the examples), a field
    // named by the label above it, a page scrolled by the wheel, a radio button, a sidebar
    // section opened, a search field named by its placeholder.
    id: 'spectre-docs-form-scroll',
    ui: 'Spectre.css docs (forms page)',
    half: 'tuned',
    app: ['Spectre', 'Forms'],
    page: 'spectre.css/docs/elements/forms.html',
    steps: [
      typeInto('Name', '#input-example-1', 'Ada Lovelace'),
      {
        // A flick of the wheel: 17 notches of 100 px in about a second, down to the radio buttons.
        verb: 'scroll',
        label: 'Female',
        do: async (page) => {
          for (let notch = 0; notch < 17; notch++) {
            await page.mouse.wheel(0, 100);
            await page.waitForTimeout(60);
          }
        },
      },
      {
        verb: 'toggle',
        label: 'Female',
        do: (page) => page.locator('label.form-radio', { hasText: 'Female' }).first().click(),
      },
      clickText('Components', 'label[for="accordion-components"]'),
      typeInto('Search Docs', 'input.docs-search', 'modal'),
    ],
  },
  {
    // Added in the nineteenth session with the forms page: sections that open under their
    // headings (one with an arrow, one without), a link to another page, a white-on-blue
    // button that opens a dialog over the page, and the dialog's own Close.
    id: 'spectre-docs-accordion-modal',
    ui: 'Spectre.css docs (accordions and modals pages)',
    half: 'tuned',
    app: ['Spectre', 'Accordions'],
    page: 'spectre.css/docs/components/accordions.html',
    steps: [
      clickText('Layout', 'label[for="accordion-2"]'),
      clickText('Components', 'label[for="accordion-6"]'),
      clickText('Modals', '.docs-sidebar a[href="../components/modals.html"]'),
      clickText('Open Modal', 'a[href="#example-modal-1"]'),
      clickText('Close', '#example-modal-1 .modal-footer a.btn-link'),
    ],
  },
  {
    id: 'jsoneditor-set-and-expand',
    ui: 'JSONEditor (basic usage example)',
    half: 'held-out',
    app: [],
    page: 'jsoneditor/examples/01_basic_usage.html',
    steps: [clickText('Set JSON', '#setJSON'), expandStep('array'), expandStep('object')],
  },
];

/** @type {DesktopWorkflow[]} */
export const DESKTOP_CORPUS = [
  {
    id: 'desktop-rolodex-fill-search-delete',
    ui: 'Tk rolodex (desktop program, whole screen shared)',
    half: 'tuned',
    app: [],
    program: { script: 'rolodex', at: [660, 40] },
    steps: [
      desktopType('Name', '.frame.entry1', 'Ada Lovelace'),
      desktopType('Home Phone', '.frame.entry5', '555-0100'),
      // Search fills every field of the card at once: content that appears, not typing.
      desktopClick('Search', '.buttons.search'),
      desktopClick('Delete', '.buttons.delete'),
      // tk_dialog's only button, in a dialog window of its own.
      desktopClick('Cancel', '.delete.button0'),
    ],
  },
  {
    id: 'desktop-widget-checkbuttons',
    ui: 'Tk widget demo (desktop program, whole screen shared)',
    half: 'tuned',
    app: TK_WIDGET_DEMO,
    program: widgetDemo('+690+360'),
    steps: [
      demoLink('Check-buttons', 'check', 8),
      { verb: 'toggle', label: 'Wipers OK', do: (desktop) => desktop.click('.check.b1') },
      { verb: 'toggle', label: 'Driver Sober', do: (desktop) => desktop.click('.check.b3') },
      desktopClick('Dismiss', '.check.buttons.dismiss'),
    ],
  },
  {
    // Added in the seventeenth session with the check buttons above, to widen the tuned
    // desktop half: a field named by its frame's caption, and a choice from a drop-down list
    // that opens as a window of its own.
    id: 'desktop-widget-combo-boxes',
    ui: 'Tk widget demo (desktop program, whole screen shared)',
    half: 'tuned',
    // Taller, as a person would make it to see the demo's link without scrolling.
    app: TK_WIDGET_DEMO,
    program: widgetDemo('+690+300', 'wm geometry . 620x740'),
    steps: [
      demoLink('Combo-boxes', 'combo', 6),
      {
        verb: 'type',
        label: 'Fully Editable',
        value: 'Grace Hopper',
        do: async (desktop) => {
          await desktop.click('.combo.f.c1.c');
          await desktop.type('Grace Hopper');
          await desktop.press('Enter');
        },
      },
      {
        verb: 'choose',
        label: 'Defined List Only',
        value: 'Perth',
        // ttk's drop-down list is a window of its own under the box, open until a city is clicked.
        do: async (desktop) => {
          await desktop.click('.combo.f.c3.c');
          await desktop.wait(700);
          const list = '.combo.f.c3.c.popdown.f.l';
          await desktop.click(list, { part: `${list} bbox 3` });
        },
      },
      desktopClick('Dismiss', '.combo.buttons.dismiss'),
    ],
  },
  {
    // Added in the twenty-eighth session to widen the tuned desktop half (its first figures are
    // measured on the code the session started from): radio buttons in groups framed by their
    // captions, one group drawn as push buttons.
    id: 'desktop-widget-radiobuttons',
    ui: 'Tk widget demo (desktop program, whole screen shared)',
    half: 'tuned',
    app: TK_WIDGET_DEMO,
    program: widgetDemo('+690+330'),
    steps: [
      demoLink('Radio-buttons', 'radio', 8),
      { verb: 'toggle', label: 'Point Size 18', do: (desktop) => desktop.click('.radio.left.b18') },
      { verb: 'toggle', label: 'Blue', do: (desktop) => desktop.click('.radio.mid.blue') },
      desktopClick('Bottom', '.radio.right.bottom'),
      desktopClick('Dismiss', '.radio.buttons.dismiss'),
    ],
  },
  {
    // Added in the twenty-ninth session to widen the tuned desktop half (its first figures are
    // measured on the code the session started from): a themed notebook's tabs, and typing in
    // a multi-line text widget, on a demo the list was scrolled to first.
    id: 'desktop-widget-notebook',
    ui: 'Tk widget demo (desktop program, whole screen shared)',
    half: 'tuned',
    // Scrolled to its notebook demos: the heading over them is the first screen's.
    app: [...TK_WIDGET_DEMO, 'Paned Windows and Notebooks'],
    program: widgetDemo('+690+300', '.t see [lindex [.t tag ranges demo-ttknote] 0]'),
    steps: [
      demoLink('Notebook widget', 'ttknote', 8),
      notebookTab('Text Editor', 2),
      desktopType('Text Editor', '.ttknote.f.note.editor.t', 'Meeting at noon'),
      notebookTab('Description', 0),
      desktopClick('Dismiss', '.ttknote.seeDismiss.dismiss'),
    ],
  },
  {
    id: 'desktop-ixset-repeat-saver-apply',
    ui: 'Tk ixset (desktop program, whole screen shared)',
    half: 'held-out',
    app: [],
    program: { script: 'ixset', at: [660, 40] },
    steps: [
      { verb: 'toggle', label: 'On', do: (desktop) => desktop.click('.kbd.val.onoff') },
      desktopClick('Pattern', '.screen.pat'),
      {
        verb: 'type',
        label: 'Timeout',
        value: '300',
        // A triple click selects the field's value, so typing replaces it.
        do: async (desktop) => {
          await desktop.click('.screen.tim.entry', { count: 3 });
          await desktop.type('300');
        },
      },
      desktopClick('Apply', '.buttons.apply'),
    ],
  },
];

/** @type {Workflow[]} */
export const CORPUS = [...WEB_CORPUS, ...DESKTOP_CORPUS];
