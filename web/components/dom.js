// A small element builder. Text goes in as text nodes, never as HTML: network names
// and error messages come from the user's JSON.

// el('td', {className: 'num'}, '384.00') → <td class="num">384.00</td>
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  return fill(node, ...children);
}

// Replace node's children, skipping null, undefined and false (conditional parts).
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}
