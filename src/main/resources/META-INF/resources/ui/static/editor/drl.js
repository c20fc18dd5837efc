// A tiny DRL highlighter: no published highlighter (highlight.js, Prism) has a DRL grammar, so one
// would be written either way; this one knows DRL's comments, strings, numbers, annotations and
// keywords, and makes text nodes and spans only (the source is never parsed as markup).
const KEYWORDS = new Set(('package import rule when then end salience no-loop lock-on-active agenda-group '
  + 'activation-group dialect global function query declare extends not exists forall from collect '
  + 'accumulate eval modify insert insertLogical retract update delete true false null and or over '
  + 'this matches memberOf contains in new return if else enabled date-effective date-expires duration timer').split(' '));
const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(@[A-Za-z_][\w.]*)|(\b\d+(?:\.\d+)?[LlDdFf]?\b)|([A-Za-z_][\w-]*[\w]|[A-Za-z_])/g;

export function highlightDrl(text) {
  const out = [];
  const tokens = new RegExp(TOKEN.source, 'g');
  let last = 0;
  let m;
  while ((m = tokens.exec(text)) !== null) {
    const [token, comment, string, annotation, number, word] = m;
    let kind = comment ? 'com' : string ? 'str' : annotation ? 'ann' : number ? 'num' : null;
    let shown = token;
    if (word) {
      // a hyphenated keyword (no-loop) is one token; any other hyphen is an operator
      if (KEYWORDS.has(word)) kind = 'kw';
      else if (word.includes('-')) { shown = word.slice(0, word.indexOf('-')); if (KEYWORDS.has(shown)) kind = 'kw'; }
    }
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    if (kind) {
      const span = document.createElement('span');
      span.className = 'tok-' + kind;
      span.textContent = shown;
      out.push(span);
    } else {
      out.push(document.createTextNode(shown));
    }
    last = m.index + shown.length;
    tokens.lastIndex = last;
  }
  out.push(document.createTextNode(text.slice(last)));
  return out;
}
