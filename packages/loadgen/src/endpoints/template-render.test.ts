import { describe, expect, it } from 'vitest';
import { compilePayloadTemplate } from './template-render.js';

describe('payload templates', () => {
  it('renders JSON with escaping, loops and conditionals; loop/set names and filters are not placeholders', () => {
    const source = '{% set n = passages|length %}{"q": {{ query|tojson }}, "docs": [{% for p in passages %}{"i": {{ loop.index0 }}, "t": {{ p|tojson }}}{% if not loop.last %},{% endif %}{% endfor %}], "n": {{ n }}{% if max_tokens is not none %}, "max": {{ max_tokens }}{% endif %}}';
    const template = compilePayloadTemplate(source, 'x');
    expect(template.render({ query: 'say "hi"', passages: ['a', 'b\n'], max_tokens: 5 })).toEqual({
      q: 'say "hi"', docs: [{ i: 0, t: 'a' }, { i: 1, t: 'b\n' }], n: 2, max: 5,
    });
    expect(template.render({ query: 'q', passages: [], max_tokens: null })).toEqual({ q: 'q', docs: [], n: 0 });
  });

  it('names every unknown placeholder, the setting, and what is allowed', () => {
    expect(() => compilePayloadTemplate('{"a": {{ prompt_text }}, "b": {{ modle.name }}}', '--extra-inputs payload_template')).toThrow(
      /^--extra-inputs payload_template: unknown placeholder "prompt_text", "modle"; allowed: text, texts, prompt/,
    );
    expect(() => compilePayloadTemplate('{"a": {{ text ', 's')).toThrow(/^s: the template does not parse/);
  });

  it('expands the named nv-embedqa template', () => {
    expect(compilePayloadTemplate('nv-embedqa', 's').render({ texts: ['a', 'b'] })).toEqual({ text: ['a', 'b'] });
  });
});
