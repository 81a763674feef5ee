import { parseMeetingKitCommand } from '../../src/routes/parse-meeting-kit-command';
import { themes } from '../support/content';

const parse = (text: string) => parseMeetingKitCommand(text, themes);

describe('«møteopplegg [tema]»', () => {
  it('asks without a theme when only the command is written, in any language', () => {
    for (const text of ['møteopplegg', 'Møteopplegget!', 'meeting kit', '  MEETING GUIDE '])
      expect(parse(text)).toEqual({});
  });

  it('finds a theme by number, id or title in nb, nn or en', () => {
    expect(parse('møteopplegg 10')).toEqual({ argument: '10', theme: 'report-it' });
    expect(parse('meeting kit photo-consent')).toEqual({ argument: 'photo-consent', theme: 'photo-consent' });
    expect(parse('møteopplegg: Logg inn via nettsida')?.theme).toBe('login-via-links');
    expect(parse('meeting kit – log in via the website')?.theme).toBe('login-via-links');
  });

  it('keeps what it could not find, so the reply can say so', () => {
    expect(parse('møteopplegg 11')).toEqual({ argument: '11', theme: undefined });
    expect(parse('møteopplegg for lunsjen')).toEqual({ argument: 'for lunsjen', theme: undefined });
  });

  it('leaves other text to other routes', () => {
    for (const text of ['møteoppleggene våre', 'hvordan lager jeg et møteopplegg', 'meeting kits', ''])
      expect(parse(text)).toBeUndefined();
  });
});
