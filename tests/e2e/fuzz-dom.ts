/**
 * Random article pages for fuzzing the highlight path in a real browser (tests/e2e/hostile.ts). Made in Node
 * with fast-check: blocks of article sentences with figures, cut at random points into nested inline
 * elements, odd whitespace, hidden elements, comments, scripts, form fields, editable regions and open
 * shadow roots (declarative, with and without slotted content).
 */
import fc from 'fast-check';

const SENTENCES = [
  'A report by blockchain analysis firm Chainalysis has stated that North Korea was behind at least seven attacks on different cryptocurrency exchanges, resulting in nearly $400 million worth of digital assets being stolen.',
  'Attacks linked with North Korean hackers jumped from four to seven in 2021.',
  'With nearly $400 million worth of crypto assets stolen, 2020 was among the most successful years for the notorious North Korean-based hackers.',
  'From 2020 to 2021, the value extracted from these hacks grew by 40 percent.',
  'Three North Korean Computer Programmers were charged for a hacking spree that reportedly stole over $1.3 billion in fiat and crypto.',
  'Liquid.com was one such target, which back in September had stated that some of its wallets had been compromised.',
  'Hackers stole $5 million, 12 percent of the reserves, on 3 March 2022.',
  'Chainalysis also identified $170 million of unlaundered cryptocurrency holdings from 49 separate hacks.',
  'The hackers mostly use tried and tested methods such as code exploits, malware and phishing.',
];
const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a', 'code', 'small', 'mark', 'u', 'abbr'] as const;
/** Things that are not article text: none may be read or highlighted. */
const EXTRAS = [
  '<span hidden>hidden: $900 million in 2021</span>',
  '<span style="display:none">not shown: $800 million in 2021</span>',
  '<span aria-hidden="true">aria-hidden: $700 million in 2021</span>',
  '<span style="visibility:hidden">invisible: $600 million</span>',
  '<!-- a comment: $7 million in 2021 -->',
  '<script>var hidden = "$9 million in 2021";</script>',
  '<textarea>typed: $4 million in 2021</textarea>',
  '<input value="$3 million in 2021">',
  '<span contenteditable="true">editable: $2 million in 2021</span>',
  '<br>',
  '<span></span>',
  ' ',
  '\n  ',
  '<wbr>',
  '<img alt="$1 million" src="data:,">',
] as const;
const CONTAINERS = ['p', 'div', 'li', 'blockquote', 'h2', 'td', 'figcaption', 'nested', 'shadow', 'slotted'] as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const paragraphArb = fc.record({
  sentences: fc.array(fc.nat(SENTENCES.length - 1), { minLength: 1, maxLength: 2 }),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 399 }), { maxLength: 7 }),
  wraps: fc.array(fc.array(fc.constantFrom(...INLINE), { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
  extras: fc.array(fc.record({ at: fc.nat(7), extra: fc.nat(EXTRAS.length - 1) }), { maxLength: 3 }),
  space: fc.constantFrom('normal', 'doubled', 'newlines', 'nbsp'),
});
export const blockArb = fc.record({ container: fc.constantFrom(...CONTAINERS), paragraph: paragraphArb, hidden: fc.boolean() });
export const treeArb = fc.array(blockArb, { minLength: 1, maxLength: 7 });
type Paragraph = typeof paragraphArb extends fc.Arbitrary<infer T> ? T : never;
export type Tree = typeof treeArb extends fc.Arbitrary<infer T> ? T : never;

function paragraphHtml(p: Paragraph): string {
  let text = p.sentences.map((i) => SENTENCES[i]!).join(' ');
  if (p.space === 'doubled') text = text.replace(/ /g, (m, at: number) => (at % 3 ? m : '  '));
  if (p.space === 'newlines') text = text.replace(/ /g, (m, at: number) => (at % 4 ? m : '\n   '));
  const cuts = [...new Set(p.cuts.map((c) => c % text.length).filter((c) => c > 0))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, text.length];
  const parts: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let seg = escape(text.slice(bounds[i]!, bounds[i + 1]!));
    if (p.space === 'nbsp') seg = seg.replace(/ million/g, '&nbsp;million');
    for (const tag of p.wraps[i % p.wraps.length]!) seg = tag === 'a' ? `<a href="#x">${seg}</a>` : `<${tag}>${seg}</${tag}>`;
    parts.push(seg);
    for (const e of p.extras) if (e.at === i) parts.push(EXTRAS[e.extra]!);
  }
  return parts.join('');
}

export function treeHtml(tree: Tree): string {
  return tree.map((b) => {
    const inner = paragraphHtml(b.paragraph);
    const hide = b.hidden ? ' style="display:none"' : '';
    switch (b.container) {
      case 'li': return `<ul${hide}><li>${inner}</li></ul>`;
      case 'td': return `<table${hide}><tbody><tr><td>${inner}</td><td>·</td></tr></tbody></table>`;
      case 'figcaption': return `<figure${hide}><figcaption>${inner}</figcaption></figure>`;
      case 'blockquote': return `<blockquote${hide}><p>${inner}</p></blockquote>`;
      case 'nested': return `<div${hide}><div><section><p>${inner}</p></section></div></div>`;
      case 'shadow': return `<div class="host"${hide}><template shadowrootmode="open"><p>${inner}</p></template></div>`;
      case 'slotted': return `<div class="host"${hide}><template shadowrootmode="open"><p>From the shadow: <slot></slot> (end).</p></template><span>${inner}</span></div>`;
      default: return `<${b.container}${hide}>${inner}</${b.container}>`;
    }
  }).join('\n');
}

/**
 * In the page (main world): the body as a tree of nodes (text node boundaries included), open shadow roots
 * included, our tooltip host left out; plus the body's textContent and the text with shadow roots.
 */
export const SNAPSHOT_JS = `function __llSnapshot() {
  var text = [];
  function ser(n) {
    if (n.nodeType === 3) { text.push(n.data); return JSON.stringify(n.data); }
    if (n.nodeType === 8) return '<!--' + n.data + '-->';
    if (n.nodeType !== 1) return '';
    if (n.localName === 'ledgerlens-tooltip') return '';
    var attrs = Array.from(n.attributes).map(function (a) { return a.name + '=' + JSON.stringify(a.value); }).join(' ');
    var out = '<' + n.localName + (attrs ? ' ' + attrs : '') + '>';
    if (n.shadowRoot) out += '#shadow(' + Array.from(n.shadowRoot.childNodes).map(ser).join('') + ')';
    return out + Array.from(n.childNodes).map(ser).join('') + '</' + n.localName + '>';
  }
  var tree = ser(document.body);
  return { tree: tree, deepText: text.join(''), text: document.body.textContent };
}`;

export function fuzzPage(n: number, tree: Tree): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta property="article:published_time" content="2022-01-14T11:30:00+00:00">
<title>Fuzz case ${n}</title></head><body><article><h1>Fuzz case ${escape(String(n))}</h1>
${treeHtml(tree)}
</article><script>${SNAPSHOT_JS}\nwindow.__snap0 = __llSnapshot();</script></body></html>`;
}

