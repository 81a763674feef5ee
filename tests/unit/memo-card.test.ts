import { createCardMemo } from '../../src/cards/memo-card';
import type { CardRenderer } from '../../src/cards/render-card';
import type { Catalogue } from '../../src/i18n/catalogue';

const renderer: CardRenderer = (name, data) => ({ type: 'AdaptiveCard', name, body: [{ data }] });
const nb = {} as Catalogue;
const nn = {} as Catalogue;

describe('remembered cards', () => {
  it('renders once per catalogue and key, and hands out a frozen card', () => {
    const memo = createCardMemo();
    let renders = 0;
    const build = (text: string) => () => (renders++, renderer('answer', { text }));
    const first = memo(renderer, nb, 'a', build('A'));
    expect(memo(renderer, nb, 'a', build('other'))).toBe(first);
    expect(renders).toBe(1);
    expect(memo(renderer, nb, 'b', build('B'))).not.toBe(first);
    expect(memo(renderer, nn, 'a', build('A nn'))).toEqual(renderer('answer', { text: 'A nn' }));
    expect(renders).toBe(3);
    expect(() => {
      (first.body as { data: unknown }[])[0]!.data = 'changed';
    }).toThrow(TypeError);
  });
});
