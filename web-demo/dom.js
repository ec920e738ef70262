// Tiny DOM helpers. Text is always set with textContent: user data is never parsed as HTML.

/** el('td', {className: 'x', text: 'value', title: '…'}, child…) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function setText(node, text) {
  node.textContent = text ?? '';
}

export function setList(list, items, render = (item) => el('li', { text: item })) {
  list.replaceChildren(...items.map(render));
}

export function show(node, visible) {
  node.hidden = !visible;
}

let copyTimer = 0;
/** Copies text to the clipboard; reports the outcome in `statusNode`. */
export async function copyText(text, statusNode, what) {
  try {
    await navigator.clipboard.writeText(text);
    statusNode.textContent = `${what} copied.`;
  } catch {
    statusNode.textContent = `Could not copy automatically: select the ${what} text and copy it.`;
  }
  clearTimeout(copyTimer);
  copyTimer = setTimeout(() => { statusNode.textContent = ''; }, 3000);
}
