// The page's one `state` object and one `elements` object, shared by every module.
// User data reaches the DOM only through textContent/value (see dom.js), never as HTML.

export const state = {
  hooksmith: null,     // the API object of the Wasm library
  echoUrl: null,       // the demo server's echo receiver, from /demo-config.json
  reveal: false,       // show secrets (URL password, Basic credentials, signing secret)
  revealBasic: false,  // show the decoded Basic password only
  corsOrigin: '',      // the page origin the CORS panel assumes; '' = this page's
  config: {
    method: 'POST',
    url: '',
    contentType: 'application/json',
    bodyMode: 'data',  // 'data' (key/value pairs) or 'raw' (a body template)
    body: '',
    data: [],          // [{key, value, type}]
    headers: [],       // [{name, value}]
    missing: 'suppress',
    signing: { enabled: false, secret: '', id: '' },
    linkedData: [],    // [{name, url, headers: "Name: value" lines, extra}] (linked-data.js)
    extra: {},         // config members the editor has no control for (e.g. retry), kept as loaded
  },
  configJsonEdited: false,  // the config JSON box holds edits not applied yet
  userIndex: 0,
  contextText: '{}',
  preview: {
    configText: null,  // the config JSON the compiled webhook was made from
    webhook: null,     // compiled webhook, or null after a compile error
    compileError: null,  // the HooksmithError compiling configText gave
    request: null,     // the last rendered (exact, unmasked) request
    error: null,       // the last HooksmithError (compile or render)
    curl: null,        // exports of `request`, masked unless state.reveal
    http: null,
  },
  send: { running: false, controller: null },
  batch: { running: false, controller: null },
};

// Every static element with an id, keyed by camelCased id; rows created later are kept in
// elements.dataRows / elements.headerRows.
export const elements = {
  dataRows: [],
  headerRows: [],
  linkedRows: [],
};

export function collectElements(root = document) {
  for (const node of root.querySelectorAll('[id]')) {
    elements[node.id.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())] = node;
  }
}
