import { readFileSync } from 'node:fs';
import { languageFromLocale, resolveLanguage } from '../../src/i18n/resolve-language';
import { matchCommand } from '../../src/routes/match-command';
import { parseAdminCommand } from '../../src/routes/parse-admin-command';
import { parsePulseCommand } from '../../src/routes/parse-pulse-command';

describe('language from the Teams locale', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['nn-NO', 'nn'],
    ['NN', 'nn'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['sv-SE', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });

  it('prefers the user choice, then the locale, then the default', () => {
    expect(resolveLanguage('nn', 'en-GB', 'nb')).toBe('nn');
    expect(resolveLanguage(undefined, 'en-GB', 'nb')).toBe('en');
    expect(resolveLanguage(undefined, 'de-DE', 'nn')).toBe('nn');
  });
});

describe('commands', () => {
  it.each([
    ['hjelp', 'help'],
    ['  HJELP!  ', 'help'],
    ['Help', 'help'],
    ['«hjelp»', 'help'],
    ['språk', 'language'],
    ['Sprak', 'language'],
    ['vel språk', 'language'],
    ['language.', 'language'],
  ])('"%s" is %s', (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  it('does not mistake a question for a command', () => {
    expect(matchCommand('hjelp, jeg har klikket på en lenke')).toBeUndefined();
    expect(matchCommand('hvilket språk bruker du?')).toBeUndefined();
    expect(matchCommand('')).toBeUndefined();
  });

  it('reads admin commands of exactly their own length, and a longer message as no command', () => {
    expect(parseAdminCommand('Send passwords')).toEqual({ verb: 'send', theme: 'passwords' });
    expect(parseAdminCommand('forhåndsvis 3')).toEqual({ verb: 'preview', theme: 'login-via-links' });
    expect(parseAdminCommand('send passwords now')).toBeUndefined();
    expect(parseAdminCommand('send')).toBeUndefined();
    expect(parsePulseCommand('send puls før')).toEqual({ verb: 'send', phase: 'before' });
    expect(parsePulseCommand('preview pulse')).toEqual({ verb: 'preview', phase: undefined });
    expect(parsePulseCommand('send puls før i dag')).toBeUndefined();
    expect(parsePulseCommand('send puls etter ferien')).toBeUndefined();
  });
});

describe('the manifest command list', () => {
  it('only offers commands the bot understands, in every language', () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(`${__dirname}/../../appPackage/${name}`, 'utf8')) as Record<string, unknown>;
    const manifest = read('manifest.json') as { bots: { commandLists: { commands: { title: string }[] }[] }[] };
    const titles = manifest.bots.flatMap((bot) =>
      bot.commandLists.flatMap((list) => list.commands.map((c) => c.title)),
    );
    for (const file of ['nn.json', 'en.json']) {
      for (const [key, value] of Object.entries(read(file)))
        if (/commands\[\d+\]\.title$/.test(key)) titles.push(String(value));
    }
    expect(titles.length).toBeGreaterThanOrEqual(6);
    expect(titles.filter((title) => matchCommand(title) === undefined)).toEqual([]);
  });
});
